"""Impact: how much checkable substance an article carries. A documented formula, not a
trained model, because no labelled data says how significant an article is.

``impact = amount * spread``. The amount counts checkable content in the body
(``hypescore.extractors.substance``; filler is cut before counting): each count term
saturates, ``1 - exp(-count / c)``, so the first few figures or named sources say much
and the fiftieth little; ``c`` is the term's median count over reference full-length
news articles (the SemEval-2019 training articles), at least 1. Every kind of substance
the issue lists weighs the same (1/10, no label says one matters more); the amount is
their sum less a penalty for anonymous-only sourcing, clipped to 0..1.

The spread is how evenly the body reports: ``checkable_share`` is the share of its
sentences that hold any checkable item (a figure, a named or attributed source, a direct
quote, a cited outlet, a date, a caveat, an evidence term, a harm or cost), and
``spread = 1 - v + v * min(1, share / r)`` with ``r`` the upper quartile of the
reference articles' shares and ``v = 1``: a body that reports throughout as much as the
top quarter of news articles keeps its whole amount, one whose facts sit in a few
sentences among many of comment keeps that fraction of it.

| term (feature ``substance.*`` unless said) | weight |
|---|---|
| ``quantified_claims``: distinct figures with units, money, %, counts, comparisons | 1/10 |
| ``named_actors``: distinct named people, places, organisations | 1/10 |
| ``named_sources``: named, attributed sources ("Ana Ruiz said", "Obama says") | 1/10 |
| ``role_sources``: named sources with a role ("X, a senior lecturer at Y, said") | 1/10 |
| ``decisions``: concrete decisions and actions with who and when | 1/10 |
| ``dates`` | 1/10 |
| ``caveats``: caveats, limitations, counterpoints, hedges | 1/10 |
| ``evidence_terms``: trial, randomised, placebo, sample size, ... | 1/10 |
| ``harms_and_costs``: side effects, risks of, would cost, out-of-pocket, ... | 1/10 |
| ``sourcing.cited_outlets``: outlets named in the text ("according to Reuters") | 1/10 |
| ``anonymous_sources``, times the anonymous share of all sources | -1/10 |
| ``checkable_share``: the spread ``v`` (a multiplier, not a summand; scale ``r``) | 1 |

Why this form (none of it was fitted to a label): the outlet's domain quality (Lin et
al. 2023) is only an outside check of it, in ``evaluate``. On the SemEval articles with a
rated publisher the spread is what adds agreement with it (the amount alone, equal or
unequal weights: Spearman 0.13-0.15; times the spread: 0.16-0.19 for ``r`` from the
median to the top share, within the noise of a half split by publisher, about 0.075);
``r`` at the upper quartile keeps the wire fixtures' verdicts a step clear of the
behaviour pairs' margins. Weights picked on half the publishers did not carry to the
other half (0.21 on the half they were picked on, 0.13 on the other), so they stay
equal. Length counts only through these counts: there is no word-count term, filler adds
nothing, and sentences without a checkable item lower the share. The publisher's own
reputation is left out: it rates the outlet, not the article.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hypescore.model._products import product_split
from hypescore.model._rows import row_sums

_EACH = 1 / 10
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
    ("substance.harms_and_costs", _EACH),
    ("sourcing.cited_outlets", _EACH),
    ("substance.anonymous_sources", -_EACH),
    ("substance.checkable_share", 1.0),
)
ANONYMOUS = "substance.anonymous_sources"
NAMED = "substance.named_sources"
SPREAD = "substance.checkable_share"
MIN_SCALE = 1.0
# The reference share that keeps the whole amount: the reference articles' upper quartile.
SPREAD_QUANTILE = 0.75


@dataclass(frozen=True)
class ImpactSpec:
    """Fitted impact formula: terms, weights, scales and a reference article.

    ``scales`` holds each count term's saturation scale and, for the checkable share,
    the share ``r`` that keeps the whole amount. ``reference`` holds the median reference
    article's values: contributions are reported relative to it, so a typical article's
    terms are all near zero.
    """

    features: tuple[str, ...]
    weights: np.ndarray
    scales: np.ndarray
    reference: np.ndarray

    @classmethod
    def fit(cls, values: np.ndarray, names: tuple[str, ...]) -> ImpactSpec:
        """Count scales and reference values from the medians over full-length articles,
        the spread's ``r`` from the upper quartile of their checkable shares."""
        features = tuple(term[0] for term in IMPACT_TERMS)
        columns = [names.index(f) for f in features]
        x = values[:, columns]
        medians = np.median(x, axis=0)
        scales = np.maximum(medians, MIN_SCALE)
        spread = features.index(SPREAD)
        scales[spread] = np.quantile(x[:, spread], SPREAD_QUANTILE)
        return cls(
            features=features,
            weights=np.array([term[1] for term in IMPACT_TERMS]),
            scales=scales,
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
        """``1 - v + v * min(1, share / r)``: how much of the amount the checkable share
        keeps (all of it for a formula without the share, or with ``r`` 0)."""
        x = np.atleast_2d(np.asarray(values, dtype=float))
        shape = np.shape(values)[:-1]
        if SPREAD not in self.features:
            return np.ones(shape)
        k = self.features.index(SPREAD)
        v, r = self.weights[k], self.scales[k]
        if r <= 0:
            return np.ones(shape)
        kept = np.clip(x[:, k] / r, 0.0, 1.0)
        return (1.0 - v + v * kept).reshape(shape)

    def score(self, values: np.ndarray) -> np.ndarray | float:
        """Impact in 0..1: the amount (the count terms' sum, clipped) times the spread."""
        amount = np.clip(row_sums(self.terms(values)), 0.0, 1.0)
        return amount * self.spread(values)

    def contributions(self, values: np.ndarray) -> np.ndarray:
        """Each term's contribution relative to the reference article's.

        Impact is amount times spread, so the change splits as a product does (the
        two-factor Shapley split): each count term's change times the mean spread, the
        spread's change times the mean amount. They add up to impact less the
        reference's, unless the amount is clipped.
        """
        terms = np.atleast_2d(self.terms(values))
        base = self.terms(self.reference)
        spread = np.atleast_1d(self.spread(values))
        spread0 = float(self.spread(self.reference))
        amount, amount0 = row_sums(terms), float(row_sums(base))
        per_amount, per_spread = product_split(amount, amount0, spread, spread0)
        out = (terms - base) * per_amount[:, None]
        if SPREAD in self.features:
            out[:, self.features.index(SPREAD)] = (spread - spread0) * per_spread
        return out.reshape(np.shape(values))

    def reference_score(self) -> float:
        """Impact of the reference (median) article."""
        return float(self.score(self.reference))
