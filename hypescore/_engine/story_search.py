"""Linear-time lookups for the story matcher: interval overlap, name occurrences, figures.

Articles are untrusted and may hold thousands of distinct figures and names; a scan of
every earlier fact (or of the whole text) per fact would make ``story`` quadratic. Each
structure here answers its question in logarithmic or constant time after one pass.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Generic, Protocol, TypeVar

from hypescore._engine.index import WORD_RUN_RE

T = TypeVar("T")
K = TypeVar("K", bound="Measured")


class Measured(Protocol):
    measure: str
    value: float


MAX_NAME_WORDS = 8
"""Names of more words are searched with a regular expression (rare; still linear)."""


class Intervals:
    """A set of half-open ``[start, end)`` intervals, kept merged and sorted."""

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(pairs):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        first = bisect_left(self._ends, start)  # the first interval that touches or follows
        after = bisect_right(self._starts, end)
        if first < after:
            start = min(start, self._starts[first])
            end = max(end, self._ends[after - 1])
        self._starts[first:after] = [start]
        self._ends[first:after] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with any interval."""
        i = bisect_right(self._ends, start)
        return i < len(self._starts) and self._starts[i] < end


class NameOccurrences:
    """Where each of a set of names occurs in a text as whole words, from one pass.

    A name that starts and ends with a word character matches exactly where a run of
    its number of words, taken whole from the text, spells it; so every run of 1..k
    words is looked up in the set of wanted names. Other names fall back to a regex.
    """

    def __init__(self, text: str, names: Iterable[str]) -> None:
        self._text = text
        self._found: dict[str, list[int]] = defaultdict(list)
        self._odd: set[str] = set()
        wanted: dict[int, set[str]] = defaultdict(set)
        for name in names:
            words = len(WORD_RUN_RE.findall(name))
            plain = bool(name) and _is_word(name[0]) and _is_word(name[-1])
            if plain and words <= MAX_NAME_WORDS:
                wanted[words].add(name)
            else:
                self._odd.add(name)
        tokens = [(m.start(), m.end()) for m in WORD_RUN_RE.finditer(text)] if wanted else []
        for size, names_of_size in wanted.items():
            longest = max(map(len, names_of_size))
            for i in range(len(tokens) - size + 1):
                start, end = tokens[i][0], tokens[i + size - 1][1]
                if end - start <= longest:
                    candidate = text[start:end]
                    if candidate in names_of_size:
                        self._found[candidate].append(start)

    def starts(self, name: str) -> list[int]:
        """Start offsets of ``name`` as whole words, in text order."""
        if name in self._odd:
            pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
            self._found[name] = [m.start() for m in re.finditer(pattern, self._text)]
            self._odd.discard(name)
        return self._found.get(name, [])


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def at_sentence_start(text: str, position: int) -> bool:
    """Whether ``position`` opens a sentence: the text start, after a line break, or after
    ``.``, ``!`` or ``?`` and whitespace. Looks back over the whitespace run only."""
    if position == 0:
        return True
    before = position
    while before > 0 and text[before - 1].isspace():
        before -= 1
    if "\n" in text[before:position]:
        return True
    return 0 < before < position and text[before - 1] in ".!?"


class ToleranceIndex(Generic[K, T]):
    """The first-added item whose key matches a query's, where keys (with a ``measure``
    and a ``value``) match only when their values lie within a relative tolerance.

    Values are bucketed on a logarithmic grid whose cells are one tolerance wide, so
    every match lies in the query's cell or a neighbour: constant work per lookup.
    """

    def __init__(self, tolerance: float, same: Callable[[K, K], bool]) -> None:
        self._width = -math.log1p(-tolerance)
        self._same = same
        self._cells: dict[tuple[str, int, int], list[tuple[int, K, T]]] = defaultdict(list)
        self._added = 0

    def _cell(self, key: K) -> tuple[str, int, int]:
        value = key.value
        if value == 0 or not math.isfinite(value):
            return key.measure, 0, 0 if value == 0 else 1
        sign = 1 if value > 0 else -1
        return key.measure, sign, math.floor(math.log(abs(value)) / self._width)

    def find(self, key: K) -> T | None:
        measure, sign, cell = self._cell(key)
        best: tuple[int, T] | None = None
        for near in (cell - 1, cell, cell + 1):
            for order, other, item in self._cells.get((measure, sign, near), ()):
                if self._same(key, other) and (best is None or order < best[0]):
                    best = (order, item)
        return None if best is None else best[1]

    def add(self, key: K, item: T) -> None:
        self._cells[self._cell(key)].append((self._added, key, item))
        self._added += 1
