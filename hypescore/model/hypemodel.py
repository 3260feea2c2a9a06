"""HypeModel: fitted numbers in, hype, impact, verdict, label and signed contributions out.

Plain data only (arrays, strings, numbers), so the file holding it needs no code to
load, and every score is a short, auditable computation:

- each view is a logistic regression on ``arcsinh`` features, standardised and clipped
  to +-3 standard deviations (a feature almost always zero in training, such as a tag
  block in a news article, cannot swing a verdict by itself);
- ``hype`` = weighted mean of the view probabilities (headline views read the headline,
  the article view reads the whole article);
- ``impact`` = the documented formula in ``hypescore.model.impact``;
- substance ``s = (impact + 1 - hype) / 2`` and ``verdict = min(10, 1 + floor(10 s))``;
- ``label`` = quadrant of (hype, impact) around the two thresholds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from hypescore.extractors import PLACEHOLDERS
from hypescore.model.impact import ImpactSpec

# The two scopes a view reads: the whole article or its headline alone.
HEADLINE = "headline"
ARTICLE = "article"

FORMAT = "hypescore-model"
FORMAT_VERSION = 2  # 2: impact as saturating counts (scales, reference)
LABELS = {
    (False, True): "substantive",
    (True, True): "hyped-but-significant",
    (True, False): "overhyped",
    (False, False): "thin",
}


Z_CLIP = 3.0


def transform(values: np.ndarray) -> np.ndarray:
    """Squash heavy-tailed rates (per-1k counts on ten-word headlines reach the hundreds)."""
    return np.arcsinh(values)


def clip_z(z: np.ndarray) -> np.ndarray:
    """Bound standardised values: rare features must not extrapolate wildly."""
    return np.clip(z, -Z_CLIP, Z_CLIP)


@dataclass(frozen=True)
class LinearView:
    """One labelled view: standardisation and logistic-regression weights."""

    name: str
    scope: str
    kind: str
    weight: float
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def terms(self, values: np.ndarray) -> np.ndarray:
        """Per-feature logit terms ``coef * z``; they sum with the intercept to the logit."""
        return self.coef * clip_z((transform(values) - self.mean) / self.scale)

    def proba(self, values: np.ndarray) -> np.ndarray:
        """Probability of the view's positive class for rows of raw features."""
        return _sigmoid(self.intercept + self.terms(np.atleast_2d(values)).sum(axis=1))


@dataclass(frozen=True)
class Contribution:
    """A feature's signed push on the verdict, in verdict points."""

    scope: str
    feature: str
    value: float
    points: float


@dataclass(frozen=True)
class Assessment:
    hype: float
    impact: float
    verdict: int
    label: str
    views: dict[str, float]
    contributions: list[Contribution]


@dataclass(frozen=True)
class HypeModel:
    """A fitted hypescore model; build with ``hypescore.train``, read with ``load_model``."""

    name: str
    version: str
    feature_names: tuple[str, ...]
    views: tuple[LinearView, ...]
    impact: ImpactSpec
    hype_threshold: float = 0.5
    impact_threshold: float = 0.5
    training: dict = field(default_factory=dict)
    checksum: str = ""
    # v2 learned parts by name (``hypescore.model.lexical``); empty in v1 files.
    lexical: dict = field(default_factory=dict)

    @property
    def needs_headline(self) -> bool:
        return any(view.scope == HEADLINE for view in self.views)

    def _impact_columns(self) -> list[int]:
        return [self.feature_names.index(f) for f in self.impact.features]

    def hype_of(self, probs: Mapping[str, Any]) -> Any:
        """``hype``: the views' probabilities (floats or arrays) averaged by view weight;
        the one combination, for scoring and evaluation alike."""
        total_weight = sum(view.weight for view in self.views)
        hype: Any = 0.0
        for view in self.views:
            hype = hype + view.weight / total_weight * probs[view.name]
        return hype

    def verdict(self, hype: float, impact: float) -> int:
        return min(10, 1 + math.floor(10 * self.substance(hype, impact)))

    @staticmethod
    def substance(hype: float, impact: float) -> float:
        return (impact + 1.0 - hype) / 2.0

    def label(self, hype: float, impact: float) -> str:
        return LABELS[(hype >= self.hype_threshold, impact >= self.impact_threshold)]

    def assess(self, article: np.ndarray, headline: np.ndarray | None) -> Assessment:
        """Scores of one article and every feature's contribution in verdict points.

        Contributions are exact for impact (a sum of terms, measured from the reference
        article's; exact unless impact is clipped at 0 or 1) and exact in sum for each
        view: a view's probability change from its intercept-only value is shared among
        features in proportion to their logit terms (the sigmoid's secant slope), so all
        contributions plus the baseline add up to ``10 * s``.
        """
        total_weight = sum(view.weight for view in self.views)
        points: dict[tuple[str, str], float] = {}
        values: dict[tuple[str, str], float] = {}
        view_probs: dict[str, float] = {}
        for view in self.views:
            scope_values = headline if view.scope == HEADLINE else article
            terms = view.terms(scope_values)
            logit = view.intercept + float(terms.sum())
            prob = float(_sigmoid(logit))
            view_probs[view.name] = prob
            w = view.weight / total_weight
            slope = _secant_slope(view.intercept, logit)
            for j, name in enumerate(self.feature_names):
                key = (view.scope, name)
                points[key] = points.get(key, 0.0) - 10 * 0.5 * w * slope * float(terms[j])
                values[key] = float(scope_values[j])
        hype = self.hype_of(view_probs)
        columns = self._impact_columns()
        impact_values = article[columns]
        impact = float(self.impact.score(impact_values))
        relative = self.impact.contributions(impact_values)
        for k, name in enumerate(self.impact.features):
            key = (ARTICLE, name)
            points[key] = points.get(key, 0.0) + 10 * 0.5 * float(relative[k])
            values[key] = float(article[columns[k]])
        for (scope, name), presence in _placeholder_pairs(points):
            if values[(scope, presence)] == 0.0:
                points[(scope, presence)] += points.pop((scope, name))
        contributions = [
            Contribution(scope, name, values[(scope, name)], pts)
            for (scope, name), pts in points.items()
        ]
        return Assessment(
            hype=hype,
            impact=impact,
            verdict=self.verdict(hype, impact),
            label=self.label(hype, impact),
            views=view_probs,
            contributions=contributions,
        )

    def baseline_points(self) -> float:
        """``10 * s`` of a typical article: where contributions start from."""
        total_weight = sum(view.weight for view in self.views)
        hype0 = sum(v.weight * float(_sigmoid(v.intercept)) for v in self.views) / total_weight
        return 10 * self.substance(hype0, self.impact.reference_score())


def _placeholder_pairs(points: dict[tuple[str, str], float]) -> list:
    return [
        ((scope, name), PLACEHOLDERS[name])
        for scope, name in list(points)
        if name in PLACEHOLDERS and (scope, PLACEHOLDERS[name]) in points
    ]


def _sigmoid(x: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


def _secant_slope(a: float, b: float) -> float:
    """Slope of the sigmoid between logits ``a`` and ``b`` (its derivative when they meet)."""
    if abs(b - a) < 1e-9:
        p = float(_sigmoid(a))
        return p * (1 - p)
    return float((_sigmoid(b) - _sigmoid(a)) / (b - a))
