"""Same input, same bytes: across runs, across --jobs, and on a Dask cluster."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypescore._optional import is_installed
from tests.conftest import SHARED_DATA, read_jsonl

ROOT = Path(__file__).resolve().parents[2]


def write_input(path: Path) -> int:
    """Real articles and teasers, with bad records in the middle: N lines in."""
    articles = read_jsonl(SHARED_DATA / "semeval19-hyperpartisan" / "articles-train.jsonl", 60)
    teasers = read_jsonl(SHARED_DATA / "webis-clickbait-17" / "posts-train.jsonl", 60)
    lines = [
        json.dumps({"id": a["id"], "text": a["text"], "title": a["title"]}).encode()
        for a in articles
    ]
    lines += [json.dumps({"id": t["id"], "text": t["post_text"]}).encode() for t in teasers]
    lines[10:10] = [
        b'{"id": "broken", "text": ',
        b'{"id": "empty", "text": ""}',
        b'{"id": "bad-utf8", "text": "caf\xe9"}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return len(lines)


def batch(tmp_path: Path, source: Path, name: str, *extra: str) -> bytes:
    out = tmp_path / name
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "hypescore",
            "batch",
            str(source),
            "-o",
            str(out),
            "--explain",
            "3",
            "--features",
            "--chunk-size",
            "16",
            *extra,
        ],
        capture_output=True,
        cwd=ROOT,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    return out.read_bytes()


def test_output_is_byte_identical_across_runs_and_jobs(tmp_path, ledger):
    source = tmp_path / "in.jsonl"
    n = write_input(source)
    first = batch(tmp_path, source, "a.jsonl", "--jobs", "1")
    again = batch(tmp_path, source, "b.jsonl", "--jobs", "1")
    parallel = batch(tmp_path, source, "c.jsonl", "--jobs", "2")
    assert first == again
    assert first == parallel
    records = [json.loads(line) for line in first.splitlines()]
    assert len(records) == n
    assert sum(r["error"] is not None for r in records) == 3
    outcome = "byte-identical JSONL: two runs with --jobs 1 and one with --jobs 2"
    if _has_dask():
        dask_bytes = batch(tmp_path, source, "d.jsonl", "--backend", "dask", "--jobs", "2")
        assert first == dask_bytes
        outcome += ", and on a local Dask cluster"
    ledger.record("determinism (same records, several runs and back-ends)", n, outcome)


def _has_dask() -> bool:
    """Installed, that is: a broken install then fails the batch run instead of skipping."""
    return is_installed("distributed")
