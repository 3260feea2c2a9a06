"""BERT's uncased wordpiece tokeniser in plain Python, for a static per-piece table.

The subjectivity model reads a sentence through a table distilled from
all-MiniLM-L6-v2 (``tools/build_token_table.py``): one value per wordpiece of the
encoder's vocabulary, averaged over the sentence's pieces. Splitting the sentence the
way the encoder's own tokeniser does (lowercase, accents stripped, punctuation split off,
then greedy longest-match wordpieces with ``##`` continuations, ``[UNK]`` for a word that
cannot be split) keeps the table's pieces meaningful; no tokeniser library is needed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from types import ModuleType
from typing import Any

import numpy as np

from hypescore._engine import kernel
from hypescore._engine.tokens import MAX_TOKENS

UNKNOWN = "[UNK]"
CONTINUATION = "##"
MAX_WORD_CHARS = 100  # BERT's limit: a longer "word" is one [UNK]
# BERT splits off every ASCII punctuation or symbol character, and every other character
# of a Unicode punctuation category (non-ASCII symbols such as "£" stay inside words).
_ASCII_PUNCT = r"!-/:-@\[-`{-~"
_WORD_RE = re.compile(rf"[^\s{_ASCII_PUNCT}]+|[{_ASCII_PUNCT}]")
_CJK_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF))


_WIDE_RE = re.compile(r"[^\x00-\x7f]")


_COMPILED = kernel.optional_extension("_pieces")


def compiled_pieces() -> ModuleType | None:
    """The compiled loops of the piece table and the hashed rows (``_engine/_pieces.pyx``:
    the split of new words, the per-sentence totals, the rows' counts, sums, norms and
    scores) when they run: built, and the compiled kernel
    switched on (one switch for every compiled loop: ``HYPESCORE_PURE_PYTHON``,
    ``kernel.use``)."""
    return _COMPILED if kernel.active() is not None else None


def describe_pieces() -> str:
    """For ``hypescore info``: which path runs the wordpiece table."""
    if compiled_pieces() is not None:
        return "compiled (Cython, _pieces)"
    return "pure Python" + (" (compiled table loops not built)" if _COMPILED is None else "")


# The one whitespace character basic tokenisation drops (a control character) rather than
# keeps as a space: a text holding it cannot be split at whitespace first.
_DROPPED_SPACES = ("\x85",)


def basic_words(text: str) -> list[str]:
    """BERT's basic tokenisation: lowercased, accents stripped, punctuation split off."""
    return _lowered_words(text.lower())


def _lowered_words(text: str) -> list[str]:
    """``basic_words`` of a text already lowercased (as a whole: final sigma)."""
    if not text.isascii():  # NFD leaves ASCII alone; only the wide characters are mapped
        text = _WIDE_RE.sub(_wide_match, unicodedata.normalize("NFD", text))
    return _WORD_RE.findall(text)


def _wide_match(match: re.Match) -> str:
    return _wide_character(match.group())


@lru_cache(maxsize=1 << 14)
def _wide_character(c: str) -> str:
    """A character as BERT's basic tokeniser leaves it: accents and control characters
    dropped, punctuation and CJK ideographs set apart."""
    if c.isascii():
        return c
    category = unicodedata.category(c)
    if category == "Mn" or category in ("Cc", "Cf") or c == "\ufffd":
        return ""
    if category.startswith("P") or any(lo <= ord(c) <= hi for lo, hi in _CJK_RANGES):
        return f" {c} "
    return c


@dataclass
class WordPieces:
    """A vocabulary (pieces in id order) and the greedy longest-match split of words."""

    vocab: Sequence[str]
    _ids: dict[str, int] = field(init=False, repr=False)
    _cache: dict[str, tuple[int, ...]] = field(init=False, repr=False, default_factory=dict)
    _longest: int = field(init=False, repr=False, default=0)
    _continued: dict[str, int] = field(init=False, repr=False)
    _tries: tuple[Any, ...] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self._ids = {piece: i for i, piece in enumerate(self.vocab)}
        if UNKNOWN not in self._ids:
            raise ValueError(f"a wordpiece vocabulary needs {UNKNOWN}")
        # No piece is longer: the longest-match search starts there, not at the word's end.
        self._longest = max(len(p.removeprefix(CONTINUATION)) for p in self.vocab)
        # For the compiled split: the continuations without their "##".
        self._continued = {
            p.removeprefix(CONTINUATION): i
            for p, i in self._ids.items()
            if p.startswith(CONTINUATION)
        }

    def __getstate__(self) -> dict[str, Any]:
        """Without the compiled tries (C arrays, rebuilt on first use): a model travels
        to parallel workers pickled."""
        return {**self.__dict__, "_tries": None}

    def word_ids(self, word: str) -> tuple[int, ...]:
        """The piece ids of one basic word (cached: news reuses its words)."""
        found = self._cache.get(word)
        if found is None:
            found = self.split(word)
            self._cache[word] = found
        return found

    def split(self, word: str) -> tuple[int, ...]:
        """The piece ids of one basic word, greedy longest match (not cached)."""
        whole = self._ids.get(word)
        if whole is not None:
            return (whole,)
        if len(word) > MAX_WORD_CHARS:
            return (self._ids[UNKNOWN],)
        pieces, start = [], 0
        while start < len(word):
            end = min(len(word), start + self._longest)
            while end > start:
                piece = word[start:end] if start == 0 else CONTINUATION + word[start:end]
                piece_id = self._ids.get(piece)
                if piece_id is not None:
                    pieces.append(piece_id)
                    break
                end -= 1
            else:
                return (self._ids[UNKNOWN],)
            start = end
        return tuple(pieces)

    def compiled_sums(
        self, compiled: ModuleType, words: list[str], value_of: list[float]
    ) -> tuple[list[float], list[int]]:
        """Per word, the sum of ``value_of`` over ``split``'s ids and their count, by the
        compiled twin (``_engine/_pieces.pyx``: the pieces in a trie, built once)."""
        return compiled.piece_sums(words, *self._compiled_tries(compiled), *self._limits(value_of))

    def compiled_token_rows(
        self, compiled: ModuleType, tokens: list[str], value_of: list[float], rows: np.ndarray
    ) -> list[int]:
        """Fill ``rows`` with each ASCII whitespace token's (sum of ``value_of`` over the
        ids of its basic words' splits, their count) by the compiled twin: the token
        lowercased and cut into basic words in C, no word string built. Returns the
        positions of the other tokens (their rows are left for the caller)."""
        return compiled.ascii_token_rows(
            tokens, *self._compiled_tries(compiled), *self._limits(value_of), rows
        )

    def _compiled_tries(self, compiled: ModuleType) -> tuple[Any, Any]:
        """The pieces and the continuations as compiled tries, built once."""
        if self._tries is None or self._tries[0] is not compiled:
            self._tries = (
                compiled,
                compiled.PieceTrie(self._ids),
                compiled.PieceTrie(self._continued),
            )
        return self._tries[1], self._tries[2]

    def _limits(self, value_of: list[float]) -> tuple[list[float], int, int]:
        return value_of, MAX_WORD_CHARS, self._ids[UNKNOWN]

    def ids(self, text: str) -> list[int]:
        return [i for word in basic_words(text) for i in self.word_ids(word)]

    def batch_ids(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """All pieces of ``texts`` as ``(ids, row)``: flat piece ids and the text of each."""
        rows = [self.ids(text) for text in texts]
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        ids = np.fromiter((i for row in rows for i in row), dtype=np.int64, count=lengths.sum())
        return ids, np.repeat(np.arange(len(rows)), lengths)


def mean_rows(table: np.ndarray, ids: np.ndarray, row: np.ndarray, n_rows: int) -> np.ndarray:
    """Per text, the mean of ``table`` over its pieces (zeros for a text with none)."""
    counts = np.maximum(np.bincount(row, minlength=n_rows), 1)
    values = table[ids]
    if values.ndim == 1:
        return np.bincount(row, weights=values, minlength=n_rows) / counts
    sums = np.zeros((n_rows, values.shape[1]))
    np.add.at(sums, row, values)
    return sums / counts[:, None]


# Piece values sit on a grid of 2**-16 below 256 in magnitude: every sum of them is exact
# in float64, so a sentence's sum does not depend on the order it is added in (per word
# from a cache, or piece by piece as ``mean_rows`` does).
VALUE_GRID = 2.0**-16
MAX_VALUE = 256.0
MAX_CACHED_WORDS = MAX_TOKENS  # bound on the word cache, as the token caches are
_MARK = "\x00"  # joins a batch's sentences: a word of its own, with a NaN sum, no pieces


def on_value_grid(values: np.ndarray) -> np.ndarray:
    """``values`` rounded to the piece-value grid, as float32 (exact on the grid)."""
    return (np.round(np.asarray(values, dtype=np.float64) / VALUE_GRID) * VALUE_GRID).astype(
        np.float32
    )


def is_on_value_grid(values: np.ndarray) -> bool:
    steps = np.asarray(values, dtype=np.float64) / VALUE_GRID
    return bool(np.all(np.abs(values) < MAX_VALUE) and np.all(steps == np.round(steps)))


class _SumCache:
    """A bounded cache of (value sum, piece count) per key, rows of one array, so a
    batch's keys are one C-level dict lookup and one gather; row 0 is the batch mark."""

    def __init__(self, compute: Callable[[list[str]], np.ndarray]) -> None:
        self._compute = compute  # new keys -> their (value sum, piece count) rows
        self._empty()

    def _empty(self) -> None:
        self.rows: dict[str, int] = {_MARK: 0}
        self.values = np.array([[math.nan, 0.0]])
        self._compiled_rows: Any = None  # ``rows`` for the compiled scan, made on first use

    def __getstate__(self) -> dict[str, Any]:
        """Without the compiled twin of ``rows`` (C arrays, rebuilt on first use)."""
        return {**self.__dict__, "_compiled_rows": None}

    def learn(self, keys: Iterable[str]) -> None:
        """Cache every key not cached yet (a full cache is emptied first, so all of
        ``keys`` are cached afterwards)."""
        keys = set(keys)
        new = keys.difference(self.rows)
        if len(self.rows) + len(new) > MAX_CACHED_WORDS:
            self._empty()
            new = keys.difference(self.rows)
        if new:
            learned = list(new)
            first = len(self.rows)
            self.values = np.concatenate([self.values, self._compute(learned)])
            self.rows.update(zip(learned, range(first, first + len(learned)), strict=True))
            if self._compiled_rows is not None:
                self._compiled_rows.add(learned, first)

    def totals(self, keys: list[str], n: int) -> tuple[np.ndarray, np.ndarray]:
        """Per run of ``keys`` between batch marks (``n`` runs), the total value sum and
        piece count of its keys (zeros for an empty run); new keys are learned first."""
        if not keys:
            return np.zeros(n), np.zeros(n)
        try:
            rows = self._rows_of(keys)
        except KeyError:
            self.learn(keys)
            rows = self._rows_of(keys)
        picked = self.values[rows]
        sums, counts = picked[:, 0], picked[:, 1]
        marks = np.isnan(sums)
        row = np.cumsum(marks)
        totals = np.bincount(row, weights=np.where(marks, 0.0, sums), minlength=n)
        return totals, np.bincount(row, weights=counts, minlength=n)

    def compiled_totals(
        self, compiled: ModuleType, text: str, n: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """``totals(text.split(), n)`` in one compiled pass over ``text``; the tokens it
        did not know are learned, then added (sums on the value grid are exact, so the
        order they are added in changes nothing)."""
        if self._compiled_rows is None:
            self._compiled_rows = compiled.TokenRows()
            self._compiled_rows.add(list(self.rows)[1:], 1)  # the rows in order, mark first
        totals, counts = np.zeros(n), np.zeros(n)
        missing, runs = self._compiled_rows.totals(text, self.values, totals, counts)
        if missing:
            self.learn(missing)  # even a cache emptied on the way holds all of them after
            picked = self.values[self._rows_of(missing)]
            np.add.at(totals, runs, picked[:, 0])
            np.add.at(counts, runs, picked[:, 1])
        return totals, counts

    def _rows_of(self, keys: list[str]) -> np.ndarray:
        found = itemgetter(*keys)(self.rows)  # a scalar for a single key
        if len(keys) == 1:
            return np.array([found])
        return np.fromiter(found, dtype=np.int64, count=len(keys))


class PieceTable:
    """One value per wordpiece; a sentence's term is the mean value of its pieces.

    A linear model over the mean of the pieces' vectors folds into exactly this, so
    scoring needs the vocabulary and one number per piece. The (value sum, piece count)
    of each basic word and of each whitespace token is cached, so a repeated token costs
    one dict lookup (no lowercasing, regex or accent stripping); sums on the value grid
    are exact, so the result equals
    ``mean_rows(values, *WordPieces(vocab).batch_ids(sentences))`` bit for bit.
    """

    def __init__(self, vocab: Sequence[str], values: np.ndarray) -> None:
        values = np.asarray(values)
        if values.shape != (len(vocab),):
            raise ValueError(f"{values.shape} piece values for {len(vocab)} pieces")
        if not is_on_value_grid(values):
            raise ValueError(f"piece values must be multiples of 2**-16 below {MAX_VALUE:g}")
        self.vocab = tuple(vocab)
        self.values = values.astype(np.float32)
        self._pieces = WordPieces(self.vocab)
        self._value_of = self.values.astype(np.float64).tolist()
        self._words = _SumCache(self._word_rows)
        self._tokens = _SumCache(self._token_rows)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, PieceTable)
            and self.vocab == other.vocab
            and np.array_equal(self.values, other.values)
        )

    def __repr__(self) -> str:
        return f"PieceTable({len(self.vocab)} pieces)"

    def word_sum(self, word: str) -> tuple[float, int]:
        """The value sum and piece count of one basic word."""
        self._words.learn((word,))
        total, count = self._words.values[self._words.rows[word]].tolist()
        return total, int(count)

    def _word_rows(self, words: list[str]) -> np.ndarray:
        """(value sum, piece count) of each basic word: its greedy longest-match split."""
        compiled = compiled_pieces()
        if compiled is not None:
            return np.column_stack(self._pieces.compiled_sums(compiled, words, self._value_of))
        split, value_of = self._pieces.split, self._value_of
        pieces = [split(word) for word in words]
        sums = [sum([value_of[i] for i in ids]) for ids in pieces]
        return np.column_stack([sums, list(map(len, pieces))]).astype(np.float64)

    def _token_rows(self, tokens: list[str]) -> np.ndarray:
        """(value sum, piece count) of each whitespace token: the totals of its basic
        words, all tokens lowercased and split by one pass over them joined by the mark
        (lowercasing's one context rule, final sigma, never looks past whitespace).
        With the compiled loops, ASCII tokens are split in C straight from the pieces
        (the word cache only saves a split: sums on the value grid are exact)."""
        compiled = compiled_pieces()
        if compiled is None:
            return self._python_token_rows(tokens)
        rows = np.empty((len(tokens), 2))
        wide = self._pieces.compiled_token_rows(compiled, tokens, self._value_of, rows)
        if wide:
            rows[wide] = self._python_token_rows([tokens[k] for k in wide])
        return rows

    def _python_token_rows(self, tokens: list[str]) -> np.ndarray:
        words = _lowered_words(f" {_MARK} ".join(tokens).lower())
        return np.column_stack(self._words.totals(words, len(tokens)))

    def means(self, sentences: Sequence[str]) -> np.ndarray:
        """Per sentence, the mean value of its pieces (0 for a sentence with none).

        All sentences are joined by a mark no sentence holds (else the reference path)
        and split at whitespace, which no basic word spans (unless the text holds a
        whitespace character basic tokenisation drops: then split into basic words)."""
        n = len(sentences)
        joined = f" {_MARK} ".join(sentences)
        if joined.count(_MARK) != n - 1:
            return mean_rows(self.values, *self._pieces.batch_ids(sentences), n)
        if joined.isascii() or not any(space in joined for space in _DROPPED_SPACES):
            compiled = compiled_pieces()
            if compiled is not None:
                totals, counts = self._tokens.compiled_totals(compiled, joined, n)
            else:
                totals, counts = self._tokens.totals(joined.split(), n)
        else:
            totals, counts = self._words.totals(basic_words(joined), n)
        return np.divide(totals, counts, out=np.zeros(n), where=counts > 0)

    def vocab_bytes(self) -> np.ndarray:
        """The vocabulary as one UTF-8 array, pieces in id order, one per line (the model
        file holds numeric arrays only)."""
        return np.frombuffer("\n".join(self.vocab).encode("utf-8"), dtype=np.uint8).copy()

    @classmethod
    def from_arrays(cls, vocab_bytes: np.ndarray, values: np.ndarray) -> PieceTable:
        """The table from ``vocab_bytes()`` and its values, refusing anything malformed."""
        raw = np.asarray(vocab_bytes)
        if raw.dtype != np.uint8 or raw.ndim != 1:
            raise ValueError("the piece vocabulary must be a 1-D uint8 (UTF-8) array")
        values = np.asarray(values)
        if values.dtype.kind != "f":
            raise ValueError(f"piece values are {values.dtype}, expected floats")
        return cls(raw.tobytes().decode("utf-8").split("\n"), values)
