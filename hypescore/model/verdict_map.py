"""The verdict map: substance (0..1) onto the whole 1..10 scale.

Substance ``s = (1 - hype) * (0.5 + impact) / 1.5`` is squeezed into a narrow band on
real news (most articles are neither pure wire copy nor pure filler), so a fixed
``1 + floor(10 s)`` puts nearly every article on a few steps. The map instead uses the
distribution of ``s`` over reference full-length news articles (the SemEval-2019 training
articles, hyperpartisan and not): nine cut points at its deciles, so verdict ``k`` means
"more substance than ``k - 1`` tenths of the reference articles". The map is monotone, so
it never reorders articles; it only spreads them. Its cut points are stored in the model
file and printed in the model card.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

VERDICTS = 10
DECILES = np.linspace(0.1, 0.9, VERDICTS - 1)


@dataclass(frozen=True)
class VerdictMap:
    """Nine increasing cut points of substance; ``verdict(s)`` counts how many ``s`` reaches."""

    cuts: np.ndarray

    @classmethod
    def fit(cls, substance: np.ndarray) -> VerdictMap:
        """Cut points at the deciles of reference articles' substance."""
        values = np.asarray(substance, dtype=float)
        values = values[np.isfinite(values)]
        if values.size < VERDICTS:
            raise ValueError(f"the verdict map needs at least {VERDICTS} reference articles")
        return cls(cuts=np.ascontiguousarray(np.quantile(values, DECILES)))

    def verdict(self, substance: float) -> int:
        """1..10: one plus the number of cut points at or below ``substance``."""
        return 1 + int(np.searchsorted(self.cuts, substance, side="right"))

    def verdicts(self, substance: np.ndarray) -> np.ndarray:
        """``verdict`` for an array of substance values."""
        return 1 + np.searchsorted(self.cuts, np.asarray(substance, dtype=float), side="right")
