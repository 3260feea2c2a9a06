"""Lone surrogates anywhere in a record (id, title, url, text, hence evidence and errors)
never stop a writer: every output is valid UTF-8, N records give N results, and a batch
holding them checkpoints and resumes to the same bytes as an uninterrupted run."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hypescore.io.encodable import REPLACEMENT, encodable

from ..cli.conftest import run_cli

SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
ANY_CHARACTER = st.one_of(st.characters(), SURROGATE)
# Words and figures so some records score and produce evidence; surrogates spliced in.
WORDS = st.sampled_from(
    ["Experts", "said", "the", "miracle", "cure", "cut", "deaths", "by", "30%", "in", "2024."]
)
TEXT = st.lists(st.one_of(WORDS, st.text(ANY_CHARACTER, min_size=1, max_size=3)), max_size=30)
FIELD = st.text(ANY_CHARACTER, max_size=12)
RECORD = st.fixed_dictionaries(
    {"text": TEXT.map(" ".join)}, optional={"id": FIELD, "title": FIELD, "url": FIELD}
)
CASES = Counter()
CLI_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    # ensure_ascii spells surrogates as \udXXX escapes, the way other JSON writers do
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    return path


def jsonl_lines(data: bytes) -> list[str]:
    """Lines split on newlines only (str.splitlines also splits inside values, at U+0085)."""
    return data.decode("utf-8").removesuffix("\n").split("\n") if data else []


def has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@given(st.text(ANY_CHARACTER, max_size=200))
@settings(max_examples=300, derandomize=True)
def test_encodable_keeps_length_and_always_encodes(text):
    clean = encodable(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")
    assert not has_surrogate(clean)
    if not has_surrogate(text):
        assert clean == text
    else:
        assert REPLACEMENT in clean


@given(st.lists(RECORD, min_size=1, max_size=6))
@CLI_SETTINGS
def test_every_score_format_writes_valid_utf8(ledger, records):
    with TemporaryDirectory() as workdir:
        score_formats_write_valid_utf8(Path(workdir), records)
    CASES["score"] += 1
    ledger.record(
        "lone surrogates in id, title, url and text: score in every format",
        CASES["score"],
        "valid UTF-8 out (U+FFFD for each surrogate), one result per record, exit 0",
    )


def score_formats_write_valid_utf8(tmp_path: Path, records: list[dict]) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records)
    for output_format in ("jsonl", "json", "csv", "table"):
        result = run_cli("score", "-f", output_format, "--explain", "3", source)
        assert result.exit_code == 0, result.output
        result.stdout_bytes.decode("utf-8")  # strict: raises on anything unencodable
    lines = jsonl_lines(run_cli("score", "-f", "jsonl", source).stdout_bytes)
    assert len(lines) == len(records)
    for record, line in zip(records, lines, strict=True):
        given_id = json.loads(json.dumps(record)).get("id")  # JSON joins escaped pairs
        if given_id:  # an empty id falls back to SOURCE:LINE
            assert json.loads(line)["id"] == encodable(given_id)


@given(st.lists(RECORD, min_size=2, max_size=8), st.integers(min_value=1, max_value=7))
@CLI_SETTINGS
def test_batch_checkpoints_and_resumes_through_surrogates(ledger, records, cut):
    with TemporaryDirectory() as workdir:
        batch_resumes_through_surrogates(Path(workdir), records, cut)
    CASES["batch"] += 1
    ledger.record(
        "lone surrogates in id, title, url and text: batch with checkpoints, then --resume",
        CASES["batch"],
        "every checkpoint valid UTF-8; resuming a cut output gives the uninterrupted bytes",
    )


def batch_resumes_through_surrogates(tmp_path: Path, records: list[dict], cut: int) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records)
    whole = tmp_path / "whole.jsonl"
    result = run_cli("batch", source, "-o", whole, "--explain", "2", "--checkpoint", "1", "-q")
    assert result.exit_code == 0, result.output
    expected = [line + "\n" for line in jsonl_lines(whole.read_bytes())]
    assert len(expected) == len(records)
    # an interrupted run leaves a prefix of whole records: resuming finishes it exactly
    partial = tmp_path / "partial.jsonl"
    partial.write_text("".join(expected[: cut % len(records)]), encoding="utf-8")
    result = run_cli("batch", source, "-o", partial, "--explain", "2", "--resume", "-q")
    assert result.exit_code == 0, result.output
    assert partial.read_bytes() == whole.read_bytes()


@given(st.lists(RECORD, min_size=1, max_size=4))
@CLI_SETTINGS
def test_explain_and_story_print_valid_utf8(records):
    with TemporaryDirectory() as workdir:
        explain_and_story_print_valid_utf8(Path(workdir), records)


def explain_and_story_print_valid_utf8(tmp_path: Path, records: list[dict]) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records)
    for output_format in ("text", "json"):
        result = run_cli("explain", "-f", output_format, source)
        assert result.exit_code == 0, result.output
        result.stdout_bytes.decode("utf-8")
    if len(records) >= 2:
        result = run_cli("story", source, "--html", tmp_path / "story.html")
        assert result.exit_code == 0, result.output
        result.stdout_bytes.decode("utf-8")
        (tmp_path / "story.html").read_bytes().decode("utf-8")


def test_surrogates_outside_records_reach_no_writer_unencoded(tmp_path):
    """Text from the command line (argv decoded with surrogateescape) in an error message."""
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "a b c"}, {"text": "d e"}])
    result = run_cli("score", "-f", "csv", "--text-field", "\udcff", source)
    assert result.exit_code == 2  # no record has that field: named once, after the records
    assert "--text-field" in result.output
    rows = result.stdout_bytes.decode("utf-8").splitlines()
    assert len(rows) == 3 and all("missing" in row for row in rows[1:])
    out = tmp_path / "out.jsonl"
    assert run_cli("batch", "--text-field", "\udcff", source, "-o", out, "-q").exit_code == 2
    assert len(jsonl_lines(out.read_bytes())) == 2
