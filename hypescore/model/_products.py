"""The exact split of a product's change between its two factors.

Impact is amount times spread, and substance is (1 - hype) times (0.5 + impact): reasons
report each factor's share of the change from the reference article. The two-player
Shapley split of ``x * y`` is exact, ``x y - x0 y0 = (x - x0) (y + y0) / 2 + (y - y0)
(x + x0) / 2``, so the shares add up to the change with no remainder.
"""

from __future__ import annotations

from typing import Any


def product_split(x: Any, x0: Any, y: Any, y0: Any) -> tuple[Any, Any]:
    """What multiplies each factor's change: ``((y + y0) / 2, (x + x0) / 2)`` (floats or
    arrays), so ``d(xy) = dx * first + dy * second``."""
    return (y + y0) / 2, (x + x0) / 2
