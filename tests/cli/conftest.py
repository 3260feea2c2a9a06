"""Helpers for driving the CLI in-process (CliRunner) and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hypescore.cli import main

from ..conftest import FIXTURES, SHARED_DATA

ROOT = Path(__file__).resolve().parents[2]
SEMEVAL = SHARED_DATA / "semeval19-hyperpartisan" / "articles-train.jsonl"


def run_cli(*args: str, input: str | bytes | None = None) -> Result:
    """Run ``hypescore ARGS`` in-process; stdout and stderr stay apart."""
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def run_subprocess(*args: str, input: bytes | None = None, **kwargs) -> subprocess.CompletedProcess:
    """Run ``python -m hypescore ARGS`` as a real process, as a user's shell would."""
    return subprocess.run(
        [sys.executable, "-m", "hypescore", *map(str, args)],
        input=input,
        capture_output=True,
        cwd=ROOT,
        env=subprocess_env(),
        timeout=300,
        **kwargs,
    )


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("NO_COLOR", None)
    return env


def jsonl(text: str | bytes) -> list[dict]:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write_semeval_sample(path: Path, count: int, *, drop_ids: bool = False) -> list[dict]:
    """The first ``count`` labelled articles as JSONL (text, title, url, id)."""
    records = []
    with SEMEVAL.open(encoding="utf-8") as handle:
        for _, line in zip(range(count), handle, strict=False):
            record = json.loads(line)
            kept = {k: record[k] for k in ("id", "title", "text", "url") if k in record}
            if drop_ids:
                kept.pop("id")
            records.append(kept)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return records


@pytest.fixture
def fixture_paths() -> dict[str, str]:
    return {p.stem: str(p.relative_to(ROOT)) for p in FIXTURES.iterdir() if p.suffix != ".md"}
