# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled twins of the wordpiece table's loops (optional extension).

``hypescore.model.wordpiece`` is the reference for both:

- ``piece_sums``: ``WordPieces.split`` (greedy longest match: the longest piece at the
  word's start, then the longest continuation after it) and ``PieceTable``'s value sum of
  a word's pieces, summed left to right as Python's ``sum`` does. The pieces sit in a
  trie over code points (one for the pieces as they are, one for the continuations
  without their "##"), so the longest piece at a position is one walk along the word,
  with no substring built.
- ``token_totals``: ``PieceTable.means``' totals per sentence of the cached sums of its
  whitespace tokens (``str.split``'s whitespace), in one pass over the joined text.

Every sum and count is bit-identical (tests/model/test_wordpiece.py runs both paths).
Nothing here is imported directly: ``hypescore.model.wordpiece`` decides.
"""

from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject
from cpython.unicode cimport Py_UNICODE_ISSPACE, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ
from libc.stdint cimport int32_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc

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
    cdef Py_ssize_t k, n, start, end, count
    cdef double total
    cdef int32_t found = -1
    cdef int kind
    cdef void* data
    cdef str word
    cdef PieceTrie trie
    cdef list sums = [0.0] * n_words
    cdef list counts = [0] * n_words
    for k in range(n_words):
        word = words[k]
        kind = PyUnicode_KIND(word)
        data = PyUnicode_DATA(word)
        n = len(word)
        total = 0.0
        count = 0
        start = 0
        trie = first
        if n == 0 and first.ids[0] >= 0:  # an empty piece is only ever a whole word
            total += <double>value_of[first.ids[0]]
            count = 1
        while start < n:
            end = trie.longest(kind, data, start, n, &found)
            if end == start or (n > max_chars and end != n):
                count = -1  # no piece starts here, or too long a word: one unknown piece
                break
            total += <double>value_of[found]
            count += 1
            start = end
            trie = continued
        if count < 0:
            total = 0.0 + <double>value_of[unknown]
            count = 1
        sums[k] = total
        counts[k] = count
    return sums, counts


def token_totals(
    str text, dict rows, const double[:, ::1] values, double[::1] totals, double[::1] counts
):
    """Add to ``totals`` / ``counts`` each whitespace token's cached (value sum, piece
    count), ``values[rows[token]]``, per run between "\\x00" tokens (the batch mark; the
    caller checked there are ``len(totals) - 1``); returns the tokens not in ``rows`` and
    the run of each, for the caller to add once it has learned them."""
    cdef Py_ssize_t n = len(text), i = 0, start, run = 0, row
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef PyObject* found
    cdef list missing = []
    cdef list missing_runs = []
    while True:
        while i < n and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            i += 1
        if i >= n:
            break
        start = i
        while i < n and not Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            i += 1
        if i - start == 1 and PyUnicode_READ(kind, data, start) == 0:
            run += 1
            continue
        token = text[start:i]
        found = PyDict_GetItem(rows, token)
        if found is NULL:
            missing.append(token)
            missing_runs.append(run)
            continue
        row = <Py_ssize_t><object>found
        totals[run] += values[row, 0]
        counts[run] += values[row, 1]
    return missing, missing_runs
