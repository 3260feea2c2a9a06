import json

import joblib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hypescore
from hypescore import Result, score, score_many
from hypescore.model.hypemodel import substance
from hypescore.result import SCHEMA_VERSION

from .conftest import fixture_article, fixture_text


def test_public_api_names():
    for name in ("score", "score_many", "load_model", "train", "evaluate", "Result", "HypeModel"):
        assert name in hypescore.__all__
        assert hasattr(hypescore, name)


def test_dense_report_beats_filler_rewrite_of_the_same_facts():
    wire = score(fixture_article("wire_report.txt"))
    hype = score(fixture_article("hype_rewrite.txt"))
    assert wire.verdict > hype.verdict
    assert wire.hype < hype.hype
    assert wire.impact > hype.impact
    assert wire.label == "substantive"
    assert hype.label == "overhyped"


def test_hype_and_substance_are_separate_axes():
    wire = score(fixture_article("wire_report.txt"))
    filler = score(fixture_article("hype_rewrite.txt"))
    hyped = score(fixture_article("hyped_breakthrough.txt"))
    assert wire.hype < hyped.hype < filler.hype  # clickbait headline, hype words
    assert hyped.impact > filler.impact  # but figures and named sources
    assert filler.verdict < hyped.verdict <= wire.verdict  # both can top the verdict map
    assert substance(hyped.hype, hyped.impact) < substance(wire.hype, wire.impact)
    assert hyped.views["headline_clickbait"] > 0.5 > wire.views["headline_clickbait"]


def test_result_carries_model_identity_and_schema():
    model = hypescore.load_model()
    result = score(fixture_article("wire_report.txt"), model=model)
    assert result.model.name == model.name == "hypescore-default"
    assert len(result.model.checksum) == 64 and result.model.checksum == model.checksum
    assert result.schema_version == SCHEMA_VERSION
    assert 1 <= result.verdict <= 10
    assert 0.0 <= result.hype <= 1.0 and 0.0 <= result.impact <= 1.0
    payload = json.loads(json.dumps(result.to_dict()))
    assert payload["model"]["checksum"] == model.checksum
    assert set(payload["views"]) == {
        "headline", "body", "filler", "tone", "teaser_clickbait", "headline_clickbait"
    }  # fmt: skip


def test_reasons_are_signed_sorted_and_backed_by_spans():
    article = fixture_article("hype_rewrite.txt")
    result = score(article, explain=6)
    assert len(result.reasons) == 6
    sizes = [abs(r.contribution) for r in result.reasons]
    assert sizes == sorted(sizes, reverse=True)
    assert any(r.contribution < 0 for r in result.reasons)
    with_evidence = [r for r in result.reasons if r.evidence]
    assert with_evidence
    fields = {"text": article.text, "title": article.title}
    for reason in with_evidence:
        for span in reason.evidence:
            assert fields[span.field][span.start : span.end].strip()
    # Evidence of a lower-ranked reason is as exact as the top ones' (the rank is the model's).
    every = score(article, explain=200).reasons
    body = next(r for r in every if r.feature == "body")
    assert body.evidence and all(article.text[s.start : s.end] == s.text for s in body.evidence)


def test_headline_reasons_point_into_the_title():
    article = fixture_article("hype_rewrite.txt")
    result = score(article, explain=52)
    headline = [r for r in result.reasons if r.scope == "headline" and r.evidence]
    assert headline
    for reason in headline:
        for span in reason.evidence:
            assert span.field == "title"
            assert article.title[span.start : span.end].strip()


def test_contributions_add_up_to_the_verdict_scale():
    model = hypescore.load_model()
    result = score(fixture_article("opinion_piece.txt"), explain=1000, model=model)
    total = model.baseline_points() + sum(r.contribution for r in result.reasons)
    assert total == pytest.approx(10 * substance(result.hype, result.impact), abs=1e-2)


def test_features_only_on_request():
    plain = score(fixture_text("wire_report.txt"))
    assert plain.features is None and "features" not in plain.to_dict()
    full = score(fixture_text("wire_report.txt"), features=True)
    assert list(full.features) == list(hypescore.feature_names())


def test_bad_record_gives_an_error_result_not_an_exception():
    result = score("   ")
    assert isinstance(result, Result)
    assert result.error == "text is empty" and result.verdict is None


def test_score_many_keeps_order_and_one_result_per_input():
    wire, hype = fixture_text("wire_report.txt"), fixture_text("hype_rewrite.txt")
    items = [wire, "", {"text": hype, "id": "h"}, 42, {"title": "x"}, hype] * 3
    results = list(score_many(iter(items), chunk_size=4))
    assert len(results) == len(items)
    assert [r.ok for r in results] == [True, False, True, False, False, True] * 3
    assert results[2].id == "h"
    assert "cannot make an Article from int" in results[3].error
    assert results[0].verdict == score(wire).verdict
    assert results[0].reasons == ()


def test_score_many_parallel_equals_serial_under_callers_backend():
    texts = [fixture_text(n) for n in ("wire_report.txt", "hype_rewrite.txt", "opinion_piece.txt")]
    items = texts * 3 + ["", 7]
    serial = [r.to_dict() for r in score_many(items, explain=2)]
    with joblib.parallel_config(backend="threading"):
        threaded = [r.to_dict() for r in score_many(items, explain=2, n_jobs=2, chunk_size=2)]
    loky = [r.to_dict() for r in score_many(items, explain=2, n_jobs=2, chunk_size=4)]
    assert threaded == serial
    assert loky == serial


def test_score_many_sends_the_model_once_per_chunk_not_per_record():
    """Count how often the model is pickled on its way to loky workers."""
    import copyreg

    from hypescore import HypeModel

    pickled: list[int] = []

    def counting_reducer(model):
        pickled.append(1)
        return model.__reduce_ex__(4)

    copyreg.pickle(HypeModel, counting_reducer)
    try:
        items = [fixture_text("wire_report.txt")] * 12
        results = list(score_many(items, n_jobs=2, chunk_size=6))
    finally:
        copyreg.dispatch_table.pop(HypeModel)
    assert len(results) == 12 and all(r.ok for r in results)
    assert 1 <= len(pickled) <= 2


def test_bare_headline_is_its_own_headline():
    result = score("You Won't Believe What This Dog Did Next", explain=3)
    assert result.views["headline_clickbait"] > 0.8
    assert result.label in {"overhyped", "thin"}
    sober = score("Parliament approves 2025 budget with 4.1 billion euros for rail upgrades")
    assert sober.views["headline_clickbait"] < result.views["headline_clickbait"]
    assert sober.hype < result.hype


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=80)))
def test_any_text_gives_a_bounded_verdict_or_a_clear_error(text, title):
    result = score(hypescore.Article(text=text, title=title), explain=2)
    if result.ok:
        assert 1 <= result.verdict <= 10
        assert 0 <= result.hype <= 1 and 0 <= result.impact <= 1
        assert result.label in {"substantive", "hyped-but-significant", "overhyped", "thin"}
    else:
        assert result.error and result.verdict is None


def test_options_object_and_keyword_shortcuts_agree():
    texts = [fixture_text("wire_report.txt"), fixture_text("hyped_breakthrough.txt"), ""]
    options = hypescore.ScoreOptions(explain=3, features=True, chunk_size=2)
    by_options = [r.to_dict() for r in hypescore.score_many(texts, options=options)]
    by_keywords = [
        r.to_dict() for r in hypescore.score_many(texts, explain=3, features=True, chunk_size=2)
    ]
    assert by_options == by_keywords
    first = hypescore.Article(texts[0], id="0")  # score_many names strings by position
    assert hypescore.score(first, options=options).to_dict() == by_options[0]


def test_spans_travel_with_the_result_on_request():
    from hypescore.features import extract_features

    article = fixture_article("hyped_breakthrough.txt")
    plain = hypescore.score(article)
    assert plain.spans is None
    with_spans = hypescore.score(article, options=hypescore.ScoreOptions(explain=3, spans=True))
    assert with_spans.spans == tuple(extract_features(article, with_spans=True)[1])
    assert with_spans.spans and "spans" not in with_spans.to_dict()
    assert with_spans.to_dict() == plain.to_dict()
