"""Syllable counts exactly as textstat 0.7.x counts them, without importing textstat.

textstat counts a word's syllables as the vowel phones of its first CMUdict
pronunciation, or, for words CMUdict lacks, as pyphen's hyphenation points + 1. Here the
CMUdict counts come from a derived table shipped with hypescore (loads in ~30 ms instead
of CMUdict's ~1 s), and hyphenation is Liang's algorithm over pyphen's own ``en_US``
pattern file, replayed as ``pyphen.HyphDict.positions`` does it (pyphen is not imported;
parsing its patterns our way takes a fraction of the time). Both are checked against the
real libraries by tests.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import Any

from hypescore._engine import kernel

_LEFT = 2  # pyphen.Pyphen defaults, which textstat uses
_RIGHT = 2
_IGNORED = (
    "%",
    "#",
    "LEFTHYPHENMIN",
    "RIGHTHYPHENMIN",
    "COMPOUNDLEFTHYPHENMIN",
    "COMPOUNDRIGHTHYPHENMIN",
)
_HEX_RE = re.compile(r"\^{2}([0-9a-f]{2})")
# Bound on the syllable cache. As small as the token caches' (``tokens.MAX_TOKENS``), so a
# stream reaches its peak memory within its first few thousand documents and stays there.
_MAX_CACHED_WORDS = 100_000


@cache
def cmudict_syllables() -> dict[str, int]:
    """Word (lower case) to syllable count of its first CMUdict pronunciation."""
    ref = resources.files("hypescore.data").joinpath("cmudict_syllables.txt.gz")
    text = gzip.decompress(ref.read_bytes()).decode("utf-8")
    table: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        count, _, words = line.partition("\t")
        table.update(dict.fromkeys(words.split(" "), int(count)))
    return table


def pyphen_dictionary_path(lang: str = "en_US") -> Path:
    """The ``hyph_<lang>.dic`` file of the installed pyphen, found without importing it."""
    spec = find_spec("pyphen")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyphen is not installed")
    root = Path(next(iter(spec.submodule_search_locations)))
    return root / "dictionaries" / f"hyph_{lang}.dic"


def parse_patterns(path: Path) -> dict[str, tuple[int, tuple[int, ...]]]:
    """Liang patterns as ``pyphen.HyphDict`` stores them: letters -> (offset, values).

    A pattern such as ``.ach4`` interleaves letters with digits; each digit is the value
    before the following letter. Leading and trailing zeros are dropped and the offset
    of the first kept value recorded, as pyphen does.
    """
    with path.open("rb") as handle:
        encoding = handle.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    patterns: dict[str, tuple[int, tuple[int, ...]]] = {}
    for line in path.read_text(encoding).split("\n")[1:]:
        pattern = line.strip()
        if not pattern or pattern.startswith(_IGNORED):
            continue
        if "^^" in pattern:
            pattern = _HEX_RE.sub(lambda match: chr(int(match.group(1), 16)), pattern)
        if "/" in pattern and "=" in pattern:
            pattern = pattern.split("/", 1)[0]  # non-standard hyphenation: values only
        letters: list[str] = []
        values: list[int] = []
        pending = 0
        for char in pattern:
            if char.isdigit():
                pending = int(char)
            else:
                letters.append(char)
                values.append(pending)
                pending = 0
        values.append(pending)
        if max(values) == 0:
            continue
        start, end = 0, len(values)
        while not values[start]:
            start += 1
        while not values[end - 1]:
            end -= 1
        patterns["".join(letters)] = (start, tuple(values[start:end]))
    return patterns


class Hyphenator:
    """``pyphen.Pyphen(lang=...).positions`` for syllable counting."""

    def __init__(self, patterns: dict[str, tuple[int, tuple[int, ...]]]) -> None:
        self.patterns = patterns
        # The patterns as a trie over characters: walking it from each start visits
        # exactly the substrings pyphen looks up, and stops as soon as no pattern can
        # continue (pyphen slices and looks up every substring up to the longest pattern).
        root: dict[str, list] = {}
        for key, pattern in patterns.items():
            node = root
            for k, char in enumerate(key):
                entry = node.setdefault(char, [{}, None])
                if k == len(key) - 1:
                    entry[1] = pattern
                node = entry[0]
        self._trie = root

    @property
    def trie(self) -> dict[str, list]:
        return self._trie

    def positions(self, word: str) -> list[int]:
        """Hyphenation points of ``word``, as ``pyphen.Pyphen.positions`` returns them."""
        compiled = kernel.active()
        if compiled is not None:
            return compiled.hyphen_positions(self._trie, word, _LEFT, _RIGHT)
        right = len(word) - _RIGHT
        return [i for i in self._points(word.lower()) if _LEFT <= i <= right]

    def _points(self, word: str) -> list[int]:
        root = self._trie
        pointed = f".{word}."
        size = len(pointed)
        references = [0] * (size + 1)
        for i in range(size - 1):
            node = root
            for j in range(i, size):
                entry = node.get(pointed[j])
                if entry is None:
                    break
                node, pattern = entry
                if pattern is None:
                    continue
                offset, values = pattern
                at = i + offset
                # references[at:at+len(values)] = map(max, ...), truncated at the end
                for value in values:
                    if at > size:
                        break
                    if value > references[at]:
                        references[at] = value
                    at += 1
        return [i - 1 for i, value in enumerate(references) if value % 2]


@cache
def hyphenator() -> Hyphenator:
    return Hyphenator(parse_patterns(pyphen_dictionary_path()))


_counted: dict[str, int] = {}


def syllables(word: str) -> int:
    """textstat's syllable count of one lower-case word (CMUdict, else pyphen + 1)."""
    count = _counted.get(word)
    if count is None:
        count = cmudict_syllables().get(word)
        if count is None:
            count = len(hyphenator().positions(word)) + 1
        if len(_counted) >= _MAX_CACHED_WORDS:
            _counted.clear()
        _counted[word] = count
    return count


@cache
def compiled_syllables(compiled: ModuleType) -> Any:
    """The kernel's twin of :func:`syllables`, over the same table and the same cache."""
    return compiled.Syllables(
        cmudict_syllables(), _counted, lambda: hyphenator().trie, _MAX_CACHED_WORDS, _LEFT, _RIGHT
    )
