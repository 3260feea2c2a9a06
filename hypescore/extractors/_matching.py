"""Counting pattern matches, recording evidence only when the caller asks for it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from hypescore.evidence import Span, SpanSink

if TYPE_CHECKING:
    from hypescore._engine.index import TextIndex


class Finder(Protocol):
    """What ``pattern.finditer(index.norm)`` finds, possibly found a faster way."""

    def matches(self, index: TextIndex) -> list[re.Match[str]]: ...

    def count(self, index: TextIndex) -> int: ...


def count_matches(
    pattern: re.Pattern[str],
    text: str,
    sink: SpanSink,
    *,
    kind: str,
    feature: str,
    field: str = "text",
) -> int:
    """Number of non-overlapping matches; appends a span per match when ``sink`` is a list."""
    if sink is None:
        return sum(1 for _ in pattern.finditer(text))
    count = 0
    for match in pattern.finditer(text):
        sink.append(Span(match.start(), match.end(), kind, feature, field))
        count += 1
    return count


def merged_length(intervals: list[tuple[int, int]]) -> int:
    """Characters covered by a set of possibly overlapping intervals."""
    total = 0
    last_end = -1
    for start, end in sorted(intervals):
        if end <= last_end:
            continue
        total += end - max(start, last_end)
        last_end = end
    return total


def found_matches(finder: Finder, index: TextIndex) -> list[re.Match[str]]:
    """``finder.matches(index)``, found once per document however many features use them."""
    return index.memo(finder, finder.matches)


def count_found(
    finder: Finder,
    index: TextIndex,
    sink: SpanSink,
    *,
    kind: str,
    feature: str,
    shared: bool = False,
) -> int:
    """Like :func:`count_matches` for a finder over the document's normalised text.

    ``shared`` keeps the matches for other features (:func:`found_matches`).
    """
    if shared:
        matches = found_matches(finder, index)
    elif sink is None:
        return finder.count(index)
    else:
        matches = finder.matches(index)
    if sink is not None:
        sink.extend(Span(m.start(), m.end(), kind, feature) for m in matches)
    return len(matches)
