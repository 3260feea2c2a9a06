"""``filler_score``: how much of an article is promotional filler, 0..1.

No data labels filler, so the score is a documented formula over the ``filler.*``
features (``hypescore.extractors.filler``). Each term counts what lies beyond a small
allowance and saturates, ``1 - exp(-max(0, x - a) / c)``, so one more tag line matters on
a clean page and hardly at all on a page full of them; the terms are weighted and summed
(weights add up to 1). The allowance is one line and one kind: a lone "Read more" or
"Share this" line is on most news pages and says nothing about the story, so filler
measures the chrome beyond it.

| term | feature | allowance a | scale c | weight |
|---|---|---|---|---|
| share of characters in filler blocks | ``filler.share`` | 0 | 0.15 | 0.30 |
| filler lines | ``filler.lines`` | 1 | 8 | 0.30 |
| filler items (tags, keywords, links) | ``filler.items`` | 0 | 12 | 0.25 |
| distinct kinds of filler | ``filler.kinds`` | 1 | 1 | 0.15 |

A clean article scores 0. A 12-item tag block with comment-form boilerplate on a
normal-length article scores 0.58 (tags as two comma lines) to 0.77 (one tag a line;
``tests/model/test_filler.py``); a lone "Read more" line 0.02.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from hypescore.model._rows import row_sums

# (feature, allowance a, scale c, weight)
FILLER_TERMS: tuple[tuple[str, float, float, float], ...] = (
    ("filler.share", 0.0, 0.15, 0.30),
    ("filler.lines", 1.0, 8.0, 0.30),
    ("filler.items", 0.0, 12.0, 0.25),
    ("filler.kinds", 1.0, 1.0, 0.15),
)
FILLER_FEATURES = tuple(term[0] for term in FILLER_TERMS)
_ALLOWANCES = np.array([term[1] for term in FILLER_TERMS])
_SCALES = np.array([term[2] for term in FILLER_TERMS])
_WEIGHTS = np.array([term[3] for term in FILLER_TERMS])


def filler_terms(values: np.ndarray) -> np.ndarray:
    """Per-term contributions (weight times saturation) for rows of ``FILLER_FEATURES``."""
    x = np.clip(np.asarray(values, dtype=float) - _ALLOWANCES, 0.0, None)
    return _WEIGHTS * (1.0 - np.exp(-x / _SCALES))


def filler_score(values: np.ndarray) -> np.ndarray | float:
    """``filler_score`` of one row (or rows) of ``FILLER_FEATURES`` values, in 0..1."""
    return row_sums(filler_terms(values))


def filler_scores(X: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """``filler_score`` of each row of a full feature matrix with columns ``names``."""
    columns = [list(names).index(feature) for feature in FILLER_FEATURES]
    return np.atleast_1d(filler_score(np.atleast_2d(X)[:, columns]))
