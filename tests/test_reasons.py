"""Reasons a reader understands: plain summaries, a scope, evidence that carries its text."""

from __future__ import annotations

import pytest

import hypescore
from hypescore.model.hypemodel import substance
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
    assert total == pytest.approx(10 * substance(padded.hype, padded.impact), abs=1e-3)


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


def test_a_name_and_its_possessive_are_one_piece_of_evidence():
    text = (
        "On Tuesday the mayor, Ana Ruiz, opened the tram line. Ana Ruiz's office said 40,000 "
        "riders used it in the first week, and Luis Ortega, its engineer, agreed."
    )
    result = hypescore.score(text, explain=20)
    actors = {r.feature: r for r in result.reasons}["substance.named_actors"]
    texts = [span.text for span in actors.evidence]
    assert "Ana Ruiz" in actors.summary and "Ana Ruiz's" not in actors.summary
    assert len(texts) == len(set(texts)) and "Ana Ruiz's" not in texts


def test_the_checkable_share_says_how_many_sentences_hold_a_fact_or_source():
    wire = hypescore.score(fixture_text("wire_report.txt"), explain=20)
    opinion = hypescore.score(fixture_text("opinion_piece.txt"), explain=20)
    share = {r.feature: r for r in wire.reasons}["substance.checkable_share"]
    assert share.summary == "9 of 9 sentences with a checkable fact or source"
    assert share.contribution > 0 and share.evidence
    low = {r.feature: r for r in opinion.reasons}["substance.checkable_share"]
    assert low.summary.startswith("0 of ") and low.contribution < 0


def test_a_teaser_whose_only_sentence_cites_a_role_is_not_called_substance():
    # Its one sentence holds an attributed role ("this senator ... said"), so the
    # checkable share is 1 of 1 and beats the reference article's; but nothing is counted.
    teaser = "You won't believe what this senator just said about taxes!"
    result = hypescore.score(teaser, explain=20)
    share = {r.feature: r for r in result.reasons}["substance.checkable_share"]
    assert share.summary == "1 of 1 sentence with a checkable fact or source"
    assert share.contribution > 0 and result.impact == 0
    assert result.summary.endswith(
        "Little carries substance: no named source, no figure with units."
    )
    wire = hypescore.score(fixture_text("wire_report.txt"))
    assert "Substance rests on 9 of 9 sentences with a checkable fact or source" in wire.summary


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
    assert any(all(v < 0.5 for k, v in r.views.items() if k in PARTS) for r in high), (
        "no fixture where only middling parts make hype high"
    )
    for result in results:
        hyped = result.hype >= model.hype_threshold
        assert result.summary.startswith("Hype comes from") or not hyped, result.summary


def test_evidence_lookups_equal_a_walk_over_every_span():
    """``spans_of`` (from the position index), ``with_text`` and ``quotes`` (which stop at
    the evidence and quotes shown) against their straightforward definitions, for every
    feature of real SemEval articles, many of which hold more spans than are shown."""
    from dataclasses import replace

    from hypescore.analysis import analyse
    from hypescore.article import Article
    from hypescore.extractors import EVIDENCE_ALIASES
    from hypescore.extractors.factual import actor_key
    from hypescore.features import feature_names, features_of
    from hypescore.model.hypemodel import MERGED_TERMS
    from hypescore.reasons import MAX_EVIDENCE, MAX_QUOTES, Evidence, _clip
    from tests.conftest import SHARED_DATA, read_jsonl

    path = SHARED_DATA / "semeval19-hyperpartisan" / "articles-train.jsonl"
    if not path.is_file():
        pytest.skip(f"SemEval articles not found at {path}")
    cut_off = 0
    for record in read_jsonl(path, 40):
        article = Article(text=record["text"], title=record.get("title"))
        values, spans = features_of(analyse(article), with_spans=True)
        ev = Evidence(article, analyse(article), spans, [], values, None)
        for feature in feature_names():
            wanted = {feature, *EVIDENCE_ALIASES.get(feature, ())}
            wanted |= {f for f, into in MERGED_TERMS.items() if into == feature}
            walked = list(dict.fromkeys(s for s in spans if s.feature in wanted))
            assert ev.spans_of(feature) == walked, feature
            by_text: dict = {}
            for s in walked:  # a name and its possessive are one piece of evidence
                by_text.setdefault(actor_key(ev.text_of(s)), replace(s, text=ev.text_of(s)))
            assert ev.with_text(walked) == tuple(by_text.values())[:MAX_EVIDENCE]
            clipped: dict = {}
            for s in walked:
                clipped.setdefault(actor_key(_clip(ev.text_of(s))), _clip(ev.text_of(s)))
            quoted = list(clipped.values())
            more = ", ..." if len(quoted) > MAX_QUOTES else ""
            assert ev.quotes(walked) == ", ".join(f"'{q}'" for q in quoted[:MAX_QUOTES]) + more
            cut_off += len(by_text) > MAX_EVIDENCE
    assert cut_off  # the early stops were exercised
