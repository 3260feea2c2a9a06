"""Impact: how much checkable substance an article carries. A documented formula, not a
trained model, because no labelled data says how significant an article is.

Each feature below is turned into its percentile among reference full-length news
articles (the SemEval-2019 training articles), flipped for features where more is worse,
and the percentiles are averaged with the weights below. 0.5 is a typical article.
The publisher's domain quality is left out on purpose: it rates the outlet, not the
article, and it serves as an outside sanity check of impact in ``evaluate``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# (feature, direction, weight): +1 more is more substantive, -1 more is less.
IMPACT_TERMS: tuple[tuple[str, int, float], ...] = (
    ("factual.numbers_per_1k", 1, 0.06),
    ("factual.quantities_per_1k", 1, 0.06),
    ("factual.money_per_1k", 1, 0.06),
    ("factual.percentages_per_1k", 1, 0.06),
    ("factual.dates_per_1k", 1, 0.06),
    ("factual.distinct_named_per_1k", 1, 0.10),
    ("sourcing.named_sources_per_1k", 1, 0.10),
    ("sourcing.attributions_per_1k", 1, 0.075),
    ("sourcing.quotes_per_1k", 1, 0.075),
    ("sourcing.cited_outlet_quality", 1, 0.05),
    ("factual.log_words", 1, 0.15),
    ("sourcing.anonymous_share", -1, 0.075),
    ("promotion.filler_share", -1, 0.075),
)
QUANTILE_GRID = np.linspace(0.0, 1.0, 101)


@dataclass(frozen=True)
class ImpactSpec:
    """Fitted impact formula: terms plus each feature's reference quantiles."""

    features: tuple[str, ...]
    directions: np.ndarray
    weights: np.ndarray
    quantiles: np.ndarray  # (n_terms, len(QUANTILE_GRID))

    @classmethod
    def fit(cls, values: np.ndarray, names: tuple[str, ...]) -> ImpactSpec:
        """Reference quantiles of each impact feature over full-length articles."""
        features = tuple(term[0] for term in IMPACT_TERMS)
        columns = [names.index(f) for f in features]
        quantiles = np.quantile(values[:, columns], QUANTILE_GRID, axis=0).T
        return cls(
            features=features,
            directions=np.array([float(term[1]) for term in IMPACT_TERMS]),
            weights=np.array([term[2] for term in IMPACT_TERMS]),
            quantiles=np.ascontiguousarray(quantiles),
        )

    def percentiles(self, values: np.ndarray) -> np.ndarray:
        """Mid-rank percentile (0..1) of each impact feature, flipped where more is worse.

        ``values`` holds the impact features in ``features`` order (1-D or 2-D rows).
        """
        x = np.atleast_2d(values)
        out = np.empty(x.shape)
        n = self.quantiles.shape[1]
        for k, grid in enumerate(self.quantiles):
            left = np.searchsorted(grid, x[:, k], side="left")
            right = np.searchsorted(grid, x[:, k], side="right")
            out[:, k] = (left + right) / (2.0 * n)
        out = np.where(self.directions > 0, out, 1.0 - out)
        return out.reshape(np.shape(values))

    def score(self, values: np.ndarray) -> np.ndarray | float:
        """Impact in 0..1: weighted mean of the percentiles."""
        return self.percentiles(values) @ self.weights / self.weights.sum()
