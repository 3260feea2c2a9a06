import csv
import io
import json
from pathlib import Path

import pytest

import hypescore

from ..conftest import FIXTURES, fixture_text
from .conftest import jsonl, run_cli

WIRE = str(FIXTURES / "wire_report.txt")
HYPE = str(FIXTURES / "hype_rewrite.txt")
EMPTY = str(FIXTURES / "empty.txt")
PAGE = str(FIXTURES / "wire_page.html")


def test_glob_scores_every_file_in_name_order_as_jsonl_when_piped():
    result = run_cli("score", str(FIXTURES / "*.txt"))
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    names = sorted(str(p) for p in FIXTURES.glob("*.txt"))
    assert [r["id"] for r in records] == names
    for record in records:
        if record["id"] == EMPTY:
            assert record["error"] == "text is empty" and record["verdict"] is None
        else:
            assert record["error"] is None and 1 <= record["verdict"] <= 10
            assert 0 <= record["hype"] <= 1 and 0 <= record["impact"] <= 1
    assert "1 error" in result.stderr  # the summary goes to stderr, never into the data


def test_cli_result_is_the_library_result():
    result = run_cli("score", WIRE, "--first-line-title", "--features")
    [record] = jsonl(result.stdout)
    title, _, body = fixture_text("wire_report.txt").partition("\n")
    article = hypescore.Article(text=body.strip("\n"), title=title, id=WIRE)
    expected = hypescore.score(article, explain=0, features=True).to_dict()
    assert record == json.loads(json.dumps(expected))


def test_explain_adds_reasons_with_their_quoted_evidence():
    result = run_cli("score", HYPE, "--explain", "4", "--format", "json")
    [record] = json.loads(result.stdout)
    text = fixture_text("hype_rewrite.txt")
    assert 1 <= len(record["reasons"]) <= 4
    quoted = [span for reason in record["reasons"] for span in reason["evidence"]]
    assert quoted, "a hype rewrite should have quotable evidence"
    for span in quoted:
        assert span["field"] == "text"
        assert span["text"] == text[span["start"] : span["end"]] != ""
    contributions = [abs(r["contribution"]) for r in record["reasons"]]
    assert contributions == sorted(contributions, reverse=True)


def test_machine_formats_leave_reasons_out_unless_asked():
    [record] = jsonl(run_cli("score", WIRE).stdout)
    assert record["reasons"] == [] and "features" not in record


def test_csv_columns_and_features():
    result = run_cli("score", WIRE, EMPTY, "--format", "csv", "--features")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == [WIRE, EMPTY]
    assert list(rows[0])[-len(hypescore.feature_names()) :] == list(hypescore.feature_names())
    assert rows[0]["verdict"].isdigit() and rows[1]["error"] == "text is empty"


def test_table_names_top_reasons_and_has_no_colour_when_piped(monkeypatch):
    monkeypatch.setenv("COLUMNS", "140")  # wide enough for the "top reasons" column
    result = run_cli("score", WIRE, EMPTY, "--format", "table", "--explain", "3")
    lines = result.stdout.splitlines()
    assert lines[0].split()[:5] == ["id", "verdict", "hype", "impact", "label"]
    scored = lines[1].split()
    assert scored[1].isdigit() and scored[4] in {"substantive", "mixed", "hype", "thin"} | {
        scored[4]
    }
    # Top reasons are named by their summaries ("+2 named sources, ..."), the library's own
    # strongest first, never by internal feature names.
    assert any(token.startswith(("+", "-")) for token in scored[5:])
    top = hypescore.score(Path(WIRE).read_text(encoding="utf-8"), explain=3).reasons[0]
    assert top.summary.split(":")[0][:25] in lines[1]
    assert "substance." not in lines[1] and "body." not in lines[1]
    assert "error: text is empty" in lines[-1]
    assert "\x1b[" not in result.stdout
    coloured = run_cli("score", WIRE, "--format", "table", "--color")
    assert "\x1b[" in coloured.stdout


def test_table_explain_quotes_evidence():
    result = run_cli("score", HYPE, "--format", "table", "--explain", "3")
    quotes = [line.strip() for line in result.stdout.splitlines() if line.startswith("        ")]
    assert quotes and all(q.startswith('"') for q in quotes)


def test_stdin_text_jsonl_and_dash():
    text = fixture_text("wire_report.txt")
    [piped] = jsonl(run_cli("score", input=text).stdout)
    assert piped["id"] == "<stdin>" and piped["error"] is None
    lines = "\n".join(
        json.dumps(r)
        for r in [{"id": "x", "text": text}, {"id": "y", "text": ""}, {"text": text, "title": "T"}]
    )
    records = jsonl(run_cli("score", "-", input=lines).stdout)
    assert [r["id"] for r in records] == ["x", "y", "<stdin>:3"]
    assert [r["error"] for r in records] == [None, "text is empty", None]


def test_bad_records_give_one_error_each_in_order(tmp_path):
    good = json.dumps({"id": "good", "text": fixture_text("wire_report.txt")}).encode()
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                good,
                b'{"id": "cut", "text": "unfinished',
                b'{"text": "caf\xe9"}',
                b'"just a string"',
                good.replace(b'"good"', b'"again"'),
                b"{}",
            ]
        )
        + b"\n"
    )
    page = tmp_path / "broken.html"
    page.write_bytes(b"<html><head><title>Nothing</title></head><body></body></html>")
    result = run_cli("score", path, page)
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == [
        "good",
        f"{path}:2",
        f"{path}:3",
        f"{path}:4",
        "again",
        f"{path}:6",
        str(page),
    ]
    errors = [r["error"] for r in records]
    assert errors[0] is None and errors[4] is None
    assert "malformed JSON on line 2" in errors[1]
    assert "invalid UTF-8" in errors[2]
    assert "JSON object" in errors[3]
    assert "'text'" in errors[5]
    assert errors[6] == "no main text found in the HTML page"
    assert result.exit_code == 0
    assert run_cli("score", path, "--strict").exit_code == 1


def test_html_page_is_scored_on_its_main_text():
    result = run_cli("score", PAGE, "--explain", "8", "--format", "json")
    [record] = json.loads(result.stdout)
    assert record["error"] is None and 1 <= record["verdict"] <= 10
    page = (FIXTURES / "wire_page.html").read_text(encoding="utf-8")
    for reason in record["reasons"]:
        for span in reason["evidence"]:
            assert span["text"] in page
            assert span["text"] not in ("Subscribe now", "Share this article")


def test_custom_jsonl_fields(tmp_path):
    path = tmp_path / "custom.jsonl"
    body = fixture_text("wire_report.txt")
    path.write_text(json.dumps({"key": "k-1", "body": body, "headline": "H"}) + "\n")
    result = run_cli(
        "score", path, "--text-field", "body", "--title-field", "headline", "--id-field", "key"
    )
    [record] = jsonl(result.stdout)
    assert record["id"] == "k-1" and record["error"] is None


def test_max_chars_is_passed_through():
    [record] = jsonl(run_cli("score", WIRE, "--max-chars", "100").stdout)
    assert record["verdict"] is None and "100" in record["error"]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--fail-above", "0"], 1),
        (["--fail-below", "11"], 1),
        (["--fail-above", "10"], 0),
        (["--fail-metric", "hype", "--fail-above", "-0.5"], 1),
        (["--fail-metric", "impact", "--fail-below", "0"], 0),
    ],
)
def test_thresholds_set_the_exit_code(args, code):
    assert run_cli("score", WIRE, *args).exit_code == code


@pytest.mark.parametrize(
    "args",
    [
        ["score", "no-such-file.txt"],
        ["score", "no-such-*.jsonl"],
        ["score", WIRE, "--format", "yaml"],
        ["score", WIRE, "--model", "no-such-model.skops"],
        ["score", WIRE, "--jobs", "0"],
        ["frobnicate"],
    ],
)
def test_usage_and_io_errors_exit_2_with_a_message_on_stderr(args):
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip()


def test_parallel_jobs_give_the_same_results_in_order(tmp_path):
    path = tmp_path / "many.jsonl"
    texts = [fixture_text(n) for n in ("wire_report.txt", "hype_rewrite.txt", "opinion_piece.txt")]
    path.write_text("".join(json.dumps({"id": i, "text": texts[i % 3]}) + "\n" for i in range(12)))
    serial = run_cli("score", path, "--chunk-size", "2")
    parallel = run_cli("score", path, "--chunk-size", "2", "--jobs", "2")
    assert parallel.stdout == serial.stdout
    assert [r["id"] for r in jsonl(serial.stdout)] == [str(i) for i in range(12)]


def test_jsonl_without_the_text_field_stops_with_a_hint(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "body": "The council said."}\n{"id": "b", "headline": "H"}\n')
    done = run_cli("score", "--format", "jsonl", path)
    assert done.exit_code == 2
    assert [r["id"] for r in jsonl(done.stdout)] == ["a", "b"]  # still one result per record
    assert "--text-field" in done.stderr and "fields seen: id, body, headline" in done.stderr
    fixed = run_cli("score", "--format", "jsonl", "--text-field", "body", path)
    assert fixed.exit_code == 0


def test_csv_input_is_scored_row_by_row(tmp_path):
    path = tmp_path / "in.csv"
    body = fixture_text("wire_report.txt").replace("\n", " ")
    path.write_text(f'id,title,text\nw1,Grid link approved,"{body}"\nw2,Empty,\n')
    done = run_cli("score", "--format", "jsonl", path)
    results = jsonl(done.stdout)
    assert [r["id"] for r in results] == ["w1", "w2"]
    assert results[0]["verdict"] is not None and results[1]["error"]
    piped = path.read_text()
    same = run_cli("score", "--format", "jsonl", "--input-format", "csv", "-", input=piped)
    assert jsonl(same.stdout) == results


def test_the_same_reasons_in_every_output_format(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    [record] = jsonl(run_cli("score", HYPE, "--explain", "2", "--first-line-title").stdout)
    features = [r["feature"] for r in record["reasons"]]
    assert len(features) == 2
    rows = list(
        csv.DictReader(
            io.StringIO(
                run_cli("score", HYPE, "-f", "csv", "--explain", "2", "--first-line-title").stdout
            )
        )
    )
    assert [cell.split(" ")[0] for cell in rows[0]["reasons"].split("; ")] == features
    table = run_cli("score", HYPE, "-f", "table", "--explain", "2", "--first-line-title").stdout
    listed = [
        line.split()[0][1:]
        for line in table.splitlines()
        if line.startswith("    ") and not line.startswith("        ")
    ]
    assert listed == features
    assert max(len(line) for line in table.splitlines()) <= 80
    bare = run_cli("score", HYPE, "-f", "table", "--first-line-title").stdout
    assert not any(feature in bare for feature in features)  # no --explain: none anywhere
