# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled twins of the part models' loops: the wordpiece table, the hashed rows
(optional extension).

``hypescore.model.wordpiece`` is the reference for the table's three:

- ``piece_sums``: ``WordPieces.split`` (greedy longest match: the longest piece at the
  word's start, then the longest continuation after it) and ``PieceTable``'s value sum of
  a word's pieces, summed left to right as Python's ``sum`` does. The pieces sit in a
  trie over code points (one for the pieces as they are, one for the continuations
  without their "##"), so the longest piece at a position is one walk along the word,
  with no substring built.
- ``ascii_token_rows``: ``PieceTable._token_rows`` of new ASCII whitespace tokens (each
  lowercased and cut into BERT's basic words in C, every word split as ``piece_sums``
  splits it, their sums and counts totalled), so learning a token builds no word string.
- ``TokenRows.totals``: ``PieceTable.means``' totals per sentence of the cached sums of
  its whitespace tokens (``str.split``'s whitespace), in one pass over the joined text;
  the tokens are found in a table of their own keyed by their code points, so a known
  token builds no substring.

``hypescore.model._hashing`` and ``lexical`` are the reference for the hashed rows':

- ``hashed_counts`` (``matrix_of_hashes`` without signs) and ``grouped_sums``
  (``sum_rows``): the entries put in (row, column) order by radix passes, equal keys in
  input order, so counts and sums come out as the numpy sorts leave them;
- ``normalised`` (``normalise_rows``) and ``weighted_sums`` (``HashedBlock.scores``):
  each row's norm or dot product added in order from 0.0, as ``np.bincount`` adds.

Every sum and count is bit-identical (tests/model/test_wordpiece.py and
tests/model/test_fast_paths.py run both paths). Nothing here is imported directly:
``hypescore.model.wordpiece.compiled_pieces`` decides.
"""

from cpython.unicode cimport (
    Py_UNICODE_ISSPACE,
    PyUnicode_1BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_KIND,
    PyUnicode_READ,
)
from libc.math cimport fabs, sqrt
from libc.stdint cimport int32_t, int64_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc
from libc.string cimport memset

cdef uint64_t SPREAD = 0x9E3779B97F4A7C15  # Fibonacci hashing of an edge key


cdef class PieceTrie:
    """The pieces of a vocabulary (text to id) as a trie: edges (node, code point) in an
    open-addressing hash table, and each node's piece id (-1 where no piece ends)."""

    cdef uint64_t* keys  # (node << 21 | code point) + 1 per slot, 0 for an empty slot
    cdef int32_t* children
    cdef int32_t* ids
    cdef uint64_t mask
    cdef int32_t n_nodes

    def __cinit__(self, dict pieces):
        cdef Py_ssize_t most = 1, capacity = 1, i, n
        cdef int kind
        cdef void* data
        cdef int32_t node
        cdef str piece
        for piece in pieces:
            most += len(piece)
        while capacity < 2 * most:
            capacity *= 2
        self.mask = capacity - 1
        self.keys = <uint64_t*>calloc(capacity, sizeof(uint64_t))
        self.children = <int32_t*>malloc(capacity * sizeof(int32_t))
        self.ids = <int32_t*>malloc(most * sizeof(int32_t))
        if self.keys == NULL or self.children == NULL or self.ids == NULL:
            raise MemoryError()
        self.n_nodes = 1
        self.ids[0] = -1
        for piece, piece_id in pieces.items():
            kind = PyUnicode_KIND(piece)
            data = PyUnicode_DATA(piece)
            n = len(piece)
            node = 0
            for i in range(n):
                node = self._child(node, <uint32_t>PyUnicode_READ(kind, data, i), True)
            self.ids[node] = piece_id

    def __dealloc__(self):
        free(self.keys)
        free(self.children)
        free(self.ids)

    cdef inline int32_t _child(self, int32_t node, uint32_t c, bint add):
        """The child of ``node`` along ``c`` (-1 if none; made when ``add``)."""
        cdef uint64_t key = ((<uint64_t>node << 21) | <uint64_t>c) + 1
        cdef uint64_t slot = ((key * SPREAD) >> 11) & self.mask
        while self.keys[slot] != 0:
            if self.keys[slot] == key:
                return self.children[slot]
            slot = (slot + 1) & self.mask
        if not add:
            return -1
        self.keys[slot] = key
        self.children[slot] = self.n_nodes
        self.ids[self.n_nodes] = -1
        self.n_nodes += 1
        return self.n_nodes - 1

    cdef inline Py_ssize_t longest(
        self, int kind, void* data, Py_ssize_t start, Py_ssize_t n, int32_t* found
    ):
        """End of the longest piece at ``start`` (``start`` itself if none), its id in
        ``found``."""
        cdef int32_t node = 0
        cdef Py_ssize_t i, end = start
        for i in range(start, n):
            node = self._child(node, <uint32_t>PyUnicode_READ(kind, data, i), False)
            if node < 0:
                break
            if self.ids[node] >= 0:
                end = i + 1
                found[0] = self.ids[node]
        return end


cdef double _split_sum(
    int kind,
    void* data,
    Py_ssize_t start,
    Py_ssize_t n,
    PieceTrie first,
    PieceTrie continued,
    list value_of,
    Py_ssize_t max_chars,
    Py_ssize_t unknown,
    Py_ssize_t* pieces,
):
    """The value sum of the split of the word ``data[start:n]`` (not empty), its piece
    count in ``pieces``: the longest piece at the start, then the longest continuations;
    one unknown piece when a position has none or a too long word is not one piece."""
    cdef double total = 0.0
    cdef Py_ssize_t count = 0, end, at = start
    cdef int32_t found = -1
    cdef PieceTrie trie = first
    while at < n:
        end = trie.longest(kind, data, at, n, &found)
        if end == at or (n - start > max_chars and end != n):
            pieces[0] = 1
            return 0.0 + <double>value_of[unknown]
        total += <double>value_of[found]
        count += 1
        at = end
        trie = continued
    pieces[0] = count
    return total


def piece_sums(
    list words,
    PieceTrie first,
    PieceTrie continued,
    list value_of,
    Py_ssize_t max_chars,
    Py_ssize_t unknown,
):
    """``(sums, counts)``: the value sum and piece count of each word's split."""
    cdef Py_ssize_t n_words = len(words)
    cdef Py_ssize_t k, count
    cdef str word
    cdef list sums = [0.0] * n_words
    cdef list counts = [0] * n_words
    for k in range(n_words):
        word = words[k]
        if len(word) == 0:
            if first.ids[0] >= 0:  # an empty piece is only ever a whole word
                sums[k] = 0.0 + <double>value_of[first.ids[0]]
                counts[k] = 1
            continue
        sums[k] = _split_sum(
            PyUnicode_KIND(word), PyUnicode_DATA(word), 0, len(word),
            first, continued, value_of, max_chars, unknown, &count,
        )  # fmt: skip
        counts[k] = count
    return sums, counts


cdef inline bint _is_ascii_punctuation(Py_UCS4 c):
    """BERT's ASCII punctuation and symbols: ``!-/``, ``:-@``, ``[-```, ``{-~``."""
    return (33 <= c <= 47) or (58 <= c <= 64) or (91 <= c <= 96) or (123 <= c <= 126)


def ascii_token_rows(
    list tokens,
    PieceTrie first,
    PieceTrie continued,
    list value_of,
    Py_ssize_t max_chars,
    Py_ssize_t unknown,
    double[:, ::1] rows,
):
    """Fill ``rows[k]`` with (value sum, piece count) of each ASCII whitespace token
    ``tokens[k]`` (no whitespace inside): the totals of its basic words, which for ASCII
    are the token lowercased, cut into maximal runs without punctuation and single
    punctuation characters (``wordpiece._lowered_words``), each split as ``piece_sums``
    splits it. Returns the positions of the other tokens, whose rows are left alone."""
    cdef Py_ssize_t n_tokens = len(tokens)
    cdef Py_ssize_t k, i, n, start, count, pieces, size = 0
    cdef double total
    cdef unsigned char* lowered = NULL
    cdef const unsigned char* raw
    cdef unsigned char c
    cdef str token
    cdef list wide = []
    if rows.shape[0] != n_tokens or rows.shape[1] != 2:
        raise ValueError("one row of (sum, count) per token expected")
    try:
        for k in range(n_tokens):
            token = tokens[k]
            if not token.isascii():
                wide.append(k)
                continue
            n = len(token)
            if n > size:
                free(lowered)
                size = 2 * n
                lowered = <unsigned char*>malloc(size)
                if lowered == NULL:
                    raise MemoryError()
            raw = <const unsigned char*>PyUnicode_DATA(token)  # ASCII: one byte each
            for i in range(n):
                c = raw[i]
                lowered[i] = c + 32 if 65 <= c <= 90 else c
            total = 0.0
            count = 0
            i = 0
            while i < n:
                start = i
                if _is_ascii_punctuation(lowered[i]):
                    i += 1
                else:
                    while i < n and not _is_ascii_punctuation(lowered[i]):
                        i += 1
                total += _split_sum(
                    PyUnicode_1BYTE_KIND, lowered, start, i,
                    first, continued, value_of, max_chars, unknown, &pieces,
                )  # fmt: skip
                count += pieces
            rows[k, 0] = total
            rows[k, 1] = <double>count
    finally:
        free(lowered)
    return wide


cdef uint64_t FNV_OFFSET = 0xCBF29CE484222325
cdef uint64_t FNV_PRIME = 0x100000001B3


cdef class TokenRows:
    """Whitespace tokens to their rows in ``_SumCache`` (the twin of its ``rows`` dict,
    without the batch mark), looked up by the code points of a span of the text: a known
    token costs no substring and no ``str`` hash. Open addressing over an FNV-1a hash of
    the code points; a slot's token is compared code point by code point, so a lookup
    finds exactly what ``rows[token]`` finds."""

    cdef uint64_t* tags  # per slot: the token's hash with its low bit set, 0 when empty
    cdef int32_t* rows
    cdef uint64_t mask
    cdef int shift  # 64 - log2(slots): a slot is the top bits of the spread hash
    cdef Py_ssize_t filled
    cdef list keys  # row -> token (None for the rows that are no token here)

    def __cinit__(self):
        self.mask = 1023
        self.shift = 54
        self.filled = 0
        self.keys = [None]
        self.tags = <uint64_t*>calloc(self.mask + 1, sizeof(uint64_t))
        self.rows = <int32_t*>malloc((self.mask + 1) * sizeof(int32_t))
        if self.tags == NULL or self.rows == NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self.tags)
        free(self.rows)

    def add(self, list tokens, Py_ssize_t first):
        """Learn ``tokens`` as rows ``first``, ``first + 1``, ... (the rows the cache gave
        them, which follow the rows already here)."""
        cdef str token
        if first != len(self.keys):
            raise ValueError(f"rows from {first}, expected {len(self.keys)}")
        for token in tokens:
            if 2 * (self.filled + 1) > <Py_ssize_t>(self.mask + 1):
                self._grow()
            self._put(
                _span_hash(PyUnicode_KIND(token), PyUnicode_DATA(token), 0, len(token)),
                len(self.keys),
            )
            self.keys.append(token)

    cdef void _put(self, uint64_t tag, int32_t row):
        cdef uint64_t slot = (tag * SPREAD) >> self.shift
        while self.tags[slot] != 0:
            slot = (slot + 1) & self.mask
        self.tags[slot] = tag
        self.rows[slot] = row
        self.filled += 1

    cdef _grow(self):
        cdef uint64_t old_size = self.mask + 1, k
        cdef uint64_t* old_tags = self.tags
        cdef int32_t* old_rows = self.rows
        self.tags = <uint64_t*>calloc(2 * old_size, sizeof(uint64_t))
        self.rows = <int32_t*>malloc(2 * old_size * sizeof(int32_t))
        if self.tags == NULL or self.rows == NULL:
            raise MemoryError()
        self.mask = 2 * old_size - 1
        self.shift -= 1
        self.filled = 0
        for k in range(old_size):
            if old_tags[k] != 0:
                self._put(old_tags[k], old_rows[k])
        free(old_tags)
        free(old_rows)

    cdef inline Py_ssize_t find(
        self, int kind, void* data, Py_ssize_t start, Py_ssize_t end, uint64_t tag
    ):
        """The row of the token ``data[start:end]``, or -1."""
        cdef uint64_t slot = (tag * SPREAD) >> self.shift
        cdef Py_ssize_t j, length = end - start
        cdef int32_t row
        cdef str key
        cdef int key_kind
        cdef void* key_data
        while self.tags[slot] != 0:
            if self.tags[slot] == tag:
                row = self.rows[slot]
                key = <str>self.keys[row]
                if len(key) == length:
                    key_kind = PyUnicode_KIND(key)
                    key_data = PyUnicode_DATA(key)
                    for j in range(length):
                        if PyUnicode_READ(key_kind, key_data, j) != PyUnicode_READ(
                            kind, data, start + j
                        ):
                            break
                    else:
                        return row
            slot = (slot + 1) & self.mask
        return -1

    def totals(
        self, str text, const double[:, ::1] values, double[::1] totals, double[::1] counts
    ):
        """Add to ``totals`` / ``counts`` each whitespace token's cached (value sum, piece
        count), ``values[row]``, per run between "\\x00" tokens (the batch mark; the
        caller checked there are ``len(totals) - 1``); returns the tokens not known here
        and the run of each, for the caller to add once it has learned them."""
        cdef Py_ssize_t n = len(text), i = 0, start, run = 0, row
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef uint64_t tag
        cdef Py_UCS4 c
        cdef list missing = []
        cdef list missing_runs = []
        while True:
            while i < n and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
                i += 1
            if i >= n:
                break
            start = i
            tag = FNV_OFFSET
            while i < n:
                c = PyUnicode_READ(kind, data, i)
                if Py_UNICODE_ISSPACE(c):
                    break
                tag = (tag ^ <uint64_t>c) * FNV_PRIME
                i += 1
            if i - start == 1 and PyUnicode_READ(kind, data, start) == 0:
                run += 1
                continue
            row = self.find(kind, data, start, i, tag | 1)
            if row < 0:
                missing.append(text[start:i])
                missing_runs.append(run)
                continue
            totals[run] += values[row, 0]
            counts[run] += values[row, 1]
        return missing, missing_runs


cdef inline uint64_t _span_hash(int kind, void* data, Py_ssize_t start, Py_ssize_t end):
    """FNV-1a over the code points of ``data[start:end]``, low bit set (0 marks an empty
    slot); ``TokenRows.totals`` computes the same while it scans a token."""
    cdef uint64_t tag = FNV_OFFSET
    cdef Py_ssize_t i
    for i in range(start, end):
        tag = (tag ^ <uint64_t>PyUnicode_READ(kind, data, i)) * FNV_PRIME
    return tag | 1



# -- hashed rows: ``_hashing.matrix_of_hashes`` and ``_hashing.sum_rows`` -------------------


cdef int DIGIT_BITS = 11  # radix passes over a column's bits, 2,048 buckets each


cdef int32_t* _ordered(
    const int32_t* columns, const int32_t* rows, Py_ssize_t n, Py_ssize_t n_rows,
    Py_ssize_t n_features,
) except NULL:
    """Positions ``0..n-1`` stably sorted by (row, column) (``malloc``'d, the caller frees):
    radix passes over the columns' digits, lowest first, then one over the rows; equal
    keys keep their input order, as ``np.sort`` of keys with their positions packed in."""
    cdef Py_ssize_t k, d, buckets = max(1 << DIGIT_BITS, n_rows), shift = 0
    cdef int64_t total, count
    cdef int32_t* order = <int32_t*>malloc((n + 1) * sizeof(int32_t))
    cdef int32_t* spare = <int32_t*>malloc((n + 1) * sizeof(int32_t))
    cdef int64_t* starts = <int64_t*>malloc((buckets + 1) * sizeof(int64_t))
    if order == NULL or spare == NULL or starts == NULL:
        free(order)
        free(spare)
        free(starts)
        raise MemoryError()
    for k in range(n):
        order[k] = <int32_t>k
    while (<Py_ssize_t>1 << shift) < n_features:
        memset(starts, 0, (1 << DIGIT_BITS) * sizeof(int64_t))
        for k in range(n):
            starts[(columns[k] >> shift) & ((1 << DIGIT_BITS) - 1)] += 1
        total = 0
        for d in range(1 << DIGIT_BITS):
            count = starts[d]
            starts[d] = total
            total += count
        for k in range(n):
            d = (columns[order[k]] >> shift) & ((1 << DIGIT_BITS) - 1)
            spare[starts[d]] = order[k]
            starts[d] += 1
        order, spare = spare, order
        shift += DIGIT_BITS
    memset(starts, 0, n_rows * sizeof(int64_t))
    for k in range(n):
        starts[rows[k]] += 1
    total = 0
    for d in range(n_rows):
        count = starts[d]
        starts[d] = total
        total += count
    for k in range(n):
        d = rows[order[k]]
        spare[starts[d]] = order[k]
        starts[d] += 1
    free(order)
    free(starts)
    return spare


cdef int _check_sizes(Py_ssize_t n, Py_ssize_t n_rows, Py_ssize_t n_features) except -1:
    if n >= 1 << 31 or n_rows >= 1 << 31:
        raise ValueError("at most 2**31 - 1 entries and rows")
    if n_features < 1 or n_features > 1 << 30:
        raise ValueError(f"n_features {n_features} outside 1..2**30")
    return 0


cdef tuple _grouped_csr(
    int32_t* columns, int32_t* rows, double* values, Py_ssize_t n, Py_ssize_t n_rows,
    Py_ssize_t n_features,
):
    """``(data, indices, indptr)`` of the ``n`` entries ``(rows[k], columns[k])``: per row
    its distinct columns ascending, each with its ``values`` added from 0.0 in input order,
    or with how often it occurs when ``values`` is NULL (one rule for counts and sums)."""
    import numpy as np  # here, not at import: numpy loads with the model, not the kernel

    cdef Py_ssize_t k, j, stored = 0
    cdef int32_t row, column
    cdef double total
    data = np.empty(n, dtype=np.float64)
    indices = np.empty(n, dtype=np.int32)
    indptr = np.zeros(n_rows + 1, dtype=np.int32)
    cdef double[::1] data_out = data
    cdef int32_t[::1] columns_out = indices
    cdef int32_t[::1] pointers = indptr
    cdef int32_t* order = _ordered(columns, rows, n, n_rows, n_features)
    try:
        k = 0
        while k < n:
            row = rows[order[k]]
            column = columns[order[k]]
            total = 0.0
            j = k
            while j < n and columns[order[j]] == column and rows[order[j]] == row:
                total += 1.0 if values == NULL else values[order[j]]
                j += 1
            columns_out[stored] = column
            data_out[stored] = total
            pointers[row + 1] += 1
            stored += 1
            k = j
        for k in range(n_rows):
            pointers[k + 1] += pointers[k]
    finally:
        free(order)
    return data[:stored], indices[:stored], indptr


def hashed_counts(
    const int64_t[::1] hashes,
    const int64_t[::1] row_of,
    Py_ssize_t n_rows,
    Py_ssize_t n_features,
    int64_t min_index,
):
    """``(data, indices, indptr)`` of ``matrix_of_hashes`` without signs, before any
    binarising or norm: each hash's column (``abs(h) % n_features``, ``min_index`` for
    -2**31), and per row its distinct columns ascending with how often each occurs."""
    cdef Py_ssize_t n = hashes.shape[0], k
    cdef int64_t h, r
    if row_of.shape[0] != n:
        raise ValueError("one row per hash expected")
    _check_sizes(n, n_rows, n_features)
    cdef int32_t* columns = <int32_t*>malloc((n + 1) * sizeof(int32_t))
    cdef int32_t* rows = <int32_t*>malloc((n + 1) * sizeof(int32_t))
    try:
        if columns == NULL or rows == NULL:
            raise MemoryError()
        for k in range(n):
            h = hashes[k]
            r = row_of[k]
            if r < 0 or r >= n_rows:
                raise ValueError(f"row {r} outside 0..{n_rows - 1}")
            rows[k] = <int32_t>r
            columns[k] = <int32_t>(min_index if h == -2147483648 else (h if h >= 0 else -h) % n_features)
        return _grouped_csr(columns, rows, NULL, n, n_rows, n_features)
    finally:
        free(columns)
        free(rows)


def grouped_sums(list matrices, list groups, Py_ssize_t n_groups, Py_ssize_t n_features):
    """``(data, indices, indptr)`` of ``_hashing.sum_rows``: per group, the rows of every
    CSR matrix in it summed column by column, each column's values added from 0.0 in
    input order (matrix by matrix, row by row), as ``sums_by_key`` adds them; the
    columns of a group ascending."""
    import numpy as np

    cdef Py_ssize_t n_matrices = len(matrices), m, j, row, t = 0, n = 0
    cdef int64_t g
    cdef int32_t column
    cdef const int32_t[::1] indptr_of
    cdef const int32_t[::1] indices_of
    cdef const double[::1] data_of
    cdef const int64_t[::1] group_of
    if len(groups) != n_matrices:
        raise ValueError("one group array per matrix expected")
    for m in range(n_matrices):
        if matrices[m].shape[1] != n_features:
            raise ValueError("every matrix needs n_features columns")
        n += matrices[m].nnz
    _check_sizes(n, n_groups, n_features)
    cdef int32_t* columns = <int32_t*>malloc((n + 1) * sizeof(int32_t))
    cdef int32_t* rows = <int32_t*>malloc((n + 1) * sizeof(int32_t))
    cdef double* values = <double*>malloc((n + 1) * sizeof(double))
    try:
        if columns == NULL or rows == NULL or values == NULL:
            raise MemoryError()
        for m in range(n_matrices):
            indptr_of = matrices[m].indptr
            indices_of = matrices[m].indices
            data_of = matrices[m].data
            group_of = np.ascontiguousarray(groups[m], dtype=np.int64)
            if group_of.shape[0] != indptr_of.shape[0] - 1:
                raise ValueError("one group per row expected")
            for row in range(group_of.shape[0]):
                g = group_of[row]
                if g < 0 or g >= n_groups:
                    raise ValueError(f"group {g} outside 0..{n_groups - 1}")
                for j in range(indptr_of[row], indptr_of[row + 1]):
                    column = indices_of[j]
                    if column < 0 or column >= n_features:
                        raise ValueError(f"column {column} outside 0..{n_features - 1}")
                    columns[t] = column
                    rows[t] = <int32_t>g
                    values[t] = data_of[j]
                    t += 1
        if t != n:
            raise ValueError("a matrix's indptr disagrees with its nnz")
        return _grouped_csr(columns, rows, values, n, n_groups, n_features)
    finally:
        free(columns)
        free(rows)
        free(values)


def normalised(const int32_t[::1] indptr, const double[::1] data, bint l2):
    """``_hashing.normalise_rows``' new data: each row's values divided by its l2 norm
    (the square root of its squares added in order from 0.0) or l1 norm (its absolute
    values added so), a row whose norm is 0 left as it is."""
    import numpy as np

    cdef Py_ssize_t n_rows = indptr.shape[0] - 1, r, j
    cdef double total
    if n_rows < 0 or indptr[0] != 0 or indptr[n_rows] != data.shape[0]:
        raise ValueError("indptr does not fit the data")
    out = np.empty(data.shape[0], dtype=np.float64)
    cdef double[::1] divided = out
    for r in range(n_rows):
        total = 0.0
        if l2:
            for j in range(indptr[r], indptr[r + 1]):
                total += data[j] * data[j]
            total = sqrt(total)
        else:
            for j in range(indptr[r], indptr[r + 1]):
                total += fabs(data[j])
        if total == 0.0:
            total = 1.0
        for j in range(indptr[r], indptr[r + 1]):
            divided[j] = data[j] / total
    return out


# -- a block's scores: ``HashedBlock.scores`` -------------------------------------------------


MAX_TABLE_FEATURES = 1 << 20  # the largest hashed space spread over the scratch table
cdef double* _scratch = NULL  # zeros between calls; grows to the widest space scored
cdef Py_ssize_t _scratch_size = 0


def weighted_sums(
    const int32_t[::1] indptr,
    const int32_t[::1] indices,
    const double[::1] data,
    const int32_t[::1] weight_indices,
    const double[::1] weight_values,
    Py_ssize_t n_features,
):
    """``HashedBlock.scores`` of CSR rows: per row, each stored value times its column's
    weight (0.0 for a column without one), added in order from 0.0, as the bincount adds
    them. The weights are spread over a scratch table of the hashed space, read, and
    cleared again: no table of the space is allocated per call."""
    import numpy as np

    global _scratch, _scratch_size
    cdef Py_ssize_t n_rows = indptr.shape[0] - 1, n_weights = weight_indices.shape[0], r, j
    cdef int32_t column
    cdef double total
    if n_features < 1 or n_features > MAX_TABLE_FEATURES:
        raise ValueError(f"n_features {n_features} outside 1..{MAX_TABLE_FEATURES}")
    if weight_values.shape[0] != n_weights:
        raise ValueError("one value per weight index expected")
    if n_rows < 0 or indptr[0] != 0 or indptr[n_rows] != data.shape[0]:
        raise ValueError("indptr does not fit the data")
    if indices.shape[0] < data.shape[0]:
        raise ValueError("fewer indices than values")
    for j in range(n_weights):
        if weight_indices[j] < 0 or weight_indices[j] >= n_features:
            raise ValueError(f"weight index {weight_indices[j]} outside 0..{n_features - 1}")
    for j in range(data.shape[0]):
        if indices[j] < 0 or indices[j] >= n_features:
            raise ValueError(f"column {indices[j]} outside 0..{n_features - 1}")
    if _scratch_size < n_features:
        free(_scratch)
        _scratch_size = 0
        _scratch = <double*>calloc(n_features, sizeof(double))
        if _scratch == NULL:
            raise MemoryError()
        _scratch_size = n_features
    out = np.empty(n_rows, dtype=np.float64)
    cdef double[::1] sums = out
    for j in range(n_weights):
        _scratch[weight_indices[j]] = weight_values[j]
    for r in range(n_rows):
        total = 0.0
        for j in range(indptr[r], indptr[r + 1]):
            total += data[j] * _scratch[indices[j]]
        sums[r] = total
    for j in range(n_weights):
        _scratch[weight_indices[j]] = 0.0
    return out
