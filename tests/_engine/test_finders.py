"""Every finder returns exactly the matches of its pattern's plain ``finditer``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hypescore._engine.finders import emulate_finditer, union_finditer
from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import factual, promotion, sentiment, sourcing, substance
from hypescore.lexicons import lexicon_finder, load_lexicon
from hypescore.outlets import outlet_scores
from tests._engine.test_token_caches import LEXICONS, PIECES

FINDERS = {
    "numbers": factual.NUMBERS,
    "quantities": factual.QUANTITIES,
    "money": factual.MONEY,
    "percentages": factual.PERCENTAGES,
    "dates": factual.DATES,
    "named sources": sourcing.NAMED_SOURCES,
    "comparisons": substance.COMPARISONS,
    "quotes": sourcing.QUOTES,
    "links": sourcing.LINKS,
    "outlets": sourcing.outlet_finder(),
    "exclamations": sentiment.EXCLAMATIONS,
    "allcaps": sentiment.ALLCAPS,
    "hashtags": promotion.HASHTAGS,
    **{f"lexicon {name}": lexicon_finder(name) for name in LEXICONS},
}
WORDS = sorted({*PIECES, *outlet_scores(), *(p for name in LEXICONS for p in load_lexicon(name))})
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "-", "'", "", "\t", "\u00a0"]
texts = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(str.upper),
        st.sampled_from(WORDS).map(str.title),
        st.text(alphabet="aA1.,$%#'-\" \n\u0130\u017f\u00e9", max_size=6),
    ),
    max_size=40,
).flatmap(
    lambda parts: st.lists(
        st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)
    ).map(lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True)))
)


def spans(matches):
    return [m.span() for m in matches]


def check(text: str) -> None:
    index = analyse(Article(text)).index
    for name, finder in FINDERS.items():
        expected = spans(finder.pattern.finditer(index.norm))
        assert spans(finder.matches(index)) == expected, (name, text)
        assert finder.count(index) == len(expected), (name, text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_finders_equal_finditer_on_stitched_text(text):
    check(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "said " * 50,
        "Ann Lee, a spokeswoman, said " * 20,
        "according to " * 30 + "According to The Hill",
        "in 2019 since May 2020 of  March\n1999 5 March 2001 2020-03-05 Monday",
        "$1,000,000.5 US$ 3bn 5 dollars 12% 4 per cent 3 km 1,1,1,1,1,1,1,1 1.2.3",
        "4 per cent, 5 PERCENT and 6\npercent",
        "The New York Times, New York Times and The Times; BBC News-style CNN's",
        "Sources familiar with the matter said people familiar with\nthe matter",
        "SAID Said said unsaid saidx x_said \u0130t \u017fources \u212aM",
        "HUGE!!! NEWS!!!! #one #two #three www.x.org http://a.b/c (http://d.e)",
    ],
)
def test_finders_equal_finditer_on_edge_cases(text):
    check(text)


def test_emulation_takes_the_leftmost_non_overlapping_matches():
    pattern = re.compile(r"ab|b\w*")
    text = "abbb xbb ab"
    candidates = [m.start() for m in re.finditer(r"[ab]", text)]
    assert spans(emulate_finditer(pattern, text, candidates)) == spans(pattern.finditer(text))


def test_union_prefers_the_earlier_alternative_at_the_same_start():
    text = "said Ann Lee and Ann Lee said"
    first = re.compile(r"Ann Lee said")
    second = re.compile(r"Ann Lee")
    union = re.compile(r"Ann Lee said|Ann Lee")
    found = union_finditer(
        [lambda pos: first.search(text, pos), lambda pos: second.search(text, pos)]
    )
    assert spans(found) == spans(union.finditer(text))
