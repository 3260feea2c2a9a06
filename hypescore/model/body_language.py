"""Body language: a sentence-level subjectivity model, aggregated over an article's body.

Each body sentence is scored by one ``HashedLinearModel`` (trained on NewsSD-ENG, see
``hypescore.training.subjectivity``) over two hashed blocks computed in one pass each
over all sentences of the article:

- ``WORD_BLOCK``: word 1-2-grams, l2-normalised (the learned n-gram weights);
- ``SHARE_BLOCK``: word unigrams, l1-normalised (each row holds the share of every word
  in its sentence), whose weights are word-list shares folded in at training time
  (pronouns, modals, intensifiers, VADER valences, hype words...), so no list is
  consulted at run time;

plus cheap dense features of the raw sentence (``SENTENCE_FEATURES``) and, when the model
has one, the mean value of the sentence's wordpieces (``hypescore.model.wordpiece``: a
linear model over all-MiniLM-L6-v2's static piece vectors, folded into one value per piece).

The article aggregate is a documented formula, not a fitted model:
``body = 0.5 * flagged_share + 0.5 * top3_mean`` where ``flagged_share`` is the share of
body sentences with probability >= the model's threshold (chosen on NewsSD's validation
split) and ``top3_mean`` is the mean of the three highest probabilities (fewer if the body
is shorter). A long neutral article with three loaded sentences therefore still shows
them; a short one is not judged on one word. Flagged sentences are evidence spans.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from hypescore._engine import kernel
from hypescore.analysis import normalise, split_sentences
from hypescore.evidence import Span
from hypescore.model import _hashing
from hypescore.model.lexical import TOKEN_PATTERN, HashedBlock, HashedLinearModel, sigmoid

N_FEATURES = 1 << 18
WORD_BLOCK = HashedBlock(
    analyzer="word", ngram_range=(1, 2), n_features=N_FEATURES, norm="l2",
    token_pattern=TOKEN_PATTERN,
)  # fmt: skip
SHARE_BLOCK = HashedBlock(
    analyzer="word", ngram_range=(1, 1), n_features=N_FEATURES, norm="l1",
    token_pattern=TOKEN_PATTERN,
)  # fmt: skip
_SHARED_PARAMS = [WORD_BLOCK.params(), SHARE_BLOCK.params()]
SENTENCE_FEATURES = (
    "has_quote",
    "has_exclamation",
    "has_question",
    "log_tokens",
    "capitalised_share",  # names mid-sentence: reporting who did what
    "number_share",  # figures: reporting
    "evaluative_suffix_share",  # -ous, -ful, -ive, -able...: judging adjectives
    "ly_adverb_share",
)
# Suffixes of evaluative adjectives; a cheap stand-in for a part-of-speech tagger.
EVALUATIVE_SUFFIXES = ("ous", "ful", "ive", "ible", "able", "ic", "al", "less")
ADVERB_SUFFIX = "ly"  # a word ending so, and in no evaluative suffix, is an adverb
MIN_SENTENCE_WORDS = 5  # shorter pieces are headings, captions, bylines: not sentences
TOP_K = 3
FLAGGED_WEIGHT = 0.5
_QUOTES = ('"', "\u201c", "\u201d")


def sentence_features(sentences: Sequence[str]) -> np.ndarray:
    """The dense features of each sentence (rows in ``SENTENCE_FEATURES`` order).

    Over the whitespace tokens of a sentence: the share of tokens after the first that
    start with a capital (else a digit), and the share whose word (trailing punctuation
    stripped, lowercased) ends in an evaluative suffix (else in "ly"). Counted by the
    compiled kernel when it is active (``_kernel.sentence_counts``), else for all
    sentences at once in numpy over the code points of their tokens (the reference).
    """
    n = len(sentences)
    rows = np.zeros((n, len(SENTENCE_FEATURES)))
    if n == 0:
        return rows
    compiled = kernel.active()
    if compiled is not None:
        counts = compiled.sentence_counts(
            list(sentences), EVALUATIVE_SUFFIXES, ADVERB_SUFFIX, _STRIPPED, "".join(_QUOTES)
        )
        tokens_of = counts[:, 3]
        n_tokens = np.maximum(tokens_of, 1)
        rows[:, :3] = counts[:, :3]
        rows[:, 3] = np.take(_log_tokens(int(tokens_of.max())), tokens_of)
        for column in range(4, 8):
            rows[:, column] = counts[:, column] / n_tokens
        return rows
    tokens, marks = _hashing.batch_tokens(
        sentences, str.split, f" {_hashing.SEPARATOR} ", joined_split=str.split
    )
    tokens_of = np.diff([-1, *marks, len(tokens)]) - 1
    codes = np.frombuffer(" ".join(tokens).encode("utf-32-le"), dtype="<u4")
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    starts = np.cumsum(lengths + 1) - (lengths + 1)
    is_token, row = _hashing.token_rows(len(tokens), marks)
    first = codes[starts]
    upper, digit = _starts_upper(first), _starts_digit(first)
    later = is_token.copy()  # a sentence's first token is not counted for capitals
    firsts = np.r_[0, np.asarray(marks, dtype=np.int64) + 1]
    later[firsts[firsts < len(tokens)]] = False
    capitalised = later & upper
    numbers = later & ~upper & digit
    tails = _word_tails(codes, starts, _word_ends(codes, starts, starts + lengths))
    evaluative = is_token & _ends_with_any(tails, EVALUATIVE_SUFFIXES)
    adverbs = is_token & ~evaluative & _ends_with_any(tails, (ADVERB_SUFFIX,))
    n_tokens = np.maximum(tokens_of, 1)
    rows[:, 0] = [any(quote in s for quote in _QUOTES) for s in sentences]
    rows[:, 1] = ["!" in sentence for sentence in sentences]
    rows[:, 2] = ["?" in sentence for sentence in sentences]
    rows[:, 3] = np.take(_log_tokens(int(tokens_of.max())), tokens_of)
    for column, flags in enumerate((capitalised, numbers, evaluative, adverbs), start=4):
        rows[:, column] = np.bincount(row[flags], minlength=n) / n_tokens
    return rows


def _log_tokens(most: int) -> list[float]:
    """``log1p(k)`` for every token count ``k`` up to ``most``."""
    return [math.log1p(k) for k in range(most + 1)]


_STRIPPED = ".,;:!?\"')\u201d"  # stripped from a token's end before its suffix is read
_STRIPPED_CODES = np.array([ord(c) for c in _STRIPPED])


def _starts_upper(first: np.ndarray) -> np.ndarray:
    """``str.isupper`` of each first character (code point); Python decides non-ASCII."""
    return _by_character(first, (first >= 65) & (first <= 90), str.isupper)


def _starts_digit(first: np.ndarray) -> np.ndarray:
    return _by_character(first, (first >= 48) & (first <= 57), str.isdigit)


def _by_character(codes: np.ndarray, ascii_answer: np.ndarray, test: Any) -> np.ndarray:
    wide = codes >= 128
    if wide.any():
        found = np.unique(codes[wide])
        answers = np.array([test(chr(c)) for c in found.tolist()])
        ascii_answer = ascii_answer.copy()
        ascii_answer[wide] = answers[np.searchsorted(found, codes[wide])]
    return ascii_answer


def _word_ends(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Where each token's word ends: ``rstrip`` of ``_STRIPPED``, one character a round
    for the tokens still ending in one."""
    ends = ends.copy()
    active = np.flatnonzero(ends > starts)
    while len(active):
        last = codes[ends[active] - 1]
        active = active[np.isin(last, _STRIPPED_CODES)]
        ends[active] -= 1
        active = active[ends[active] > starts[active]]
    return ends


_TAIL = max(map(len, (*EVALUATIVE_SUFFIXES, ADVERB_SUFFIX)))


def _word_tails(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[np.ndarray]:
    """The last ``_TAIL`` characters of each word, lowercased, one array of codes per
    position (0 before the word's start and for every non-ASCII character).

    Enough to test for an ASCII suffix exactly as ``word.lower().endswith(suffix)`` does:
    the only non-ASCII characters whose ``lower()`` holds an ASCII letter are the Kelvin
    sign (to "k", in no suffix) and "İ" (to "i" and a combining dot, which then sits
    inside the window, as the 0 does here)."""
    tails = []
    for back in range(_TAIL, 0, -1):
        at = ends - back
        found = np.where(at >= starts, codes[np.maximum(at, 0)], 0).astype(np.int64)
        found = np.where((found >= 65) & (found <= 90), found + 32, found)
        tails.append(np.where(found < 128, found, 0))
    return tails


def _ends_with_any(tails: list[np.ndarray], suffixes: Sequence[str]) -> np.ndarray:
    """Which words end in one of ``suffixes`` (``tails``: ``_word_tails``)."""
    found = np.zeros(len(tails[0]), dtype=bool)
    for suffix in suffixes:
        match = np.ones(len(found), dtype=bool)
        for column, letter in zip(tails[_TAIL - len(suffix) :], suffix, strict=True):
            match &= column == ord(letter)
        found |= match
    return found


def sentence_matrices(sentences: Sequence[str]) -> list[Any]:
    """``[WORD_BLOCK, SHARE_BLOCK]`` rows of the sentences from one tokenization and one
    hash of each token: the unigrams are the 1-2-grams' first grams."""
    unigrams, unigram_rows, bigrams, bigram_rows = _hashing.word_pair_hashes(
        sentences, True, TOKEN_PATTERN
    )
    grams = np.concatenate([unigrams, bigrams])
    gram_rows = np.concatenate([unigram_rows, bigram_rows])
    n = len(sentences)
    return [
        _hashing.matrix_of_hashes(grams, gram_rows, n, N_FEATURES, False, "l2", False),
        _hashing.matrix_of_hashes(unigrams, unigram_rows, n, N_FEATURES, False, "l1", False),
    ]


def sentence_logits(model: HashedLinearModel, sentences: Sequence[str]) -> np.ndarray:
    """Logit that each sentence gives the writer's opinion rather than reports."""
    sentences = list(sentences)
    if not sentences:
        return np.zeros(0)
    dense = sentence_features(sentences)
    if [b.params() for b in model.blocks] == _SHARED_PARAMS:
        return model.decision_from_matrices(sentence_matrices(sentences), dense, sentences)
    return model.decision(sentences, dense)


def sentence_proba(model: HashedLinearModel, sentences: Sequence[str]) -> np.ndarray:
    """Probability that each sentence gives the writer's opinion rather than reports."""
    return sigmoid(sentence_logits(model, sentences))


@dataclass(frozen=True)
class BodyLanguage:
    """An article's body-language score, its parts and the flagged sentences."""

    score: float
    flagged_share: float
    top3_mean: float
    sentences: int
    flagged: tuple[Span, ...]
    probabilities: tuple[float, ...]


def body_sentences(
    text: str, sentences: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Spans of the body's sentences (offsets into ``text``), headings and fragments (under
    ``MIN_SENTENCE_WORDS`` words; the split stops there) out."""
    return body_pieces(text, sentences)[0]


def body_pieces(
    text: str, sentences: list[tuple[int, int]] | None = None
) -> tuple[list[tuple[int, int]], list[str]]:
    """``body_sentences`` and the text of each, every sentence sliced once (the words
    test reads the slice the hashing needs)."""
    if sentences is None:
        sentences = split_sentences(normalise(text))
    spans: list[tuple[int, int]] = []
    pieces: list[str] = []
    enough = MIN_SENTENCE_WORDS - 1  # split at most this often: one more piece is enough
    for start, end in sentences:
        piece = text[start:end]
        if len(piece.split(None, enough)) > enough:
            spans.append((start, end))
            pieces.append(piece)
    return spans, pieces


def aggregate(probabilities: Sequence[float], threshold: float) -> tuple[float, float, float]:
    """``(score, flagged_share, top3_mean)`` of sentence probabilities (0s when none).

    In plain Python over a short list (an article's sentences), summed in numpy's order
    for a mean of so few values (left to right), so it equals ``aggregate_in_numpy``;
    a NaN, which Python cannot sort, goes there."""
    values = list(probabilities)
    if not values or math.isnan(sum(values)):
        return aggregate_in_numpy(np.asarray(values, dtype=np.float64), threshold)
    flagged_share = sum(v >= threshold for v in values) / len(values)
    top = sorted(values)[-TOP_K:]
    top3_mean = float(sum(top)) / len(top)
    score = FLAGGED_WEIGHT * flagged_share + (1.0 - FLAGGED_WEIGHT) * top3_mean
    return score, flagged_share, top3_mean


def aggregate_in_numpy(probabilities: np.ndarray, threshold: float) -> tuple[float, float, float]:
    """``aggregate`` as first written, in numpy (the reference)."""
    if len(probabilities) == 0:
        return 0.0, 0.0, 0.0
    flagged_share = float(np.mean(probabilities >= threshold))
    top = np.sort(probabilities)[-TOP_K:]
    top3_mean = float(top.mean())
    score = FLAGGED_WEIGHT * flagged_share + (1.0 - FLAGGED_WEIGHT) * top3_mean
    return score, flagged_share, top3_mean


def body_language(
    model: HashedLinearModel, text: str, sentences: list[tuple[int, int]] | None = None
) -> BodyLanguage:
    """Score the body ``text`` (filler already cut out by the caller); ``sentences``: its
    sentence spans when already split (``AnalysedArticle.sentences``), to split once."""
    return body_language_many(model, [text], None if sentences is None else [sentences])[0]


@dataclass(frozen=True)
class HashedBodies:
    """The body sentences of a batch, hashed once for every part that reads them."""

    spans_of: list[list[tuple[int, int]]]  # per text: its body sentence spans
    word: Any  # ``WORD_BLOCK`` rows of every body sentence, texts in order
    share: Any  # ``SHARE_BLOCK`` rows, same order
    pieces: list[str]  # the body sentences' text, same order


def hash_bodies(
    texts: Sequence[str], sentences: Sequence[list[tuple[int, int]]] | None = None
) -> HashedBodies:
    spans_of: list[list[tuple[int, int]]] = []
    pieces: list[str] = []
    for i, text in enumerate(texts):
        spans, texts_of = body_pieces(text, None if sentences is None else sentences[i])
        spans_of.append(spans)
        pieces.extend(texts_of)
    word, share = sentence_matrices(pieces)
    return HashedBodies(spans_of, word, share, pieces)


def body_language_many(
    model: HashedLinearModel,
    texts: Sequence[str],
    sentences: Sequence[list[tuple[int, int]]] | None = None,
    hashed: HashedBodies | None = None,
) -> list[BodyLanguage]:
    """``body_language`` of each text, every sentence of the batch hashed and scored in one
    pass (per-call overhead is most of the cost of one short article); ``hashed``: the
    batch's ``hash_bodies`` when another part already hashed it."""
    hashed = hashed or hash_bodies(texts, sentences)
    if [b.params() for b in model.blocks] != _SHARED_PARAMS:
        raise ValueError(f"model {model.name!r} does not read the body sentence blocks")
    logits = model.decision_from_matrices(
        [hashed.word, hashed.share], sentence_features(hashed.pieces), hashed.pieces
    )
    probabilities = sigmoid(logits).tolist()  # Python floats: cheap to slice and compare
    results, offset = [], 0
    for spans in hashed.spans_of:
        p = probabilities[offset : offset + len(spans)]
        offset += len(spans)
        score, share, top = aggregate(p, model.threshold)
        flagged = tuple(
            Span(start, end, "subjective sentence", "body.subjective_sentence")
            for (start, end), value in zip(spans, p, strict=True)
            if value >= model.threshold
        )
        results.append(
            BodyLanguage(
                score=score,
                flagged_share=share,
                top3_mean=top,
                sentences=len(spans),
                flagged=flagged,
                probabilities=tuple(p),
            )
        )
    return results
