"""A batch killed halfway (real signals, real processes) and resumed loses nothing and
repeats nothing: the output equals that of a run never interrupted."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, jsonl, run_cli, subprocess_env, write_semeval_sample

RECORDS = 150
BATCH_ARGS = ("--chunk-size", "3", "--checkpoint", "3")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Input with a few broken and id-less records, and its uninterrupted output."""
    directory = tmp_path_factory.mktemp("interrupt")
    source = directory / "in.jsonl"
    write_semeval_sample(source, RECORDS - 2)
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(10, '{"id": "cut", "text": "no end\n')
    lines.insert(40, json.dumps({"text": "A record without an id, scored by its line."}) + "\n")
    source.write_text("".join(lines), encoding="utf-8")
    full = directory / "full.jsonl"
    assert run_cli("batch", source, "-o", full, *BATCH_ARGS).exit_code == 0
    assert len(jsonl(full.read_text())) == RECORDS
    return source, full.read_text()


def _start(source: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hypescore",
            "batch",
            str(source),
            "-o",
            str(out),
            *BATCH_ARGS,
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=subprocess_env(),
    )


def _wait_for_records(process: subprocess.Popen, out: Path, count: int) -> int:
    """Block until ``out`` holds ``count`` committed records; return how many it holds."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        assert process.poll() is None, "the batch finished before it could be interrupted"
        if out.exists():
            held = len(out.read_text(encoding="utf-8").splitlines())
            if held >= count:
                return held
        time.sleep(0.05)
    raise AssertionError("the batch made no progress")


def _resume(source: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "hypescore",
            "batch",
            str(source),
            "-o",
            str(out),
            *BATCH_ARGS,
            "--resume",
        ],
        capture_output=True,
        cwd=ROOT,
        env=subprocess_env(),
        timeout=600,
    )


def _valid_prefix(text: str, full: str) -> int:
    """The interrupted output must be whole lines of valid JSON that start the full output."""
    lines = text.splitlines(keepends=True)
    assert all(line.endswith("\n") for line in lines)
    [json.loads(line) for line in lines]
    assert full.startswith(text)
    return len(lines)


def test_sigkill_then_resume_gives_the_uninterrupted_output(reference, tmp_path):
    source, full = reference
    out = tmp_path / "out.jsonl"
    process = _start(source, out)
    _wait_for_records(process, out, 12)
    process.kill()  # SIGKILL: no handler runs, nothing is flushed
    assert process.wait(timeout=60) == -signal.SIGKILL
    kept = _valid_prefix(out.read_text(encoding="utf-8"), full)
    assert 12 <= kept < RECORDS
    resumed = _resume(source, out)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert f"{kept:,} already done".encode() in resumed.stderr
    assert out.read_text(encoding="utf-8") == full
    # no checkpoint litter: only OUT and the record of its inputs (for --resume) remain
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".out.jsonl.hypescore-inputs.json",
        "out.jsonl",
    ]


def test_sigterm_saves_finished_records_then_resume_completes(reference, tmp_path):
    source, full = reference
    out = tmp_path / "out.jsonl"
    process = _start(source, out, "--jobs", "2")
    _wait_for_records(process, out, 9)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM, stderr.decode()
    assert stdout == b""
    assert b"interrupted by SIGTERM" in stderr and b"--resume" in stderr
    assert b"Traceback" not in stderr
    kept = _valid_prefix(out.read_text(encoding="utf-8"), full)
    assert 9 <= kept < RECORDS
    resumed = _resume(source, out)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert out.read_text(encoding="utf-8") == full


def test_interrupted_twice_and_resumed_twice(reference, tmp_path):
    source, full = reference
    out = tmp_path / "out.jsonl"
    first = _start(source, out)
    _wait_for_records(first, out, 6)
    first.kill()
    first.wait(timeout=60)
    second = _start(source, out, "--resume")
    held = _valid_prefix(out.read_text(encoding="utf-8"), full)
    _wait_for_records(second, out, held + 9)
    second.send_signal(signal.SIGINT)
    second.communicate(timeout=120)
    assert second.returncode == 128 + signal.SIGINT
    _valid_prefix(out.read_text(encoding="utf-8"), full)
    assert _resume(source, out).returncode == 0
    assert out.read_text(encoding="utf-8") == full
