"""``hypescore batch`` memory stays flat as the input grows.

Run from the project root:  python benchmarks/batch_memory.py [--copies 1 4]

Builds inputs of 1x and 4x the SemEval articles (in a temporary folder, never in the
repository), runs ``hypescore batch`` on each as a child process and prints its peak
resident memory (ru_maxrss) and throughput, all measured in this one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "semeval19-hyperpartisan" / "articles-train.jsonl"


def run_batch(source: Path, out: Path, jobs: int) -> tuple[float, int, float]:
    """(peak RSS in MiB, records written, seconds) of one batch run."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [
        sys.executable,
        "-m",
        "hypescore",
        "batch",
        str(source),
        "-o",
        str(out),
        "-q",
        "--no-progress",
        "--jobs",
        str(jobs),
    ]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"batch failed: {command}")
    records = sum(1 for _ in out.open(encoding="utf-8"))
    return usage.ru_maxrss / 1024, records, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    data = ARTICLES.read_bytes()
    print(f"input: {ARTICLES.name} repeated; --jobs {args.jobs}; peak RSS of the main process")
    print(f"{'copies':>6} {'input MB':>9} {'records':>8} {'peak RSS MiB':>13} {'records/s':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for copies in args.copies:
            source = Path(folder) / f"in{copies}.jsonl"
            source.write_bytes(data * copies)
            out = Path(folder) / f"out{copies}.jsonl"
            peak, records, seconds = run_batch(source, out, args.jobs)
            size = source.stat().st_size / 1e6
            print(
                f"{copies:>6} {size:>9.1f} {records:>8,} {peak:>13.0f} {records / seconds:>10.1f}"
            )


if __name__ == "__main__":
    main()
