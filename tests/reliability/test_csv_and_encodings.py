"""CSV cells never start a spreadsheet formula; JSONL in UTF-16/32 with a byte-order
mark, or with CR-only line endings, gives its records.

Generated variants: ids, titles and texts starting with every formula trigger (OWASP:
``=``, ``+``, ``-``, ``@``, tab, carriage return) and with ``'``; record sets written in
UTF-8, UTF-16 and UTF-32 (both byte orders, with BOM) and with LF, CRLF or CR line
endings, read from a file and from stdin.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hypescore.io.writers import csv_text, spreadsheet_safe

from ..cli.conftest import jsonl, run_cli

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")
FORMULA = st.builds(
    lambda start, rest: start + rest,
    st.sampled_from(TRIGGERS),
    st.sampled_from(["1+1", 'HYPERLINK("http://x")', "cmd|' /C calc'!A0", "SUM(A1:A9)", ""]),
)
CELL_TEXT = st.one_of(FORMULA, st.text(max_size=8))
CLI_SETTINGS = settings(
    max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
WORDS = "Officials said that 40% of the 2,000 homes would reopen, according to the report."


@given(st.text())
@settings(max_examples=500, derandomize=True)
def test_neutralised_cells_read_back_exactly(text):
    safe = spreadsheet_safe(text)
    assert not safe.startswith(TRIGGERS[:-1])
    assert csv_text(safe) == text


@given(
    st.lists(st.fixed_dictionaries({"id": CELL_TEXT, "title": CELL_TEXT}), min_size=1, max_size=6),
    st.sampled_from(TRIGGERS),
)
@CLI_SETTINGS
def test_csv_output_starts_no_cell_with_a_formula_and_resumes(records, lead):
    for record in records:
        record["text"] = lead + WORDS
    with TemporaryDirectory() as name:
        workdir = Path(name)
        source = workdir / "in.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records))
        printed = run_cli("score", "-f", "csv", "--explain", "3", source)
        assert printed.exit_code == 0
        text = printed.stdout_bytes.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert len(rows) == len(records) + 1
        for row in rows:
            assert not any(cell.startswith(TRIGGERS[:-1]) for cell in row), row
        ids = [csv_text(row[0]) for row in rows[1:]]
        assert ids == [r["id"] or f"{source}:{n}" for n, r in enumerate(records, 1)]
        out = workdir / "out.csv"
        assert run_cli("batch", source, "-o", out, "-q").exit_code == 0
        whole = out.read_bytes()
        lines = whole.decode("utf-8").split("\n")  # rows: quoted cells keep their newlines
        cut = "\n".join(lines[:-1][: 1 + len(records) // 2]) + "\n"
        if len(list(csv.reader(io.StringIO(cut, newline="")))) == 1 + len(records) // 2:
            out.write_text(cut, encoding="utf-8", newline="")  # cut only at a row boundary
        assert run_cli("batch", source, "-o", out, "--resume", "-q").exit_code == 0
        assert out.read_bytes() == whole  # neutralised ids are recognised as done


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: t.encode("utf-8-sig"),
    "utf-16 LE with BOM": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "utf-32 LE with BOM": lambda t: b"\xff\xfe\x00\x00" + t.encode("utf-32-le"),
    "utf-32 BE with BOM": lambda t: b"\x00\x00\xfe\xff" + t.encode("utf-32-be"),
}
ENDINGS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}


@given(
    st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=20),
    st.sampled_from(sorted(ENCODINGS)),
    st.sampled_from(sorted(ENDINGS)),
    st.booleans(),
)
@settings(max_examples=40, deadline=None, derandomize=True)
def test_every_encoding_and_line_ending_gives_every_record(ledger, texts, encoding, ending, stdin):
    records = [{"id": f"r{n}", "text": f"{WORDS} {text}"} for n, text in enumerate(texts)]
    body = ENDINGS[ending].join(json.dumps(r) for r in records) + ENDINGS[ending]
    data = ENCODINGS[encoding](body)
    with TemporaryDirectory() as name:
        source = Path(name) / "in.jsonl"
        source.write_bytes(data)
        if stdin:
            result = run_cli("score", "-f", "jsonl", "-", input=data)
        else:
            result = run_cli("score", "-f", "jsonl", source)
    assert result.exit_code == 0
    results = jsonl(result.stdout_bytes)
    assert [r["id"] for r in results] == [r["id"] for r in records], (encoding, ending)
    assert all(r["error"] is None for r in results), (encoding, ending, results)
    ledger.record(
        "JSONL in UTF-8/16/32 (BOM, both byte orders) with LF, CRLF or CR-only lines, file "
        "and stdin",
        len(ENCODINGS) * len(ENDINGS) * 2,
        "every record read, in order, none refused",
    )
