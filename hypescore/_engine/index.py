"""Per-document lookup structures shared by the extractors, each built at most once.

Word-level questions ("does any word of this lexicon occur?", "how often?") are answered
from the word runs the analysis pass already found, with C-speed set and dict operations,
instead of one regex scan of the whole text per lexicon.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from typing import Any, Generic, TypeVar, overload

from hypescore._engine import kernel, multisearch

# The letters the regex engine's IGNORECASE equates with an ASCII letter that str.lower()
# does not map to it: dotted capital I (whose lower case is two characters), dotless i
# and long s. The Kelvin sign, the only other one, lowers to "k". Folding these first
# makes the lower-cased text as long as the original, offset for offset, and an ASCII
# word occurs in it exactly where IGNORECASE would match it (tests/_engine/test_case_fold.py
# checks this against the regex engine for every code point).
_CASE_ODDITIES = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))
# A run of word characters: words, lexicon keys and counts are made of these.
WORD_RUN_RE = re.compile(r"\w+")
_MISSING = object()


def case_fold(text: str) -> str:
    """``text.lower()`` with the regex engine's extra ASCII case equivalences folded in.

    ``str.replace`` per letter present, not ``str.translate``: a C-speed pass each
    where translate looks every character of a non-ASCII text up in a dict.
    """
    if not text.isascii():
        for odd, ascii_letter in _CASE_ODDITIES:
            if odd in text:
                text = text.replace(odd, ascii_letter)
    return text.lower()


@lru_cache(maxsize=256)
def _with_lower(words: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """Each word with its lower case, and the set of those: callers ask about the same
    few word lists for every document."""
    pairs = tuple((word, word.lower()) for word in words)
    return pairs, frozenset(low for _, low in pairs)


T = TypeVar("T")


class cached_attribute(Generic[T]):  # noqa: N801 - a decorator, named like functools.cached_property
    """``functools.cached_property`` without its lock: on Python 3.11 every first access
    takes an RLock (about a microsecond, three times per headline). An index belongs to
    one document and is read by one thread; a race would only compute a value twice."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_attribute[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        # A non-data descriptor: once stored, the instance's own attribute is found first.
        value = instance.__dict__[self.name] = self.func(instance)
        return value


class TextIndex:
    """Tokens, word runs and the lower-cased text of one normalised text."""

    def __init__(
        self, norm: str, runs: list[str] | None = None, *, one_pass: bool | None = None
    ) -> None:
        """``runs`` are the ``\\w+`` runs of ``norm`` when the caller has them (``None``:
        found here when needed). ``one_pass`` forces the single multi-word pass on (or
        off); by default it runs when the text holds enough registered words to pay for it."""
        self.norm = norm
        self._runs = runs
        self._memo: dict[Hashable, Any] = {}
        self._one_pass = one_pass

    def memo(self, key: Hashable, build: Callable[[TextIndex], Any]) -> Any:
        """``build(self)``, computed once per document under ``key`` (a name, or the
        object that builds it). Most keys of a headline are asked for once: a miss is a
        ``get``, not a raised KeyError."""
        value = self._memo.get(key, _MISSING)
        if value is _MISSING:
            value = self._memo[key] = build(self)
        return value

    @cached_attribute
    def tokens(self) -> list[str]:
        """Whitespace-separated tokens (what VADER and textstat iterate over)."""
        return self.norm.split()

    @cached_attribute
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

    @cached_attribute
    def lowered(self) -> str:
        """:func:`case_fold` of ``norm``: same length, offsets line up with ``norm``."""
        return case_fold(self.norm)

    def may_contain(self, words: Iterable[str]) -> list[str]:
        """Those of ``words`` (ASCII) that may occur as whole runs, in any case."""
        present = self.lower_runs
        pairs, lows = _with_lower(tuple(words))
        if present.keys().isdisjoint(lows):  # in C, over the smaller side: most documents
            return []
        return [word for word, low in pairs if low in present]

    @cached_attribute
    def lower_runs(self) -> Counter[str]:
        """How often each ``\\w+`` run occurs, lower-cased.

        Also answers "may this word occur?" for case-sensitive searches: an ASCII word
        whose lower case is not here does not occur in any case.
        """
        compiled = kernel.active()
        runs = self._runs
        if compiled is None:
            if runs is None:
                runs = WORD_RUN_RE.findall(self.norm)
            return Counter(case_fold(" ".join(runs)).split())
        counts: Counter[str] = Counter()
        if runs is None:
            compiled.count_text_runs(self.norm, counts, case_fold)
        else:
            compiled.count_lower_runs(runs, counts, case_fold)
        return counts

    @cached_attribute
    def _positions(self) -> tuple[frozenset[str], dict[str, list[int]]] | None:
        """Where each registered word occurs in ``lowered`` (``multisearch.all_positions``),
        or ``None`` to search word by word."""
        wanted = self._one_pass
        if wanted is None:
            wanted = len(self.norm) >= multisearch.ONE_PASS_MIN_CHARS
        if not (wanted and multisearch.AVAILABLE):
            return None
        return multisearch.all_positions(self.lowered)

    def find_all(self, needle: str, *, lowered: bool = False) -> list[int]:
        """Start offsets of every occurrence of ``needle`` (overlapping ones included),
        in ``lowered`` or in ``norm``."""
        key = needle.lower()
        if key == needle or not lowered:
            searched = self._positions
            # A word registered after this text's pass (a finder built later) is searched.
            if searched is not None and key in searched[0]:
                starts = searched[1].get(key, [])
                if lowered:
                    return list(starts)
                # An ASCII needle occurs in norm where its lower case occurs in lowered
                # and the characters there are exactly its own.
                startswith = self.norm.startswith
                return [at for at in starts if startswith(needle, at)]
        return multisearch.find_each(self.lowered if lowered else self.norm, needle)
