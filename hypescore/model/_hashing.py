"""scikit-learn's ``HashingVectorizer.transform``, bit for bit, in numpy.

Importing scikit-learn pulls in scipy.stats and pandas: seconds of cold start for a
one-article run that needs nothing but a hash. This module reproduces the analyzers
(``word`` with a token pattern, ``char``, ``char_wb``), MurmurHash3 (x86, 32-bit, seed 0,
as ``sklearn.utils.murmurhash3_32``) vectorised over all n-grams of a batch, the index and
sign rule of ``_hashing_fast`` and the row normalisation. ``tests/model/test_hashing.py``
checks equality with scikit-learn itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np
from scipy import sparse

_C1 = np.uint32(0xCC9E2D51)
_C2 = np.uint32(0x1B873593)
_M5 = np.uint32(5)
_N1 = np.uint32(0xE6546B64)
_F1 = np.uint32(0x85EBCA6B)
_F2 = np.uint32(0xC2B2AE35)
_WHITE_SPACES = re.compile(r"\s\s+")


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


_BUCKET = 32  # keys are hashed in batches of similar length: one long key stays cheap


def murmurhash3_32(keys: Sequence[bytes]) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (seed 0) of each byte string."""
    n = len(keys)
    if n == 0:
        return np.zeros(0, dtype=np.int32)
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=n)
    buckets = lengths // _BUCKET
    if buckets.max() == 0:
        return _murmur_batch(keys, lengths)
    out = np.zeros(n, dtype=np.int32)
    for bucket in np.unique(buckets):
        rows = np.flatnonzero(buckets == bucket)
        out[rows] = _murmur_batch([keys[i] for i in rows], lengths[rows])
    return out


def _murmur_batch(keys: Sequence[bytes], lengths: np.ndarray) -> np.ndarray:
    n = len(keys)
    width = int(-(-lengths.max() // 4) * 4) or 4
    buffer = np.zeros((n, width), dtype=np.uint8)
    joined = np.frombuffer(b"".join(keys), dtype=np.uint8)
    rows = np.repeat(np.arange(n), lengths)
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    buffer[rows, np.arange(len(joined)) - starts] = joined
    words = buffer.view("<u4")  # n x width/4 little-endian blocks
    n_blocks = lengths // 4
    h = np.zeros(n, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for i in range(words.shape[1]):
            full = n_blocks > i
            if not full.any():
                break
            k = words[:, i] * _C1
            k = _rotl(k, 15) * _C2
            mixed = _rotl(h ^ k, 13) * _M5 + _N1
            h = np.where(full, mixed, h)
        tail_len = lengths % 4
        has_tail = tail_len > 0
        if has_tail.any():
            tail = words[np.arange(n), np.minimum(n_blocks, words.shape[1] - 1)]
            mask = (np.uint32(1) << (8 * tail_len).astype(np.uint32)) - np.uint32(1)
            k = (tail & mask) * _C1
            k = _rotl(k, 15) * _C2
            h = np.where(has_tail, h ^ k, h)
        h ^= lengths.astype(np.uint32)
        h ^= h >> np.uint32(16)
        h *= _F1
        h ^= h >> np.uint32(13)
        h *= _F2
        h ^= h >> np.uint32(16)
    return h.view(np.int32)


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
    flat = [g.encode("utf-8") for grams in grams_of_rows for g in grams]
    h = murmurhash3_32(flat).astype(np.int64)
    indices = np.where(
        h == -(2**31), (2**31 - 1 - (n_features - 1)) % n_features, np.abs(h) % n_features
    )
    values = np.where(h >= 0, 1.0, -1.0) if alternate_sign else np.ones(len(h))
    n_rows = len(counts)
    row_of = np.repeat(np.arange(n_rows), counts)
    # Duplicates summed, columns sorted within rows: what ``sum_duplicates`` leaves.
    keys, inverse = np.unique(row_of * n_features + indices, return_inverse=True)
    data = np.bincount(inverse, weights=values, minlength=len(keys)).astype(np.float64)
    key_rows = keys // n_features
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(key_rows, minlength=n_rows), out=indptr[1:])
    matrix = sparse.csr_matrix(
        (data, (keys % n_features).astype(np.int32), indptr.astype(np.int32)),
        shape=(n_rows, n_features),
    )
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
    """``HashingVectorizer(**params).transform(texts)`` (float64 CSR)."""
    grams = analyse(texts, analyzer, ngram_range, lowercase, token_pattern)
    return hashed_matrix(grams, n_features, alternate_sign, norm, binary)


def sum_rows(matrices: Sequence[Any], groups: Sequence[np.ndarray], n_groups: int) -> Any:
    """Rows of CSR ``matrices`` summed by group (``groups[k][i]``: the group of row ``i`` of
    ``matrices[k]``), as CSR; O(non-zeros), unlike scipy's products, which allocate a
    vector over all columns per call."""
    n_features = matrices[0].shape[1]
    keys = [
        np.repeat(np.asarray(g, dtype=np.int64), np.diff(m.indptr)) * n_features + m.indices
        for m, g in zip(matrices, groups, strict=True)
    ]
    unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    data = np.bincount(inverse, weights=np.concatenate([m.data for m in matrices]))
    indptr = np.zeros(n_groups + 1, dtype=np.int64)
    np.cumsum(np.bincount(unique // n_features, minlength=n_groups), out=indptr[1:])
    return sparse.csr_matrix(
        (data, (unique % n_features).astype(np.int32), indptr.astype(np.int32)),
        shape=(n_groups, n_features),
    )


def normalise_rows(matrix: sparse.csr_matrix, norm: str) -> sparse.csr_matrix:
    data = matrix.data
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    if norm == "l2":
        totals = np.sqrt(np.bincount(row_of, weights=data * data, minlength=matrix.shape[0]))
    else:
        totals = np.bincount(row_of, weights=np.abs(data), minlength=matrix.shape[0])
    totals[totals == 0] = 1.0
    matrix.data = data / totals[row_of]
    return matrix
