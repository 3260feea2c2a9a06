"""Impact: how much checkable substance an article carries. A documented formula, not a
trained model, because no labelled data says how significant an article is.

Each term counts one kind of checkable content in the body (``hypescore.extractors.
substance``; filler is cut before counting) and saturates, ``1 - exp(-count / c)``: the
first few figures or named sources say much, the fiftieth little. ``c`` is the term's
median count over reference full-length news articles (the SemEval-2019 training
articles), at least 1, so a typical article gets about 0.63 of each term. Impact is
the weighted sum, less a penalty for anonymous-only sourcing, clipped to 0..1:

| term (feature ``substance.*`` unless said) | weight |
|---|---|
| ``quantified_claims``: figures with units, money, %, counts, comparisons | 0.20 |
| ``named_actors``: distinct named people, places, organisations | 0.15 |
| ``named_sources``: named, attributed sources | 0.15 |
| ``role_sources``: named sources with a role ("X, a senior lecturer at Y, said") | 0.10 |
| ``decisions``: concrete decisions and actions with who and when | 0.15 |
| ``dates`` | 0.05 |
| ``caveats``: caveats, limitations, counterpoints, hedges | 0.10 |
| ``evidence_terms``: trial, randomised, placebo, sample size, ... | 0.05 |
| ``sourcing.cited_outlets``: outlets named in the text ("according to Reuters") | 0.05 |
| ``anonymous_sources``, times the anonymous share of all sources | -0.15 |

Length counts only through these counts (there is no word-count term), and the
publisher's own reputation is left out: it rates the outlet, not the article, and serves
as an outside check of impact in ``evaluate``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hypescore.model._rows import row_sums

# (feature, weight); a negative weight marks the anonymous-sourcing penalty.
IMPACT_TERMS: tuple[tuple[str, float], ...] = (
    ("substance.quantified_claims", 0.20),
    ("substance.named_actors", 0.15),
    ("substance.named_sources", 0.15),
    ("substance.role_sources", 0.10),
    ("substance.decisions", 0.15),
    ("substance.dates", 0.05),
    ("substance.caveats", 0.10),
    ("substance.evidence_terms", 0.05),
    ("sourcing.cited_outlets", 0.05),
    ("substance.anonymous_sources", -0.15),
)
ANONYMOUS = "substance.anonymous_sources"
NAMED = "substance.named_sources"
MIN_SCALE = 1.0


@dataclass(frozen=True)
class ImpactSpec:
    """Fitted impact formula: terms, weights, saturation scales and a reference article.

    ``reference`` holds the median reference article's counts: contributions are
    reported relative to it, so a typical article's terms are all near zero.
    """

    features: tuple[str, ...]
    weights: np.ndarray
    scales: np.ndarray
    reference: np.ndarray

    @classmethod
    def fit(cls, values: np.ndarray, names: tuple[str, ...]) -> ImpactSpec:
        """Scales and reference counts from the medians over full-length articles."""
        features = tuple(term[0] for term in IMPACT_TERMS)
        columns = [names.index(f) for f in features]
        medians = np.median(values[:, columns], axis=0)
        return cls(
            features=features,
            weights=np.array([term[1] for term in IMPACT_TERMS]),
            scales=np.maximum(medians, MIN_SCALE),
            reference=medians,
        )

    def terms(self, values: np.ndarray) -> np.ndarray:
        """Each term's signed contribution to impact (weight times saturation).

        ``values`` holds the impact features in ``features`` order (1-D or 2-D rows).
        The anonymous term is scaled by the anonymous share of all sources, so anonymous
        sources beside named ones cost little and anonymous-only sourcing costs most.
        """
        x = np.clip(np.atleast_2d(np.asarray(values, dtype=float)), 0.0, None)
        saturation = 1.0 - np.exp(-x / self.scales)
        anonymous = self.features.index(ANONYMOUS)
        named = self.features.index(NAMED)
        sources = x[:, anonymous] + x[:, named]
        share = np.divide(x[:, anonymous], sources, out=np.zeros_like(sources), where=sources > 0)
        saturation[:, anonymous] *= share
        out = saturation * self.weights
        return out.reshape(np.shape(values))

    def score(self, values: np.ndarray) -> np.ndarray | float:
        """Impact in 0..1: the sum of the terms, clipped."""
        return np.clip(row_sums(self.terms(values)), 0.0, 1.0)

    def contributions(self, values: np.ndarray) -> np.ndarray:
        """Each term's contribution relative to the reference article's."""
        return self.terms(values) - self.terms(self.reference)

    def reference_score(self) -> float:
        """Impact of the reference (median) article."""
        return float(self.score(self.reference))
