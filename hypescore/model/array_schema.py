"""What every array in a model file must hold, declared in one line per array.

A model that loads must be able to score: an infinite intercept, a zero scale, a NaN
weight or a quantile table of the wrong shape would otherwise load and then fail (or
silently mislead) on every record. Each array is checked at load time for its shape
(named sizes such as ``features`` resolve per model), a real numeric dtype, finiteness
and a value rule; any breach is an :class:`InvalidArray` naming the array, which the loader reports
as a ``ModelLoadError`` for the file. A new
array in a payload needs one :class:`ArraySpec` line in its table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

Rule = Callable[[np.ndarray], bool]
MAX_MAGNITUDE = 1e6
"""No fitted number comes near this; beyond it sums of terms can overflow to infinity."""
MIN_SCALE = 1e-6
"""Below this a standardised feature is all clip: a scale this small was never fitted."""


class InvalidArray(ValueError):
    """An array breaks its spec; the loader reports it as a ModelLoadError for the file."""


def _any(values: np.ndarray) -> bool:
    return True


def _scale(values: np.ndarray) -> bool:
    return bool(np.all(values >= MIN_SCALE))


def _non_negative(values: np.ndarray) -> bool:
    return bool(np.all(values >= 0))


def _non_negative_some_positive(values: np.ndarray) -> bool:
    return _non_negative(values) and bool(np.any(values > 0))


def _unit_signs(values: np.ndarray) -> bool:
    return bool(np.all(np.abs(values) == 1))


def _rows_ascending(values: np.ndarray) -> bool:
    return bool(np.all(np.diff(values, axis=-1) >= 0))


def _probability(values: np.ndarray) -> bool:
    return bool(np.all((values >= 0) & (values <= 1)))


@dataclass(frozen=True)
class ArraySpec:
    """Shape (ints or named sizes; ``()`` for a scalar) and a rule on the finite values."""

    shape: tuple[int | str, ...]
    rule: Rule = _any
    rule_text: str = ""

    def read(self, value: Any, sizes: Mapping[str, int], where: str) -> np.ndarray:
        """``value`` as a float64 array that passed every check, else InvalidArray."""
        array = np.asarray(value)
        if array.dtype.kind not in "fiu":
            raise InvalidArray(f"{where}: {array.dtype} values, expected real numbers")
        expected = tuple(sizes[d] if isinstance(d, str) else d for d in self.shape)
        if array.shape != expected:
            raise InvalidArray(f"{where}: shape {array.shape}, expected {expected}")
        array = array.astype(np.float64)
        if not np.all(np.abs(array) <= MAX_MAGNITUDE):  # False for NaN too
            raise InvalidArray(f"{where}: holds NaN, infinite or values beyond +-{MAX_MAGNITUDE:g}")
        if not self.rule(array):
            raise InvalidArray(f"{where}: values must be {self.rule_text}")
        return array


NON_NEGATIVE = {"rule": _non_negative, "rule_text": "0 or more"}

IMPACT_ARRAYS: dict[str, ArraySpec] = {
    "weights": ArraySpec(("terms",)),  # signed: the anonymous-sourcing term is negative
    "scales": ArraySpec(("terms",), _scale, f"at least {MIN_SCALE:g}"),
    "reference": ArraySpec(("terms",), **NON_NEGATIVE),
}
COMBINATION_ARRAYS: dict[str, ArraySpec] = {
    part: ArraySpec((), _probability, "between 0 and 1") for part in ("headline", "body", "tone")
}
VERDICT_MAP_ARRAYS: dict[str, ArraySpec] = {
    "cuts": ArraySpec((9,), _rows_ascending, "ascending"),
}
REFERENCE_PART_ARRAYS: dict[str, ArraySpec] = {
    part: ArraySpec((), _probability, "between 0 and 1")
    for part in ("headline", "body", "filler", "tone")
}
THRESHOLD_ARRAYS: dict[str, ArraySpec] = {
    "hype": ArraySpec((), _probability, "between 0 and 1"),
    "impact": ArraySpec((), _probability, "between 0 and 1"),
}


def read_arrays(
    node: Any, specs: Mapping[str, ArraySpec], sizes: Mapping[str, int], where: str
) -> dict[str, np.ndarray]:
    """Every array ``specs`` names, read from the mapping ``node`` and checked."""
    if not isinstance(node, Mapping):
        raise InvalidArray(f"{where}: expected a mapping, got {type(node).__name__}")
    missing = [name for name in specs if name not in node]
    if missing:
        raise InvalidArray(f"{where}: missing {', '.join(missing)}")
    return {name: spec.read(node[name], sizes, f"{where}.{name}") for name, spec in specs.items()}
