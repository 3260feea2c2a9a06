import json

import joblib
import pytest

import hypescore
from hypescore import Result, score, score_many
from hypescore.result import SCHEMA_VERSION

from ..conftest import fixture_article, fixture_text


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
    assert set(payload["views"]) == {v.name for v in model.views}


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
    superlatives = next(r for r in result.reasons if r.feature.endswith("superlatives_per_1k"))
    words = {article.text[s.start : s.end].lower() for s in superlatives.evidence}
    assert words & {"biggest", "boldest", "best"}


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
    assert total == pytest.approx(10 * model.substance(result.hype, result.impact), abs=1e-2)


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
