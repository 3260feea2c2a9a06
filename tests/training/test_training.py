import hashlib
import json
from pathlib import Path

import pytest

import hypescore
from hypescore.model.persistence import default_model_path, model_bytes

from ..conftest import SHARED_DATA, fixture_article

LIMIT = 60
PARTS_FIGURES = Path(__file__).resolve().parents[2] / "docs" / "v2-models.json"
ISSUE_FIGURES = {
    "teaser_spearman",
    "teaser_mse",
    "stop_accuracy",
    "subjectivity_test_macro_f1",
    "tone_auc",
    "tone_accuracy",
    "combined_hype_auc",
    "combined_hype_view_keep",  # the combination's rule, beside the issue's figures
    "impact_spearman_publisher_quality",
    "verdict_distribution",
    "behaviour_pairs",
}


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A quick v2 model: the shipped parts reused, everything else fitted on LIMIT
    SemEval articles."""
    out = tmp_path_factory.mktemp("model")
    model = hypescore.train(
        SHARED_DATA,
        out=out,
        limit=LIMIT,
        seed=3,
        parts_from=default_model_path(),
        parts_figures=PARTS_FIGURES,
    )
    return out, model


def test_train_writes_model_and_card_with_every_acceptance_figure(trained):
    out, model = trained
    assert (out / "hypescore-default.skops").is_file()
    card = json.loads((out / "hypescore-default.card.json").read_text())
    md = (out / "hypescore-default.card.md").read_text()
    assert card["checksum_sha256"] == model.checksum
    rows = {row["figure"]: row for row in card["acceptance"]}
    assert set(rows) == ISSUE_FIGURES
    assert all(row["protocol"] and row["result"] for row in rows.values())
    for source in ("Potthast", "Kiesel", "Chakraborty", "Antici", "Lin et al."):
        assert source in md
    assert {d["licence"] for d in card["data"]} >= {"CC BY 4.0", "MIT"}
    assert card["impact"]["trained_on_a_label"] is False


def test_the_verdict_map_uses_the_scale_on_its_reference_articles(trained):
    out, model = trained
    card = json.loads((out / "hypescore-default.card.json").read_text())
    verdicts = card["figures"]["reference"]["verdicts"]
    assert sum(verdicts["counts"].values()) == card["figures"]["reference"]["n"]
    assert verdicts["distinct"] >= 8 and verdicts["max_share"] <= 0.3
    assert list(model.verdict_map.cuts) == sorted(model.verdict_map.cuts)


def test_the_significant_label_holds_the_more_substantive_half(trained):
    out, model = trained
    card = json.loads((out / "hypescore-default.card.json").read_text())
    labels = card["figures"]["reference"]["labels"]
    significant = labels.get("substantive", 0) + labels.get("hyped-but-significant", 0)
    assert sum(labels.values()) == card["figures"]["reference"]["n"]
    assert 0.5 <= significant / sum(labels.values()) <= 0.6  # ties at the median count in
    assert 0 < model.impact_threshold < 0.5
    assert card["labels"]["thresholds"]["impact"] == model.impact_threshold


def test_same_data_and_seed_give_the_same_checksum(trained):
    _, model = trained
    again = hypescore.train(SHARED_DATA, limit=LIMIT, seed=3, parts_from=default_model_path())
    assert hashlib.sha256(model_bytes(again)).hexdigest() == model.checksum


def test_evaluate_reproduces_the_card_figures(trained):
    out, model = trained
    card = json.loads((out / "hypescore-default.card.json").read_text())
    evaluation = hypescore.evaluate(SHARED_DATA, model=model, limit=LIMIT, seed=3)
    assert evaluation.figures == card["figures"]["reference"]
    text = evaluation.format()
    assert "combined hype AUC" in text and "verdicts" in text


def test_trained_model_scores_and_separates_the_fixtures(trained):
    _, model = trained
    wire = hypescore.score(fixture_article("wire_report.txt"), model=model)
    hype = hypescore.score(fixture_article("hype_rewrite.txt"), model=model)
    assert wire.verdict > hype.verdict


def test_missing_data_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="SemEval-2019.*not found"):
        hypescore.train(tmp_path, parts_from=default_model_path())
