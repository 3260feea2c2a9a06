"""Cheap screens before a regex search find exactly what the search alone finds, on real
SemEval articles, teasers and headlines (every line) and our own odd texts."""

from __future__ import annotations

import pytest

from hypescore._engine.index import case_fold
from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.caveats import _WORD_CHAR, word_count
from hypescore.extractors import factual, promotion, sourcing, substance
from hypescore.filler import _PHONE_RE
from tests._engine.test_finders import FINDERS

ODD = [
    "",
    " ",
    "THIS IS IT",
    "Thiſ one",  # long s: IGNORECASE matches it as "s"
    "These \u212aids",  # Kelvin sign
    "Here İs why",
    "WATCH: you won't believe",
    "YOU'RE next",
    "yoU'll see",
    "(941) 745-7049",
    "Call 202.383.6017 now",
    "Look at this dog",
    "meet the teacher",
]


@pytest.fixture(scope="module")
def lines(varied_texts) -> list[str]:
    found = [line.strip() for text in varied_texts for line in text.splitlines()]
    return [line for line in found if line] + ODD


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (promotion._TEASER_RE, promotion._TEASER_WORDS),
        (promotion._SECOND_PERSON_RE, promotion._SECOND_PERSON_WORDS),
    ],
)
def test_headline_word_screens_find_what_the_search_finds(lines, pattern, words):
    screened = 0
    for line in lines:
        folded = case_fold(line)
        assert promotion._searched(pattern, line, folded, words) == bool(pattern.search(line))
        screened += not any(word in folded for word in words)
    assert screened > len(lines) // 4  # the screen spares many searches (most headlines)


def test_every_phone_number_holds_a_dash_or_a_dot(lines):
    held = [line for line in lines if _PHONE_RE.search(line)]
    assert held  # the check is not vacuous
    assert all("-" in line or "." in line for line in held)


def _reference_word_count(text: str, stop_at: int | None = None) -> int:
    """Token by token, as ``word_count`` was written before it counted in C."""
    count = 0
    for token in text.split():
        if token.isalnum() or _WORD_CHAR.search(token):
            count += 1
            if count == stop_at:
                break
    return count


def test_word_count_equals_counting_token_by_token(varied_texts):
    texts = [*varied_texts, *ODD, "\u2014 \u2014 a", "_ __ x_", "word " * 500]
    for text in texts:
        for stop_at in (None, 0, 1, 5, 80, 10_000):
            expected = _reference_word_count(text, max(stop_at, 1) if stop_at is not None else None)
            assert word_count(text, stop_at) == expected, (text[:60], stop_at)


WORD_LISTS = [
    factual._MONTH_NAMES,
    factual._WEEKDAYS,
    factual._DATE_LEAD_WORDS + factual._DATE_ALONE_WORDS,
    sourcing._VERBS,
    substance._COMPARISON_LEADS,
    ("according",),
]


def test_may_contain_equals_asking_word_by_word(varied_texts):
    exits = 0
    for text in [*varied_texts, *ODD]:
        index = analyse(Article(text=text, title=text[:80])).index
        for words in WORD_LISTS:
            found = index.may_contain(words)
            assert found == [w for w in words if w.lower() in index.lower_runs], text[:60]
            exits += not found
    assert exits  # the early exit is taken


def test_finders_equal_finditer_on_real_articles_and_headlines(varied_texts):
    """The finders' early exits (no entry's word present) and the word a multi-word
    entry is looked up by change no match: every finder against its pattern's finditer
    on real SemEval articles, Webis teasers and Stop Clickbait headlines."""
    for text in varied_texts:
        index = analyse(Article(text=text, title=text)).index
        for name, finder in FINDERS.items():
            expected = [m.span() for m in finder.pattern.finditer(index.norm)]
            assert [m.span() for m in finder.matches(index)] == expected, (name, text[:60])
            assert finder.count(index) == len(expected), (name, text[:60])
