# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=False
"""Compiled twins of the hot token loops of ``hypescore._engine`` (optional extension).

The pure-Python modules (``vader``, ``readability``, ``syllables``) are the reference:
each function here replays one of their loops step by step, with the same Python
containers (the caches stay shared and interchangeable) and the same floating-point
operations in the same order, so every number is bit-identical; tests/_engine runs the
parity tests on both paths and a hypothesis test compares them directly. Rare cases
(lexicon words and rule words, non-ASCII words, sentences where VADER's rules apply)
are handed back to the Python code through callbacks, so each rule is written once
there. Nothing here is imported directly: ``hypescore._engine.kernel`` decides.
"""

from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject
from libc.math cimport sqrt
from libc.stdlib cimport calloc, free

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


def count_sentences(list segments, set known, count_head_words):
    """``ReadabilityCounter._count_sentences`` over the separator-split segments."""
    cdef Py_ssize_t count = 0
    cdef list head
    cdef str segment
    for segment in segments:
        head = segment.split(None, 3)
        if len(head) < 3:
            continue
        if (head[0] in known and head[1] in known and head[2] in known) or (
            count_head_words(head) >= 3
        ):
            count += 1
    return max(1, count)


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
            known[raw] = (item, low, item.isupper(), None, False)
        else:
            learn_one(raw)


cdef double _punctuation_emphasis(str text):
    """``vader._punctuation_emphasis``."""
    cdef Py_ssize_t ep_count = text.count("!")
    cdef Py_ssize_t qm_count
    cdef double ep_amplifier, qm_amplifier = 0.0
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


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
        cdef double sum_s, norm_score
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
        sum_s = float(_sum(values))
        if not sum_s:
            return 0.0
        if sum_s > 0:
            sum_s += _punctuation_emphasis(text)
        else:
            sum_s -= _punctuation_emphasis(text)
        norm_score = sum_s / sqrt((sum_s * sum_s) + 15)
        if norm_score < -1.0:
            norm_score = -1.0
        elif norm_score > 1.0:
            norm_score = 1.0
        return _round(norm_score, 4)

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
