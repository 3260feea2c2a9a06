import csv
import io
import json

import pytest

from hypescore.io.writers import CSV_COLUMNS, make_formatter

SCORED = {
    "id": "a1",
    "verdict": 8,
    "hype": 0.125,
    "impact": 0.75,
    "label": "substantive",
    "reasons": [
        {
            "feature": "factual.money_per_1k",
            "value": 9.7,
            "contribution": 0.42,
            "evidence": [
                {
                    "start": 0,
                    "end": 12,
                    "kind": "money",
                    "feature": "factual.money_per_1k",
                    "field": "text",
                    "text": "£1.4 billion",
                },
                {
                    "start": 20,
                    "end": 32,
                    "kind": "money",
                    "feature": "factual.money_per_1k",
                    "field": "text",
                    "text": "£600 million",
                },
            ],
        },
        {
            "feature": "promotion.hype_words_per_1k",
            "value": 0.0,
            "contribution": -0.05,
            "evidence": [],
        },
    ],
    "error": None,
    "schema_version": "1.0",
    "model": {"name": "hypescore-default", "version": "1", "checksum": "abc"},
    "features": {"f.one": 1.5, "f.two": 0.0},
    "views": {"teaser_clickbait": 0.17, "article_hyperpartisan": 0.03},
}
FAILED = {
    "id": "in.jsonl:2",
    "verdict": None,
    "hype": None,
    "impact": None,
    "label": None,
    "reasons": [],
    "error": "malformed JSON on line 2: Expecting value (column 1)",
    "schema_version": "1.0",
    "model": {"name": "hypescore-default", "version": "1", "checksum": "abc"},
}


def _render(name, records, **kwargs):
    formatter = make_formatter(name, **kwargs)
    return formatter.header() + "".join(formatter.record(r) for r in records) + formatter.footer()


def test_jsonl_is_one_object_per_line():
    lines = _render("jsonl", [SCORED, FAILED]).splitlines()
    assert [json.loads(line) for line in lines] == [SCORED, FAILED]


@pytest.mark.parametrize("records", [[], [SCORED], [SCORED, FAILED]])
def test_json_is_one_array_even_when_streamed(records):
    assert json.loads(_render("json", records)) == records


def test_jsonl_refuses_nan_rather_than_writing_invalid_json():
    with pytest.raises(ValueError):
        _render("jsonl", [{**SCORED, "hype": float("nan")}])


def test_csv_has_stable_columns_and_feature_columns_on_request():
    text = _render("csv", [SCORED, FAILED], feature_names=("f.one", "f.two"))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == (*CSV_COLUMNS, "f.one", "f.two")
    assert rows[0]["verdict"] == "8" and rows[0]["f.one"] == "1.5"
    assert rows[0]["reasons"] == "factual.money_per_1k +0.420; promotion.hype_words_per_1k -0.050"
    assert rows[0]["evidence"] == "factual.money_per_1k: £1.4 billion | £600 million"
    assert rows[0]["model"] == "hypescore-default"
    assert rows[0]["views"] == "teaser_clickbait=0.17; article_hyperpartisan=0.03"
    assert rows[1]["verdict"] == "" and rows[1]["error"].startswith("malformed JSON")
    assert rows[1]["f.one"] == ""


def test_table_shows_verdict_reasons_and_errors_without_colour_by_default():
    text = _render("table", [SCORED, FAILED], explain=1, width=140)
    lines = text.splitlines()
    assert lines[0].split() == ["id", "verdict", "hype", "impact", "label", "top", "reasons"]
    assert lines[1].split()[:5] == ["a1", "8", "0.12", "0.75", "substantive"]
    assert "+factual.money_per_1k, -promotion.hype_words_per_1k" in lines[1]
    assert '"£1.4 billion", "£600 million"' in text
    assert "error: malformed JSON on line 2" in lines[-1]
    assert "\x1b[" not in text


def test_table_colour_only_when_asked():
    assert "\x1b[" in _render("table", [SCORED], color=True)


LONG_ID = "../shared/data/some-collection/2025/03/very-long-article-name-wire_report.txt"


@pytest.mark.parametrize("width", [80, 100, 140])
def test_table_fits_the_terminal_and_shortens_ids_from_the_middle(width):
    scored = {**SCORED, "id": LONG_ID}
    failed = {**FAILED, "id": LONG_ID, "error": "malformed JSON on line 2: " + "x" * 200}
    text = _render("table", [scored, failed], explain=2, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    row_id = text.splitlines()[1].split()[0]
    assert row_id.startswith("../shared") and row_id.endswith("wire_report.txt") and "…" in row_id


def test_table_lists_the_reasons_the_result_carries_and_no_others():
    two = {**SCORED, "reasons": SCORED["reasons"][:1]}
    text = _render("table", [two], explain=1, width=140)
    features = [r["feature"] for r in SCORED["reasons"]]
    assert f"+{features[0]}" in text.splitlines()[1] and features[1] not in text
    bare = _render("table", [{**SCORED, "reasons": []}], explain=0, width=140)
    assert "top reasons" not in bare and features[0] not in bare


def test_warnings_appear_in_every_format():
    warned = {**SCORED, "warnings": ["too short to judge: 24 words", "headline looks like a x"]}
    [row] = list(csv.DictReader(io.StringIO(_render("csv", [warned]))))
    assert row["warnings"] == "too short to judge: 24 words; headline looks like a x"
    assert json.loads(_render("jsonl", [warned]))["warnings"] == warned["warnings"]
    table = _render("table", [warned], width=80).splitlines()
    assert table[2:4] == ["    ! too short to judge: 24 words", "    ! headline looks like a x"]
