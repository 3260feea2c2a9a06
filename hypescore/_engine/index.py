"""Per-document lookup structures shared by the extractors, each built at most once.

Word-level questions ("does any word of this lexicon occur?", "how often?") are answered
from the word runs the analysis pass already found, with C-speed set and dict operations,
instead of one regex scan of the whole text per lexicon.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from hypescore._engine import kernel

# Characters for which str.lower() and the regex engine's IGNORECASE disagree (length
# changes, or extra case equivalences such as long s ~ s and dotless i ~ i).
_CASE_EXOTIC = ("\u0130", "\u0131", "\u017f")


class TextIndex:
    """Tokens, word runs and the lower-cased text of one normalised text."""

    def __init__(self, norm: str, runs: list[str]) -> None:
        self.norm = norm
        self._runs = runs
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, build: Callable[[TextIndex], Any]) -> Any:
        """``build(self)``, computed once per document under ``key``."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build(self)
            return value

    @cached_property
    def tokens(self) -> list[str]:
        """Whitespace-separated tokens (what VADER and textstat iterate over)."""
        return self.norm.split()

    @cached_property
    def distinct_tokens(self) -> set[str]:
        return set(self.tokens)

    def compiled_tokens(self) -> Any:
        """The tokens interned by the compiled kernel (``None`` on the pure-Python path).

        VADER and readability read a document's tokens through it when the kernel runs,
        so the text is split and its distinct tokens found once, in C.
        """
        compiled = kernel.active()
        if compiled is None:
            return None
        return self.memo("compiled-tokens", lambda index: compiled.DocumentTokens(index.norm))

    @cached_property
    def lowered(self) -> str:
        """``norm.lower()``; offsets line up with ``norm`` unless :attr:`exotic`."""
        return self.norm.lower()

    @cached_property
    def exotic(self) -> bool:
        """True when case-insensitive matching cannot be reasoned about via ``lowered``."""
        norm = self.norm
        if norm.isascii():
            return False
        return len(self.lowered) != len(norm) or any(c in norm for c in _CASE_EXOTIC)

    def may_contain(self, words: Iterable[str]) -> list[str]:
        """Those of ``words`` (ASCII) that may occur as whole runs, in any case."""
        present = self.lower_runs
        return [word for word in words if word.lower() in present]

    @cached_property
    def lower_runs(self) -> Counter[str]:
        """How often each ``\\w+`` run occurs, lower-cased.

        Also answers "may this word occur?" for case-sensitive searches: an ASCII word
        whose lower case is not here does not occur in any case.
        """
        return Counter(" ".join(self._runs).lower().split())

    def find_all(self, needle: str, *, lowered: bool = False) -> list[int]:
        """Start offsets of every occurrence of ``needle`` (overlapping ones included)."""
        haystack = self.lowered if lowered else self.norm
        found: list[int] = []
        find = haystack.find
        at = find(needle)
        while at >= 0:
            found.append(at)
            at = find(needle, at + 1)
        return found
