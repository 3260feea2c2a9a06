"""Fit and check the combination of hype's parts: SemEval articles and Webis teasers.

Parts per SemEval article: ``tone`` out-of-fold (5-fold stratified, seed 0: the tone model
is trained on SemEval itself), ``headline`` and ``body`` from models trained on other data
(Webis / Stop Clickbait headlines, NewsSD sentences), so no SemEval label reaches them,
and ``filler`` from the ``filler_score`` formula (``hypescore.model.filler``).

The rule for the weights (``w_h``, ``w_b`` on a 0.1 grid from 0 to 1; tone at 1, since a
fully one-sided article is hype on its own): hype has two labelled views that disagree, so
the weights must keep the headline view's ranking of clickbait teasers (Spearman of hype
against Webis ``truth_mean`` at least ``TEASER_KEEP`` of the headline part's own) and,
among those, give the best AUC of ``hype`` on SemEval. SemEval's AUC is scored nested: the
weights chosen on each training fold, hype scored on its held-out fold.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Any

import numpy as np

from hypescore.model.combination import LEARNED_PARTS, HypeCombination

GRID_STEP = 0.1
TONE_WEIGHT = 1.0
# Hype keeps at least this share of the headline part's ranking of clickbait teasers.
TEASER_KEEP = 0.95


@dataclass(frozen=True)
class TeaserCheck:
    """Parts of headline-only records (teasers fed as ``Article(text=t, title=t)``) and
    their clickbait strength."""

    parts: dict[str, np.ndarray]
    truth: np.ndarray

    def spearman(self, hype: np.ndarray) -> float:
        from scipy.stats import spearmanr

        return float(spearmanr(self.truth, hype)[0])

    def floor(self) -> float:
        """The Spearman hype must reach: ``TEASER_KEEP`` of the headline part's."""
        return TEASER_KEEP * self.spearman(self.parts["headline"])


def weight_grid(step: float = GRID_STEP) -> list[dict[str, float]]:
    """Headline and body weights on a ``step`` grid from 0 to 1, tone at ``TONE_WEIGHT``."""
    n = round(1 / step)
    return [
        {"headline": a / n, "body": b / n, "tone": TONE_WEIGHT}
        for a, b in product(range(n + 1), repeat=2)
    ]


def _auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p))


def _hype(combo: HypeCombination, parts: dict[str, np.ndarray]) -> np.ndarray:
    return combo.hype(parts["headline"], parts["body"], parts["filler"], parts["tone"])


def allowed(teasers: TeaserCheck | None) -> list[HypeCombination]:
    """The grid points that keep the teaser ranking (all of them without a check; the
    best-keeping one if none reaches the floor)."""
    grid = [HypeCombination(w) for w in weight_grid()]
    if teasers is None:
        return grid
    kept = [(combo, teasers.spearman(_hype(combo, teasers.parts))) for combo in grid]
    floor = teasers.floor()
    passing = [combo for combo, rho in kept if rho >= floor]
    return passing or [max(kept, key=lambda pair: pair[1])[0]]


def best_weights(
    parts: dict[str, np.ndarray], y: np.ndarray, candidates: list[HypeCombination]
) -> HypeCombination:
    """The candidate with the highest AUC of ``hype`` (ties: the first, i.e. the least
    headline and body weight: the grid's order)."""
    best, best_auc = None, -1.0
    for combo in candidates:
        auc = _auc(y, _hype(combo, parts))
        if auc > best_auc + 1e-12:
            best, best_auc = combo, auc
    assert best is not None
    return best


@dataclass(frozen=True)
class CombinationReport:
    part_auc: dict[str, float]
    combined_auc: float
    learned_mean_auc: float
    fold_weights: list[dict[str, float]]
    final_weights: dict[str, float]
    teaser_spearman: dict[str, float] | None = None


def nested(
    parts: dict[str, np.ndarray],
    y: np.ndarray,
    folds: list,
    teasers: TeaserCheck | None = None,
) -> CombinationReport:
    """Weights chosen on each training fold (among those keeping the teaser ranking),
    ``hype`` scored on its held-out fold."""
    candidates = allowed(teasers)
    hype = np.zeros(len(y))
    learned = np.zeros(len(y))
    chosen = []
    for train_rows, test_rows in folds:
        combo = best_weights(
            {k: v[train_rows] for k, v in parts.items()}, y[train_rows], candidates
        )
        chosen.append(dict(combo.weights))
        held = {k: v[test_rows] for k, v in parts.items()}
        hype[test_rows] = _hype(combo, held)
        learned[test_rows] = combo.learned(held["headline"], held["body"], held["tone"])
    final = best_weights(parts, y, candidates)
    teaser_figures = None
    if teasers is not None:
        teaser_figures = {
            "rows": len(teasers.truth),
            "hype": round(teasers.spearman(_hype(final, teasers.parts)), 4),
            "headline_part": round(teasers.spearman(teasers.parts["headline"]), 4),
            "floor": round(teasers.floor(), 4),
        }
    return CombinationReport(
        part_auc={k: round(_auc(y, v), 4) for k, v in parts.items()},
        combined_auc=round(_auc(y, hype), 4),
        learned_mean_auc=round(_auc(y, learned), 4),
        fold_weights=chosen,
        final_weights=dict(final.weights),
        teaser_spearman=teaser_figures,
    )


__all__ = ["LEARNED_PARTS", "CombinationReport", "TeaserCheck", "best_weights", "nested"]


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def fit_stacker(parts: dict[str, np.ndarray], y: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    """Non-negative logistic stacking over the learned parts' logits: ``[b, a_h, a_b, a_t]``
    minimising log-loss with ``a >= 0`` (a little L2 on ``a`` keeps it finite)."""
    from scipy.optimize import minimize

    X = np.column_stack([_logit(parts[p]) for p in LEARNED_PARTS])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = theta[0] + X @ theta[1:]
        p = 1 / (1 + np.exp(-z))
        value = np.mean(np.logaddexp(0, z) - y * z) + l2 * theta[1:] @ theta[1:]
        residual = (p - y) / len(y)
        grad = np.r_[residual.sum(), X.T @ residual + 2 * l2 * theta[1:]]
        return float(value), grad

    bounds = [(None, None)] + [(0.0, None)] * len(LEARNED_PARTS)
    result = minimize(loss, np.r_[0.0, np.ones(len(LEARNED_PARTS))], jac=True, bounds=bounds)
    return result.x


def stacked_hype(theta: np.ndarray, parts: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """``(learned, hype)``: the stacked probability and its noisy-OR with filler."""
    X = np.column_stack([_logit(parts[p]) for p in LEARNED_PARTS])
    learned = 1 / (1 + np.exp(-(theta[0] + X @ theta[1:])))
    return learned, 1 - (1 - learned) * (1 - np.clip(parts["filler"], 0, 1))


def nested_stacked(parts: dict[str, np.ndarray], y: np.ndarray, folds: list) -> dict[str, Any]:
    """The stacker fitted on each training fold, scored on its held-out fold."""
    learned, hype = np.zeros(len(y)), np.zeros(len(y))
    thetas = []
    for train_rows, test_rows in folds:
        theta = fit_stacker({k: v[train_rows] for k, v in parts.items()}, y[train_rows])
        thetas.append([round(float(t), 4) for t in theta])
        held = {k: v[test_rows] for k, v in parts.items()}
        learned[test_rows], hype[test_rows] = stacked_hype(theta, held)
    final = fit_stacker(parts, y)
    return {
        "combined_auc": round(_auc(y, hype), 4),
        "learned_auc": round(_auc(y, learned), 4),
        "fold_theta": thetas,
        "final_theta": [round(float(t), 4) for t in final],
        "order": ["intercept", *LEARNED_PARTS],
    }
