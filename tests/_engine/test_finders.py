"""Every finder returns exactly the matches of its pattern's plain ``finditer``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hypescore._engine.finders import emulate_finditer, union_finditer
from hypescore._engine.index import TextIndex
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
# Letters the regex engine's IGNORECASE equates with ASCII ones that str.lower() does not
# (dotted and dotless i, long s, Kelvin sign), and others whose case mapping is odd.
ODD_LETTERS = {
    "i": ("\u0130", "\u0131"),
    "I": ("\u0130", "\u0131"),
    "s": ("\u017f", "\u00df"),
    "S": ("\u017f", "\u1e9e"),
    "k": ("\u212a",),
    "K": ("\u212a",),
    "a": ("\u00e5", "\u212b"),
    "e": ("\u00e9",),
    "o": ("\u03a3", "\u00f6"),
}


def with_odd_letters(word: str, choices: list[int]) -> str:
    """``word`` with some letters swapped for case-folding oddities."""
    letters = list(word)
    for k, choice in enumerate(choices):
        if k < len(letters) and letters[k] in ODD_LETTERS and choice:
            options = ODD_LETTERS[letters[k]]
            letters[k] = options[choice % len(options)]
    return "".join(letters)


odd_words = st.builds(
    with_odd_letters,
    st.sampled_from(WORDS),
    st.lists(st.integers(min_value=0, max_value=3), max_size=12),
)
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "-", "'", "", "\t", "\u00a0"]
texts = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(str.upper),
        st.sampled_from(WORDS).map(str.title),
        odd_words,
        odd_words.map(str.upper),
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
    """Each finder against the regex engine, with word lookups searched one word at a
    time, in one multi-word pass, and as the document's length decides."""
    doc = analyse(Article(text))
    for one_pass in (None, False, True):
        index = TextIndex(doc.norm, doc.runs, one_pass=one_pass)
        for name, finder in FINDERS.items():
            expected = spans(finder.pattern.finditer(index.norm))
            assert spans(finder.matches(index)) == expected, (name, one_pass, text)
            assert finder.count(index) == len(expected), (name, one_pass, text)


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
        "\u0130n 2019 \u0131n March 2020 accord\u0131ng to Reuters, \u017faid Ann Lee",
        "un\u0131que breakthrough, mıracle; \u0130T \u0130S HUGE \u212anown \u017fource\u017f",
        "per\u0130od up from 3, le\u017f\u017f than 5, \u0131n h\u0131story 5 dollar\u017f",
        "HTTP\u017f://x.com WWW.y.org 4 per cent \u0130\u0307 \u03a3\u039f\u03a3 stra\u00dfe",
        "HUGE!!! NEWS!!!! #one #two #three www.x.org http://a.b/c (http://d.e)",
        ".3 times more, x.3 times less, 1.3 times higher",  # no number starts after a dot
        # name-led sources are searched on the lines holding a speech verb only
        "Ann Lee\nsaid Bob Ray said\nxA\nAnn Lee said\nCat Doe, a nurse, told\nsaid",
        "Ann Lee, a\nnurse, said Ann Lee saidx Dan Fox said",
        "Ed Lu wrote\n\nFay Ng, the head of a unit, added\nGus Oz noted",
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
