import csv
import io
import json
from itertools import islice

import pytest

from hypescore.cli.run import score_records
from hypescore.io.readers import InputRecord

from ..conftest import fixture_text
from .conftest import jsonl, run_cli, write_semeval_sample


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """30 real articles, two of them broken, as JSONL; and the uninterrupted batch output."""
    directory = tmp_path_factory.mktemp("batch")
    source = directory / "in.jsonl"
    write_semeval_sample(source, 28)
    lines = source.read_bytes().splitlines(keepends=True)
    lines.insert(5, b'{"id": "broken", "text": \n')
    lines.insert(17, b'{"id": "latin1", "text": "caf\xe9"}\n')
    source.write_bytes(b"".join(lines))
    full = directory / "full.jsonl"
    result = run_cli("batch", source, "-o", full, "--chunk-size", "4", "--checkpoint", "3")
    assert result.exit_code == 0, result.stderr
    return source, full


def test_batch_writes_one_result_per_record_in_order(sample):
    source, full = sample
    records = jsonl(full.read_text())
    lines = source.read_bytes().splitlines()
    expected = [json.loads(line)["id"] for n, line in enumerate(lines) if n not in (5, 17)]
    expected.insert(5, f"{source}:6")  # unreadable records are named by their line
    expected.insert(17, f"{source}:18")
    assert [r["id"] for r in records] == expected
    errors = {r["id"]: r["error"] for r in records if r["error"]}
    assert "malformed JSON on line 6" in errors.pop(f"{source}:6")
    assert "invalid UTF-8" in errors.pop(f"{source}:18")
    assert errors == {}


def test_batch_output_equals_score_output(sample):
    source, full = sample
    assert run_cli("score", source).stdout == full.read_text()


def test_resume_after_any_committed_prefix_completes_exactly(sample, tmp_path):
    source, full = sample
    lines = full.read_text().splitlines(keepends=True)
    for cut in (0, 1, 6, 17, len(lines)):
        out = tmp_path / f"cut{cut}.jsonl"
        out.write_text("".join(lines[:cut]))
        result = run_cli("batch", source, "-o", out, "--resume", "--chunk-size", "4")
        assert result.exit_code == 0, result.stderr
        assert out.read_text() == full.read_text(), cut
        assert f"{cut:,} already done" in result.stderr or cut == 0


def test_repeated_ids_are_resumed_by_count(tmp_path):
    text = fixture_text("wire_report.txt")
    source = tmp_path / "dups.jsonl"
    source.write_text("".join(json.dumps({"id": "same", "text": text}) + "\n" for _ in range(4)))
    out = tmp_path / "out.jsonl"
    run_cli("batch", source, "-o", out)
    full = out.read_text()
    out.write_text("".join(full.splitlines(keepends=True)[:2]))
    run_cli("batch", source, "-o", out, "--resume")
    assert out.read_text() == full and len(jsonl(full)) == 4


def test_records_without_ids_are_named_by_line_and_resume(tmp_path):
    source = tmp_path / "noids.jsonl"
    write_semeval_sample(source, 5, drop_ids=True)
    out = tmp_path / "out.jsonl"
    run_cli("batch", source, "-o", out)
    full = out.read_text()
    assert [r["id"] for r in jsonl(full)] == [f"{source}:{n}" for n in range(1, 6)]
    out.write_text(full.splitlines(keepends=True)[0])
    run_cli("batch", source, "-o", out, "--resume")
    assert out.read_text() == full


def test_csv_batch_and_resume(sample, tmp_path):
    source, _ = sample
    out = tmp_path / "out.csv"
    assert run_cli("batch", source, "-o", out, "--features").exit_code == 0
    full = out.read_text()
    rows = list(csv.DictReader(io.StringIO(full)))
    assert len(rows) == 30 and "sentiment.mean_compound" in rows[0]
    out.write_text("".join(full.splitlines(keepends=True)[:11]))
    assert run_cli("batch", source, "-o", out, "--features", "--resume").exit_code == 0
    assert out.read_text() == full
    mismatch = run_cli("batch", source, "-o", out, "--resume")  # without --features
    assert mismatch.exit_code == 2 and "different columns" in mismatch.stderr


def test_existing_output_is_never_clobbered_by_accident(sample, tmp_path):
    source, _ = sample
    out = tmp_path / "keep.jsonl"
    out.write_text("precious\n")
    refused = run_cli("batch", source, "-o", out)
    assert refused.exit_code == 2 and "--resume" in refused.stderr
    assert out.read_text() == "precious\n"
    foreign = run_cli("batch", source, "-o", out, "--resume")
    assert foreign.exit_code == 2 and "cannot resume" in foreign.stderr
    assert run_cli("batch", source, "-o", out, "--resume", "--overwrite").exit_code == 2
    assert run_cli("batch", source, "-o", source, "--overwrite").exit_code == 2
    assert run_cli("batch", source, "-o", tmp_path / "no" / "dir.jsonl").exit_code == 2
    assert run_cli("batch", source, "-o", out, "--overwrite", "--chunk-size", "8").exit_code == 0
    assert len(jsonl(out.read_text())) == 30


def test_no_progress_when_stderr_is_not_a_terminal_unless_asked(sample, tmp_path):
    source, _ = sample
    quiet = run_cli("batch", source, "-o", tmp_path / "a.jsonl")
    assert "\r" not in quiet.stderr
    shown = run_cli("batch", source, "-o", tmp_path / "b.jsonl", "--progress")
    assert "\r" in shown.stderr and "30 records, 2 errors" in shown.stderr


def test_thresholds_and_strict_in_batch(sample, tmp_path):
    source, _ = sample
    assert run_cli("batch", source, "-o", tmp_path / "a.jsonl", "--strict").exit_code == 1
    assert run_cli("batch", source, "-o", tmp_path / "b.jsonl", "--fail-below", "11").exit_code == 1
    assert run_cli("batch", source, "-o", tmp_path / "c.jsonl", "--fail-below", "0").exit_code == 0


def test_scoring_streams_lazily_from_an_endless_input():
    import hypescore

    text = fixture_text("wire_report.txt")

    def endless():
        number = 0
        while True:
            number += 1
            yield InputRecord(str(number), hypescore.Article(text=text, id=str(number)))

    settings = hypescore.ScoreOptions(model=hypescore.load_model(), chunk_size=4)
    first = list(islice(score_records(endless(), settings), 6))
    assert [o.result.id for o in first] == ["1", "2", "3", "4", "5", "6"]
