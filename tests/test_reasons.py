"""Reasons a reader understands: plain summaries, a scope, evidence that carries its text."""

from __future__ import annotations

import pytest

import hypescore
from tests.conftest import fixture_text
from tests.test_behaviour_pairs import with_filler

PARTS = {"headline", "body", "filler", "tone"}


@pytest.fixture(scope="module")
def padded():
    return hypescore.score({"text": with_filler(fixture_text("wire_report.txt"))}, explain=20)


def test_every_part_and_impact_term_is_one_reason_with_a_summary(padded):
    features = [r.feature for r in padded.reasons]
    assert len(features) == len(set(features))
    assert set(features) >= PARTS
    assert "substance.role_sources" not in features  # merged into named sources
    assert not any(f.startswith("sourcing.publisher") for f in features)
    for reason in padded.reasons:
        assert reason.summary and "_" not in reason.summary.split(":")[0], reason
        assert reason.scope == ("headline" if reason.feature == "headline" else "body")


def test_contributions_add_up_to_ten_times_substance(padded):
    model = hypescore.load_model()
    total = model.baseline_points() + sum(r.contribution for r in padded.reasons)
    assert total == pytest.approx(10 * model.substance(padded.hype, padded.impact), abs=1e-3)


def test_the_filler_reason_names_the_blocks_and_quotes_them(padded):
    filler = next(r for r in padded.reasons if r.feature == "filler")
    assert filler.contribution < 0
    assert "tag list" in filler.summary and "boilerplate" in filler.summary
    texts = [span.text for span in filler.evidence]
    assert any("Tags & Viral Phrases" in t for t in texts)
    assert any("Leave a Reply" in t for t in texts)


def test_evidence_spans_carry_the_text_they_point_at(padded):
    text = with_filler(fixture_text("wire_report.txt"))
    spans = [s for r in padded.reasons for s in r.evidence]
    assert spans
    for span in spans:
        assert span.text and span.text == text[span.start : span.end]
        assert span.to_dict()["text"] == span.text


def test_anonymous_sources_are_quoted_and_named_sources_counted():
    result = hypescore.score(fixture_text("pairs/court_breathless.txt"), explain=20)
    reasons = {r.feature: r for r in result.reasons}
    anonymous = reasons["substance.anonymous_sources"]
    assert anonymous.summary.split(":")[0].endswith(("anonymous source", "anonymous sources"))
    assert "'" in anonymous.summary and anonymous.evidence
    assert (
        reasons["substance.quantified_claims"].summary.endswith(tuple("0123456789'."))
        or "figure" in reasons["substance.quantified_claims"].summary
    )


def test_the_verdict_box_is_two_sentences_and_the_outlet_only_context():
    result = hypescore.score(
        {"text": fixture_text("wire_report.txt"), "url": "https://www.reuters.com/x"}, explain=0
    )
    assert result.reasons == ()
    assert result.summary.count(". ") == 1 and result.summary.endswith(".")
    assert result.context is not None and result.context["domain"] == "reuters.com"
    bare = hypescore.score(fixture_text("wire_report.txt"), explain=0)
    assert bare.context is None and bare.verdict == result.verdict


def test_the_verdict_box_names_a_driver_whenever_hype_is_high():
    """Hype is a noisy-OR: several middling parts add up, so "little drives hype" must never
    sit beside a high hype score (the story fixtures hold such a page)."""
    from pathlib import Path

    model = hypescore.load_model()
    folder = Path(__file__).parent / "fixtures"
    texts = sorted([*folder.glob("story/*.txt"), *folder.glob("pairs/*.txt")])
    results = [hypescore.score(path.read_text(encoding="utf-8")) for path in texts]
    high = [r for r in results if r.hype >= model.hype_threshold]
    assert any(
        all(v < 0.5 for k, v in r.views.items() if k in PARTS) for r in high
    ), "no fixture where only middling parts make hype high"
    for result in results:
        hyped = result.hype >= model.hype_threshold
        assert result.summary.startswith("Hype comes from") or not hyped, result.summary
