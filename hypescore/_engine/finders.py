"""Exactly what ``pattern.finditer(doc.norm)`` returns, without scanning every position.

A regex scan tries the pattern at every character, which for our word-boundary
alternations costs about as much as reading the text again; twenty such scans dominated
featurization. A finder reaches the same matches faster, from cheap facts about the
document (``hypescore._engine.index.TextIndex``):

- if a pattern cannot match (a word it needs is absent), there is nothing to scan;
- if every match must start where some literal occurs, ``pattern.match`` is tried only at
  those places, left to right, skipping places inside the previous match, which is how
  ``finditer`` proceeds (none of these patterns can match the empty string);
- a word-list count is a sum over the document's word counts, plus corrections for the
  few multi-word phrases present.

Every finder keeps the original pattern and is checked against plain ``finditer`` by the
tests (``tests/_engine/test_finders.py``, ``tests/_engine/test_token_caches.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, KeysView
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from hypescore._engine import kernel, multisearch
from hypescore._engine.index import WORD_RUN_RE, case_fold

if TYPE_CHECKING:
    from hypescore._engine.index import TextIndex

T = TypeVar("T")
_STARTS_WITH_WORD_CHAR_RE = re.compile(r"\w")


def emulate_finditer(
    pattern: re.Pattern[str], text: str, candidates: Iterable[int]
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` given every offset where a match could start."""
    if not candidates:  # a headline offers most finders no place at all
        return []
    found: list[re.Match[str]] = []
    last_end = 0
    match = pattern.match
    for start in sorted(set(candidates)):
        if start < last_end:
            continue
        hit = match(text, start)
        if hit is not None:
            found.append(hit)
            last_end = hit.end()
    return found


def union_finditer(
    sources: list[Callable[[int], re.Match[str] | None]],
) -> list[re.Match[str]]:
    """``finditer`` of an alternation ``A|B|...`` from each alternative's own search.

    ``sources[k](pos)`` returns alternative k's leftmost match starting at or after
    ``pos``. The alternation's next match is the leftmost of those; at the same start the
    earlier alternative wins, as in the regex engine.
    """
    found: list[re.Match[str]] = []
    pending: list[re.Match[str] | None] = [None] * len(sources)
    exhausted = [False] * len(sources)
    pos = 0
    while True:
        best: re.Match[str] | None = None
        for k, source in enumerate(sources):
            if exhausted[k]:
                continue
            hit = pending[k]
            if hit is None or hit.start() < pos:
                hit = source(pos)
                pending[k] = hit
                if hit is None:
                    exhausted[k] = True
                    continue
            if best is None or hit.start() < best.start():
                best = hit
        if best is None:
            return found
        found.append(best)
        pos = best.end()


def line_source(
    pattern: re.Pattern[str], text: str, anchors: Iterable[int]
) -> Callable[[int], re.Match[str] | None]:
    """A ``union_finditer`` source: ``pattern.search`` on the lines of ``text`` that
    hold an anchor only, for a pattern whose every match holds one of ``anchors`` and
    no newline, and which looks past a match's end with ``\\b`` at most. Each search
    ends at its line's newline: ``\\b`` reads that end as it reads the newline (not a
    word character), and look-behind still sees the text before the line."""
    lines = sorted({(text.rfind("\n", 0, at) + 1, _line_end(text, at)) for at in anchors})
    search = pattern.search

    def on_line(line: tuple[int, int], pos: int) -> re.Match[str] | None:
        start, end = line
        return search(text, max(start, pos), end) if end > pos else None

    return _first_hit(lines, on_line)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def candidate_source(
    pattern: re.Pattern[str], text: str, candidates: Iterable[int]
) -> Callable[[int], re.Match[str] | None]:
    """A ``union_finditer`` source trying ``pattern.match`` at sorted candidate offsets."""
    match = pattern.match

    def at_candidate(start: int, pos: int) -> re.Match[str] | None:
        return match(text, start) if start >= pos else None

    return _first_hit(sorted(set(candidates)), at_candidate)


def _first_hit(
    places: list[T], attempt: Callable[[T, int], re.Match[str] | None]
) -> Callable[[int], re.Match[str] | None]:
    """The first hit of ``attempt(place, pos)`` over ``places`` in order. Calls come
    with growing ``pos``, so a place that gave nothing is not tried again."""
    state = {"next": 0}

    def leftmost(pos: int) -> re.Match[str] | None:
        k = state["next"]
        while k < len(places):
            hit = attempt(places[k], pos)
            if hit is not None:
                state["next"] = k
                return hit
            k += 1
        state["next"] = k
        return None

    return leftmost


def _grouped(items: Iterable[T], key: Callable[[T], str]) -> dict[str, tuple[T, ...]]:
    """``items`` by ``key``, each group in the items' order."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return {k: tuple(group) for k, group in groups.items()}


class _Phrase:
    """A multi-word phrase: the words it needs, and how to find where it starts."""

    __slots__ = ("anchor", "before", "required")  # required: its words, lower case

    def __init__(self, key: str, spaces_flexible: bool) -> None:
        pieces = key.split(" ") if spaces_flexible else [key]
        # Search for the longest piece (rarest, fewest false hits) and walk back from it.
        at = max(range(len(pieces)), key=lambda k: len(pieces[k]))
        self.anchor = pieces[at]
        self.before = tuple(reversed(pieces[:at]))
        self.required = frozenset(WORD_RUN_RE.findall(key.lower()))

    def starts(self, index: TextIndex, lowered: bool) -> list[int]:
        """Where the phrase would have to start, for each occurrence of its anchor."""
        norm = index.norm
        starts = []
        for at in index.find_all(self.anchor, lowered=lowered):
            for piece in self.before:  # each piece is followed by \s+ in the pattern
                gap = at
                while gap > 0 and norm[gap - 1].isspace():
                    gap -= 1
                if gap == at:
                    break
                at = gap - len(piece)
                if at < 0:
                    break
            else:
                starts.append(at)
        return starts


def _rarest_word(phrase: _Phrase) -> str:
    """The word a phrase is looked up by: its longest (the first in sorted order of
    those as long). Any of its words would do, as all must occur; a long one rules the
    phrase out in most documents ("at the same time" waits for "same", not "at")."""
    return max(sorted(phrase.required), key=len)


class PhraseFinder:
    """A literal word-list alternation, e.g. ``(?<!\\w)(?:said|according\\s+to)(?!\\w)``.

    ``phrases`` are the list entries as the pattern spells them, each starting with a
    word character. ``ignorecase`` must match the pattern's flag. ``spaces_flexible``
    says whether a space in a phrase stands for ``\\s+`` (lexicons) or a literal space
    (outlet names). ``word_bounded`` says the pattern is bounded by ``(?<!\\w)`` and
    ``(?!\\w)`` exactly, which lets single-word entries be counted from word counts.

    A match can only start at a single-word entry that occurs as a word, or at the start
    of a multi-word entry all of whose words occur; those places are found with
    ``TextIndex.find_all`` (one multi-word pass over the case-folded text, or a search
    per word) and the pattern is tried there only. Case is folded as IGNORECASE folds
    it (``index.case_fold``), so dotless i or long s in a document changes nothing.
    """

    def __init__(
        self,
        pattern: re.Pattern[str],
        phrases: Iterable[str],
        *,
        ignorecase: bool,
        spaces_flexible: bool,
        word_bounded: bool,
    ) -> None:
        self.pattern = pattern
        self.ignorecase = ignorecase
        keys = [p.lower() if ignorecase else p for p in phrases]
        self._supported = all(
            _STARTS_WITH_WORD_CHAR_RE.match(k) and "  " not in k for k in keys
        ) and (not ignorecase or all(k.isascii() for k in keys))
        self._singles = frozenset(k for k in keys if WORD_RUN_RE.fullmatch(k))
        self._multis = [_Phrase(k, spaces_flexible) for k in keys if k not in self._singles]
        self._countable = word_bounded and ignorecase and self._supported
        # Looked up from the document's side: a headline has a dozen words, a lexicon
        # hundreds (dict views intersect by walking the smaller one).
        self._by_lower = _grouped(self._singles, str.lower)
        self._by_word = _grouped(self._multis, _rarest_word)
        if self._supported:
            multisearch.register(k.lower() for k in (*self._singles, *self._anchors()))

    def _anchors(self) -> list[str]:
        return [phrase.anchor for phrase in self._multis]

    def matches(self, index: TextIndex) -> list[re.Match[str]]:
        if not self._supported:
            return list(self.pattern.finditer(index.norm))
        lowered = self.ignorecase
        present = index.lower_runs.keys()  # lower case: a filter, the search keeps case
        singles = present & self._by_lower.keys()
        phrases = self._possible_phrases(present)
        if not singles and not phrases:  # a headline's case for most lists
            return []
        candidates = [
            at
            for low in singles
            for single in self._by_lower[low]
            for at in index.find_all(single, lowered=lowered)
        ]
        for phrase in phrases:
            candidates.extend(phrase.starts(index, lowered))
        return emulate_finditer(self.pattern, index.norm, candidates)

    def _possible_phrases(self, present: KeysView[str]) -> list[_Phrase]:
        """The multi-word entries all of whose words occur (lower case)."""
        words = present & self._by_word.keys()
        if not words:  # most documents' case for most lists: no comprehension to run
            return []
        return [
            phrase for word in words for phrase in self._by_word[word] if phrase.required <= present
        ]

    def count(self, index: TextIndex) -> int:
        if not self._countable:
            return len(self.matches(index))
        counts = index.lower_runs
        present = counts.keys()
        # Countable entries are lower case: each single is its own lower-case key.
        total = sum(map(counts.__getitem__, present & self._by_lower.keys()))
        candidates: list[int] = []
        for phrase in self._possible_phrases(present):
            candidates.extend(phrase.starts(index, True))
        if not candidates:
            return total
        singles = self._singles
        for hit in emulate_finditer(self.pattern, index.norm, candidates):
            # This match replaces the single-word matches counted inside it.
            inside = WORD_RUN_RE.findall(case_fold(hit.group()))
            total += 1 - sum(1 for run in inside if run in singles)
        return total


class CandidateFinder:
    """A pattern tried only where ``candidates(index)`` says a match may start.

    ``candidates`` returns ``None`` when it cannot tell, and the pattern scans the text.
    """

    def __init__(
        self,
        pattern: re.Pattern[str],
        candidates: Callable[[TextIndex], Iterable[int] | None],
    ) -> None:
        self.pattern = pattern
        self._candidates = candidates

    def matches(self, index: TextIndex) -> list[re.Match[str]]:
        candidates = self._candidates(index)
        if candidates is None:
            return list(self.pattern.finditer(index.norm))
        return emulate_finditer(self.pattern, index.norm, candidates)

    def count(self, index: TextIndex) -> int:
        return len(self.matches(index))


class ScanFinder:
    """A plain scan, skipped when ``possible(index)`` proves there can be no match.

    ``compiled_starts``, when given, finds where every match starts with the compiled
    kernel (``compiled_starts(kernel, text)``): a count is then their number, and
    matches are made there only.
    """

    def __init__(
        self,
        pattern: re.Pattern[str],
        possible: Callable[[TextIndex], bool] | None = None,
        scan_pattern: re.Pattern[str] | None = None,
        compiled_starts: Callable[[ModuleType, str], list[int]] | None = None,
    ) -> None:
        self.pattern = pattern
        self._possible = possible
        # An equivalent pattern that the regex engine scans faster, when there is one.
        self._scan = scan_pattern or pattern
        self._compiled_starts = compiled_starts
        if self._scan.groups:
            raise ValueError("counting uses findall: the pattern must have no groups")

    def _starts(self, index: TextIndex) -> list[int] | None:
        compiled = kernel.active()
        if compiled is None or self._compiled_starts is None:
            return None
        return self._compiled_starts(compiled, index.norm)

    def matches(self, index: TextIndex) -> list[re.Match[str]]:
        if self._possible is not None and not self._possible(index):
            return []
        starts = self._starts(index)
        if starts is not None:
            return emulate_finditer(self.pattern, index.norm, starts)
        return list(self._scan.finditer(index.norm))

    def count(self, index: TextIndex) -> int:
        if self._possible is not None and not self._possible(index):
            return 0
        starts = self._starts(index)
        if starts is not None:
            return len(starts)
        return len(self._scan.findall(index.norm))
