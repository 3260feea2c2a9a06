"""train, evaluate and info drive the library's own functions on the real labelled data."""

import json

import pytest

import hypescore
from hypescore.model.persistence import default_model_path

from ..conftest import FIXTURES
from .conftest import jsonl, run_cli

LIMIT = ("--limit", "60")
# Quick runs reuse the shipped model's learned parts (retraining them takes ~18 CPU minutes).
PARTS = ("--parts-from", str(default_model_path()))


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("model")
    result = run_cli(
        "train", *LIMIT, *PARTS, "-o", out, "--name", "tiny", "--model-version", "0.0.1"
    )
    assert result.exit_code == 0, result.stderr
    return out, result


def test_train_writes_model_and_card_and_prints_the_path(tiny_model):
    out, result = tiny_model
    path = out / "tiny.skops"
    assert result.stdout.strip() == str(path)
    assert "tiny 0.0.1" in result.stderr
    assert (out / "tiny.card.md").read_text().startswith("# Model card: tiny 0.0.1")
    model = hypescore.load_model(path)
    assert (model.name, model.version) == ("tiny", "0.0.1")


def test_a_trained_model_scores_through_the_cli(tiny_model):
    out, _ = tiny_model
    result = run_cli("score", FIXTURES / "wire_report.txt", "--model", out / "tiny.skops")
    [record] = jsonl(result.stdout)
    assert record["model"]["name"] == "tiny" and 1 <= record["verdict"] <= 10


def test_info_describes_model_features_and_versions(tiny_model):
    out, _ = tiny_model
    shown = json.loads(run_cli("info", "-f", "json", "--model", out / "tiny.skops").stdout)
    assert shown["model"]["name"] == "tiny"
    assert shown["model"]["card"] == str(out / "tiny.card.md")
    assert [p["name"] for p in shown["model"]["parts"]] == ["headline", "body", "filler", "tone"]
    assert len(shown["model"]["verdict_map"]) == 9
    families = shown["features"]["by_family"]
    flat = [f"{family}.{name}" for family, names in families.items() for name in names]
    assert flat == list(hypescore.feature_names()) and shown["features"]["count"] == len(flat)
    assert shown["versions"]["hypescore"] == hypescore.__version__
    text = run_cli("info").stdout
    assert text.startswith("model      hypescore-default")
    assert f"features   {len(flat)} in {len(families)} families" in text
    assert len(families) == 7
    card = run_cli("info", "--card", "--model", out / "tiny.skops").stdout
    assert card.startswith("# Model card: tiny")


def test_evaluate_reports_the_parts_combination_impact_and_verdicts():
    result = run_cli("evaluate", *LIMIT, "-f", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["limit"], report["n"]) == (60, 60)
    assert set(report["combination"]["part_auc"]) == {"headline", "body", "filler", "tone"}
    assert 0.5 < report["combination"]["part_auc"]["tone"] <= 1
    assert sum(report["verdicts"]["counts"].values()) == 60


@pytest.mark.parametrize(
    "args",
    [
        ["train", "-o", "x", "--data", "/no/such/dir"],
        ["evaluate", "--data", "/no/such/dir"],
        ["info", "--model", "/no/such/model.skops"],
        ["evaluate", "--model", str(FIXTURES / "wire_report.txt")],
    ],
)
def test_bad_paths_are_usage_errors(args):
    result = run_cli(*args)
    assert result.exit_code == 2 and result.stderr.strip()
