"""Behaviour pairs: the same facts told differently must move the verdict the right way.

Each pair keeps every figure, actor and decision of a sourced wire report and changes only
how it is told: site filler appended, a breathless rewrite with anonymous sources, another
URL, pages of filler. The amounts are the contract of the v2 verdict (issue "Verdict v2"):
- a 12-item tag/viral-phrase block plus comment boilerplate: hype +0.15 or more, verdict -2
  or more;
- a breathless rewrite with anonymous sources: verdict 3 or more below the wire report;
- the same report, same named sources, told in loaded words (superlatives, exclamations,
  judging adjectives): hype +0.10 or more, impact and verdict not raised;
- any URL: the same verdict, hype and impact;
- 2,000 words of filler: impact not raised;
- a scraped video player and a legal footer (page chrome, not promotion): the same hype,
  impact and verdict.
Three invented developments (tests/fixtures/README.md), so no rule is tuned to one article.
"""

from __future__ import annotations

import pytest

import hypescore
from tests.conftest import fixture_text

WIRE = {
    "grid": "wire_report.txt",
    "trial": "pairs/trial_wire.txt",
    "court": "pairs/court_wire.txt",
}
LOUD = {
    "grid": "pairs/grid_loud.txt",
    "trial": "pairs/trial_loud.txt",
    "court": "pairs/court_loud.txt",
}
BREATHLESS = {
    "grid": "pairs/grid_breathless.txt",
    "trial": "pairs/trial_breathless.txt",
    "court": "pairs/court_breathless.txt",
}
TAG_ITEMS = (
    "breaking news",
    "must read",
    "viral",
    "trending now",
    "shocking",
    "game changer",
    "you won't believe",
    "top stories",
    "world news",
    "latest updates",
    "hot topics",
    "share now",
)
COMMENT_BOILERPLATE = (
    "Leave a Reply\n"
    "Your email address will not be published. Required fields are marked *\n"
    "Save my name, email, and website in this browser for the next time I comment.\n"
    "Post Comment"
)
PAGE_CHROME = (
    "Duration Time 0:00\nLoaded: 0%\nProgress: 0%\nStream TypeLIVE\nRemaining Time -0:00\n"
    "Playback Rate\nFont Size50%\nText Edge StyleNone\n"
    "Background --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Transparent\n"
    "Privacy - Terms\nCopyright 2025 The Daily Ledger. All rights reserved."
)
URLS = (
    None,
    "https://www.reuters.com/business/energy/story-123",
    "https://www.infowars.com/posts/story-123",
    "https://example-unknown-outlet.net/2025/05/story",
    "http://localhost/a",
)


def tag_block(topic_words: list[str]) -> str:
    """A 'Tags & Viral Phrases' block: 12 items, half of them the story's own words."""
    items = [*topic_words[:6], *TAG_ITEMS[: 12 - len(topic_words[:6])]]
    lines = [", ".join(items[i : i + 3]) for i in range(0, 12, 3)]
    return "Tags & Viral Phrases\n" + "\n".join(lines)


def topic_words(text: str) -> list[str]:
    headline = text.splitlines()[0]
    return [w.strip(",.:").lower() for w in headline.split() if len(w) > 4][:6]


def with_filler(text: str) -> str:
    return f"{text.rstrip()}\n\n{tag_block(topic_words(text))}\n\n{COMMENT_BOILERPLATE}\n"


def pages_of_filler(text: str, words: int = 2_000) -> str:
    """Related-link lists, keyword clouds with percentages, share prompts, comment forms."""
    pieces: list[str] = []
    n = 0
    round_ = 0
    while n < words:
        round_ += 1
        block = "\n\n".join(
            (
                tag_block(topic_words(text)),
                "Related:\n"
                + "\n".join(
                    f"{w.title()} Latest: What We Know So Far, Part {round_}{k}"
                    for k, w in enumerate(TAG_ITEMS[:5])
                ),
                " ".join(f"{w} {90 - 3 * k}%" for k, w in enumerate(TAG_ITEMS[:8])),
                "Share this:\nFacebook\nX\nWhatsApp\nEmail",
                COMMENT_BOILERPLATE,
            )
        )
        pieces.append(block)
        n += len(block.split())
    return text.rstrip() + "\n\n" + "\n\n".join(pieces) + "\n"


def scored(text: str, url: str | None = None) -> hypescore.Result:
    result = hypescore.score({"text": text, "url": url, "id": "pair"}, explain=0)
    assert result.error is None, result.error
    return result


@pytest.fixture(scope="module", params=sorted(WIRE))
def topic(request):
    return request.param


def test_a_tag_block_and_comment_boilerplate_raise_hype_and_lower_the_verdict(topic):
    wire = fixture_text(WIRE[topic])
    clean, padded = scored(wire), scored(with_filler(wire))
    assert padded.hype - clean.hype >= 0.15, (clean.hype, padded.hype)
    assert clean.verdict - padded.verdict >= 2, (clean.verdict, padded.verdict)


def test_a_breathless_rewrite_with_anonymous_sources_scores_3_below_the_wire(topic):
    wire, breathless = scored(fixture_text(WIRE[topic])), scored(fixture_text(BREATHLESS[topic]))
    assert wire.verdict - breathless.verdict >= 3, (wire.verdict, breathless.verdict)
    assert breathless.hype > wire.hype
    assert breathless.impact < wire.impact


def test_loaded_wording_with_the_same_sources_raises_hype(topic):
    wire, loud = scored(fixture_text(WIRE[topic])), scored(fixture_text(LOUD[topic]))
    assert loud.hype - wire.hype >= 0.10, (wire.hype, loud.hype)
    assert loud.impact <= wire.impact + 1e-9, (wire.impact, loud.impact)
    assert loud.verdict <= wire.verdict, (wire.verdict, loud.verdict)


def test_any_url_leaves_the_verdict_unchanged(topic):
    for name in (WIRE[topic], BREATHLESS[topic]):
        text = fixture_text(name)
        results = [scored(text, url) for url in URLS]
        assert {(r.verdict, r.hype, r.impact, r.label) for r in results} == {
            (results[0].verdict, results[0].hype, results[0].impact, results[0].label)
        }


def test_two_thousand_words_of_filler_do_not_raise_impact(topic):
    wire = fixture_text(WIRE[topic])
    padded = pages_of_filler(wire)
    assert len(padded.split()) - len(wire.split()) >= 2_000
    assert scored(padded).impact <= scored(wire).impact


def test_a_scraped_player_and_a_legal_footer_leave_the_verdict_unchanged(topic):
    wire = fixture_text(WIRE[topic])
    lines = wire.rstrip().split("\n\n")
    paged = "\n\n".join([lines[0], PAGE_CHROME, *lines[1:]]) + "\n"
    plain, chromed = scored(wire), scored(paged)
    assert (chromed.verdict, chromed.hype, chromed.impact) == pytest.approx(
        (plain.verdict, plain.hype, plain.impact), abs=1e-9
    )
