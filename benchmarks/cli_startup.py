"""Cold start of the command line against the floor set by scikit-learn's own import.

Run from the project root:  python benchmarks/cli_startup.py [--runs 7]

Prints the median wall time of each command over the runs (all measured in this one
run, interleaved so machine load hits each alike) and its ratio to
``python -c "import sklearn.linear_model"``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = "tests/fixtures/wire_report.txt"

COMMANDS = {
    "import sklearn.linear_model (floor)": ["-c", "import sklearn.linear_model"],
    "import hypescore": ["-c", "import hypescore"],
    "hypescore --help": ["-m", "hypescore", "--help"],
    "hypescore score FILE (one article)": ["-m", "hypescore", "score", FIXTURE],
    "hypescore score FILE --format table": ["-m", "hypescore", "score", FIXTURE, "-f", "table"],
    "hypescore score PAGE.html": ["-m", "hypescore", "score", "tests/fixtures/wire_page.html"],
}


def wall_time(arguments: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for arguments in COMMANDS.values():  # warm the file cache once
        wall_time(arguments)
    for _ in range(runs):
        for name, arguments in COMMANDS.items():
            times[name].append(wall_time(arguments))
    floor = statistics.median(next(iter(times.values())))
    print(f"median of {runs} runs, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"{'command':<40} {'median s':>9} {'x floor':>8}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:<40} {median:>9.2f} {median / floor:>8.2f}")


if __name__ == "__main__":
    main()
