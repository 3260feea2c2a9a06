"""The story verdict on real coverage: the project's fixture outlets, scored by the model."""

from __future__ import annotations

import re

import pytest

from hypescore.article import Article
from hypescore.scoring import ScoreOptions, score
from hypescore.story import StoryOutlet, compare_story
from hypescore.story_verdict import SUMMARY_REASONS, outlet_summary, story_report, story_verdict

from .conftest import fixture_article

OPTIONS = ScoreOptions(explain=SUMMARY_REASONS, spans=True)
STORIES = {
    "desalination": ("wire", "regional", "viral"),
    "battery": ("wire", "trade", "viral"),
}


def scored(name: str, article: Article) -> StoryOutlet:
    result = score(article, options=OPTIONS)
    return StoryOutlet(name, article, result.to_dict(), result.spans or ())


@pytest.fixture(scope="module")
def outlets() -> dict[str, StoryOutlet]:
    names = [f"{kind}_{topic}" for topic, kinds in STORIES.items() for kind in kinds]
    return {name: scored(name, fixture_article(f"story/{name}.txt")) for name in names}


def story_of(outlets, *names):
    return compare_story([outlets[n] for n in names])


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=\.)\s+", text.strip()) if s]


@pytest.mark.parametrize("topic", sorted(STORIES))
def test_removing_the_substantive_outlet_lowers_the_story_verdict(outlets, topic):
    wire, second, viral = (f"{kind}_{topic}" for kind in STORIES[topic])
    full = story_verdict(story_of(outlets, wire, second, viral))
    without_wire = story_verdict(story_of(outlets, second, viral))
    assert full.best_sourced == wire
    assert 1 <= without_wire.verdict < full.verdict <= 10
    assert without_wire.corroboration < full.corroboration


def test_a_hyped_outlet_that_confirms_nothing_new_cannot_raise_the_story_verdict(outlets):
    sober = story_verdict(story_of(outlets, "wire_desalination", "regional_desalination"))
    with_viral = story_verdict(
        story_of(outlets, "wire_desalination", "regional_desalination", "viral_desalination")
    )
    assert with_viral.hype > sober.hype
    assert with_viral.substance == sober.substance  # it establishes nothing the others do not
    assert with_viral.verdict <= sober.verdict


def test_a_topic_cloud_does_not_change_what_the_story_establishes(outlets):
    trade = fixture_article("story/trade_battery.txt")
    body = trade.text.rpartition("Related topics")[0].rstrip("\n")
    plain = scored("trade_battery", Article(body, title=trade.title))
    wire = outlets["wire_battery"]
    with_cloud = story_verdict(compare_story([wire, outlets["trade_battery"]]))
    without_cloud = story_verdict(compare_story([wire, plain]))
    assert with_cloud.corroboration == without_cloud.corroboration
    assert with_cloud.verdict <= without_cloud.verdict


def test_the_summary_is_two_sentences_naming_agreement_and_hype(outlets):
    verdict = story_verdict(
        story_of(outlets, *(f"{k}_desalination" for k in STORIES["desalination"]))
    )
    first, second = sentences(verdict.summary)
    assert first.startswith("Of 3 outlets, two or more agree on 5 figures and 6 named actors")
    assert "wire_desalination" in first
    assert second.startswith("Coverage hype is") and "viral_desalination" in second
    assert "tag list" in second  # its filler block is what makes it hyped


def test_each_outlet_summary_says_what_it_carries_and_why(outlets):
    """Without a result summary of its own (results before schema 1.3), an outlet's row
    says what it carries of the story and its strongest reasons."""
    names = [f"{k}_desalination" for k in STORIES["desalination"]]
    story = compare_story(
        [
            StoryOutlet(
                o.name, o.article, {k: v for k, v in o.result.items() if k != "summary"}, o.spans
            )
            for o in (outlets[n] for n in names)
        ]
    )
    wire, _, viral = (outlet_summary(story, i) for i in range(3))
    assert wire.startswith("Carries 13 of the story's 14 facts") and "towards substance" in wire
    assert "alone with $1 billion" in viral and "towards hype" in viral


def test_a_result_summary_is_used_as_it_is(outlets):
    wire = outlets["wire_desalination"]
    own = StoryOutlet(wire.name, wire.article, {**wire.result, "summary": "Own words."}, wire.spans)
    story = compare_story([own, outlets["viral_desalination"]])
    assert outlet_summary(story, 0) == "Own words."


def test_unscored_outlets_count_for_nothing_and_none_scored_means_no_verdict(outlets):
    failed = StoryOutlet(
        "empty", Article(""), {"verdict": None, "impact": None, "error": "text is empty"}, ()
    )
    pair = ("wire_desalination", "viral_desalination")
    with_error = story_verdict(compare_story([outlets[pair[0]], failed, outlets[pair[1]]]))
    assert with_error.verdict == story_verdict(story_of(outlets, *pair)).verdict
    nothing = story_verdict(compare_story([failed, failed]))
    assert nothing.verdict is None and len(sentences(nothing.summary)) == 2
    report = story_report(compare_story([outlets[pair[0]], failed]))
    assert report["outlets"][1]["summary"] == "Not scored: text is empty."
    assert report["story"]["best_sourced"] == "wire_desalination"
