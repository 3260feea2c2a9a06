"""Row sums whose value does not depend on the batch a row came in.

``a.sum(axis=-1)`` may add a row's columns in a different order depending on the array's
shape (numpy picks its loop order per call), so the same article scored alone and in a
chunk of 50 could differ in the last bit. Adding one column at a time fixes the order.
"""

from __future__ import annotations

import numpy as np


def row_sums(terms: np.ndarray) -> np.ndarray:
    """Sum over the last axis, column by column, in column order (any leading shape)."""
    terms = np.asarray(terms, dtype=np.float64)
    total = np.zeros(terms.shape[:-1])
    for column in np.moveaxis(terms, -1, 0):
        total = total + column
    return total
