"""The one multi-word pass and the case fold give exactly what the regex engine finds."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import generate
from hypescore._engine import multisearch
from hypescore._engine.index import TextIndex, case_fold
from hypescore.analysis import analyse
from hypescore.article import Article
from tests._engine.test_finders import FINDERS, odd_words, spans, texts


def test_case_fold_matches_ignorecase_for_every_code_point():
    """An ASCII letter matches a character under IGNORECASE exactly where the character
    folds to it, and folding never changes a length (so offsets line up)."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = case_fold(char)
        assert len(folded) == 1, hex(code)
        if code < 128:
            continue
        if letter.fullmatch(char):
            assert folded.isascii() and re.fullmatch(folded, char, re.IGNORECASE), hex(code)
        else:
            assert not folded.isascii(), hex(code)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_case_fold_keeps_the_length_of_stitched_text(text):
    assert len(case_fold(text)) == len(text)


REGISTERED = sorted(multisearch.registered())
needles = st.one_of(
    st.sampled_from(REGISTERED),
    st.sampled_from(REGISTERED).map(str.title),
    st.sampled_from(REGISTERED).map(str.upper),
    odd_words,
)


@settings(max_examples=300, deadline=None)
@given(texts, st.lists(needles, min_size=1, max_size=8))
def test_one_pass_finds_what_a_search_per_word_finds(text, wanted):
    doc = analyse(Article(text))
    one = TextIndex(doc.norm, doc.runs, one_pass=True)
    each = TextIndex(doc.norm, doc.runs, one_pass=False)
    for needle in wanted:
        for lowered in (False, True):
            expected = multisearch.find_each(each.lowered if lowered else each.norm, needle)
            assert one.find_all(needle, lowered=lowered) == expected, (needle, lowered)
            assert each.find_all(needle, lowered=lowered) == expected, (needle, lowered)


def test_long_documents_take_the_one_pass_and_match_the_regex_engine():
    """A long article holds enough registered words that the one pass runs by itself;
    with odd letters sprinkled in, every finder still equals plain ``finditer``."""
    text = " ".join(d["text"] for d in generate(12, seed=7, mean_chars=5_000))
    odd = text.replace("is ", "\u0131s ").replace("said", "\u017faid").replace("In ", "\u0130n ")
    for body in (text, odd):
        index = analyse(Article(body)).index
        assert multisearch.AVAILABLE and index._positions is not None
        for name, finder in FINDERS.items():
            expected = spans(finder.pattern.finditer(index.norm))
            assert spans(finder.matches(index)) == expected, name
            assert finder.count(index) == len(expected), name


def test_short_documents_search_word_by_word():
    index = analyse(Article("Officials said the plan was unprecedented.")).index
    assert index._positions is None


def test_a_word_registered_after_a_texts_pass_is_still_found():
    """Finders register their words when first built; a text whose pass ran before that
    searches the late word on its own instead of reporting it absent."""
    text = "Zyxwordle appears twice: zyxwordle. " + "said " * 5
    index = TextIndex(text, text.split(), one_pass=True)
    assert index.find_all("said") == multisearch.find_each(text, "said")
    multisearch.register(["zyxwordle"])
    assert index.find_all("zyxwordle", lowered=True) == [0, 25]
    assert TextIndex(text, [], one_pass=True).find_all("zyxwordle", lowered=True) == [0, 25]
