"""The story verdict and outlet summaries in the text report and the HTML page."""

from __future__ import annotations

from html import unescape

import pytest

from hypescore.report import format_story, render_story
from hypescore.scoring import ScoreOptions, score
from hypescore.story import StoryOutlet, compare_story
from hypescore.story_verdict import SUMMARY_REASONS, outlet_summary, story_verdict

from ..conftest import fixture_article

NAMES = ("wire", "trade", "viral")


@pytest.fixture(scope="module")
def story():
    options = ScoreOptions(explain=SUMMARY_REASONS, spans=True)
    outlets = []
    for name in NAMES:
        article = fixture_article(f"story/{name}_battery.txt")
        result = score(article, options=options)
        outlets.append(StoryOutlet(name, article, result.to_dict(), result.spans or ()))
    return compare_story(outlets)


def test_text_report_gives_the_story_verdict_and_a_summary_under_each_outlet(story):
    lines = format_story(story).splitlines()
    verdict = story_verdict(story)
    assert f"Story verdict: {verdict.verdict}/10" in lines
    at = lines.index(f"Story verdict: {verdict.verdict}/10")
    wrapped = []
    for line in lines[at + 1 :]:
        if not line.startswith("  "):
            break
        wrapped.append(line.strip())
    assert " ".join(wrapped) == verdict.summary
    for i, name in enumerate(NAMES):
        row = next(n for n, line in enumerate(lines) if line.startswith(f"{name} "))
        summary = outlet_summary(story, i)
        assert lines[row + 1].startswith("    ") and summary.startswith(lines[row + 1].strip())


def test_page_has_a_story_verdict_card_and_one_summary_row_per_outlet(story):
    page = render_story(story)
    verdict = story_verdict(story)
    assert 'id="story-verdict"' in page
    assert f'aria-label="verdict {verdict.verdict} of 10"' in page
    assert unescape(page).count(verdict.summary) == 1
    assert page.count('<tr class="outlet-summary">') == len(NAMES)
    for i in range(len(NAMES)):
        assert outlet_summary(story, i) in unescape(page)
