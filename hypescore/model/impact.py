"""Impact: how much checkable substance an article carries. A documented formula, not a
trained model, because no labelled data says how significant an article is.

Each count term counts one kind of checkable content in the body (``hypescore.
extractors.substance``; filler is cut before counting) and saturates,
``1 - exp(-count / c)``: the first few figures or named sources say much, the fiftieth
little. ``c`` is the term's median count over reference full-length news articles (the
SemEval-2019 training articles), at least 1. Every kind weighs the same (1/9): the
amount of substance is their sum, less a penalty for anonymous-only sourcing, clipped
to 0..1. The amount is then spread by the checkable share, the share of the body's
sentences that hold a quantified claim, a named source or a date:
``impact = amount * (1 - v + v * share)`` with ``v = 0.8``. A body whose facts sit in a
few sentences among many of comment keeps less of its amount than one that reports
throughout (a wire report's share is about 0.5 to 0.8, the median reference article's
0.18):

| term (feature ``substance.*`` unless said) | weight |
|---|---|
| ``quantified_claims``: distinct figures with units, money, %, counts, comparisons | 1/9 |
| ``named_actors``: distinct named people, places, organisations | 1/9 |
| ``named_sources``: named, attributed sources ("Ana Ruiz said", "Obama says") | 1/9 |
| ``role_sources``: named sources with a role ("X, a senior lecturer at Y, said") | 1/9 |
| ``decisions``: concrete decisions, actions, harms and costs with who and when | 1/9 |
| ``dates`` | 1/9 |
| ``caveats``: caveats, limitations, counterpoints, right of reply, hedges | 1/9 |
| ``evidence_terms``: trial, randomised, placebo, sample size, ... | 1/9 |
| ``sourcing.cited_outlets``: outlets named in the text ("according to Reuters") | 1/9 |
| ``anonymous_sources``, times the anonymous share of all sources | -1/9 |
| ``checkable_share``: the spread ``v`` (a multiplier, not a summand) | 0.8 |

Why these numbers: out of fold on the SemEval articles with a rated publisher (5 folds,
choosing between today's unequal weights and equal ones, and ``v`` in 0, 0.5, 0.8, 1, on
the training folds), equal weights were chosen in every fold and ``v`` 0.8 or 1; 0.8
keeps a fifth of the amount for a body with no checkable sentence. Length counts only
through these counts (there is no word-count term; more sentences without checkable
content lower the share), and the publisher's own reputation is left out: it rates the
outlet, not the article, and serves as an outside check of impact in ``evaluate``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hypescore.model._rows import row_sums

_EACH = 1 / 9
# (feature, weight); a negative weight marks the anonymous-sourcing penalty, and the
# checkable share's weight is the spread ``v`` (it multiplies the sum of the others).
IMPACT_TERMS: tuple[tuple[str, float], ...] = (
    ("substance.quantified_claims", _EACH),
    ("substance.named_actors", _EACH),
    ("substance.named_sources", _EACH),
    ("substance.role_sources", _EACH),
    ("substance.decisions", _EACH),
    ("substance.dates", _EACH),
    ("substance.caveats", _EACH),
    ("substance.evidence_terms", _EACH),
    ("sourcing.cited_outlets", _EACH),
    ("substance.anonymous_sources", -_EACH),
    ("substance.checkable_share", 0.8),
)
ANONYMOUS = "substance.anonymous_sources"
NAMED = "substance.named_sources"
SPREAD = "substance.checkable_share"
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
        """Each count term's signed part of the amount (weight times saturation); the
        spread's column is 0.

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
        if SPREAD in self.features:
            out[:, self.features.index(SPREAD)] = 0.0
        return out.reshape(np.shape(values))

    def spread(self, values: np.ndarray) -> np.ndarray:
        """``1 - v + v * share``: how much of the amount the checkable share keeps (all of
        it for a formula without the share)."""
        x = np.atleast_2d(np.asarray(values, dtype=float))
        if SPREAD not in self.features:
            return np.ones(np.shape(values)[:-1])
        k = self.features.index(SPREAD)
        v = self.weights[k]
        out = 1.0 - v + v * np.clip(x[:, k], 0.0, 1.0)
        return out.reshape(np.shape(values)[:-1])

    def score(self, values: np.ndarray) -> np.ndarray | float:
        """Impact in 0..1: the amount (the count terms' sum, clipped) times the spread."""
        amount = np.clip(row_sums(self.terms(values)), 0.0, 1.0)
        return amount * self.spread(values)

    def contributions(self, values: np.ndarray) -> np.ndarray:
        """Each term's contribution relative to the reference article's.

        Impact is amount times spread, so the change splits exactly as a product does
        (the two-factor Shapley split): each count term's change times the mean spread,
        the spread's change times the mean amount. They add up to impact less the
        reference's, unless the amount is clipped.
        """
        terms = np.atleast_2d(self.terms(values))
        base = self.terms(self.reference)
        spread = np.atleast_1d(self.spread(values))
        spread0 = float(self.spread(self.reference))
        amount, amount0 = row_sums(terms), float(row_sums(base))
        out = (terms - base) * ((spread + spread0) / 2)[:, None]
        if SPREAD in self.features:
            out[:, self.features.index(SPREAD)] = (spread - spread0) * (amount + amount0) / 2
        return out.reshape(np.shape(values))

    def reference_score(self) -> float:
        """Impact of the reference (median) article."""
        return float(self.score(self.reference))
