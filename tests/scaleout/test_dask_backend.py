"""``hypescore batch --scheduler`` against a real ``dask scheduler`` and ``dask worker``.

The cluster is started the way the README says, as separate processes on loopback; the
batch output must be byte-identical to the same batch run on this machine alone.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.conftest import ROOT, jsonl, run_cli, run_subprocess, subprocess_env

from ..optional_parts import require
from .support import BAD_RECORDS, MAX_CHARS, mixed_records

Client = require("distributed", "dask").Client

RECORDS = 120


def dask_process(*args: str, log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "dask", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env=subprocess_env(),  # workers import this checkout's hypescore
        )


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)  # dask's CLIs shut down cleanly on SIGINT
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """A scheduler and two single-threaded workers, all on 127.0.0.1; yields its address."""
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    processes = [
        dask_process(
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--dashboard-address",
            "127.0.0.1:0",
            "--scheduler-file",
            str(info),
            log=folder / "scheduler.log",
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not info.exists():
            assert time.monotonic() < deadline, (folder / "scheduler.log").read_text()
            time.sleep(0.2)
        processes.append(
            dask_process(
                "worker",
                "--scheduler-file",
                str(info),
                "--nworkers",
                "2",
                "--nthreads",
                "1",
                "--host",
                "127.0.0.1",
                "--no-dashboard",
                log=folder / "workers.log",
            )
        )
        address = json.loads(info.read_text())["address"]
        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in reversed(processes):
            stop(process)


@pytest.fixture(scope="module")
def batch_input(tmp_path_factory) -> Path:
    """JSONL with every kind of bad record, plus a line that is not JSON at all."""
    keep = {position for position, _, _ in BAD_RECORDS}
    records = [r for i, r in enumerate(mixed_records()) if i < RECORDS or i in keep]
    lines = [json.dumps(r) for r in records]
    lines.insert(5, '{"id": "broken", "text": "no closing brace"')
    path = tmp_path_factory.mktemp("input") / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_output(batch_input, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("local") / "scored.jsonl"
    done = run_cli("batch", batch_input, "-o", out, "--explain", "2", "--max-chars", MAX_CHARS)
    assert done.exit_code == 0, done.stderr
    return out.read_bytes()


def scheduler_tasks(address: str) -> int:
    """How many hypescore scoring tasks the scheduler has run so far."""

    def count(dask_scheduler) -> int:
        return sum(
            sum(prefix.state_counts.values())
            for name, prefix in dask_scheduler.task_prefixes.items()
            if "score_chunk" in name
        )

    with Client(address, timeout=30) as client:
        return client.run_on_scheduler(count)


def test_batch_on_a_running_cluster_matches_the_local_run(
    scheduler, batch_input, local_output, tmp_path
):
    before = scheduler_tasks(scheduler)
    out = tmp_path / "scored.jsonl"
    done = run_subprocess(
        "batch",
        batch_input,
        "-o",
        out,
        "--explain",
        "2",
        "--max-chars",
        MAX_CHARS,
        "--chunk-size",
        "16",
        "--scheduler",
        scheduler,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert out.read_bytes() == local_output
    results = jsonl(local_output)
    assert len(results) == len(batch_input.read_text().splitlines())
    assert sum(r["error"] is not None for r in results) == len(BAD_RECORDS) + 1
    assert scheduler_tasks(scheduler) - before >= len(results) // 8 // 4  # ran over there


def test_backend_dask_without_address_starts_a_cluster_here(batch_input, local_output, tmp_path):
    out = tmp_path / "scored.jsonl"
    done = run_subprocess(
        "batch",
        batch_input,
        "-o",
        out,
        "--explain",
        "2",
        "--max-chars",
        MAX_CHARS,
        "--backend",
        "dask",
        "--jobs",
        "2",
    )
    assert done.returncode == 0, done.stderr.decode()
    assert out.read_bytes() == local_output


def test_unreachable_scheduler_fails_fast_and_writes_nothing(batch_input, tmp_path):
    out = tmp_path / "scored.jsonl"
    started = time.monotonic()
    done = run_cli(
        "batch",
        batch_input,
        "-o",
        out,
        "--scheduler",
        "tcp://127.0.0.1:9",
        "--backend-option",
        "timeout=2",
    )
    assert done.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in done.stderr
    assert not out.exists()
    assert time.monotonic() - started < 60


def test_scheduler_contradicting_another_backend_is_a_usage_error(batch_input, tmp_path):
    done = run_cli(
        "batch",
        batch_input,
        "-o",
        tmp_path / "x.jsonl",
        "--backend",
        "local",
        "--scheduler",
        "tcp://127.0.0.1:8786",
    )
    assert done.exit_code == 2
    assert "--scheduler runs on Dask; it contradicts --backend local" in done.stderr


def test_unknown_backend_option_is_named(batch_input, tmp_path):
    done = run_cli(
        "batch",
        batch_input,
        "-o",
        tmp_path / "x.jsonl",
        "--backend",
        "dask",
        "--backend-option",
        "workers=3",
    )
    assert done.exit_code == 2
    assert "the dask backend takes scheduler, timeout; got ['workers']" in done.stderr
