# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=False
"""Compiled twins of the hot token loops of ``hypescore._engine`` (optional extension).

The pure-Python modules (``vader``, ``readability``, ``syllables``) are the reference:
each function here replays one of their loops step by step, with the same Python
containers (the caches stay shared and interchangeable) and the same floating-point
operations in the same order, so every number is bit-identical; tests/_engine runs the
parity tests on both paths and a hypothesis test compares them directly. Rare cases
(lexicon words and rule words, non-ASCII words, VADER's idiom and "but" rules) are
handed back to the Python code through callbacks, so each of those rules is written
once there; VADER's rules around a lexicon word (``VaderRules``), the sentence
boundaries and the abbreviations that end none (``sentence_spans``) are replayed here,
as the token loops are. ``DocumentTokens`` owns one document's tokens: split once over the code points,
interned to integer ids, with token sums, readability's sentence count and VADER's
sentence scores as passes over C arrays. Nothing here is imported directly:
``hypescore._engine.kernel`` decides.
"""

from cpython.dict cimport PyDict_GetItem, PyDict_SetItem
from cpython.object cimport PyObject
from cpython.ref cimport Py_INCREF
from cpython.unicode cimport (
    Py_UNICODE_ISALNUM, Py_UNICODE_ISDECIMAL, Py_UNICODE_ISDIGIT, Py_UNICODE_ISLOWER, Py_UNICODE_ISSPACE,
    Py_UNICODE_ISTITLE, Py_UNICODE_ISUPPER, PyUnicode_DATA,
    PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_KIND, PyUnicode_READ,
)
from libc.math cimport sqrt
from libc.stdint cimport int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memcmp, memset

import builtins
import string

cdef object _round = builtins.round
cdef object _sum = builtins.sum
cdef str _PUNCTUATION = string.punctuation

# -- syllables: Liang hyphenation over the pattern trie, CMUdict table, shared cache ------


cdef list _points(dict trie, str word):
    """``syllables.Hyphenator._points``."""
    cdef str pointed = "." + word + "."
    cdef Py_ssize_t size = len(pointed)
    cdef Py_ssize_t i, j, at
    cdef long value
    cdef dict node
    cdef PyObject *entry
    cdef list pair
    cdef object pattern
    cdef object v
    cdef int *references = <int *>calloc(size + 1, sizeof(int))
    if references is NULL:
        raise MemoryError()
    try:
        for i in range(size - 1):
            node = trie
            for j in range(i, size):
                entry = PyDict_GetItem(node, pointed[j])
                if entry is NULL:
                    break
                pair = <list>entry
                node = <dict>pair[0]
                pattern = pair[1]
                if pattern is None:
                    continue
                at = i + <Py_ssize_t>(<tuple>pattern)[0]
                for v in <tuple>(<tuple>pattern)[1]:
                    if at > size:
                        break
                    value = v
                    if value > references[at]:
                        references[at] = value
                    at += 1
        return [i - 1 for i in range(size + 1) if references[i] % 2]
    finally:
        free(references)


def hyphen_positions(dict trie, str word, Py_ssize_t left, Py_ssize_t right):
    """``syllables.Hyphenator.positions`` given its trie and pyphen's margins."""
    cdef Py_ssize_t last = len(word) - right
    cdef Py_ssize_t i
    return [i for i in _points(trie, word.lower()) if left <= i <= last]


cdef class Syllables:
    """``syllables.syllables`` over the same table and cache (the trie built on first need)."""

    cdef dict table
    cdef dict counted
    cdef object trie_of
    cdef Py_ssize_t max_cached
    cdef Py_ssize_t left
    cdef Py_ssize_t right

    def __init__(self, dict table, dict counted, trie_of, Py_ssize_t max_cached,
                 Py_ssize_t left, Py_ssize_t right):
        self.table = table
        self.counted = counted
        self.trie_of = trie_of
        self.max_cached = max_cached
        self.left = left
        self.right = right

    cdef long count(self, str word) except -1:
        cdef PyObject *found = PyDict_GetItem(self.counted, word)
        cdef long count
        if found is not NULL:
            return <object>found
        found = PyDict_GetItem(self.table, word)
        if found is not NULL:
            count = <object>found
        else:
            count = len(hyphen_positions(self.trie_of(), word, self.left, self.right)) + 1
        if len(self.counted) >= self.max_cached:
            self.counted.clear()
        self.counted[word] = count
        return count

    def __call__(self, str word):
        return self.count(word)


# -- readability: token learning, token sums, sentence count ------------------------------


cdef inline bint _is_edge(Py_UCS4 char):
    """``char in readability._EDGE_PUNCTUATION`` (ASCII punctuation except ``_``)."""
    return (
        33 <= char <= 47 or 58 <= char <= 64 or (91 <= char <= 96 and char != 95)
        or 123 <= char <= 126
    )


cdef inline bint _is_ascii_alnum(Py_UCS4 char):
    return 48 <= char <= 57 or 65 <= char <= 90 or 97 <= char <= 122


cdef object _token_word(str token, object slow):
    """``readability._token_word``; ``slow`` is ``remove_punctuation``.

    The same test, scanned in C: strip edge punctuation, keep the core if it is ASCII
    letters and digits and no apostrophe opened the token; anything else goes to ``slow``.
    """
    cdef Py_ssize_t start = 0, end = len(token), k
    while start < end and _is_edge(token[start]):
        start += 1
    while end > start and _is_edge(token[end - 1]):
        end -= 1
    if start == end:
        return slow(token)
    for k in range(start, end):
        if not _is_ascii_alnum(token[k]):
            return slow(token)
    for k in range(start):
        if token[k] == "'":
            return slow(token)
    return token[start:end]


def readability_learn(
    tokens,
    dict codes,
    set words,
    dict word_codes,
    dict many_syllables,
    frozenset easy,
    Syllables syllables,
    remove_punctuation,
    word_code,
    int width,
    int small_syllables,
    int fog_syllables,
):
    """``ReadabilityCounter.learn_new``'s loop; ``word_code`` handles non-ASCII words."""
    cdef str token
    cdef str lower
    cdef object word
    cdef object entry
    cdef long count
    cdef long long code
    cdef bint hard, small
    for token in tokens:
        word = _token_word(token, remove_punctuation)
        if not word:
            codes[token] = 0
            continue
        lower = (<str>word).lower()
        entry = word_codes.get(lower)
        if entry is None:
            if lower.isascii():
                count = syllables.count(lower)
                hard = lower not in easy
                small = count <= small_syllables
                code = (
                    (<long long>1)
                    | (<long long>hard) << width
                    | (<long long>(hard and count >= fog_syllables)) << (2 * width)
                    | (<long long>(count >= fog_syllables)) << (3 * width)
                    | (<long long>(not small)) << (4 * width)
                    | (<long long>(count if small else 0)) << (5 * width)
                )
                entry = (code, 0 if small else count)
            else:
                entry = word_code(lower, easy)
            word_codes[lower] = entry
        codes[token] = entry[0]
        words.add(token)
        if entry[1]:
            many_syllables[token] = entry[1]


def token_sums(list tokens, dict codes, dict many_syllables, int width):
    """Words, hard Dale-Chall words, hard fog words, polysyllables, syllables of tokens."""
    cdef long long mask = (1 << width) - 1
    cdef long long code
    cdef long long words = 0, hard_dale_chall = 0, hard_fog = 0, polysyllables = 0
    cdef long long syllables = 0
    cdef bint many = False
    cdef object token
    for token in tokens:
        code = codes[token]
        words += code & mask
        hard_dale_chall += code >> width & mask
        hard_fog += code >> (2 * width) & mask
        polysyllables += code >> (3 * width) & mask
        if code >> (4 * width) & mask:
            many = True
        syllables += code >> (5 * width)
    if many:
        for token in tokens:
            syllables += many_syllables.get(token, 0)
    return words, hard_dale_chall, hard_fog, polysyllables, syllables


cdef Py_ssize_t _sentence_count(int kind, void *data, Py_ssize_t n):
    """``ReadabilityCounter._count_sentences`` of a text of ``n`` code points (``n > 0``).

    A segment between runs of ``.!?`` counts when at least three of its whitespace
    tokens hold a ``\\w`` character. That is the reference's test: its first three
    tokens are all known words (learned tokens with a ``\\w``), or the segment has three
    words; counting the words reads the code points, with no lookup and no string.
    """
    cdef Py_ssize_t pos = 0, at, words, sentences = 0
    cdef Py_UCS4 char
    cdef bint in_token, worded
    while True:
        at = pos
        words = 0
        in_token = worded = False
        while at < n:
            char = PyUnicode_READ(kind, data, at)
            if _is_separator(char):
                break
            if Py_UNICODE_ISSPACE(char):
                in_token = False
            elif not in_token:
                in_token = True
                worded = _is_word(char)
                words += worded
            elif not worded and _is_word(char):
                worded = True
                words += 1
            at += 1
        if words >= 3:
            sentences += 1
        if at >= n:
            break
        pos = at + 1
        while pos < n and _is_separator(PyUnicode_READ(kind, data, pos)):
            pos += 1
    return max(1, sentences)


def count_sentences(str text):
    """``ReadabilityCounter._count_sentences`` of ``text``."""
    if len(text) == 0:
        return 0
    return _sentence_count(PyUnicode_KIND(text), PyUnicode_DATA(text), len(text))


# -- VADER: token learning, sentence scores ----------------------------------------------


def vader_learn(tokens, dict known, dict lexicon, frozenset special_lows, learn_one):
    """``CompoundScorer.learn_new``'s loop; ``learn_one`` (``_learn``) for the rare tokens."""
    cdef str raw
    cdef str stripped
    cdef str item
    cdef str low
    for raw in tokens:
        if raw in known:
            continue
        stripped = raw.strip(_PUNCTUATION)
        item = raw if len(stripped) <= 2 else stripped
        low = item.lower()
        if (
            low not in lexicon
            and low.isascii()
            and low not in special_lows
            and "n't" not in low
        ):
            known[raw] = (item, low, _is_upper(item), None, False)
        else:
            learn_one(raw)


cdef inline str _low(list infos, Py_ssize_t j):
    """The lower-case form of token ``j`` (field 1 of ``CompoundScorer``'s token tuples)."""
    return (<tuple>infos[j])[1]


cdef class VaderRules:
    """``CompoundScorer._rule_values`` and ``_valence``: VADER's rules around each lexicon
    word, step by step, in the same order of floating-point operations (C doubles, as
    Python floats are). The idiom check (``_special_idioms_check``), when an idiom word is
    near, and the "but" rule (``but_rule``) are called back in Python.

    A token's tuple (``CompoundScorer._learn``): item, lower case, in capitals, lexicon
    valence, negation word.
    """

    cdef dict lexicon
    cdef dict boosters
    cdef frozenset idiom_anchors
    cdef double n_scalar
    cdef double c_incr
    cdef object idioms
    cdef object but_rule

    def __init__(
        self, dict lexicon, dict boosters, frozenset idiom_anchors, double n_scalar,
        double c_incr, idioms, but_rule,
    ):
        self.lexicon = lexicon
        self.boosters = boosters
        self.idiom_anchors = idiom_anchors
        self.n_scalar = n_scalar
        self.c_incr = c_incr
        self.idioms = idioms
        self.but_rule = but_rule

    def values(self, list tokens, set hits, dict known, set modifiers, set buts):
        """The non-zero sentiments of ``tokens`` after VADER's rules, in token order."""
        cdef Py_ssize_t n = len(tokens), i, j
        cdef int cap_diff = -1  # not yet known
        cdef list infos = None, values = [], positions = []
        cdef tuple info
        cdef bint upper, near
        cdef double valence
        cdef object token
        for i in range(n):
            token = tokens[i]
            if token not in hits:
                continue
            info = <tuple>known[token]
            upper = info[2]
            if upper and cap_diff < 0:
                cap_diff = _cap_diff(tokens)
            near = False
            for j in range(i - 3 if i > 3 else 0, i + 3 if i + 3 < n else n):
                if tokens[j] in modifiers:
                    near = True
                    break
            if not near and not (upper and cap_diff == 1):
                valence = info[3]  # nothing nearby changes it
            else:
                if infos is None:
                    infos = [known[t] for t in tokens]
                if i < n - 1 and <str>info[1] == "kind" and _low(infos, i + 1) == "of":
                    continue
                if cap_diff < 0:
                    cap_diff = _cap_diff(tokens)
                valence = self._valence(infos, i, n, cap_diff == 1)
            if valence:
                values.append(valence)
                positions.append(i)
        if values:
            for i in range(n):
                if tokens[i] in buts:
                    self.but_rule(values, positions, i)
                    break
        return values

    cdef double _valence(self, list infos, Py_ssize_t i, Py_ssize_t n, bint is_cap_diff) except *:
        cdef tuple info = infos[i]
        cdef str low = info[1]
        cdef bint upper = info[2]
        cdef double base = info[3]
        cdef double valence = base, s
        cdef dict lexicon = self.lexicon
        cdef int start_i
        cdef str one
        if low == "no" and i != n - 1 and _low(infos, i + 1) in lexicon:
            valence = 0.0
        if (
            (i > 0 and _low(infos, i - 1) == "no")
            or (i > 1 and _low(infos, i - 2) == "no")
            or (i > 2 and _low(infos, i - 3) == "no" and (
                _low(infos, i - 1) == "or" or _low(infos, i - 1) == "nor"
            ))
        ):
            valence = base * self.n_scalar
        if upper and is_cap_diff:
            if valence > 0:
                valence += self.c_incr
            else:
                valence -= self.c_incr
        for start_i in range(3):
            if i > start_i:
                if _low(infos, i - (start_i + 1)) in lexicon:
                    continue
                s = self._scalar_inc_dec(infos[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation_check(valence, infos, start_i, i)
                if start_i == 2:
                    valence = self._special_idioms_check(valence, infos, i, n)
        # _least_check
        if i > 1 and _low(infos, i - 1) not in lexicon and _low(infos, i - 1) == "least":
            one = _low(infos, i - 2)
            if one != "at" and one != "very":
                valence = valence * self.n_scalar
        elif i > 0 and _low(infos, i - 1) not in lexicon and _low(infos, i - 1) == "least":
            valence = valence * self.n_scalar
        return valence

    cdef double _scalar_inc_dec(self, tuple info, double valence, bint is_cap_diff) except *:
        cdef double scalar = 0.0
        booster = self.boosters.get(info[1])
        if booster is not None:
            scalar = booster
            if valence < 0:
                scalar *= -1
            if info[2] and is_cap_diff:
                if valence > 0:
                    scalar += self.c_incr
                else:
                    scalar -= self.c_incr
        return scalar

    cdef double _negation_check(
        self, double valence, list infos, int start_i, Py_ssize_t i
    ) except *:
        cdef str one, two, three
        if start_i == 0:
            if (<tuple>infos[i - 1])[4]:
                valence = valence * self.n_scalar
        elif start_i == 1:
            two = _low(infos, i - 2)
            one = _low(infos, i - 1)
            if two == "never" and (one == "so" or one == "this"):
                valence = valence * 1.25
            elif two == "without" and one == "doubt":
                pass
            elif (<tuple>infos[i - 2])[4]:
                valence = valence * self.n_scalar
        else:
            three = _low(infos, i - 3)
            two = _low(infos, i - 2)
            one = _low(infos, i - 1)
            if (three == "never" and (two == "so" or two == "this")) or (
                one == "so" or one == "this"
            ):
                valence = valence * 1.25
            elif three == "without" and (two == "doubt" or one == "doubt"):
                pass
            elif (<tuple>infos[i - 3])[4]:
                valence = valence * self.n_scalar
        return valence

    cdef double _special_idioms_check(
        self, double valence, list infos, Py_ssize_t i, Py_ssize_t n
    ) except *:
        """Unchanged unless an idiom word is in the window; then the Python check."""
        cdef Py_ssize_t j
        for j in range(i - 3, i + 3 if i + 3 < n else n):
            if _low(infos, j) in self.idiom_anchors:
                return self.idioms(valence, infos, i, n)
        return valence


cdef bint _is_upper(str text) except -1:
    """``text.isupper()`` read from the code points, without a method call: CPython's
    rule (one character: it is upper case; else no lower- or title-case character and
    at least one upper-case one), with the same Unicode tables."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text), k
    cdef Py_UCS4 char
    cdef bint cased = False
    if n == 1:
        return Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, 0))
    for k in range(n):
        char = PyUnicode_READ(kind, data, k)
        if Py_UNICODE_ISLOWER(char) or Py_UNICODE_ISTITLE(char):
            return False
        if not cased and Py_UNICODE_ISUPPER(char):
            cased = True
    return cased


def is_upper(str text):
    """:func:`_is_upper`, for the parity tests against ``str.isupper``."""
    return _is_upper(text)


cdef int _cap_diff(list tokens) except -1:
    """VADER's ``is_cap_diff``: some but not all tokens are in capitals (1), or not (0)."""
    cdef Py_ssize_t n = len(tokens), uppers = 0
    cdef object token
    for token in tokens:
        if _is_upper(<str>token):
            uppers += 1
    return 1 if 0 < n - uppers < n else 0


cdef double _punctuation_emphasis(Py_ssize_t ep_count, Py_ssize_t qm_count):
    """``vader._punctuation_emphasis`` given the text's counts of "!" and "?"."""
    cdef double ep_amplifier, qm_amplifier = 0.0
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


# Compound scores by the normalised sum they round: CPython's ``round(x, 4)`` goes through
# a decimal conversion (about a thousand instructions), while a document's sentences
# repeat a few hundred sums. Exact: the same double always rounds the same. Zero is
# left out (0.0 and -0.0 are one key but round apart); bounded like the token caches.
cdef dict _rounded_scores = {}
cdef Py_ssize_t _MAX_ROUNDED_SCORES = 100_000


cdef object _rounded_score(double norm_score):
    """``round(norm_score, 4)``, remembered per value."""
    cdef object key = norm_score
    cdef PyObject *found = PyDict_GetItem(_rounded_scores, key)
    if found is not NULL:
        return <object>found
    rounded = _round(key, 4)
    if norm_score != 0.0:
        if len(_rounded_scores) >= _MAX_ROUNDED_SCORES:
            _rounded_scores.clear()
        _rounded_scores[key] = rounded
    return rounded


cdef object _compound(list values, Py_ssize_t exclamations, Py_ssize_t questions):
    """``CompoundScorer._score_hits`` from the sentence's non-zero sentiments."""
    cdef double sum_s = float(_sum(values))
    cdef double norm_score
    if not sum_s:
        return 0.0
    if sum_s > 0:
        sum_s += _punctuation_emphasis(exclamations, questions)
    else:
        sum_s -= _punctuation_emphasis(exclamations, questions)
    norm_score = sum_s / sqrt((sum_s * sum_s) + 15)
    if norm_score < -1.0:
        norm_score = -1.0
    elif norm_score > 1.0:
        norm_score = 1.0
    return _rounded_score(norm_score)


cdef class SentenceScorer:
    """``CompoundScorer._score`` and ``score_spans`` over the scorer's current tables."""

    cdef set modifiers
    cdef set buts
    cdef set upper_hits
    cdef dict hit_valence
    cdef object rule_values

    def __init__(self, set modifiers, set buts, set upper_hits, dict hit_valence, rule_values):
        self.modifiers = modifiers
        self.buts = buts
        self.upper_hits = upper_hits
        self.hit_valence = hit_valence
        self.rule_values = rule_values

    cdef object score(self, str text, list tokens):
        cdef list values = []
        cdef bint found = False, rules = False
        cdef object token
        cdef PyObject *valence
        # hits and hit_valence hold the same tokens (CompoundScorer keeps them so)
        for token in tokens:
            valence = PyDict_GetItem(self.hit_valence, token)
            if valence is not NULL:
                found = True
                values.append(<object>valence)
                if not rules and token in self.upper_hits:
                    rules = True
        if not found:
            return 0.0
        if not rules:
            for token in tokens:
                if token in self.modifiers or token in self.buts:
                    rules = True
                    break
        if not found:
            return 0.0
        if rules:
            values = self.rule_values(tokens)
        return _compound(values, text.count("!"), text.count("?"))

    def score_text(self, str text, list tokens):
        return self.score(text, tokens)

    def score_spans(self, str text, list spans):
        cdef list scores = []
        cdef Py_ssize_t start, end
        cdef str sentence
        for start, end in spans:
            sentence = text[start:end]
            scores.append(self.score(sentence, sentence.split()))
        return scores


# -- one document's tokens, interned: token sums, sentence count, sentence scores --------

# What a distinct token is to VADER's sentence rules (resolved from the scorer's sets).
cdef enum:
    _HIT = 1
    _UPPER_HIT = 2
    _MODIFIER = 4
    _BUT = 8

cdef inline bint _is_separator(Py_UCS4 char):
    """A character of readability's sentence separator ``[.!?]``."""
    return char == 46 or char == 33 or char == 63


cdef inline Py_ssize_t _skip_spaces(int kind, char *data, Py_ssize_t i, Py_ssize_t n):
    """The first position from ``i`` on that is not whitespace (``str.split``'s), or ``n``."""
    while i < n and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
        i += 1
    return i


cdef Py_ssize_t *_rehashed(
    Py_ssize_t *table, uint64_t *hashes, Py_ssize_t distinct, Py_ssize_t size
) except NULL:
    """An open-addressing table of ``size`` slots (a power of two) holding ids
    ``0..distinct-1`` (as id + 1) by their hashes, in place of ``table`` (freed)."""
    cdef Py_ssize_t mask = size - 1, k, slot
    cdef Py_ssize_t *rehashed = <Py_ssize_t *>calloc(size, sizeof(Py_ssize_t))
    if rehashed is NULL:
        raise MemoryError()  # the caller still holds (and frees) ``table``
    free(table)
    for k in range(distinct):
        slot = <Py_ssize_t>(hashes[k] & mask)
        while rehashed[slot]:
            slot = (slot + 1) & mask
        rehashed[slot] = k + 1
    return rehashed


cdef void *_resized(void *block, size_t size) except NULL:
    """``realloc``, raising MemoryError (the caller still holds ``block``) on failure."""
    cdef void *grown = realloc(block, size)
    if grown is NULL:
        raise MemoryError()
    return grown


# -- strings shared across documents, found by the kernel's own hash --------------------
#
# A word met in one document is met again in the next: the run keys of ``count_text_runs``
# and the distinct tokens of ``DocumentTokens`` are looked up here by the FNV-1a hash the
# scans compute anyway (over the code points, lower-cased ones for run keys), so a known
# word costs no new string, and its str hash (cached in the object) is not computed again
# by the dict lookups that follow. Entries are compared code point by code point, so a
# hash collision only costs a probe. The table holds at most _SHARED_MAX strings, the
# first met (frequent words); later words are made as before.

cdef Py_ssize_t _SHARED_SLOTS = 1 << 17  # a power of two, at least twice _SHARED_MAX
cdef Py_ssize_t _SHARED_MAX = 1 << 16
cdef PyObject **_shared_strings = NULL  # slot -> a str (owned reference) or NULL
cdef uint64_t *_shared_hashes = NULL
cdef Py_ssize_t _shared_count = 0


cdef bint _equals_code_points(
    str known, int kind, char *data, Py_ssize_t start, Py_ssize_t length, bint lower
) noexcept:
    """Whether ``known`` holds the code points ``start..start+length-1`` of ``data``
    (ASCII capitals lowered when ``lower``)."""
    cdef int known_kind
    cdef void *known_data
    cdef Py_ssize_t k
    cdef uint32_t char
    if len(known) != length:
        return False
    known_kind = PyUnicode_KIND(known)
    known_data = PyUnicode_DATA(known)
    for k in range(length):
        char = <uint32_t>PyUnicode_READ(kind, data, start + k)
        if lower and 65 <= char <= 90:
            char += 32
        if <uint32_t>PyUnicode_READ(known_kind, known_data, k) != char:
            return False
    return True


cdef str _shared_string(
    str text, int kind, char *data, Py_ssize_t start, Py_ssize_t end, uint64_t h, bint lower
):
    """``text[start:end]`` (``.lower()`` when ``lower``: an ASCII run with capitals),
    the same object as at its last meeting when the table holds it; ``h`` is the
    FNV-1a hash of the string's code points."""
    global _shared_strings, _shared_hashes, _shared_count
    cdef Py_ssize_t mask = _SHARED_SLOTS - 1, slot
    cdef PyObject *found
    cdef str made
    if _shared_strings is NULL:
        _shared_strings = <PyObject **>calloc(_SHARED_SLOTS, sizeof(PyObject *))
        _shared_hashes = <uint64_t *>malloc(_SHARED_SLOTS * sizeof(uint64_t))
        if _shared_strings is NULL or _shared_hashes is NULL:
            free(_shared_strings)
            free(_shared_hashes)
            _shared_strings = NULL
            _shared_hashes = NULL
            raise MemoryError()
    slot = <Py_ssize_t>(h & mask)
    while True:
        found = _shared_strings[slot]
        if found is NULL:
            break
        if _shared_hashes[slot] == h and _equals_code_points(
            <str>found, kind, data, start, end - start, lower
        ):
            return <str>found
        slot = (slot + 1) & mask
    made = text[start:end]
    if lower:
        made = made.lower()
    if _shared_count < _SHARED_MAX:
        Py_INCREF(made)
        _shared_strings[slot] = <PyObject *>made
        _shared_hashes[slot] = h
        _shared_count += 1
    return made


def shared_string_count():
    """How many strings the shared table holds (for tests: it stays bounded)."""
    return _shared_count


cdef class DocumentTokens:
    """The whitespace tokens of one text (``text.split()``), each distinct token once.

    One pass over the code points finds the tokens and interns them in a hash table of
    the document's own, keyed on the code points: each token becomes a small integer id,
    and one Python string is made per distinct token (to look it up in the shared caches
    of ``vader`` and ``readability``, once per document). Token sums and VADER's
    sentence scores then run over integer arrays, without splitting sentences or
    looking up every token. Holds no cache state: each method reads the tables given.
    """

    cdef readonly str text
    cdef readonly list distinct  # the distinct tokens, in order of first occurrence
    cdef Py_ssize_t length
    cdef Py_ssize_t count  # tokens
    cdef Py_ssize_t *starts  # per token: first code point, end, distinct id
    cdef Py_ssize_t *ends
    cdef Py_ssize_t *ids
    cdef Py_ssize_t *occurrences  # per distinct id: how many tokens are it
    # Per distinct id, its readability code as found by new_tokens in ``codes_seen``
    # (a token's code never changes, so the later token sums need not look it up again).
    cdef long long *codes
    cdef bint *coded
    cdef object codes_seen

    def __cinit__(self, str text):
        cdef Py_ssize_t length = len(text)
        cdef Py_ssize_t capacity = length // 2 + 1
        self.text = text
        self.length = length
        self.distinct = []
        self.starts = <Py_ssize_t *>malloc(capacity * sizeof(Py_ssize_t))
        self.ends = <Py_ssize_t *>malloc(capacity * sizeof(Py_ssize_t))
        self.ids = <Py_ssize_t *>malloc(capacity * sizeof(Py_ssize_t))
        if self.starts is NULL or self.ends is NULL or self.ids is NULL:
            raise MemoryError()
        self._tokenise()

    def __dealloc__(self):
        free(self.starts)
        free(self.ends)
        free(self.ids)
        free(self.occurrences)
        free(self.codes)
        free(self.coded)

    cdef int _tokenise(self) except -1:
        cdef str text = self.text
        cdef int kind = PyUnicode_KIND(text)
        cdef char *data = <char *>PyUnicode_DATA(text)
        cdef Py_ssize_t n = self.length, i = 0, start, k, slot, id_, distinct = 0
        cdef Py_ssize_t size = 64, mask
        cdef uint64_t h
        cdef Py_UCS4 char
        # open addressing: slot -> distinct id + 1 (0: empty); per id, hash and first token
        cdef Py_ssize_t *table = <Py_ssize_t *>calloc(size, sizeof(Py_ssize_t))
        cdef uint64_t *hashes = <uint64_t *>malloc(size * sizeof(uint64_t))
        cdef Py_ssize_t *first = <Py_ssize_t *>malloc(size * sizeof(Py_ssize_t))
        cdef Py_ssize_t *counts = <Py_ssize_t *>malloc(size * sizeof(Py_ssize_t))
        try:
            if table is NULL or hashes is NULL or first is NULL or counts is NULL:
                raise MemoryError()
            while True:
                i = _skip_spaces(kind, data, i, n)
                if i >= n:
                    break
                start = i
                h = 14695981039346656037ULL
                while i < n:
                    char = PyUnicode_READ(kind, data, i)
                    if Py_UNICODE_ISSPACE(char):
                        break
                    h = (h ^ <uint64_t>char) * 1099511628211ULL
                    i += 1
                mask = size - 1
                slot = <Py_ssize_t>(h & mask)
                while True:
                    id_ = table[slot] - 1
                    if id_ < 0:
                        break
                    k = first[id_]
                    if (
                        hashes[id_] == h
                        and self.ends[k] - self.starts[k] == i - start
                        and memcmp(data + self.starts[k] * kind, data + start * kind,
                                   (i - start) * kind) == 0
                    ):
                        break
                    slot = (slot + 1) & mask
                self.starts[self.count] = start
                self.ends[self.count] = i
                if id_ >= 0:
                    counts[id_] += 1
                else:
                    id_ = distinct
                    distinct += 1
                    table[slot] = id_ + 1
                    hashes[id_] = h
                    first[id_] = self.count
                    counts[id_] = 1
                    self.distinct.append(_shared_string(text, kind, data, start, i, h, False))
                    if 2 * distinct > size:  # keep the table at most half full
                        size *= 2
                        table = _rehashed(table, hashes, distinct, size)
                        hashes = <uint64_t *>_resized(hashes, size * sizeof(uint64_t))
                        first = <Py_ssize_t *>_resized(first, size * sizeof(Py_ssize_t))
                        counts = <Py_ssize_t *>_resized(counts, size * sizeof(Py_ssize_t))
                self.ids[self.count] = id_
                self.count += 1
            self.occurrences = counts
            counts = NULL
        finally:
            free(table)
            free(hashes)
            free(first)
            free(counts)
        return 0

    @property
    def tokens(self):
        """``text.split()``, from the interned strings."""
        cdef list distinct = self.distinct
        cdef Py_ssize_t k
        return [distinct[self.ids[k]] for k in range(self.count)]

    def new_tokens(self, dict known):
        """The distinct tokens that are not keys of ``known`` (readability's codes).

        The codes found are kept for :meth:`token_sums` over the same dict.
        """
        cdef list distinct = self.distinct, new = []
        cdef Py_ssize_t size = len(distinct), k
        cdef PyObject *found
        free(self.codes)
        free(self.coded)
        self.codes = <long long *>malloc((size + 1) * sizeof(long long))
        self.coded = <bint *>calloc(size + 1, sizeof(bint))
        if self.codes is NULL or self.coded is NULL:
            raise MemoryError()
        self.codes_seen = known
        for k in range(size):
            found = PyDict_GetItem(known, distinct[k])
            if found is NULL:
                new.append(distinct[k])
            else:
                self.codes[k] = <object>found
                self.coded[k] = True
        return new

    def token_sums(self, dict codes, dict many_syllables, int width):
        """``readability.ReadabilityCounter._token_sums`` of the tokens (all learned)."""
        cdef long long mask = (1 << width) - 1
        cdef long long code, times
        cdef long long words = 0, hard_dale_chall = 0, hard_fog = 0, polysyllables = 0
        cdef long long syllables = 0
        cdef bint many = False
        cdef Py_ssize_t k
        cdef list distinct = self.distinct
        cdef bint seen = codes is self.codes_seen and self.coded is not NULL
        for k in range(len(distinct)):
            code = self.codes[k] if seen and self.coded[k] else codes[distinct[k]]
            times = self.occurrences[k]
            words += (code & mask) * times
            hard_dale_chall += (code >> width & mask) * times
            hard_fog += (code >> (2 * width) & mask) * times
            polysyllables += (code >> (3 * width) & mask) * times
            if code >> (4 * width) & mask:
                many = True
            syllables += (code >> (5 * width)) * times
        if many:
            for k in range(len(distinct)):
                syllables += <long long>many_syllables.get(distinct[k], 0) * self.occurrences[k]
        return words, hard_dale_chall, hard_fog, polysyllables, syllables

    def count_sentences(self):
        """``readability.ReadabilityCounter._count_sentences`` of the text."""
        return count_sentences(self.text)

    cdef Py_ssize_t _starting_before(self, Py_ssize_t low, Py_ssize_t position):
        """How many tokens start before ``position`` (at least ``low``; binary search)."""
        cdef Py_ssize_t high = self.count, middle
        while low < high:
            middle = (low + high) // 2
            if self.starts[middle] < position:
                low = middle + 1
            else:
                high = middle
        return low

    cdef list _rule_values(
        self, Py_ssize_t first, Py_ssize_t last, unsigned char rules, unsigned char *flags,
        list valences,
    ):
        """``CompoundScorer._rule_values`` of tokens first..last-1 when no rule changes a
        valence: no "but", no lexicon word in capitals, no modifier within three tokens
        before a lexicon word or two after it (``tokens[i-3:i+3]``). Otherwise ``None``:
        the Python rules run.
        """
        cdef list values = []
        cdef Py_ssize_t i, j
        cdef object valence
        if rules & (_UPPER_HIT | _BUT):
            return None
        for i in range(first, last):
            if not flags[self.ids[i]] & _HIT:
                continue
            for j in range(max(first, i - 3), min(last, i + 3)):
                if flags[self.ids[j]] & _MODIFIER:
                    return None
            valence = valences[self.ids[i]]
            if valence:
                values.append(valence)
        return values

    def sentence_scores(
        self, list spans, dict hit_valence, set upper_hits, set modifiers, set buts,
        rule_values, score_plain,
    ):
        """``CompoundScorer.score_spans`` of the text's ``spans`` (tokens all learned).

        A span whose edge cuts a token, or that counts from the end (negative offsets),
        goes to ``score_plain`` whole.
        """
        cdef str text = self.text
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef list distinct = self.distinct
        cdef Py_ssize_t size = len(distinct), k, first, last, i
        cdef Py_ssize_t start, end, exclamations, questions
        cdef Py_UCS4 char
        cdef unsigned char flag, rules
        cdef bint found
        cdef list values, valences = [None] * size, scores = []
        cdef object token, valence
        cdef unsigned char *flags = <unsigned char *>calloc(size + 1, 1)
        if flags is NULL:
            raise MemoryError()
        try:
            for k in range(size):
                token = distinct[k]
                valence = hit_valence.get(token)
                if valence is not None:
                    valences[k] = valence
                    flags[k] = _HIT
                    if token in upper_hits:  # a subset of the hits (CompoundScorer._learn)
                        flags[k] |= _UPPER_HIT
                if token in modifiers:
                    flags[k] |= _MODIFIER
                if token in buts:
                    flags[k] |= _BUT
            for start, end in spans:
                # tokens first..last-1 start within the span
                first = self._starting_before(0, start)
                last = self._starting_before(first, end)
                if (first > 0 and self.ends[first - 1] > start) or (
                    last > first and self.ends[last - 1] > end
                ) or start < 0 or end < 0 or end > self.length:
                    scores.append(score_plain(text[start:end]))
                    continue
                found = False
                rules = 0
                values = []
                for i in range(first, last):
                    flag = flags[self.ids[i]]
                    if flag & _HIT:
                        found = True
                        values.append(valences[self.ids[i]])
                    rules |= flag
                if not found:
                    scores.append(0.0)
                    continue
                if rules & (_UPPER_HIT | _MODIFIER | _BUT):
                    values = self._rule_values(first, last, rules, flags, valences)
                    if values is None:
                        values = rule_values([distinct[self.ids[i]] for i in range(first, last)])
                exclamations = questions = 0
                for i in range(start, end):
                    char = PyUnicode_READ(kind, data, i)
                    if char == 33:
                        exclamations += 1
                    elif char == 63:
                        questions += 1
                scores.append(_compound(values, exclamations, questions))
        finally:
            free(flags)
        return scores


# -- hashing: word 1-2-grams of the body sentences (``model._hashing.word_pair_hashes``) ----


cdef inline uint32_t _rotl32(uint32_t x, int r) nogil:
    return (x << r) | (x >> (32 - r))


cdef int32_t _murmurhash3_32(const unsigned char *key, Py_ssize_t length) nogil:
    """MurmurHash3 x86 32-bit, seed 0 (``_hashing.murmurhash3_spans`` of one span)."""
    cdef uint32_t h = 0, k
    cdef uint32_t c1 = 0xCC9E2D51U, c2 = 0x1B873593U, n1 = 0xE6546B64U
    cdef uint32_t f1 = 0x85EBCA6BU, f2 = 0xC2B2AE35U
    cdef Py_ssize_t i, blocks = length // 4
    cdef const unsigned char *tail = key + 4 * blocks
    for i in range(blocks):
        k = (<uint32_t>key[4 * i] | (<uint32_t>key[4 * i + 1] << 8)
             | (<uint32_t>key[4 * i + 2] << 16) | (<uint32_t>key[4 * i + 3] << 24))
        k = _rotl32(k * c1, 15) * c2
        h = _rotl32(h ^ k, 13) * 5 + n1
    k = 0
    if length & 3 == 3:
        k ^= <uint32_t>tail[2] << 16
    if length & 3 >= 2:
        k ^= <uint32_t>tail[1] << 8
    if length & 3 >= 1:
        k ^= <uint32_t>tail[0]
        h ^= _rotl32(k * c1, 15) * c2
    h ^= <uint32_t>length
    h ^= h >> 16
    h *= f1
    h ^= h >> 13
    h *= f2
    h ^= h >> 16
    return <int32_t>h


cdef inline bint _is_word(Py_UCS4 char) noexcept:
    """The regex engine's ``\\w`` on a str: alphanumeric or the underscore (ASCII without
    the Unicode tables)."""
    if char < 128:
        return (48 <= char <= 57) or (65 <= char <= 90) or (97 <= char <= 122) or char == 95
    return Py_UNICODE_ISALNUM(char)


cdef inline Py_ssize_t _put_utf8(unsigned char *out, Py_UCS4 char):
    """Write ``char`` as UTF-8 (never a surrogate: those are not ``\\w``), return its width."""
    cdef uint32_t code = <uint32_t>char
    if code < 0x80:
        out[0] = <unsigned char>code
        return 1
    if code < 0x800:
        out[0] = <unsigned char>(0xC0 | (code >> 6))
        out[1] = <unsigned char>(0x80 | (code & 0x3F))
        return 2
    if code < 0x10000:
        out[0] = <unsigned char>(0xE0 | (code >> 12))
        out[1] = <unsigned char>(0x80 | ((code >> 6) & 0x3F))
        out[2] = <unsigned char>(0x80 | (code & 0x3F))
        return 3
    out[0] = <unsigned char>(0xF0 | (code >> 18))
    out[1] = <unsigned char>(0x80 | ((code >> 12) & 0x3F))
    out[2] = <unsigned char>(0x80 | ((code >> 6) & 0x3F))
    out[3] = <unsigned char>(0x80 | (code & 0x3F))
    return 4


def word_pair_hashes(list texts, bint lowercase, Py_ssize_t min_length, bint pairs):
    """``_hashing.word_pair_hashes`` for the ``\\w+`` (``min_length`` 1) and ``\\w\\w+``
    (2) token patterns: ``(unigrams, unigram_rows, bigrams, bigram_rows)``.

    Each text is lower-cased by ``str.lower`` (the batch's one ``lower()`` over texts
    joined by a separator gives the same: the separator breaks the casing context), its
    ``\\w`` runs are written as UTF-8 into one buffer, a space after each, and every run
    and every pair of neighbours in one text (``"a b"``) is hashed as a span of it.
    """
    cdef Py_ssize_t n = len(texts), r, i, j, length, total = 0, count = 0, pos, begin
    cdef Py_ssize_t n_pairs = 0, k
    cdef int kind
    cdef char *data
    cdef str text
    cdef list lowered = [t.lower() for t in texts] if lowercase else list(texts)
    import numpy as np  # here, not at import: the kernel loads before numpy is needed
    for text in lowered:
        total += len(text)
    cdef Py_ssize_t capacity = total // 2 + n + 1  # a run of one character, then a gap
    cdef unsigned char *buffer = <unsigned char *>malloc(5 * total + 8)
    cdef Py_ssize_t *starts = <Py_ssize_t *>malloc(capacity * sizeof(Py_ssize_t))
    cdef Py_ssize_t *ends = <Py_ssize_t *>malloc(capacity * sizeof(Py_ssize_t))
    cdef Py_ssize_t *rows = <Py_ssize_t *>malloc(capacity * sizeof(Py_ssize_t))
    try:
        if buffer is NULL or starts is NULL or ends is NULL or rows is NULL:
            raise MemoryError()
        pos = 0
        for r in range(n):
            text = lowered[r]
            kind = PyUnicode_KIND(text)
            data = <char *>PyUnicode_DATA(text)
            length = len(text)
            i = 0
            while i < length:
                if not _is_word(PyUnicode_READ(kind, data, i)):
                    i += 1
                    continue
                begin = pos
                j = i
                while j < length and _is_word(PyUnicode_READ(kind, data, j)):
                    pos += _put_utf8(buffer + pos, PyUnicode_READ(kind, data, j))
                    j += 1
                if j - i < min_length:
                    pos = begin
                else:
                    starts[count] = begin
                    ends[count] = pos
                    rows[count] = r
                    count += 1
                    buffer[pos] = 32
                    pos += 1
                i = j
        if pairs:
            for k in range(count - 1):
                n_pairs += rows[k] == rows[k + 1]
        unigrams = np.empty(count, dtype=np.int32)
        unigram_rows = np.empty(count, dtype=np.int64)
        bigrams = np.empty(n_pairs, dtype=np.int32)
        bigram_rows = np.empty(n_pairs, dtype=np.int64)
        _fill_hashes(buffer, starts, ends, rows, count, pairs, unigrams, unigram_rows,
                     bigrams, bigram_rows)
        return unigrams, unigram_rows, bigrams, bigram_rows
    finally:
        free(buffer)
        free(starts)
        free(ends)
        free(rows)


cdef void _fill_hashes(
    const unsigned char *buffer, Py_ssize_t *starts, Py_ssize_t *ends, Py_ssize_t *rows,
    Py_ssize_t count, bint pairs, int32_t[::1] unigrams, int64_t[::1] unigram_rows,
    int32_t[::1] bigrams, int64_t[::1] bigram_rows,
):
    cdef Py_ssize_t k, p = 0
    for k in range(count):
        unigrams[k] = _murmurhash3_32(buffer + starts[k], ends[k] - starts[k])
        unigram_rows[k] = rows[k]
        if pairs and k + 1 < count and rows[k] == rows[k + 1]:
            bigrams[p] = _murmurhash3_32(buffer + starts[k], ends[k + 1] - starts[k])
            bigram_rows[p] = rows[k]
            p += 1


# -- body language: the counts behind ``body_language.sentence_features`` -------------------


cdef inline bint _is_one_of(Py_UCS4 char, str characters):
    cdef Py_UCS4 other
    for other in characters:
        if char == other:
            return True
    return False


cdef inline uint32_t _tail_letter(int kind, char *data, Py_ssize_t at, Py_ssize_t start):
    """The lower-cased ASCII letter at ``at`` of a word starting at ``start``, 0 before
    the word and for any non-ASCII character (``body_language._word_tails``)."""
    cdef uint32_t char
    if at < start:
        return 0
    char = <uint32_t>PyUnicode_READ(kind, data, at)
    if 65 <= char <= 90:
        return char + 32
    return char if char < 128 else 0


cdef bint _ends_with(
    int kind, char *data, Py_ssize_t start, Py_ssize_t end, const uint32_t *suffix,
    Py_ssize_t size,
):
    """Whether the word ``data[start:end]``, lower-cased, ends in ``suffix`` (``size``
    code points), its last letter tried first (where most words already differ)."""
    cdef Py_ssize_t k
    for k in range(size - 1, -1, -1):
        if _tail_letter(kind, data, end - size + k, start) != suffix[k]:
            return False
    return True


cdef inline bint _is_code_of(Py_UCS4 char, const uint32_t *codes, Py_ssize_t size):
    """Whether ``char`` is one of ``codes[:size]`` (``_is_one_of`` on a C array)."""
    cdef Py_ssize_t k
    for k in range(size):
        if char == codes[k]:
            return True
    return False


cdef uint64_t *_packed_suffixes(
    const uint32_t *codes, const Py_ssize_t *sizes, Py_ssize_t n, Py_ssize_t *longest
) except? NULL:
    """The ``n`` suffixes of ``codes`` (one after the other, ``sizes`` long) as bytes,
    last letter lowest, then their masks (freed by the caller), so a word's last letters
    packed the same way are tested against all of them in a few compares; ``NULL`` when
    one does not fit (over 8 letters, or a code point above 255: ``_ends_with`` then)."""
    cdef Py_ssize_t s, k, at = 0
    cdef uint64_t *packed
    longest[0] = 0
    for s in range(n):
        if sizes[s] > 8:
            return NULL
        for k in range(sizes[s]):
            if codes[at + k] > 255:
                return NULL
        at += sizes[s]
        longest[0] = max(longest[0], sizes[s])
    packed = <uint64_t *>calloc(2 * n + 1, sizeof(uint64_t))
    if packed is NULL:
        raise MemoryError()
    at = 0
    for s in range(n):
        for k in range(sizes[s]):
            packed[s] |= <uint64_t>codes[at + sizes[s] - 1 - k] << (8 * k)
        packed[n + s] = 0xFFFFFFFFFFFFFFFF if sizes[s] == 8 else (<uint64_t>1 << (8 * sizes[s])) - 1
        at += sizes[s]
    return packed


cdef uint32_t *_code_points(tuple words, Py_ssize_t *sizes) except NULL:
    """The code points of ``words`` one after the other (``sizes``: each one's length),
    so the token loop reads C arrays, not ``str`` items (freed by the caller)."""
    cdef Py_ssize_t total = 1, k, j, at = 0
    cdef str word
    for word in words:
        total += len(word)
    cdef uint32_t *codes = <uint32_t *>malloc(total * sizeof(uint32_t))
    if codes is NULL:
        raise MemoryError()
    for k in range(len(words)):
        word = words[k]
        sizes[k] = len(word)
        for j in range(sizes[k]):
            codes[at] = <uint32_t>word[j]
            at += 1
    return codes


cdef inline int _suffix_kind(
    int kind, char *data, Py_ssize_t start, Py_ssize_t end, const uint32_t *codes,
    const Py_ssize_t *sizes, Py_ssize_t n_suffixes, const uint64_t *packed, Py_ssize_t longest,
):
    """Which of the ``n_suffixes`` suffixes (``codes``, one after the other) the word
    ``data[start:end]`` ends in: 1 for one of the evaluative ones, 2 for the adverb's
    (the last, tried only after them), 0 for none. With ``packed`` (``_packed_suffixes``)
    the word's last letters are packed once and compared with each suffix's mask."""
    cdef Py_ssize_t s, k, at = 0
    cdef uint64_t tail = 0
    if packed is not NULL:
        for k in range(longest):
            tail |= <uint64_t>_tail_letter(kind, data, end - 1 - k, start) << (8 * k)
        for s in range(n_suffixes):
            if tail & packed[n_suffixes + s] == packed[s]:
                return 1 if s < n_suffixes - 1 else 2
        return 0
    for s in range(n_suffixes):
        if _ends_with(kind, data, start, end, codes + at, sizes[s]):
            return 1 if s < n_suffixes - 1 else 2
        at += sizes[s]
    return 0


def sentence_counts(
    list sentences, tuple evaluative_suffixes, str adverb_suffix, str stripped, str quotes
):
    """Per sentence (rows): a quote (one of ``quotes``), ``!``, ``?`` in it (0/1), its
    whitespace tokens, and among them the capitalised ones after the first, the numbers
    (after the first, not capitalised), the evaluative words and the adverbs (ending in
    ``adverb_suffix``, not evaluative), a word being its token with ``stripped``
    characters taken off its end, as ``body_language.sentence_features`` counts them."""
    import numpy as np  # here, not at import: the kernel loads before numpy is needed

    cdef Py_ssize_t n = len(sentences), r, i, length, start, end, tokens, s
    cdef Py_ssize_t capitalised, numbers, evaluative, adverbs, suffix_letters = 0
    cdef Py_ssize_t n_suffixes = len(evaluative_suffixes) + 1  # the adverb's is last
    cdef int kind, suffix
    cdef char *data
    cdef str sentence
    cdef Py_UCS4 char, first
    counts = np.zeros((n, 8), dtype=np.int64)
    cdef int64_t[:, ::1] out = counts
    cdef Py_ssize_t *sizes = <Py_ssize_t *>malloc((n_suffixes + 2) * sizeof(Py_ssize_t))
    cdef uint32_t *codes = NULL
    cdef uint32_t *quote_codes
    cdef uint32_t *stripped_codes
    cdef uint64_t *packed = NULL
    cdef Py_ssize_t longest = 0
    if sizes is NULL:
        raise MemoryError()
    try:
        codes = _code_points((*evaluative_suffixes, adverb_suffix, quotes, stripped), sizes)
        for s in range(n_suffixes):
            suffix_letters += sizes[s]
        quote_codes = codes + suffix_letters
        stripped_codes = quote_codes + sizes[n_suffixes]
        packed = _packed_suffixes(codes, sizes, n_suffixes, &longest)
        for r in range(n):
            sentence = sentences[r]
            kind = PyUnicode_KIND(sentence)
            data = <char *>PyUnicode_DATA(sentence)
            length = len(sentence)
            tokens = capitalised = numbers = evaluative = adverbs = 0
            i = 0
            while True:
                i = _skip_spaces(kind, data, i, length)
                if i >= length:
                    break
                start = i
                while i < length and not Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
                    char = PyUnicode_READ(kind, data, i)
                    if _is_code_of(char, quote_codes, sizes[n_suffixes]):
                        out[r, 0] = 1
                    elif char == 33:
                        out[r, 1] = 1
                    elif char == 63:
                        out[r, 2] = 1
                    i += 1
                if tokens:
                    first = PyUnicode_READ(kind, data, start)
                    if Py_UNICODE_ISUPPER(first):
                        capitalised += 1
                    elif Py_UNICODE_ISDIGIT(first):
                        numbers += 1
                tokens += 1
                end = i
                while end > start and _is_code_of(
                    PyUnicode_READ(kind, data, end - 1), stripped_codes, sizes[n_suffixes + 1]
                ):
                    end -= 1
                suffix = _suffix_kind(
                    kind, data, start, end, codes, sizes, n_suffixes, packed, longest
                )
                if suffix == 1:
                    evaluative += 1
                elif suffix == 2:
                    adverbs += 1
            out[r, 3] = tokens
            out[r, 4] = capitalised
            out[r, 5] = numbers
            out[r, 6] = evaluative
            out[r, 7] = adverbs
    finally:
        free(sizes)
        free(codes)
        free(packed)
    return counts


# -- sentences: ``analysis.split_sentences`` ------------------------------------------------


cdef inline void _append_trimmed(
    list spans, int kind, char *data, Py_ssize_t start, Py_ssize_t end
) except *:
    """``analysis._append_trimmed``: the span without its outer whitespace, if any is left."""
    while start < end and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start)):
        start += 1
    if start == end:
        return
    while Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)):
        end -= 1
    spans.append((start, end))


cdef enum:
    _TERMINAL = 1
    _CLOSER = 2


cdef inline unsigned char _role(Py_UCS4 char, unsigned char *ascii, str terminals, str closers):
    """Whether ``char`` is one of ``terminals`` and/or ``closers`` (ASCII: by table)."""
    if char < 128:
        return ascii[char]
    return _is_one_of(char, terminals) * _TERMINAL | _is_one_of(char, closers) * _CLOSER


cdef bint _ends_at(int kind, char *data, Py_ssize_t at, Py_ssize_t end, str word):
    """Whether ``text[at:end] == word`` and a word boundary (``\\b``) precedes ``at``
    (``word`` starts with a word character; the code point before ``at`` is read even
    when the search window starts there, as the regex engine reads it)."""
    cdef int word_kind = PyUnicode_KIND(word)
    cdef void *word_data = PyUnicode_DATA(word)
    cdef Py_ssize_t k
    for k in range(end - at - 1, -1, -1):  # from the end: most words differ there
        if PyUnicode_READ(kind, data, at + k) != PyUnicode_READ(word_kind, word_data, k):
            return False
    return at == 0 or not _is_word(PyUnicode_READ(kind, data, at - 1))


cdef bint _abbreviation_before(
    int kind, char *data, Py_ssize_t dot, tuple abbreviations, Py_ssize_t window
):
    """``analysis._ABBREVIATION_RE.search(text, max(0, dot - window), dot)`` found a match:
    a single ASCII capital or one of ``abbreviations``, after a word boundary, ends at
    ``dot`` or (``$`` before a final newline) at ``dot - 1`` when that is a newline."""
    cdef Py_ssize_t low = dot - window if dot > window else 0, end = dot, at, k
    cdef Py_UCS4 last
    cdef str word
    while end >= low:
        if end > low:
            last = PyUnicode_READ(kind, data, end - 1)
            if 65 <= last <= 90 and (
                end == 1 or not _is_word(PyUnicode_READ(kind, data, end - 2))
            ):
                return True
            for k in range(len(abbreviations)):
                word = abbreviations[k]
                at = end - len(word)
                if at >= low and _ends_at(kind, data, at, end, word):
                    return True
        if end < dot or end == 0 or PyUnicode_READ(kind, data, end - 1) != 10:
            return False
        end -= 1
    return False


def sentence_spans(
    str text, str terminals, str closers, tuple abbreviations, Py_ssize_t window
):
    """``analysis.split_sentences``: its boundary pattern matched over the code points.

    A boundary is a line break with the whitespace after it, or a run of ``terminals``
    and then of ``closers``, followed by whitespace and no ASCII lower-case letter, or by
    whitespace to the end. A lone ``.`` after an abbreviation (``_abbreviation_before``)
    ends no sentence.
    """
    cdef int kind = PyUnicode_KIND(text)
    cdef char *data = <char *>PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text), i = 0, start = 0, end, after
    cdef Py_UCS4 char, following
    cdef unsigned char ascii[128]
    cdef list spans = []
    memset(ascii, 0, 128)
    for char in terminals:
        if char < 128:
            ascii[char] |= _TERMINAL
    for char in closers:
        if char < 128:
            ascii[char] |= _CLOSER
    while i < n:
        char = PyUnicode_READ(kind, data, i)
        if char == 10:
            end = _skip_spaces(kind, data, i + 1, n)
        elif _role(char, ascii, terminals, closers) & _TERMINAL:
            end = i + 1
            while end < n and _role(
                PyUnicode_READ(kind, data, end), ascii, terminals, closers
            ) & _TERMINAL:
                end += 1
            while end < n and _role(
                PyUnicode_READ(kind, data, end), ascii, terminals, closers
            ) & _CLOSER:
                end += 1
            after = _skip_spaces(kind, data, end, n)
            if after < n:
                following = PyUnicode_READ(kind, data, after)
                if after == end or 97 <= following <= 122:
                    i += 1  # no boundary starts here (the regex tries the next position)
                    continue
            if (
                end == i + 1
                and char == 46
                and _abbreviation_before(kind, data, i, abbreviations, window)
            ):
                i = end
                continue
        else:
            i += 1
            continue
        _append_trimmed(spans, kind, data, start, end)
        start = end
        i = end
    _append_trimmed(spans, kind, data, start, n)
    return spans


# -- word runs: ``TextIndex.lower_runs`` -----------------------------------------------------

cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)


def count_lower_runs(list runs, counts, fold):
    """Add each run of ``runs``, lower-cased by ``fold`` (``index.case_fold``), to
    ``counts`` (a Counter), as ``Counter(fold(" ".join(runs)).split())`` counts them:
    the space between runs is neither cased nor case-ignorable, so each run lowers
    alone as it does in the joined text. An ASCII run without capitals is its own
    lower case and is counted as it is."""
    cdef object run, key
    cdef PyObject *found
    cdef const unsigned char *data
    cdef Py_ssize_t k, size
    cdef bint capital
    if not isinstance(counts, dict):
        raise TypeError("counts must be a dict or a Counter")
    for run in runs:
        key = run
        if PyUnicode_IS_ASCII(run):
            data = <const unsigned char *>PyUnicode_DATA(run)
            size = len(<str>run)
            capital = False
            for k in range(size):
                if 65 <= data[k] <= 90:
                    capital = True
                    break
            if capital:
                key = (<str>run).lower()
        else:
            key = fold(run)
        # dict's own item access: a Counter's is dict's, without the subclass dispatch
        found = PyDict_GetItem(<dict>counts, key)
        PyDict_SetItem(<dict>counts, key, 1 if found is NULL else <object>found + 1)


cdef inline bint _is_word_at(int kind, char *data, Py_ssize_t i):
    """``\\w`` at code point ``i``."""
    return _is_word(PyUnicode_READ(kind, data, i))


# The code units of a str of each kind (PEP 393: Py_UCS1, Py_UCS2, Py_UCS4). A scan
# written over ``const _unit *`` is compiled once per kind, so its loop reads ``units[i]``
# straight; the callers pick the kind once per run.
ctypedef fused _unit:
    uint8_t
    uint16_t
    uint32_t


# What a ``\\w+`` run is to ``count_text_runs``, besides its hash.
cdef enum:
    _RUN_ASCII = 1
    _RUN_CAPITAL = 2  # holds an ASCII capital


cdef inline Py_ssize_t _units_run_start(const _unit *units, Py_ssize_t i, Py_ssize_t n) noexcept:
    """The first position from ``i`` on that holds a word character, or ``n``."""
    while i < n and not _is_word(units[i]):
        i += 1
    return i


cdef inline Py_ssize_t _units_run_end(
    const _unit *units, Py_ssize_t i, Py_ssize_t n, uint64_t *h, int *flags
) noexcept:
    """The end of the word run that starts at ``i``; in ``h`` the FNV-1a hash of its
    code points with ASCII capitals lowered, in ``flags`` its ``_RUN_*`` facts."""
    cdef uint64_t hash_ = 14695981039346656037ULL, code
    cdef Py_UCS4 char
    cdef int facts = _RUN_ASCII
    while i < n:
        char = units[i]
        if not _is_word(char):
            break
        code = <uint64_t>char
        if char >= 128:
            facts &= ~_RUN_ASCII
        elif 65 <= char <= 90:
            facts |= _RUN_CAPITAL
            code += 32
        hash_ = (hash_ ^ code) * 1099511628211ULL
        i += 1
    h[0] = hash_
    flags[0] = facts
    return i


cdef inline Py_ssize_t _run_start(int kind, char *data, Py_ssize_t i, Py_ssize_t n) noexcept:
    """:func:`_units_run_start` over the code units of ``kind``."""
    if kind == PyUnicode_1BYTE_KIND:
        return _units_run_start(<const uint8_t *>data, i, n)
    if kind == PyUnicode_2BYTE_KIND:
        return _units_run_start(<const uint16_t *>data, i, n)
    return _units_run_start(<const uint32_t *>data, i, n)


cdef inline Py_ssize_t _run_end(
    int kind, char *data, Py_ssize_t i, Py_ssize_t n, uint64_t *h, int *flags
) noexcept:
    """:func:`_units_run_end` over the code units of ``kind``."""
    if kind == PyUnicode_1BYTE_KIND:
        return _units_run_end(<const uint8_t *>data, i, n, h, flags)
    if kind == PyUnicode_2BYTE_KIND:
        return _units_run_end(<const uint16_t *>data, i, n, h, flags)
    return _units_run_end(<const uint32_t *>data, i, n, h, flags)


def word_run_stats(str text):
    """``(len(runs), len("".join(runs)), len(_JOINER_RE.findall(text)))`` of
    ``analysis.analyse``, where ``runs`` are the ``\\w+`` runs of ``text``: how many
    runs, their characters, and the apostrophes or hyphens between two word characters,
    in one pass and without making the runs."""
    cdef int kind = PyUnicode_KIND(text)
    cdef char *data = <char *>PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text), i, runs = 0, chars = 0, joiners = 0
    cdef Py_UCS4 char
    cdef bint word, previous = False
    for i in range(n):
        word = _is_word_at(kind, data, i)
        if word:
            chars += 1
            if not previous:
                runs += 1
        elif previous and i + 1 < n:
            char = PyUnicode_READ(kind, data, i)
            if (char == 39 or char == 45) and _is_word_at(kind, data, i + 1):
                joiners += 1
        previous = word
    return runs, chars, joiners


def count_text_runs(str text, counts, fold):
    """:func:`count_lower_runs` of the ``\\w+`` runs of ``text``, found here: the
    runs are found in one pass and no list of them is made.

    An ASCII run is interned on its lower-case code points in a hash table of the
    text's own (as ``DocumentTokens`` does), so a repeated word costs no string, hash
    or dict update; one string per distinct run goes into ``counts``, at its first
    occurrence (the order of keys stays that of first occurrence), and the counts are
    added at the end. Other runs are folded and counted one by one, as before. Into an
    empty ``counts``, the ASCII runs go in at the end, in order, unless a folded run
    comes first: then those found so far go in, and every later one at its first run.
    """
    cdef int kind = PyUnicode_KIND(text)
    cdef char *data = <char *>PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text), i = 0, start, k, slot, id_, length, distinct = 0
    cdef Py_ssize_t size = 256, mask
    cdef uint64_t h
    cdef int flags
    cdef bint deferred
    cdef object key
    cdef PyObject *found
    cdef list keys = []
    if not isinstance(counts, dict):
        raise TypeError("counts must be a dict or a Counter")
    deferred = len(counts) == 0  # no ASCII run is in counts yet
    # open addressing: slot -> distinct id + 1 (0: empty); per id, hash, first run, count
    cdef Py_ssize_t *table = <Py_ssize_t *>calloc(size, sizeof(Py_ssize_t))
    cdef uint64_t *hashes = <uint64_t *>malloc(size * sizeof(uint64_t))
    cdef Py_ssize_t *first = <Py_ssize_t *>malloc(size * sizeof(Py_ssize_t))
    cdef Py_ssize_t *lengths = <Py_ssize_t *>malloc(size * sizeof(Py_ssize_t))
    cdef Py_ssize_t *seen = <Py_ssize_t *>malloc(size * sizeof(Py_ssize_t))
    try:
        if table is NULL or hashes is NULL or first is NULL or lengths is NULL or seen is NULL:
            raise MemoryError()
        while True:
            i = _run_start(kind, data, i, n)
            if i >= n:
                break
            start = i
            i = _run_end(kind, data, i, n, &h, &flags)
            if not flags & _RUN_ASCII:
                if deferred:  # the runs so far take their places before this one
                    for k in range(distinct):
                        PyDict_SetItem(<dict>counts, keys[k], 0)
                    deferred = False
                key = fold(text[start:i])
                found = PyDict_GetItem(<dict>counts, key)
                PyDict_SetItem(<dict>counts, key, 1 if found is NULL else <object>found + 1)
                continue
            length = i - start
            mask = size - 1
            slot = <Py_ssize_t>(h & mask)
            while True:
                id_ = table[slot] - 1
                if id_ < 0:
                    break
                if hashes[id_] == h and lengths[id_] == length and _same_lower_ascii(
                    kind, data, first[id_], start, length
                ):
                    break
                slot = (slot + 1) & mask
            if id_ >= 0:
                seen[id_] += 1
                continue
            key = _shared_string(text, kind, data, start, i, h, flags & _RUN_CAPITAL)
            keys.append(key)
            if not deferred and PyDict_GetItem(<dict>counts, key) is NULL:
                PyDict_SetItem(<dict>counts, key, 0)  # its place; the count comes at the end
            id_ = distinct
            distinct += 1
            table[slot] = id_ + 1
            hashes[id_] = h
            first[id_] = start
            lengths[id_] = length
            seen[id_] = 1
            if 2 * distinct > size:  # keep the table at most half full
                size *= 2
                table = _rehashed(table, hashes, distinct, size)
                hashes = <uint64_t *>_resized(hashes, size * sizeof(uint64_t))
                first = <Py_ssize_t *>_resized(first, size * sizeof(Py_ssize_t))
                lengths = <Py_ssize_t *>_resized(lengths, size * sizeof(Py_ssize_t))
                seen = <Py_ssize_t *>_resized(seen, size * sizeof(Py_ssize_t))
        for k in range(distinct):
            key = keys[k]
            if deferred:
                PyDict_SetItem(<dict>counts, key, seen[k])
            else:
                PyDict_SetItem(
                    <dict>counts, key, <object>PyDict_GetItem(<dict>counts, key) + seen[k]
                )
    finally:
        free(table)
        free(hashes)
        free(first)
        free(lengths)
        free(seen)


cdef inline bint _same_lower_ascii(
    int kind, char *data, Py_ssize_t a, Py_ssize_t b, Py_ssize_t length
):
    """Whether the ASCII word characters at ``a`` and ``b`` are equal in lower case."""
    cdef Py_ssize_t k
    cdef uint32_t x, y
    for k in range(length):
        x = <uint32_t>PyUnicode_READ(kind, data, a + k)
        y = <uint32_t>PyUnicode_READ(kind, data, b + k)
        if x != y:
            if 65 <= x <= 90:
                x += 32
            if 65 <= y <= 90:
                y += 32
            if x != y:
                return False
    return True


def digit_word_starts(str text):
    """Where ``\\d(?<!\\w\\d)`` matches (``factual``'s number starts): a decimal digit
    (the regex engine's ``\\d``) with no word character before it."""
    cdef int kind = PyUnicode_KIND(text)
    cdef char *data = <char *>PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text), i
    cdef Py_UCS4 char
    cdef list starts = []
    cdef bint previous = False  # a word character before i
    for i in range(n):
        char = PyUnicode_READ(kind, data, i)
        if char < 128:
            if 48 <= char <= 57:
                if not previous:
                    starts.append(i)
                previous = True
            else:
                previous = (65 <= char <= 90) or (97 <= char <= 122) or char == 95
        else:
            if Py_UNICODE_ISDECIMAL(char) and not previous:
                starts.append(i)
            previous = Py_UNICODE_ISALNUM(char)
    return starts


def has_non_ascii_decimal(str text):
    """Whether ``text`` holds a decimal digit (the regex engine's ``\\d``) other than
    0-9: ``factual._NON_ASCII_DIGIT_RE.search(text) is not None``, without the regex's
    character-set test at every position."""
    cdef int kind = PyUnicode_KIND(text)
    cdef char *data = <char *>PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text), i
    cdef Py_UCS4 char
    for i in range(n):
        char = PyUnicode_READ(kind, data, i)
        if char >= 128 and Py_UNICODE_ISDECIMAL(char):
            return True
    return False


def shouted_starts(str text, Py_ssize_t shortest):
    """Where ``(?<![\\w'])[A-Z]{shortest,}(?![\\w'])`` matches (``sentiment``'s words in
    capitals): a run of ASCII capitals at least ``shortest`` long with neither a word
    character nor an apostrophe on either side. The regex cannot match inside a longer
    run (a capital is a word character), so each maximal run is tried once."""
    cdef int kind = PyUnicode_KIND(text)
    cdef char *data = <char *>PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text), i = 0, start
    cdef list starts = []
    while i < n:
        if not _is_capital(PyUnicode_READ(kind, data, i)):
            i += 1
            continue
        start = i
        while i < n and _is_capital(PyUnicode_READ(kind, data, i)):
            i += 1
        if i - start < shortest:
            continue
        if start > 0 and (
            PyUnicode_READ(kind, data, start - 1) == 39 or _is_word_at(kind, data, start - 1)
        ):
            continue
        if i < n and (PyUnicode_READ(kind, data, i) == 39 or _is_word_at(kind, data, i)):
            continue
        starts.append(start)
    return starts


# -- names: ``factual.capitalised_runs`` ---------------------------------------------------


cdef inline bint _is_regex_word(Py_UCS4 char):
    """The regex engine's ``\\w`` on str patterns: alphanumeric or ``_``."""
    return char == 95 or Py_UNICODE_ISALNUM(char)


cdef inline Py_ssize_t _name_word_end(int kind, char *data, Py_ssize_t i, Py_ssize_t n):
    """The end of ``[\\w'-]*`` from ``i``."""
    cdef Py_UCS4 char
    while i < n:
        char = PyUnicode_READ(kind, data, i)
        if not (_is_regex_word(char) or char == 39 or char == 45):
            break
        i += 1
    return i


cdef inline bint _is_capital(Py_UCS4 char):
    return 65 <= char <= 90


def capitalised_runs(str text, tuple particles):
    """``[m.span() for m in factual._CAPITALISED_RUN_RE.finditer(text)]``: runs of
    capitalised words (``[A-Z][\\w'-]*``, the first after no word character) separated
    by spaces, optionally joined by one of ``particles`` (lower-case ASCII words) between
    spaces ("Bank of England")."""
    cdef int kind = PyUnicode_KIND(text)
    cdef char *data = <char *>PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text), i = 0, end, gap, after, word, k, size
    cdef list spans = []
    cdef str particle
    cdef bint joined, same
    while i < n:
        if not _is_capital(PyUnicode_READ(kind, data, i)) or (
            i > 0 and _is_regex_word(PyUnicode_READ(kind, data, i - 1))
        ):
            i += 1
            continue
        end = _name_word_end(kind, data, i + 1, n)
        while True:  # (?:[ ]+(?:particle[ ]+)?[A-Z][\w'-]*)*
            gap = end
            while gap < n and PyUnicode_READ(kind, data, gap) == 32:
                gap += 1
            if gap == end:
                break
            joined = False
            for particle in particles:
                size = len(particle)
                if gap + size >= n:
                    continue
                same = True
                for k in range(size):
                    if PyUnicode_READ(kind, data, gap + k) != <Py_UCS4>particle[k]:
                        same = False
                        break
                if not same:
                    continue
                after = gap + size
                word = after
                while word < n and PyUnicode_READ(kind, data, word) == 32:
                    word += 1
                if word > after and word < n and _is_capital(PyUnicode_READ(kind, data, word)):
                    end = _name_word_end(kind, data, word + 1, n)
                    joined = True
                    break
            if joined:
                continue
            if gap < n and _is_capital(PyUnicode_READ(kind, data, gap)):
                end = _name_word_end(kind, data, gap + 1, n)
                continue
            break
        spans.append((i, end))
        i = end
    return spans


def name_candidates(
    str text, tuple particles, set sentence_starts, dict trimmed, trim_name,
    frozenset not_names, frozenset function_words, frozenset opening_words, strip_particles,
):
    """The loop of ``factual.named_entities`` over the capitalised runs of ``text``:
    ``(found, initial)``, the names inside sentences (and after a sentence's function
    word or opener) and the single capitalised words that open a sentence.

    A run's trimmed name is read from ``trimmed`` (``factual._TRIMMED``: run text to
    ``(offset, name)`` or ``None``); a run not there goes to ``trim_name(start, run)``
    (``factual._cached_trimmed_name``, which fills the memo), so the memo's rules stay
    in Python.
    """
    cdef list found = [], initial = []
    cdef Py_ssize_t start, end, offset
    cdef str run, first, rest, name
    cdef object entry, triple
    cdef PyObject *cached
    for start, end in capitalised_runs(text, particles):
        run = text[start:end]
        if start in sentence_starts:
            first, _, rest = run.partition(" ")
            if not rest:
                initial.append((start, end, run))
                continue
            if first.lower() in function_words or first in opening_words:
                rest = strip_particles(rest.lstrip())
                start = end - len(rest)
                run = rest
        cached = PyDict_GetItem(trimmed, run)
        if cached is NULL:
            triple = trim_name(start, run)
            if triple is not None and (<tuple>triple)[2] not in not_names:
                found.append(triple)
            continue
        entry = <object>cached
        if entry is None:
            continue
        offset = (<tuple>entry)[0]
        name = (<tuple>entry)[1]
        if name not in not_names:
            found.append((start + offset, start + offset + len(name), name))
    return found, initial
