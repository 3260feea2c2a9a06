"""scikit-learn's ``HashingVectorizer.transform``, bit for bit, in numpy.

Importing scikit-learn pulls in scipy.stats and pandas: seconds of cold start for a
one-article run that needs nothing but a hash. This module reproduces the analyzers
(``word`` with a token pattern, ``char``, ``char_wb``), MurmurHash3 (x86, 32-bit, seed 0,
as ``sklearn.utils.murmurhash3_32``) vectorised over all n-grams of a batch, the index and
sign rule of ``_hashing_fast`` and the row normalisation. ``tests/model/test_hashing.py``
checks equality with scikit-learn itself. Word 1-2-grams of the ``\\w`` token patterns,
the bulk of the body sentences' hashing, run in the compiled kernel when it is active
(``_kernel.word_pair_hashes``, bit-identical; the numpy code here is the reference).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import numpy as np
from scipy import sparse

from hypescore._engine import kernel
from hypescore.model.wordpiece import compiled_pieces

_C1 = np.uint32(0xCC9E2D51)
_C2 = np.uint32(0x1B873593)
_M5 = np.uint32(5)
_N1 = np.uint32(0xE6546B64)
_F1 = np.uint32(0x85EBCA6B)
_F2 = np.uint32(0xC2B2AE35)
_WHITE_SPACES = re.compile(r"\s\s+")


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def murmurhash3_32(keys: Sequence[bytes]) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (seed 0) of each byte string."""
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    return murmurhash3_spans(b"".join(keys), np.cumsum(lengths) - lengths, lengths)


def murmurhash3_spans(buffer: bytes, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (seed 0) of ``buffer[start:start + length]`` per span.

    All keys of a batch are hashed block by block in numpy, longest first, so block ``i``
    updates a prefix of the keys (no padding to the longest key, no per-key Python).
    """
    n = len(starts)
    if n == 0:
        return np.zeros(0, dtype=np.int32)
    lengths = np.asarray(lengths, dtype=np.int64)
    n_blocks = lengths // 4
    most = int(n_blocks.max())
    # Longest first; keys of under 256 KB sort as 16-bit integers (a radix sort).
    rank = (most - n_blocks).astype(np.uint16) if most < 1 << 16 else -n_blocks
    order = np.argsort(rank, kind="stable")
    starts = np.asarray(starts, dtype=np.int64)[order]
    lengths, n_blocks = lengths[order], n_blocks[order]
    words = _words_at(buffer)
    # keys with at least i + 1 blocks: a prefix, as keys are sorted longest first
    with_block = np.cumsum(np.bincount(n_blocks)[::-1])[::-1][1:]
    h = np.zeros(n, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for i, active in enumerate(with_block.tolist()):
            k = _word(words, starts[:active] + 4 * i) * _C1
            k = _rotl(k, 15) * _C2
            h[:active] = _rotl(h[:active] ^ k, 13) * _M5 + _N1
        tail_len = lengths % 4
        has_tail = tail_len > 0
        if has_tail.any():
            mask = (np.uint32(1) << (8 * tail_len).astype(np.uint32)) - np.uint32(1)
            k = (_word(words, starts + 4 * n_blocks) & mask) * _C1
            k = _rotl(k, 15) * _C2
            h = np.where(has_tail, h ^ k, h)
        h ^= lengths.astype(np.uint32)
        h ^= h >> np.uint32(16)
        h *= _F1
        h ^= h >> np.uint32(13)
        h *= _F2
        h ^= h >> np.uint32(16)
    out = np.empty(n, dtype=np.uint32)
    out[order] = h
    return out.view(np.int32)


def _words_at(buffer: bytes) -> np.ndarray:
    """Little-endian 32-bit words of ``buffer`` (zero-padded) at every byte offset:
    row ``r`` holds the words starting at offsets ``4 * j + r``."""
    padded = np.frombuffer(buffer + bytes(8), dtype=np.uint8)
    count = (len(padded) - 3) // 4
    return np.stack([padded[r : r + 4 * count].view("<u4") for r in range(4)])


def _word(words: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    return words[offsets & 3, offsets >> 2]


def utf8_offsets(text: str) -> tuple[bytes, np.ndarray | None]:
    """``text`` as UTF-8 and the byte offset of every character offset (0..len), or
    None when the text is ASCII (offsets are the same)."""
    if text.isascii():
        return text.encode("ascii"), None
    buffer = text.encode("utf-8")  # raises on a lone surrogate, as encoding each key would
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    widths = 1 + (codes >= 0x80) + (codes >= 0x800) + (codes >= 0x10000)
    offsets = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(widths, out=offsets[1:])
    return buffer, offsets


def hash_strings(strings: Sequence[str]) -> np.ndarray:
    """MurmurHash3 of each string's UTF-8 bytes, from one encoding of all of them."""
    chars = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    ends = np.cumsum(chars)
    buffer, offsets = utf8_offsets("".join(strings))
    if offsets is not None:
        ends = offsets[ends]
    lengths = np.diff(ends, prepend=0)
    return murmurhash3_spans(buffer, ends - lengths, lengths)


@cache
def _token_re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def word_ngrams(text: str, token_pattern: str, ngram_range: tuple[int, int]) -> list[str]:
    tokens = _token_re(token_pattern).findall(text)
    low, high = ngram_range
    if high == 1:
        return tokens
    grams = list(tokens) if low == 1 else []
    n = len(tokens)
    for size in range(max(low, 2), min(high, n) + 1):
        if size == 2:
            grams += [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
        else:
            grams += [" ".join(tokens[i : i + size]) for i in range(n - size + 1)]
    return grams


def char_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    text = _WHITE_SPACES.sub(" ", text)
    low, high = ngram_range
    n = len(text)
    grams = [] if low != 1 else list(text)
    for size in range(max(low, 2), min(high, n) + 1):
        grams += [text[i : i + size] for i in range(n - size + 1)]
    return grams


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    text = _WHITE_SPACES.sub(" ", text)
    low, high = ngram_range
    grams: list[str] = []
    for word in text.split():
        word = f" {word} "
        length = len(word)
        for size in range(low, high + 1):
            offset = 0
            grams.append(word[offset : offset + size])
            while offset + size < length:
                offset += 1
                grams.append(word[offset : offset + size])
            if offset == 0:  # count a short word (length < size) only once
                break
    return grams


# Joins the texts of a batch: no ``\w`` pattern matches it, and it breaks the casing
# context (final sigma) like a text boundary, so one ``lower()`` and one ``findall`` over
# the joined texts give each text's own tokens.
SEPARATOR = "\x00"
# Token patterns of ``\w`` runs, and the same matches without the ``\b`` checks (a
# left-to-right scan only starts a match at the start of a run): a quarter faster.
_WORD_PATTERNS = {r"(?u)\b\w+\b": r"\w+", r"(?u)\b\w\w+\b": r"\w\w+"}
# The shortest token of each of those patterns (what the compiled kernel is told).
_SHORTEST_TOKEN = {r"(?u)\b\w+\b": 1, r"(?u)\b\w\w+\b": 2}


@cache
def _separated_token_re(pattern: str) -> re.Pattern[str]:
    return re.compile(_WORD_PATTERNS[pattern] + "|" + SEPARATOR)


def batch_tokens(
    texts: Sequence[str],
    split: Callable[[str], list[str]],
    joiner: str = SEPARATOR,
    joined_split: Callable[[str], list[str]] | None = None,
) -> tuple[list[str], list[int]]:
    """The tokens of all ``texts`` in one list, ``SEPARATOR`` between texts, and the
    separators' positions in it.

    ``split`` tokenizes one text; ``joined_split``, when given, tokenizes the texts
    joined by ``joiner`` in one call and must keep each separator as a token of its own
    (used only when no text holds a separator: each text's tokens are then its own).
    """
    joined = joiner.join(texts)
    if joined_split is not None and joined.count(SEPARATOR) == len(texts) - 1:
        tokens = joined_split(joined)
        marks, position = [], -1
        for _ in range(len(texts) - 1):
            position = tokens.index(SEPARATOR, position + 1)
            marks.append(position)
        return tokens, marks
    tokens, marks = [], []
    for i, text in enumerate(texts):
        if i:
            marks.append(len(tokens))
            tokens.append(SEPARATOR)
        tokens += split(text)
    return tokens, marks


def token_rows(n: int, marks: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Of a ``batch_tokens`` list of ``n`` entries with separators at ``marks``: which
    entries are tokens, and the text (row) each entry belongs to."""
    is_token = np.ones(n, dtype=bool)
    is_token[list(marks)] = False
    return is_token, np.cumsum(~is_token)


def _word_tokens(
    texts: Sequence[str], lowercase: bool, token_pattern: str
) -> tuple[list[str], list[int]]:
    """``batch_tokens`` of the token pattern, one ``lower()`` and ``findall`` when the
    pattern is one of ``\\w`` only."""
    find = _token_re(token_pattern).findall
    joined_find = None
    if token_pattern in _WORD_PATTERNS:
        find_all = _separated_token_re(token_pattern).findall
        joined_find = (lambda t: find_all(t.lower())) if lowercase else find_all
    return batch_tokens(
        texts, (lambda t: find(t.lower())) if lowercase else find, joined_split=joined_find
    )


def word_pair_hashes(
    texts: Sequence[str], lowercase: bool, token_pattern: str, pairs: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Hashes of every text's tokens and of its adjacent token pairs (``"a b"``), the
    grams of ``word_ngrams(text, token_pattern, (1, 2))``, each with its row:
    ``(unigrams, unigram_rows, bigrams, bigram_rows)``.

    The batch is tokenized once and every gram is a span of one buffer, the tokens
    joined by spaces (a pair is two neighbours and the space between), so no gram
    string is built and each token is hashed once for all blocks that read it.
    """
    compiled = kernel.active()
    if compiled is not None and token_pattern in _SHORTEST_TOKEN:
        return compiled.word_pair_hashes(
            list(texts), lowercase, _SHORTEST_TOKEN[token_pattern], pairs
        )
    tokens, marks = _word_tokens(texts, lowercase, token_pattern)
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    is_token, row = token_rows(len(tokens), marks)
    starts = np.cumsum(lengths + 1) - (lengths + 1)
    ends = starts + lengths
    buffer, offsets = utf8_offsets(" ".join(tokens))
    if offsets is not None:
        starts, ends = offsets[starts], offsets[ends]
    pair = is_token[:-1] & is_token[1:] if pairs else np.zeros(max(len(tokens) - 1, 0), bool)
    span_starts = np.concatenate([starts[is_token], starts[:-1][pair]])
    span_ends = np.concatenate([ends[is_token], ends[1:][pair]])
    hashes = murmurhash3_spans(buffer, span_starts, span_ends - span_starts)
    n_tokens = int(is_token.sum())
    return hashes[:n_tokens], row[is_token], hashes[n_tokens:], row[:-1][pair]


def analyse(
    texts: Sequence[str],
    analyzer: str,
    ngram_range: tuple[int, int],
    lowercase: bool,
    token_pattern: str,
) -> list[list[str]]:
    """The n-grams of each text, as ``HashingVectorizer.build_analyzer()`` gives them."""
    grams_of_rows: list[list[str]] = []
    for text in texts:
        if lowercase:
            text = text.lower()
        if analyzer == "word":
            grams_of_rows.append(word_ngrams(text, token_pattern, ngram_range))
        elif analyzer == "char_wb":
            grams_of_rows.append(char_wb_ngrams(text, ngram_range))
        else:
            grams_of_rows.append(char_ngrams(text, ngram_range))
    return grams_of_rows


def hashed_matrix(
    grams_of_rows: Sequence[Sequence[str]],
    n_features: int,
    alternate_sign: bool,
    norm: str | None,
    binary: bool,
) -> sparse.csr_matrix:
    """Rows of n-grams hashed, summed, optionally binarised and normalised."""
    counts = np.fromiter(map(len, grams_of_rows), dtype=np.int64, count=len(grams_of_rows))
    hashes = hash_strings([g for grams in grams_of_rows for g in grams])
    row_of = np.repeat(np.arange(len(counts)), counts)
    return matrix_of_hashes(hashes, row_of, len(counts), n_features, alternate_sign, norm, binary)


def matrix_of_hashes(
    hashes: np.ndarray,
    row_of: np.ndarray,
    n_rows: int,
    n_features: int,
    alternate_sign: bool,
    norm: str | None,
    binary: bool,
) -> sparse.csr_matrix:
    """The CSR rows of hashed n-grams (``row_of``: each hash's row, in any order); counted
    by the compiled twin when it runs (``_pieces.hashed_counts``: no sort of the batch)."""
    h = np.asarray(hashes).astype(np.int64)
    min_index = (2**31 - 1 - (n_features - 1)) % n_features  # the column of -2**31
    compiled = compiled_pieces()
    if compiled is not None and not alternate_sign:
        data, columns, indptr = compiled.hashed_counts(
            h, np.ascontiguousarray(row_of, dtype=np.int64), n_rows, n_features, min_index
        )
        return _finished(
            sparse.csr_matrix((data, columns, indptr), (n_rows, n_features)), norm, binary
        )
    indices = np.where(h == -(2**31), min_index, np.abs(h) % n_features)
    # Duplicates summed, columns sorted within rows: what ``sum_duplicates`` leaves.
    keys = np.asarray(row_of, dtype=np.int64) * n_features + indices
    if alternate_sign:
        keys, inverse = np.unique(keys, return_inverse=True)
        values = np.where(h >= 0, 1.0, -1.0)
        data = np.bincount(inverse, weights=values, minlength=len(keys)).astype(np.float64)
    else:  # every value is 1: a sort and the run lengths of equal keys
        keys = np.sort(keys)
        first = np.flatnonzero(np.r_[len(keys) > 0, keys[1:] != keys[:-1]])
        data = np.diff(np.r_[first, len(keys)]).astype(np.float64)
        keys = keys[first]
    key_rows = keys // n_features
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(key_rows, minlength=n_rows), out=indptr[1:])
    matrix = sparse.csr_matrix(
        (data, (keys % n_features).astype(np.int32), indptr.astype(np.int32)),
        shape=(n_rows, n_features),
    )
    return _finished(matrix, norm, binary)


def _finished(matrix: sparse.csr_matrix, norm: str | None, binary: bool) -> sparse.csr_matrix:
    """Counted rows binarised and normalised as asked."""
    if binary:
        matrix.data[:] = 1.0  # as scikit-learn: ``X.data.fill(1)``
    if norm is not None:
        matrix = normalise_rows(matrix, norm)
    return matrix


def transform(
    texts: Sequence[str],
    *,
    analyzer: str,
    ngram_range: tuple[int, int],
    n_features: int,
    lowercase: bool,
    alternate_sign: bool,
    norm: str | None,
    binary: bool,
    token_pattern: str,
) -> sparse.csr_matrix:
    """``HashingVectorizer(**params).transform(texts)`` (float64 CSR).

    Word 1-grams and 1-2-grams of a ``\\w`` pattern and ``char_wb`` n-grams are hashed
    as spans of one buffer per batch (``word_pair_hashes``, ``char_wb_hashes``); other
    settings build each n-gram string (``analyse``).
    """
    if analyzer == "char_wb":
        hashes, rows = char_wb_hashes(texts, ngram_range, lowercase)
    elif analyzer == "word" and ngram_range in ((1, 1), (1, 2)) and token_pattern in _WORD_PATTERNS:
        unigrams, unigram_rows, bigrams, bigram_rows = word_pair_hashes(
            texts, lowercase, token_pattern, pairs=ngram_range[1] == 2
        )
        hashes = np.concatenate([unigrams, bigrams])
        rows = np.concatenate([unigram_rows, bigram_rows])
    else:
        grams = analyse(texts, analyzer, ngram_range, lowercase, token_pattern)
        return hashed_matrix(grams, n_features, alternate_sign, norm, binary)
    return matrix_of_hashes(hashes, rows, len(texts), n_features, alternate_sign, norm, binary)


def char_wb_hashes(
    texts: Sequence[str], ngram_range: tuple[int, int], lowercase: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of every text's ``char_wb`` n-grams (``char_wb_ngrams``) and their rows.

    Each whitespace word padded with a space each side gives its n-grams of each size
    from ``low`` up to its padded length (the whole word once, at ``low``, when shorter);
    all are spans of one buffer of the batch's padded words.
    """
    low, high = ngram_range
    lower = (lambda t: t.lower().split()) if lowercase else str.split
    words, marks = batch_tokens(texts, lower, f" {SEPARATOR} ", joined_split=lower)
    is_word, row = token_rows(len(words), marks)
    row = row[is_word]
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))[is_word] + 2
    starts = np.cumsum(lengths) - lengths
    buffer, offsets = utf8_offsets(
        "".join(f" {w} " for w, keep in zip(words, is_word.tolist(), strict=True) if keep)
    )
    span_starts, span_ends, span_rows = [], [], []
    short = lengths < low  # shorter than the smallest n-gram: the whole padded word, once
    span_starts.append(starts[short])
    span_ends.append(starts[short] + lengths[short])
    span_rows.append(row[short])
    for size in range(low, high + 1):
        fits = lengths >= size
        counts = lengths[fits] - size + 1
        first = np.repeat(starts[fits], counts)
        step = np.arange(len(first)) - np.repeat(np.cumsum(counts) - counts, counts)
        span_starts.append(first + step)
        span_ends.append(first + step + size)
        span_rows.append(np.repeat(row[fits], counts))
    begin, end = np.concatenate(span_starts), np.concatenate(span_ends)
    if offsets is not None:
        begin, end = offsets[begin], offsets[end]
    return murmurhash3_spans(buffer, begin, end - begin), np.concatenate(span_rows)


def sum_rows(matrices: Sequence[Any], groups: Sequence[np.ndarray], n_groups: int) -> Any:
    """Rows of CSR ``matrices`` summed by group (``groups[k][i]``: the group of row ``i`` of
    ``matrices[k]``), as CSR; O(non-zeros), unlike scipy's products, which allocate a
    vector over all columns per call. The compiled twin (``_pieces.grouped_sums``) adds
    each group's columns in one accumulator, with no sort of the batch's keys."""
    n_features = matrices[0].shape[1]
    compiled = compiled_pieces()
    if compiled is not None and all(plain_csr(m) for m in matrices):
        data, columns, indptr = compiled.grouped_sums(
            list(matrices), list(groups), n_groups, n_features
        )
        return sparse.csr_matrix((data, columns, indptr), shape=(n_groups, n_features))
    keys = [
        np.repeat(np.asarray(g, dtype=np.int64), np.diff(m.indptr)) * n_features + m.indices
        for m, g in zip(matrices, groups, strict=True)
    ]
    unique, data = sums_by_key(np.concatenate(keys), np.concatenate([m.data for m in matrices]))
    indptr = np.zeros(n_groups + 1, dtype=np.int64)
    np.cumsum(np.bincount(unique // n_features, minlength=n_groups), out=indptr[1:])
    return sparse.csr_matrix(
        (data, (unique % n_features).astype(np.int32), indptr.astype(np.int32)),
        shape=(n_groups, n_features),
    )


def plain_csr(matrix: Any) -> bool:
    """A CSR matrix the compiled loops read as they are: int32 indices, float64 data."""
    return (
        sparse.isspmatrix_csr(matrix)
        and matrix.indices.dtype == np.int32
        and matrix.indptr.dtype == np.int32
        and matrix.data.dtype == np.float64
    )


def sums_by_key(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``keys`` (non-negative), ascending, and the sum of each one's
    ``values`` added in input order from 0.0, as ``np.bincount`` over ``np.unique``'s
    inverse adds them (float sums depend on their order).

    One sort of each key with its position packed into the low bits: equal keys come
    out in input order, and no inverse or argsort is needed (``np.unique`` with its
    inverse costs several plain sorts). Keys too wide to pack take ``np.unique``."""
    n = len(keys)
    shift = max(n - 1, 1).bit_length()
    if n == 0 or keys.min() < 0 or int(keys.max()) >= 1 << (63 - shift):
        unique, inverse = np.unique(keys, return_inverse=True)
        return unique, np.bincount(inverse, weights=values, minlength=len(unique))
    packed = np.sort((keys.astype(np.int64) << shift) | np.arange(n, dtype=np.int64))
    ordered = packed >> shift
    first = np.empty(n, dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    runs = np.cumsum(first) - 1
    return ordered[first], np.bincount(runs, weights=values[packed & ((1 << shift) - 1)])


def normalise_rows(matrix: sparse.csr_matrix, norm: str) -> sparse.csr_matrix:
    """Each row divided by its ``norm`` ("l2" or "l1"; rows of norm 0 left alone), by the
    compiled twin when it runs (``_pieces.normalised``: no per-entry row array)."""
    compiled = compiled_pieces()
    if compiled is not None and plain_csr(matrix) and matrix.indptr[-1] == len(matrix.data):
        matrix.data = compiled.normalised(matrix.indptr, matrix.data, norm == "l2")
        return matrix
    data = matrix.data
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    if norm == "l2":
        totals = np.sqrt(np.bincount(row_of, weights=data * data, minlength=matrix.shape[0]))
    else:
        totals = np.bincount(row_of, weights=np.abs(data), minlength=matrix.shape[0])
    totals[totals == 0] = 1.0
    matrix.data = data / totals[row_of]
    return matrix
