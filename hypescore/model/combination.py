"""How the four parts of hype combine into ``hype`` (0..1): a documented formula.

``hype = 1 - (1 - m) * (1 - filler)`` with ``m = w_h * headline + w_b * body + w_t * tone``
(non-negative weights summing to 1, fitted out-of-fold on SemEval by
``hypescore.training.combination``; ``DEFAULT_WEIGHTS`` are its result).

Why a noisy-OR with filler: filler (tag clouds, viral-phrase blocks, share/comment
boilerplate) has no label, so no data can weigh it against the others; averaged in, a
16-line tag block would move hype by a fraction of its weight. As a noisy-OR it raises
hype by ``filler * (1 - m)``: an article with filler 0.5 and m 0.4 goes to 0.7, and no
amount of filler lowers hype. With filler 0, hype is the weighted mean of the learned
parts, whose ranking on SemEval is not below the best single part's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

LEARNED_PARTS = ("headline", "body", "tone")
PARTS = ("headline", "body", "filler", "tone")


@dataclass(frozen=True)
class HypeCombination:
    """Non-negative weights of the learned parts; filler enters as a noisy-OR."""

    weights: Mapping[str, float] = field(
        default_factory=lambda: {"headline": 0.2, "body": 0.2, "tone": 0.6}
    )

    def __post_init__(self) -> None:
        if set(self.weights) != set(LEARNED_PARTS):
            raise ValueError(f"weights must name exactly {LEARNED_PARTS}")
        values = np.array([self.weights[p] for p in LEARNED_PARTS], dtype=float)
        if np.any(values < 0) or not np.isclose(values.sum(), 1.0):
            raise ValueError("weights must be non-negative and sum to 1")

    def learned(self, headline: np.ndarray, body: np.ndarray, tone: np.ndarray) -> np.ndarray:
        w = self.weights
        return (
            w["headline"] * np.asarray(headline)
            + w["body"] * np.asarray(body)
            + w["tone"] * np.asarray(tone)
        )

    def hype(
        self, headline: np.ndarray, body: np.ndarray, filler: np.ndarray, tone: np.ndarray
    ) -> np.ndarray:
        """``hype`` in 0..1 from the four parts (arrays or scalars, each 0..1)."""
        m = self.learned(headline, body, tone)
        return 1.0 - (1.0 - m) * (1.0 - np.clip(np.asarray(filler, dtype=float), 0.0, 1.0))
