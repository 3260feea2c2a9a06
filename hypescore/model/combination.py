"""How the four parts of hype combine into ``hype`` (0..1): a documented formula.

``hype = 1 - (1 - w_h * headline) * (1 - w_b * body) * (1 - w_t * tone) * (1 - filler)``,
a noisy-OR: each part can raise hype on its own and none is averaged away by the others.
The weights (each 0..1) are chosen by ``hypescore.training.combination``;
``DEFAULT_WEIGHTS`` is a plain starting point.

Why a noisy-OR and not a weighted mean: hype's labelled views disagree on what sells. A
clickbait headline over a sober report is hype (Webis, Stop Clickbait), and so is a
one-sided article under a plain headline (SemEval); a weighted mean tuned to one view
drowns the other (with tone at 0.8, a teaser the headline models call clickbait moved
hype by 0.1). As a noisy-OR, a part at p raises hype by ``w * p * (1 - rest)``: a strong
part shows whatever the others say, and no part lowers hype. Filler has no label at all,
so it enters at full weight: 16 lines of tag cloud are hype on any article.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import combinations
from math import factorial

import numpy as np

LEARNED_PARTS = ("headline", "body", "tone")
PARTS = ("headline", "body", "filler", "tone")
DEFAULT_WEIGHTS = {"headline": 0.5, "body": 0.1, "tone": 1.0}


def _noisy_or(terms: np.ndarray) -> np.ndarray:
    """``1 - prod(1 - t)`` over the last axis."""
    return 1.0 - np.prod(1.0 - terms, axis=-1)


@dataclass(frozen=True)
class HypeCombination:
    """Per-part weights (0..1) of the learned parts; filler enters at weight 1."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    def __post_init__(self) -> None:
        if set(self.weights) != set(LEARNED_PARTS):
            raise ValueError(f"weights must name exactly {LEARNED_PARTS}")
        values = np.array([self.weights[p] for p in LEARNED_PARTS], dtype=float)
        if np.any(~np.isfinite(values)) or np.any(values < 0) or np.any(values > 1):
            raise ValueError("weights must each be between 0 and 1")

    def terms(
        self, headline: np.ndarray, body: np.ndarray, filler: np.ndarray, tone: np.ndarray
    ) -> np.ndarray:
        """Each part's term ``w * p`` (filler ``f``), stacked on a last axis in ``PARTS``
        order."""
        w = self.weights
        given = np.broadcast_arrays(
            *(np.asarray(p, dtype=float) for p in (headline, body, filler, tone))
        )
        scale = [1.0 if part == "filler" else w[part] for part in PARTS]
        return np.stack(
            [k * np.clip(p, 0.0, 1.0) for k, p in zip(scale, given, strict=True)], axis=-1
        )

    def learned(self, headline: np.ndarray, body: np.ndarray, tone: np.ndarray) -> np.ndarray:
        """Hype of the learned parts alone (filler 0)."""
        return _noisy_or(self.terms(headline, body, 0.0, tone))

    def hype(
        self, headline: np.ndarray, body: np.ndarray, filler: np.ndarray, tone: np.ndarray
    ) -> np.ndarray:
        """``hype`` in 0..1 from the four parts (arrays or scalars, each 0..1)."""
        return _noisy_or(self.terms(headline, body, filler, tone))

    def shares(
        self, parts: Mapping[str, np.ndarray], reference: Mapping[str, float]
    ) -> dict[str, np.ndarray]:
        """How much each part moved hype away from the reference article's: the exact
        Shapley split of ``hype(parts) - hype(reference)`` (four players, every coalition
        counted), so the shares add up to the difference and a part at its reference
        value gets 0."""
        now = self.terms(parts["headline"], parts["body"], parts["filler"], parts["tone"])
        ref = self.terms(
            reference["headline"], reference["body"], reference["filler"], reference["tone"]
        )
        ref = np.broadcast_to(ref, now.shape)
        n = len(PARTS)
        out: dict[str, np.ndarray] = {}
        for i, part in enumerate(PARTS):
            others = [j for j in range(n) if j != i]
            total = np.zeros(now.shape[:-1])
            for size in range(n):
                weight = factorial(size) * factorial(n - size - 1) / factorial(n)
                for coalition in combinations(others, size):
                    mixed = ref.copy()
                    mixed[..., list(coalition)] = now[..., list(coalition)]
                    without = _noisy_or(mixed)
                    mixed[..., i] = now[..., i]
                    total = total + weight * (_noisy_or(mixed) - without)
            out[part] = total
        return out
