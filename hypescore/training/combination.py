"""Fit and check the combination of hype's parts on its three labelled views.

Hype is one number, but the data label three different views of it, each owned by one
part: Webis teasers (clickbait strength, the *headline* part), NewsSD-ENG sentences
(subjective wording, the *body* part) and SemEval articles (one-sidedness, the *tone*
part). Each part ranks its own view best; every other part is noise there (a headline
model knows nothing of one-sided articles, a one-sentence teaser has no tone). So no
weights keep every view whole, and maximising one view alone drowns the others: chosen
by SemEval AUC, body language got weight 0.1 and a breathless article stayed below the
median SemEval one.

The rule for the weights (``w_h``, ``w_b`` on a 0.1 grid from 0 to 1; tone at 1, since a
fully one-sided article is hype on its own): each view's *keep* is how much of its own
part's ranking ``hype`` keeps there (``ViewCheck.keep``: the ratio of Spearman for soft
labels, of AUC above chance for classes), and the weights maximise the smallest keep of
the three. SemEval's parts: ``tone`` out of fold (5-fold stratified, seed 0: the tone
model is trained on SemEval itself), the others from models trained on other data, and
``filler`` from its formula (``hypescore.model.filler``). SemEval is scored nested: the
weights chosen on each training fold (with the teaser and sentence checks), hype scored
on its held-out fold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import product
from typing import Any, Literal

import numpy as np

from hypescore.model.combination import LEARNED_PARTS, HypeCombination

GRID_STEP = 0.1
TONE_WEIGHT = 1.0


def _auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p))


def _spearman(truth: np.ndarray, p: np.ndarray) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(truth, p)[0])


@dataclass(frozen=True)
class ViewCheck:
    """One labelled view of hype: records' four parts, their labels, and the part that
    owns the view. ``metric``: ``spearman`` for a soft label, ``auc`` for classes."""

    name: str
    owner: str
    parts: dict[str, np.ndarray]
    truth: np.ndarray
    metric: Literal["spearman", "auc"]

    def score(self, values: np.ndarray) -> float:
        """The view's figure of ``values``: Spearman, or AUC above chance (0.5)."""
        if self.metric == "spearman":
            return _spearman(self.truth, values)
        return _auc(self.truth, values) - 0.5

    @cached_property
    def own(self) -> float:
        """The owning part's own figure on this view (what a keep of 1 means)."""
        return self.score(self.parts[self.owner])

    def keep(self, combo: HypeCombination) -> float:
        """Share of the owning part's figure that ``combo``'s hype keeps on this view."""
        return self.score(_hype(combo, self.parts)) / self.own

    def subset(self, rows: np.ndarray) -> ViewCheck:
        return ViewCheck(
            self.name,
            self.owner,
            {k: v[rows] for k, v in self.parts.items()},
            self.truth[rows],
            self.metric,
        )


def weight_grid(step: float = GRID_STEP) -> list[dict[str, float]]:
    """Headline and body weights on a ``step`` grid from 0 to 1, tone at ``TONE_WEIGHT``."""
    n = round(1 / step)
    return [
        {"headline": a / n, "body": b / n, "tone": TONE_WEIGHT}
        for a, b in product(range(n + 1), repeat=2)
    ]


def _hype(combo: HypeCombination, parts: dict[str, np.ndarray]) -> np.ndarray:
    return combo.hype(parts["headline"], parts["body"], parts["filler"], parts["tone"])


def smallest_keeps(checks: Sequence[ViewCheck], grid: Sequence[HypeCombination]) -> list[float]:
    """Each grid point's smallest keep over ``checks`` (infinite with no check)."""
    return [min((check.keep(combo) for check in checks), default=np.inf) for combo in grid]


def _best(grid: Sequence[HypeCombination], keeps: Sequence[float]) -> HypeCombination:
    """The grid point with the largest keep (ties: the first, i.e. the least headline
    and body weight: the grid's order)."""
    best, best_keep = None, -np.inf
    for combo, keep in zip(grid, keeps, strict=True):
        if keep > best_keep + 1e-12:
            best, best_keep = combo, keep
    assert best is not None
    return best


def best_weights(checks: Sequence[ViewCheck]) -> HypeCombination:
    """The grid point whose smallest keep over ``checks`` is largest."""
    grid = [HypeCombination(w) for w in weight_grid()]
    return _best(grid, smallest_keeps(checks, grid))


@dataclass(frozen=True)
class CombinationReport:
    part_auc: dict[str, float]
    combined_auc: float
    learned_mean_auc: float
    fold_weights: list[dict[str, float]]
    final_weights: dict[str, float]
    # Per view: rows, the owning part's figure, hype's, and the keep (final weights).
    views: dict[str, dict[str, Any]]


def semeval_check(parts: dict[str, np.ndarray], y: np.ndarray) -> ViewCheck:
    return ViewCheck("semeval_articles", "tone", parts, y, "auc")


def nested(
    parts: dict[str, np.ndarray],
    y: np.ndarray,
    folds: list,
    checks: Sequence[ViewCheck] = (),
) -> CombinationReport:
    """Weights chosen on each SemEval training fold together with ``checks`` (the
    teaser and sentence views), ``hype`` scored on the held-out fold."""
    articles = semeval_check(parts, y)
    grid = [HypeCombination(w) for w in weight_grid()]
    fixed = smallest_keeps(checks, grid)  # the teaser and sentence views: the same per fold
    hype = np.zeros(len(y))
    learned = np.zeros(len(y))
    chosen = []
    for train_rows, test_rows in folds:
        fold = smallest_keeps([articles.subset(train_rows)], grid)
        combo = _best(grid, np.minimum(fixed, fold))
        chosen.append(dict(combo.weights))
        held = {k: v[test_rows] for k, v in parts.items()}
        hype[test_rows] = _hype(combo, held)
        learned[test_rows] = combo.learned(held["headline"], held["body"], held["tone"])
    final = _best(grid, np.minimum(fixed, smallest_keeps([articles], grid)))
    views = {
        check.name: {
            "rows": len(check.truth),
            "metric": check.metric if check.metric == "spearman" else "auc - 0.5",
            "owner": check.owner,
            "owner_figure": round(check.own, 4),
            "hype_figure": round(check.score(_hype(final, check.parts)), 4),
            "keep": round(check.keep(final), 4),
        }
        for check in [*checks, articles]
    }
    return CombinationReport(
        part_auc={k: round(_auc(y, v), 4) for k, v in parts.items()},
        combined_auc=round(_auc(y, hype), 4),
        learned_mean_auc=round(_auc(y, learned), 4),
        fold_weights=chosen,
        final_weights=dict(final.weights),
        views=views,
    )


__all__ = ["LEARNED_PARTS", "CombinationReport", "ViewCheck", "best_weights", "nested"]


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
