"""The engines' token caches fill, trim and reset without changing a single number.

The engines themselves are checked for exact equality against vaderSentiment and
textstat (tests/test_vader.py, tests/test_readability_tables.py, tests/extractors/); here
the same articles featurized with tiny caches, which trim between almost every document,
must give exactly the values and spans of a run with the default caches, and asking for
spans must never change a value. Texts are stitched from the very words, phrases,
numbers and symbols the finders reason about.
"""

from __future__ import annotations

import math
import random

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


def features(article: Article) -> tuple[list[float], list]:
    values, spans = extract_features(article, with_spans=True)
    quick, _ = extract_features(article)
    for name, a, b in zip(feature_names(), values, quick, strict=True):
        assert a == b or (math.isnan(a) and math.isnan(b)), f"{name}: {a} != {b} (no spans)"
    return values, spans


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


def corpus() -> list[Article]:
    docs = [Article(d["text"], title=d["title"], url=d["url"]) for d in generate(12, seed=8)]
    return docs + stitched_texts(200, seed=9)


def test_exact_while_token_caches_fill_and_trim(monkeypatch, engine_path):
    """Tiny caches trim between almost every document; results stay exact."""
    import hypescore._engine.tokens as tokens
    from hypescore._engine.vader import scorer

    articles = corpus()
    expected = [features(article) for article in articles]
    monkeypatch.setattr(tokens, "MAX_TOKENS", 300)
    monkeypatch.setattr(tokens, "KEEP_TOKENS", 50)
    before = scorer().generation
    for article, want in zip(articles[:12], expected[:12], strict=True):
        assert features(article) == want
    scorer().learn(["standalone", "reset"], may_reset=True)  # VADER emptied on its own
    scorer().reset()
    for article, want in zip(articles[12:], expected[12:], strict=True):
        assert features(article) == want
    assert scorer().generation > before + 5


def test_word_and_syllable_caches_stay_bounded_and_exact(monkeypatch, engine_path):
    """The per-word readability counts and the syllable cache are emptied at their bound
    (so a stream's memory stops growing once they are full) without changing a value."""
    import hypescore._engine.readability as readability
    import hypescore._engine.syllables as syllables

    articles = corpus()
    expected = [features(article) for article in articles]
    monkeypatch.setattr(readability, "_MAX_WORDS", 200)
    monkeypatch.setattr(syllables, "_MAX_CACHED_WORDS", 200)
    syllables.compiled_syllables.cache_clear()  # the kernel's twin reads the bound once
    counter = readability.counter()
    counter.reset()  # every token is new again, and so is every word:
    counter._word_codes.clear()
    syllables._counted.clear()
    try:
        for article, want in zip(articles, expected, strict=True):
            assert features(article) == want
            # emptied before a document's words are added: at most one document over
            assert len(counter._word_codes) <= 200 + len(article.text.split())
            assert len(syllables._counted) <= 200
    finally:
        syllables.compiled_syllables.cache_clear()
