"""textstat 0.7.x's six classic readability formulas, exactly, from one pass over tokens.

textstat re-derives its word list (two regex passes over the whole text), looks up each
word's syllables, and recomputes shared counts for every formula. All of its counts are
sums over whitespace tokens, because its punctuation removal never crosses whitespace:

- a token is a *word* when it keeps a character after removal, i.e. has a ``\\w`` one;
- the word is the token without punctuation (apostrophes of English contractions kept),
  lower-cased for the syllable and easy-word lookups;
- letters are the token's ``\\w`` characters.

So each distinct token is analysed once into a packed integer of its counts, and a
text's counts are one ``sum`` over its tokens. Sentences follow textstat's regex
``\\b[^.!?]+[.!?]*``: one per run of text between ``.!?`` runs that has a ``\\w`` in it,
ignoring those with two words or fewer. The formulas are textstat's, term by term, so the
floating-point results are the same (a test compares them with textstat itself).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import repeat

from hypescore._engine import kernel
from hypescore._engine.index import TextIndex
from hypescore._engine.syllables import compiled_syllables, syllables

# Packed per-token counts, 8 bits a flag and the syllables on top, so that summing up to
# _BLOCK tokens stays within a machine integer (the fast path of ``sum``). A token with
# more syllables than _SMALL_SYLLABLES (textstat's pyphen fallback can give long tokens
# hundreds) is flagged and its syllables are added separately.
_WIDTH = 8
_MASK = (1 << _WIDTH) - 1
_WORDS, _HARD_DALE_CHALL, _HARD_FOG, _POLYSYLLABLES, _MANY_SYLLABLES, _SYLLABLES = (
    _WIDTH * k for k in range(6)
)
_BLOCK = 255  # a flag field sums to at most 255
_SMALL_SYLLABLES = 15  # 255 tokens x 15 syllables, shifted by 40 bits: under 2**63
_MAX_TOKENS = 200_000  # bound on the caches, so memory stays flat on endless streams
# Bound on the per-word counts: as small as the token caches' (``tokens.MAX_TOKENS``), so
# a stream reaches its peak memory within its first few thousand documents.
_MAX_WORDS = 100_000

_NONCONTRACTION_APOSTROPHE_RE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION_KEEP_APOSTROPHE_RE = re.compile(r"[^\w\s\']")
_WORD_CHAR_RE = re.compile(r"\w")
_SENTENCE_SEPARATOR_RE = re.compile(r"[.!?]+")
_FOG_SYLLABLES = 3  # textstat's English "syllable_threshold"
# ASCII punctuation that is never a word character (so not "_").
_EDGE_PUNCTUATION = "".join(c for c in string.punctuation if c != "_")


@cache
def easy_words() -> frozenset[str]:
    """textstat's English easy-word (Dale-Chall) list, from the derived table we ship."""
    raw = resources.files("hypescore.data").joinpath("dale_chall_easy_words.list")
    lines = raw.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if not line.startswith("#"))


def remove_punctuation(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION_KEEP_APOSTROPHE_RE.sub("", _NONCONTRACTION_APOSTROPHE_RE.sub("", text))


def _token_word(token: str) -> str:
    """The token's textstat word: the token without punctuation (``""`` if none is left).

    Equals :func:`remove_punctuation` on the token; most tokens are a plain ASCII word
    with punctuation at its edges, which ``str.strip`` removes faster.
    """
    core = token.strip(_EDGE_PUNCTUATION)
    if core.isascii() and core.isalnum():
        lead = len(token) - len(token.lstrip(_EDGE_PUNCTUATION))
        # Edge punctuation all goes, except an apostrophe opening a contraction ("'tis").
        if "'" not in token[:lead]:
            return core
    return remove_punctuation(token)


def _word_code(lower: str, easy: frozenset[str]) -> tuple[int, int]:
    """Packed counts of a (lower-case) word, and its syllables when too many to pack."""
    count = syllables(lower)
    # is_difficult_word re-cleans the lower-cased word before counting; only exotic
    # characters (whose lower case is a combining mark) make that differ.
    if lower.isascii():
        hard_count = count
    else:
        again = remove_punctuation(lower).lower()
        hard_count = count if again == lower else sum(map(syllables, again.split()))
    hard = lower not in easy
    small = count <= _SMALL_SYLLABLES
    code = (
        1 << _WORDS
        | hard << _HARD_DALE_CHALL
        | (hard and hard_count >= _FOG_SYLLABLES) << _HARD_FOG
        | (count >= _FOG_SYLLABLES) << _POLYSYLLABLES
        | (not small) << _MANY_SYLLABLES
        | (count if small else 0) << _SYLLABLES
    )
    return code, 0 if small else count


class ReadabilityCounter:
    """Per-process cache of token counts and the six formulas over them."""

    def __init__(self) -> None:
        self._codes: dict[str, int] = {}
        self._word_tokens: set[str] = set()
        self._many_syllables: dict[str, int] = {}
        # Per lower-case word: its packed counts ("Said," "said." and "SAID" share one).
        self._word_codes: dict[str, tuple[int, int]] = {}
        self.generation = 0  # bumped whenever the token cache is emptied

    @property
    def known(self) -> dict[str, int]:
        return self._codes

    @property
    def size(self) -> int:
        return len(self._codes)

    def reset(self, keep: Iterable[str] = ()) -> None:
        """Forget every token except those in ``keep`` (see :attr:`generation`)."""
        self.generation += 1
        old = self._codes
        keep = [token for token in keep if token in old]
        self._codes = {token: old[token] for token in keep}
        self._word_tokens = set(filter(self._word_tokens.__contains__, keep))
        many = self._many_syllables
        self._many_syllables = {token: many[token] for token in keep if token in many}

    def learn(self, distinct_tokens: set[str]) -> None:
        """Analyse tokens not seen before (between documents: may empty the cache)."""
        if len(self._codes) > _MAX_TOKENS:
            self.reset()
        self.learn_new(distinct_tokens.difference(self._codes))

    def learn_new(self, tokens: Iterable[str]) -> None:
        """Analyse tokens known to be new."""
        codes = self._codes
        words = self._word_tokens
        word_codes = self._word_codes
        if len(word_codes) > _MAX_WORDS:
            word_codes.clear()
        easy = easy_words()
        compiled = kernel.active()
        if compiled is not None:
            compiled.readability_learn(
                tokens, codes, words, word_codes, self._many_syllables, easy,
                compiled_syllables(compiled), remove_punctuation, _word_code,
                _WIDTH, _SMALL_SYLLABLES, _FOG_SYLLABLES,
            )  # fmt: skip
            return
        for token in tokens:
            word = _token_word(token)
            if not word:
                codes[token] = 0
                continue
            lower = word.lower()
            entry = word_codes.get(lower)
            if entry is None:
                entry = word_codes[lower] = _word_code(lower, easy)
            code, many = entry
            codes[token] = code
            words.add(token)
            if many:
                self._many_syllables[token] = many

    def scores(
        self, text: str, tokens: list[str] | None = None, letters: int | None = None
    ) -> list[float]:
        """The six metrics of ``text``.

        ``tokens`` (``text.split()``) must have been learned; ``letters``, the number of
        ``\\w`` characters in ``text``, is counted here unless given.
        """
        if tokens is None:
            tokens = text.split()
            self.learn(set(tokens))
        if letters is None:
            letters = len(_WORD_CHAR_RE.findall(text))
        words, hard_dale_chall, hard_fog, polysyllables, syllables = self._token_sums(tokens)
        return _formulas(
            words=words,
            sentences=self._count_sentences(text),
            syllables=syllables,
            hard_dale_chall=hard_dale_chall,
            hard_fog=hard_fog,
            polysyllables=polysyllables,
            letters=letters,
        )

    def index_scores(self, index: TextIndex, letters: int) -> list[float]:
        """:meth:`scores` of the document behind ``index``, whose tokens were learned."""
        compiled = index.compiled_tokens()
        if compiled is None:
            return self.scores(index.norm, index.tokens, letters)
        words, hard_dale_chall, hard_fog, polysyllables, syllables = compiled.token_sums(
            self._codes, self._many_syllables, _WIDTH
        )
        return _formulas(
            words=words,
            sentences=compiled.count_sentences(),
            syllables=syllables,
            hard_dale_chall=hard_dale_chall,
            hard_fog=hard_fog,
            polysyllables=polysyllables,
            letters=letters,
        )

    def _token_sums(self, tokens: list[str]) -> tuple[int, int, int, int, int]:
        """Words, hard Dale-Chall words, hard fog words, polysyllables and syllables."""
        compiled = kernel.active()
        if compiled is not None:
            return compiled.token_sums(tokens, self._codes, self._many_syllables, _WIDTH)
        get = self._codes.__getitem__
        words = hard_dale_chall = hard_fog = polysyllables = syllables = 0
        many = False
        for start in range(0, len(tokens), _BLOCK):
            packed = sum(map(get, tokens[start : start + _BLOCK]))
            words += packed >> _WORDS & _MASK
            hard_dale_chall += packed >> _HARD_DALE_CHALL & _MASK
            hard_fog += packed >> _HARD_FOG & _MASK
            polysyllables += packed >> _POLYSYLLABLES & _MASK
            many = many or bool(packed >> _MANY_SYLLABLES & _MASK)
            syllables += packed >> _SYLLABLES
        if many:
            syllables += sum(map(self._many_syllables.get, tokens, repeat(0)))
        return words, hard_dale_chall, hard_fog, polysyllables, syllables

    def _count_sentences(self, text: str) -> int:
        """textstat's ``count_sentences``."""
        if len(text) == 0:
            return 0
        compiled = kernel.active()
        if compiled is not None:
            return compiled.count_sentences(text)
        known = self._word_tokens
        segments = _SENTENCE_SEPARATOR_RE.split(text)
        count = 0
        for head in map(str.split, segments, repeat(None), repeat(3)):
            # head: the first three tokens and the rest. Most segments start with three
            # known words; any doubt gets an exact count.
            if len(head) < 3:
                continue
            if known.issuperset(head[:3]) or _head_words(head) >= 3:
                count += 1
        return max(1, count)


def _head_words(head: list[str]) -> int:
    """How many words a segment split as ``segment.split(None, 3)`` holds."""
    return _count_words(_all_tokens(head))


def _all_tokens(head: list[str]) -> list[str]:
    """Every token of a segment split as ``segment.split(None, 3)``."""
    return head[:3] + head[3].split() if len(head) > 3 else head


def _count_words(tokens: list[str]) -> int:
    return sum(1 for token in tokens if _WORD_CHAR_RE.search(token))


def _formulas(
    *,
    words: int,
    sentences: int,
    syllables: int,
    hard_dale_chall: int,
    hard_fog: int,
    polysyllables: int,
    letters: int,
) -> list[float]:
    """Flesch reading ease, Flesch-Kincaid, Gunning fog, SMOG, Dale-Chall, Coleman-Liau."""
    words_per_sentence = words / sentences if sentences else 0.0
    syllables_per_word = syllables / words if words else 0.0
    if words_per_sentence == 0 or syllables_per_word == 0:
        flesch = kincaid = 0.0
    else:
        flesch = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
        kincaid = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
    if words:
        fog = 0.4 * (words_per_sentence + 100 * hard_fog / words)
        hard_percent = 100 * hard_dale_chall / words
        dale_chall = (0.1579 * hard_percent) + (0.0496 * words_per_sentence)
        if hard_percent > 5:
            dale_chall += 3.6365
    else:
        fog = dale_chall = 0.0
    smog = (1.043 * (30 * (polysyllables / sentences)) ** 0.5) + 3.1291 if sentences else 0.0
    letters_100 = (letters / words if words else 0.0) * 100
    sentences_100 = (sentences / words if words else 0.0) * 100
    if letters_100 == 0 or sentences_100 == 0:
        coleman_liau = 0.0
    else:
        coleman_liau = (0.058 * letters_100) - (0.296 * sentences_100) - 15.8
    return [
        float(flesch),
        float(kincaid),
        float(fog),
        float(smog),
        float(dale_chall),
        float(coleman_liau),
    ]


@cache
def counter() -> ReadabilityCounter:
    """The process-wide counter (tables loaded once per process, e.g. once per worker)."""
    return ReadabilityCounter()
