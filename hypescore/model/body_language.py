"""Body language: a sentence-level subjectivity model, aggregated over an article's body.

Each body sentence is scored by one ``HashedLinearModel`` (trained on NewsSD-ENG, see
``hypescore.training.subjectivity``) over two hashed blocks computed in one pass each
over all sentences of the article:

- ``WORD_BLOCK``: word 1-2-grams, l2-normalised (the learned n-gram weights);
- ``SHARE_BLOCK``: word unigrams, l1-normalised (each row holds the share of every word
  in its sentence), whose weights are word-list shares folded in at training time
  (pronouns, modals, intensifiers, VADER valences, hype words...), so no list is
  consulted at run time;

plus four cheap dense features of the raw sentence (``SENTENCE_FEATURES``).

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
MIN_SENTENCE_WORDS = 5  # shorter pieces are headings, captions, bylines: not sentences
TOP_K = 3
FLAGGED_WEIGHT = 0.5
_QUOTES = ('"', "\u201c", "\u201d")


def sentence_features(sentences: Sequence[str]) -> np.ndarray:
    """The dense features of each sentence (rows in ``SENTENCE_FEATURES`` order)."""
    rows = np.zeros((len(sentences), len(SENTENCE_FEATURES)))
    for i, sentence in enumerate(sentences):
        tokens = sentence.split()
        n = max(len(tokens), 1)
        capitalised = numbers = evaluative = adverbs = 0
        for token in tokens[1:]:
            first = token[:1]
            if first.isupper():
                capitalised += 1
            elif first.isdigit():
                numbers += 1
        for token in tokens:
            word = token.rstrip(".,;:!?\"')\u201d").lower()
            if word.endswith(EVALUATIVE_SUFFIXES):
                evaluative += 1
            elif word.endswith("ly"):
                adverbs += 1
        rows[i] = (
            any(q in sentence for q in _QUOTES),
            "!" in sentence,
            "?" in sentence,
            math.log1p(len(tokens)),
            capitalised / n,
            numbers / n,
            evaluative / n,
            adverbs / n,
        )
    return rows


def sentence_matrices(sentences: Sequence[str]) -> list[Any]:
    """``[WORD_BLOCK, SHARE_BLOCK]`` rows of the sentences from one tokenization: the
    unigrams are the first grams of each 1-2-gram list."""
    grams = _hashing.analyse(sentences, "word", (1, 2), True, TOKEN_PATTERN)
    unigrams = [g[: (len(g) + 1) // 2] for g in grams]  # n tokens give n + (n - 1) grams
    return [
        _hashing.hashed_matrix(grams, N_FEATURES, False, "l2", False),
        _hashing.hashed_matrix(unigrams, N_FEATURES, False, "l1", False),
    ]


def sentence_proba(model: HashedLinearModel, sentences: Sequence[str]) -> np.ndarray:
    """Probability that each sentence gives the writer's opinion rather than reports."""
    sentences = list(sentences)
    if not sentences:
        return np.zeros(0)
    dense = sentence_features(sentences)
    if [b.params() for b in model.blocks] == _SHARED_PARAMS:
        return sigmoid(model.decision_from_matrices(sentence_matrices(sentences), dense))
    return model.proba(sentences, dense)


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
    """Spans of the body's sentences (offsets into ``text``), headings and fragments out."""
    if sentences is None:
        sentences = split_sentences(normalise(text))
    return [
        (start, end)
        for start, end in sentences
        if len(text[start:end].split()) >= MIN_SENTENCE_WORDS
    ]


def aggregate(probabilities: np.ndarray, threshold: float) -> tuple[float, float, float]:
    """``(score, flagged_share, top3_mean)`` of sentence probabilities (0s when none)."""
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


def hash_bodies(
    texts: Sequence[str], sentences: Sequence[list[tuple[int, int]]] | None = None
) -> HashedBodies:
    spans_of = [
        body_sentences(text, None if sentences is None else sentences[i])
        for i, text in enumerate(texts)
    ]
    pieces = [text[s:e] for text, spans in zip(texts, spans_of, strict=True) for s, e in spans]
    word, share = sentence_matrices(pieces)
    return HashedBodies(spans_of, word, share)


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
    pieces = [
        text[s:e] for text, spans in zip(texts, hashed.spans_of, strict=True) for s, e in spans
    ]
    if [b.params() for b in model.blocks] != _SHARED_PARAMS:
        raise ValueError(f"model {model.name!r} does not read the body sentence blocks")
    logits = model.decision_from_matrices([hashed.word, hashed.share], sentence_features(pieces))
    probabilities = sigmoid(logits)
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
                probabilities=tuple(float(v) for v in p),
            )
        )
    return results
