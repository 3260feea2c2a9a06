import io
import json
from pathlib import Path

import pytest

from hypescore.io.readers import ReadOptions, read_records, read_source
from hypescore.io.sources import Source

from ..conftest import FIXTURES, fixture_text


def _jsonl_file(tmp_path: Path, lines: list[bytes]) -> Source:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return Source(str(path))


def test_text_file_is_one_article_named_after_the_file():
    path = str(FIXTURES / "wire_report.txt")
    [record] = read_records([Source(path)], ReadOptions())
    assert record.id == path and record.error is None
    assert record.article.text == fixture_text("wire_report.txt")
    assert record.article.title is None
    assert record.nbytes == (FIXTURES / "wire_report.txt").stat().st_size


def test_first_line_title_splits_headline_from_body():
    [record] = read_records(
        [Source(str(FIXTURES / "wire_report.txt"))], ReadOptions(first_line_title=True)
    )
    assert (
        record.article.title
        == "Grid operator approves 1.2 GW offshore wind link after 14-month review"
    )
    assert record.article.text.startswith("LONDON, March 4, 2025")


def test_jsonl_records_good_and_bad_keep_count_order_and_ids(tmp_path):
    source = _jsonl_file(
        tmp_path,
        [
            json.dumps({"id": "a", "text": "Shares rose 3% on Monday.", "title": "Up"}).encode(),
            b'{"text": "no closing brace"',
            b"",
            json.dumps({"text": "Caf\u00e9 owners said sales fell."}).encode(),
            b'{"id": 7, "text": "Bad byte here: \xff"}',
            b"[1, 2]",
            json.dumps({"id": "e", "text": 42}).encode(),
            json.dumps({"id": True, "text": "boolean ids are not ids"}).encode(),
        ],
    )
    records = list(read_records([source], ReadOptions()))
    label = source.name
    assert [r.id for r in records] == [
        "a",
        f"{label}:2",
        f"{label}:4",
        f"{label}:5",
        f"{label}:6",
        "e",
        f"{label}:8",
    ]
    assert [r.error is None for r in records] == [True, False, True, False, False, False, False]
    assert records[0].article.title == "Up" and records[0].article.id == "a"
    assert records[2].article.id == f"{label}:4"
    assert "malformed JSON on line 2" in records[1].error
    bad_line = b'{"id": 7, "text": "Bad byte here: \xff"}'
    bad_at = bad_line.index(b"\xff")
    assert records[3].error == f"invalid UTF-8 at byte {bad_at} of line 5"
    assert "must be a JSON object" in records[4].error
    assert "'text'" in records[5].error
    assert "'id'" in records[6].error


def test_custom_field_names(tmp_path):
    source = _jsonl_file(
        tmp_path, [json.dumps({"key": "k1", "body": "Text.", "head": "H"}).encode()]
    )
    options = ReadOptions(text_field="body", title_field="head", id_field="key")
    [record] = read_records([source], options)
    assert (record.id, record.article.text, record.article.title) == ("k1", "Text.", "H")


def test_invalid_utf8_text_file_is_one_error_record(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 prices rose.".encode("latin-1"))
    [record] = read_records([Source(str(path))], ReadOptions())
    assert record.article is None and record.error == "invalid UTF-8 at byte 3"


def test_oversized_inputs_are_refused_without_reading_them_whole(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 200, encoding="utf-8")
    [record] = read_records([Source(str(big))], ReadOptions(max_chars=100))
    assert "over --max-chars 100" in record.error
    source = _jsonl_file(
        tmp_path,
        [
            json.dumps({"text": "x" * 100_000}).encode(),
            json.dumps({"id": "ok", "text": "Short."}).encode(),
        ],
    )
    first, second = read_records([source], ReadOptions(max_chars=1_000))
    assert "line 1 is over" in first.error
    assert second.id == "ok" and second.error is None


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (b'{"id": "s1", "text": "From a pipe."}\n{"id": "s2", "text": "Again."}\n', ["s1", "s2"]),
        (b"Plain text from a pipe.\n", ["<stdin>"]),
    ],
)
def test_stdin_format_is_sniffed(monkeypatch, data, ids):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    records = list(read_source(Source("-"), ReadOptions()))
    assert [r.id for r in records] == ids
    assert all(r.error is None for r in records)


def test_html_page_yields_main_text_and_title():
    path = str(FIXTURES / "wire_page.html")
    [record] = read_records([Source(path)], ReadOptions())
    article = record.article
    assert article.title == "Grid operator approves 1.2 GW offshore wind link after 14-month review"
    assert article.url == "https://wire.example.org/energy/grid-link"
    assert article.text.startswith("LONDON, March 4, 2025")
    assert "Sarah Holt" in article.text
    for boilerplate in (
        "Subscribe now",
        "cookies",
        "Most read",
        "All rights reserved",
        "Share this",
    ):
        assert boilerplate not in article.text


@pytest.mark.parametrize(
    "markup",
    [
        b"<html><head><title>Only a title</title></head><body></body></html>",
        b"<html><body><script>var page = 1;</script></body></html>",
        b"%PDF-1.4 \x00\x01\x02",
    ],
)
def test_html_without_article_text_is_an_error_record(tmp_path, markup):
    path = tmp_path / "page.html"
    path.write_bytes(markup)
    [record] = read_records([Source(str(path))], ReadOptions())
    assert record.article is None
    assert record.error == "no main text found in the HTML page"


def test_skip_marks_done_records_without_parsing_them(tmp_path):
    source = _jsonl_file(
        tmp_path,
        [
            b'{"id": "a", "text": "One."}',
            b'{"id": "a", "text": "Two."}',
            b'{"id": "b", "text": "Three."}',
        ],
    )
    claimed = {"a": 1}

    def skip(record_id: str) -> bool:
        if claimed.get(record_id):
            claimed[record_id] -= 1
            return True
        return False

    records = list(read_records([source], ReadOptions(), skip=skip))
    assert [(r.id, r.skipped) for r in records] == [("a", True), ("a", False), ("b", False)]
    assert records[1].article.text == "Two."
    text = Source(str(FIXTURES / "wire_report.txt"))
    [done] = read_records([text], ReadOptions(), skip=lambda record_id: True)
    assert done.skipped and done.article is None and done.nbytes > 0


def test_csv_rows_are_records_with_the_same_field_options(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        "key,headline,body\n"
        'k1,Council approves plan,"The council said 400 homes, the mayor said."\n'
        "k2,No body here,\n"
        "\n"
        ',"Quoted, title","Line one\nline two, officials said."\n'
        "k4,Short row\n",
        encoding="utf-8",
    )
    options = ReadOptions(text_field="body", title_field="headline", id_field="key")
    records = list(read_records([Source(str(path))], options))
    assert [r.id for r in records] == ["k1", "k2", f"{path}:5", "k4"]
    first, no_body, multiline, short = records
    assert first.article.title == "Council approves plan"
    assert first.article.text == "The council said 400 homes, the mayor said."
    assert no_body.article is None and "'body' is missing" in no_body.error
    assert multiline.article.text == "Line one\nline two, officials said."
    assert multiline.article.title == "Quoted, title"
    assert short.article is None and "'body' is missing" in short.error


def test_csv_bad_utf8_is_one_error_record_and_an_overlong_field_ends_the_file(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"\xef\xbb\xbftext\nfirst article\n\xff\xfe broken\nthird\n")
    records = list(read_records([Source(str(path))], ReadOptions()))
    assert [r.article.text if r.article else r.error for r in records] == [
        "first article",
        "invalid UTF-8 at byte 0 of line 3",
        "third",
    ]
    path.write_text("text\nok\n" + "x" * 70_000 + "\nnever read\n")  # over 6 x 10 + 64 KiB
    records = list(read_records([Source(str(path))], ReadOptions(max_chars=10)))
    assert records[0].article.text == "ok"
    assert len(records) == 2 and "CSV cannot be read from line 3" in records[1].error


def test_census_names_the_fields_when_no_record_has_the_text_field(tmp_path):
    from hypescore.io.census import FieldCensus

    source = _jsonl_file(tmp_path, [b'{"key": 1, "body": "x"}', b'{"key": 2, "headline": "y"}'])
    census = FieldCensus("text")
    assert len(list(read_records([source], ReadOptions(), census=census))) == 2
    assert census.hint() == (
        "no record has the text field 'text' (fields seen: key, body, headline); "
        "name the field holding the article text with --text-field NAME"
    )
    right = FieldCensus("body")
    list(read_records([source], ReadOptions(text_field="body"), census=right))
    assert right.hint() is None  # one record has it: the others are ordinary bad records
