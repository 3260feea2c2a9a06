"""The fast counting paths give exactly what the evidence-recording paths give.

Counts come from word counts and candidate offsets when no evidence is wanted, and from
the matches themselves when it is; both must be equal (not close) on real articles and
teasers, on benchmark documents, and on text stitched together from the very words,
phrases, numbers and symbols the finders reason about. (The frozen first featurizer that
these were once compared with, tests/reference, went with the v2 features; VADER and
readability keep their comparisons with the real libraries in test_vader.py and
tests/extractors/test_readability.py.)
"""

from __future__ import annotations

import math
import random

import pytest

from benchmarks.corpus import generate
from hypescore.article import Article
from hypescore.features import extract_features, feature_names
from hypescore.lexicons import load_lexicon
from hypescore.outlets import outlet_scores

LEXICONS = (
    "anonymous_sources",
    "attribution_verbs",
    "boilerplate",
    "calls_to_action",
    "caveats",
    "clickbait_phrases",
    "decision_verbs",
    "evidence_terms",
    "filler_headers",
    "hype_phrases",
    "hype_words",
    "related_headers",
    "superlatives",
)
# Pieces the fast paths make assumptions about: case, word boundaries, prepositions
# before years, currency codes, joined words, exotic case folding, emoji, list lines.
PIECES = (
    "Jan", "March", "May", "Sept.", "Monday", "in", "of", "since", "2019", "1999",
    "2020-03-05", "5", "12th", ",", "$", "€5", "US$ 3", "usd", "5 dollars", "3bn", "12%",
    "4 per cent", "PERCENT", "km", "people", "1,000", "1,1,1", "3.5", "John Smith", "said",
    "says", "Jane Q. Doe", "according to", "According to the", "the", "\"", "'", "!", "!!",
    "?", "HUGE", "NEWS", "#tag", "#x #y #z", "http://x.com/a", "WWW.bbc.co.uk", "\n",
    "\n\n", " ", "  ", "-", "\u2014", "\u2026", "\u0130", "\u0131", "\u017f", "\u212a",
    "\u00e9", "\u0663", "\u0661\u0669\u0669\u0669", "\U0001f600", "\u2764", "Tags:",
    "Related searches -", "a, b, c, d, e", "x | y | z | w", "\u00b7", "\u2022", "The",
    "New", "York", "Times", "Mr.", "U.S.", "e.g.", "don't", "can't", "kind of", "no",
    "but", "not", "never", "so", "this", "least", "very", "SAID", "Reuters's", "CNN-style",
    "e-mail", "rock'n'roll", "'tis", "_", "x_y", "mid-", "Mid", "early", "late", "last",
    "next", "this", "earlier this", "week", "month", "year", "December", "mid-January",
    "Yesterday", "tomorrow", "250,000", "X9", "processors", "2021", "1999s", "Smith,",
    "a senior lecturer at", "told", "For", "As", "Siemens", "Airbus", "more than", "up from",
    "compared with", "doubled", "3 times more", "Related:", "Read more", "Share this",
    "Tags & Viral Phrases", "95%", "lithium supply", "NewsPolitics", "Home >",
)  # fmt: skip


def assert_same(article: Article) -> None:
    ours, our_spans = extract_features(article, with_spans=True)
    quick, _ = extract_features(article)
    for name, a, b in zip(feature_names(), ours, quick, strict=True):
        same = a == b or (math.isnan(a) and math.isnan(b))
        assert same, f"{name}: {a} with spans, {b} without, for {article.text[:80]!r}"
    again, again_spans = extract_features(article, with_spans=True)
    assert our_spans == again_spans


def stitched_texts(count: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    pieces = list(PIECES) + list(outlet_scores())
    for name in LEXICONS:
        pieces += load_lexicon(name)
    filler = ("word", "Capital", "UPPER", "x1", "and", "a", ".", "it's")
    articles = []
    for _ in range(count):
        words = [
            rng.choice(pieces) if rng.random() < 0.6 else rng.choice(filler)
            for _ in range(rng.randint(1, 60))
        ]
        text = rng.choice((" ", "  ", " \n")).join(words)
        title = rng.choice((None, "", "Why this?", "10 things you need to know", text[:40]))
        articles.append(Article(text, title=title))
    return articles


def test_real_articles_teasers_and_headlines(varied_texts):
    for text in varied_texts:
        assert_same(Article(text))


def test_benchmark_documents():
    for doc in generate(60, seed=7):
        assert_same(Article(doc["text"], title=doc["title"], url=doc["url"]))


@pytest.mark.parametrize("seed", [1, 2])
def test_text_stitched_from_the_pieces_finders_reason_about(seed):
    for article in stitched_texts(600, seed):
        assert_same(article)


def test_exact_while_token_caches_fill_and_trim(monkeypatch):
    """Tiny caches trim between almost every document; results stay exact."""
    import hypescore._tokens as tokens
    from hypescore._vader import scorer

    monkeypatch.setattr(tokens, "MAX_TOKENS", 300)
    monkeypatch.setattr(tokens, "KEEP_TOKENS", 50)
    before = scorer().generation
    for doc in generate(12, seed=8, mean_chars=2_000):
        assert_same(Article(doc["text"], title=doc["title"]))
    scorer().learn(["standalone", "reset"], may_reset=True)  # VADER emptied on its own
    scorer().reset()
    for article in stitched_texts(20, seed=9):
        assert_same(article)
    assert scorer().generation > before + 5
