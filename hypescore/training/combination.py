"""Fit and check the combination of hype's parts on SemEval, out of fold.

Parts per SemEval article: ``tone`` out-of-fold (5-fold stratified, seed 0: the tone model
is trained on SemEval itself), ``headline`` and ``body`` from models trained on other data
(Webis / Stop Clickbait headlines, NewsSD sentences), so no SemEval label reaches them,
and ``filler`` from the v2 ``filler_score`` formula (``hypescore.model.filler``).

Weights: the sum-1 grid point (step ``GRID_STEP``, each part at least ``MIN_PART_WEIGHT``)
with the best AUC of
``hype`` on the training folds, scored on the held-out fold (nested, same folds), so the
combined AUC reported is out of fold too.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Any

import numpy as np

from hypescore.model.combination import LEARNED_PARTS, HypeCombination

GRID_STEP = 0.05
# Every learned part keeps at least this weight (a stated rule, not fitted): SemEval labels
# one-sidedness only, so fitted freely on it the weights go all to tone, and a clickbait
# headline or loaded body language would never show in hype.
MIN_PART_WEIGHT = 0.10


def weight_grid(step: float = GRID_STEP, floor: float = MIN_PART_WEIGHT) -> list[dict[str, float]]:
    """Non-negative weights summing to 1 on a ``step`` grid, each at least ``floor``."""
    n = round(1 / step)
    low = round(floor / step)
    grid = []
    for a, b in product(range(low, n + 1), repeat=2):
        if a + b <= n - low:
            grid.append({"headline": a / n, "body": b / n, "tone": (n - a - b) / n})
    return grid


def _auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p))


def best_weights(parts: dict[str, np.ndarray], y: np.ndarray) -> HypeCombination:
    """The grid point with the highest AUC of ``hype`` (ties: most weight on tone, then
    headline: the grid's order)."""
    best, best_auc = None, -1.0
    for weights in weight_grid():
        combo = HypeCombination(weights)
        auc = _auc(y, combo.hype(parts["headline"], parts["body"], parts["filler"], parts["tone"]))
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


def nested(parts: dict[str, np.ndarray], y: np.ndarray, folds: list) -> CombinationReport:
    """Weights chosen on each training fold, ``hype`` scored on its held-out fold."""
    hype = np.zeros(len(y))
    learned = np.zeros(len(y))
    chosen = []
    for train_rows, test_rows in folds:
        combo = best_weights({k: v[train_rows] for k, v in parts.items()}, y[train_rows])
        chosen.append(dict(combo.weights))
        held = {k: v[test_rows] for k, v in parts.items()}
        hype[test_rows] = combo.hype(held["headline"], held["body"], held["filler"], held["tone"])
        learned[test_rows] = combo.learned(held["headline"], held["body"], held["tone"])
    final = best_weights(parts, y)
    return CombinationReport(
        part_auc={k: round(_auc(y, v), 4) for k, v in parts.items()},
        combined_auc=round(_auc(y, hype), 4),
        learned_mean_auc=round(_auc(y, learned), 4),
        fold_weights=chosen,
        final_weights=dict(final.weights),
    )


__all__ = ["LEARNED_PARTS", "CombinationReport", "best_weights", "nested"]


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
