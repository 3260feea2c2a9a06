import hashlib
import json

import numpy as np
import pytest

import hypescore
from hypescore.model.persistence import model_bytes
from hypescore.training.data import load_view
from hypescore.training.fit import export_view, fit_pipeline
from hypescore.training.views import DEFAULT_VIEWS

from ..conftest import SHARED_DATA, fixture_article

LIMIT = 160


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("model")
    model = hypescore.train(SHARED_DATA, out=out, limit=LIMIT, seed=3, folds=3)
    return out, model


def test_train_writes_model_and_card(trained):
    out, model = trained
    assert (out / "hypescore-default.skops").is_file()
    card = json.loads((out / "hypescore-default.card.json").read_text())
    md = (out / "hypescore-default.card.md").read_text()
    assert card["checksum_sha256"] == model.checksum
    assert [d["rows"] for d in card["datasets"]] == [LIMIT] * 3
    assert {d["licence"] for d in card["datasets"]} == {"CC BY 4.0", "MIT"}
    assert "Potthast" in md and "Kiesel" in md and "Chakraborty" in md and "Lin et al." in md
    assert card["libraries"]["scikit-learn"]
    assert card["impact"]["trained_on_a_label"] is False


def test_same_data_and_seed_give_the_same_checksum(trained):
    _, model = trained
    again = hypescore.train(SHARED_DATA, limit=LIMIT, seed=3)
    assert hashlib.sha256(model_bytes(again)).hexdigest() == model.checksum


@pytest.fixture(scope="module")
def evaluation():
    return hypescore.evaluate(SHARED_DATA, limit=LIMIT, seed=3, folds=3)


def test_evaluate_reproduces_the_card_metrics(trained, evaluation):
    out, _ = trained
    card = json.loads((out / "hypescore-default.card.json").read_text())
    assert evaluation.to_dict() == card["metrics"]
    text = evaluation.format()
    assert "teaser_clickbait" in text and "mse=" in text and "brier=" in text


def test_evaluate_reports_each_view_on_its_own_dataset(evaluation):
    report = evaluation.to_dict()
    teaser = report["views"]["teaser_clickbait"]
    assert teaser["dataset"].startswith("webis-clickbait-17")
    assert 0 < teaser["mse"] < teaser["mse_baseline"]  # better than predicting the mean
    partisan = report["views"]["article_hyperpartisan"]
    assert partisan["dataset"].startswith("semeval19")
    assert 0.5 < partisan["accuracy"] <= 1 and 0 <= partisan["f1"] <= 1
    assert sum(b["n"] for b in partisan["reliability"]) == LIMIT
    assert 0 <= report["hype"]["brier"] <= 1


def test_exported_weights_score_exactly_like_the_sklearn_pipeline():
    spec = DEFAULT_VIEWS[1]
    data = load_view(spec, SHARED_DATA, limit=LIMIT)
    pipeline = fit_pipeline(spec, data.X, data.y)
    view = export_view(spec, pipeline)
    np.testing.assert_allclose(
        view.proba(data.X), pipeline.predict_proba(data.X)[:, 1], rtol=1e-9, atol=1e-12
    )


def test_trained_model_scores_and_separates_the_fixtures(trained):
    _, model = trained
    wire = hypescore.score(fixture_article("wire_report.txt"), model=model)
    hype = hypescore.score(fixture_article("hype_rewrite.txt"), model=model)
    assert wire.verdict > hype.verdict


def test_missing_data_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="teaser_clickbait.*not found"):
        hypescore.train(tmp_path)
