"""The whole command line on generated records: arbitrary strings in every field
(surrogates, controls, formula starts, any type where a string belongs), any number of
records, through ``score`` (every format), ``batch`` (jsonl and csv, then ``--resume``),
``explain`` and ``story``.

Every run exits 0, 1 or 2, never with a traceback, and N records in give N results
out. Most examples run in-process (CliRunner, fast); a few also run as real
subprocesses, as a shell would.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from tempfile import TemporaryDirectory

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hypescore.cli import main

from ..cli.conftest import jsonl, run_subprocess
from .test_lone_surrogates import ANY_CHARACTER, TEXT, jsonl_lines

ANY_STRING = st.text(ANY_CHARACTER, max_size=40)
ANY_VALUE = st.one_of(
    ANY_STRING, st.none(), st.integers(), st.booleans(), st.floats(), st.lists(st.integers())
)
RECORD = st.one_of(
    st.fixed_dictionaries(
        {"text": TEXT.map(" ".join)},
        optional={
            "id": st.one_of(ANY_STRING, st.integers()),
            "title": ANY_STRING,
            "url": ANY_STRING,
        },
    ),
    st.dictionaries(st.sampled_from(["id", "text", "title", "url", "other"]), ANY_VALUE),
    ANY_VALUE,  # not an object at all
)
RECORDS = st.lists(RECORD, min_size=1, max_size=6)
SETTINGS = settings(
    max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
RUNS: Counter[str] = Counter()


def invoke(*args: object):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        result.exception,
    )
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert "Traceback" not in result.output
    RUNS["in-process"] += 1
    return result


def write(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    return path


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def check_every_command(workdir: Path, records: list) -> None:
    source = write(workdir / "in.jsonl", records)
    count = len(records)
    for output_format in ("jsonl", "json", "csv", "table"):
        result = invoke("score", "-f", output_format, "--explain", "2", source)
        text = result.stdout_bytes.decode("utf-8")
        if output_format == "jsonl":
            assert len(jsonl_lines(result.stdout_bytes)) == count
        elif output_format == "json":
            assert len(json.loads(text)) == count
        elif output_format == "csv":
            assert len(csv_rows(result.stdout_bytes)) == count + 1
    for suffix in ("jsonl", "csv"):
        out = workdir / f"out.{suffix}"
        first = invoke("batch", source, "-o", out, "--explain", "1", "--checkpoint", "2", "-q")
        whole = out.read_bytes()
        rows = jsonl_lines(whole) if suffix == "jsonl" else csv_rows(whole)[1:]
        assert len(rows) == count
        resumed = invoke("batch", source, "-o", out, "--resume", "-q")
        # Resuming a finished run ends as it did: 0, or 2 when no record had the text field.
        assert resumed.exit_code == first.exit_code and out.read_bytes() == whole
    explained = invoke("explain", "-f", "json", source)
    assert len(json.loads(explained.stdout_bytes.decode("utf-8"))) == count
    story = invoke("story", "-f", "json", source)
    if count >= 2:
        outlets = json.loads(story.stdout_bytes.decode("utf-8"))["outlets"]
        assert len(outlets) == count
    else:
        assert story.exit_code == 2  # a story needs two articles: a usage error


@given(RECORDS)
@SETTINGS
def test_every_command_on_generated_records(ledger, records):
    with TemporaryDirectory() as name:
        check_every_command(Path(name), records)
    RUNS["examples"] += 1
    ledger.record(
        "whole CLI on generated records (any strings and types in every field, surrogates): "
        "score in 4 formats, batch jsonl/csv and --resume, explain, story",
        RUNS["examples"],
        f"{RUNS['in-process']:,} runs, each exit 0, 1 or 2, no traceback, N records in, "
        "N results out",
    )


@given(RECORDS)
@settings(
    max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
def test_real_processes_on_generated_records(records):
    with TemporaryDirectory() as name:
        source = write(Path(name) / "in.jsonl", records)
        for args in (("score", "-f", "jsonl", source), ("explain", "-f", "json", source)):
            done = run_subprocess(*args)
            assert done.returncode in (0, 1, 2), done.stderr
            assert b"Traceback" not in done.stderr
            data = done.stdout.decode("utf-8")
            found = jsonl(data) if args[0] == "score" else json.loads(data)
            assert len(found) == len(records)
