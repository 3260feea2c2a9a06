"""Inputs too thin to judge carry warnings: short texts, label-like headlines, thin extraction."""

from __future__ import annotations

import pytest

import hypescore
from hypescore.caveats import (
    MIN_WORDS,
    article_caveats,
    label_like_headline,
    thin_extraction,
    too_short,
    word_count,
)

from .conftest import fixture_article, fixture_text
from .optional_parts import require

CAPTION = (
    "A worker checks a turbine blade at the Gull Point yard on Monday, as the council "
    "weighs the plan for a new desalination plant nearby."
)


def caption_page() -> str:
    """A photo page: a 25-word caption as its article, long link lists around it."""
    links = "".join(
        f'<li><a href="/s{i}">Section story number {i} about council budgets and trams</a></li>'
        for i in range(40)
    )
    return (
        "<!doctype html><html><head><title>Photo: turbine check</title></head><body>"
        f"<nav><ul>{links}</ul></nav><article><h1>Photo: turbine check</h1><p>{CAPTION}</p>"
        f"</article><footer><ul>{links}</ul></footer></body></html>"
    )


def test_word_count_counts_words_not_punctuation_and_can_stop_early():
    assert word_count("Shares rose 3% on Monday — the exchange said.") == 8  # not "—"
    assert word_count("word " * 10_000, stop_at=MIN_WORDS) == MIN_WORDS


def test_too_short_below_the_threshold_only():
    assert too_short(CAPTION).startswith("too short to judge: 25 words")
    assert too_short(fixture_text("wire_report.txt")) is None


@pytest.mark.parametrize(
    "title",
    ["News > Science", "Home » World » Europe", "Politics / UK", "World news", "SCIENCE", "Live"],
)
def test_breadcrumbs_and_section_labels_are_flagged(title):
    assert "headline looks like a" in label_like_headline(title)


@pytest.mark.parametrize(
    "title",
    [
        "Grid operator approves 1.2 GW offshore wind link after 14-month review",
        "Why the US/China deal matters",
        "Brexit chaos",
        "Council approves plan | The Guardian",
        None,
        "",
    ],
)
def test_real_headlines_are_not_flagged(title):
    assert label_like_headline(title) is None


def test_thin_extraction_needs_a_long_page_and_a_tiny_share():
    assert "kept almost nothing: 24 of the page's 1,000 words" in thin_extraction(24, 1000)
    assert thin_extraction(300, 1000) is None
    assert thin_extraction(24, 150) is None  # a short page: nothing was lost


def test_results_carry_the_warnings_and_good_articles_none():
    wire = hypescore.score(fixture_article("wire_report.txt"))
    assert wire.warnings == () and "warnings" not in wire.to_dict() or not wire.to_dict()[
        "warnings"
    ]
    short = hypescore.score({"title": "World news", "text": CAPTION})
    assert short.verdict is not None  # still scored, but flagged
    assert short.warnings == article_caveats(CAPTION, "World news")
    assert len(short.warnings) == 2 and short.to_dict()["warnings"] == list(short.warnings)


def test_a_caption_sized_html_page_is_flagged_twice():
    require("trafilatura", "html")
    article = hypescore.read_html(caption_page())
    assert article.text == CAPTION
    per_link = 9  # "Section story number N about council budgets and trams"
    page_words = 2 * 40 * per_link + 3 + 25  # both link lists, the h1, the caption
    assert article.warnings == (
        f"HTML extraction kept almost nothing: 25 of the page's {page_words} words",
    )
    result = hypescore.score(article)
    assert result.warnings[0] == article.warnings[0]
    assert result.warnings[1].startswith("too short to judge: 25 words")


def test_the_wire_page_reads_cleanly():
    require("trafilatura", "html")
    from .conftest import FIXTURES

    article = hypescore.read_html((FIXTURES / "wire_page.html").read_bytes(), url=None)
    assert article.warnings == () and article.title.startswith("Grid operator approves")
