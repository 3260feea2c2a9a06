"""summary_head: the short form of a reason's summary, on summaries the library writes."""

from __future__ import annotations

import re

import pytest

import hypescore
from hypescore.article import Article
from hypescore.reason_text import ELLIPSIS, summary_head

from .conftest import fixture_text


@pytest.fixture(scope="module")
def reasons():
    article = Article(text=fixture_text("pairs/grid_breathless.txt"), id="grid")
    return hypescore.score(article, explain=10).reasons


def test_head_keeps_the_words_and_drops_quotes_and_figures(reasons):
    quoted = [r for r in reasons if ": '" in r.summary]
    bracketed = [r for r in reasons if re.search(r" \(\d", r.summary)]
    assert quoted and bracketed  # the article has both kinds of summary
    for reason in reasons:
        head = summary_head(reason.summary)
        assert head and "'" not in head and not re.search(r"\(\d", head), reason.summary
        assert reason.summary.startswith(head.split(",")[0])


def test_limit_cuts_at_a_word_with_an_ellipsis(reasons):
    longest = max((summary_head(r.summary) for r in reasons), key=len)
    limit = len(longest) - 5
    short = summary_head(longest, limit)
    assert len(short) <= limit and short.endswith(ELLIPSIS)
    kept = short.removesuffix(ELLIPSIS)
    assert longest.startswith(kept) and longest[len(kept)] == " "
    assert summary_head(longest, len(longest)) == longest
