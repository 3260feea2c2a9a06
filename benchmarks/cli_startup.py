"""Cold start of the command line against the floor set by scikit-learn's own import.

Run from the project root:  python benchmarks/cli_startup.py [--runs 7]

Prints the median wall time of each command over the runs (all measured in this one
run, interleaved so machine load hits each alike) and its ratio to
``python -c "import sklearn.linear_model"``.
"""

from __future__ import annotations

import argparse
import json
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


PHASES = """
import json, time
t0 = time.perf_counter()
import hypescore
t1 = time.perf_counter()
import hypescore.cli.commands.score, hypescore.cli.run, hypescore.io.readers
t2 = time.perf_counter()
model = hypescore.load_model()
t3 = time.perf_counter()
text = open("tests/fixtures/wire_report.txt", encoding="utf-8").read()
hypescore.score(text, model=model, explain=0)
t4 = time.perf_counter()
hypescore.score(text, model=model, explain=0)
t5 = time.perf_counter()
print(json.dumps({"import hypescore": t1 - t0, "CLI modules": t2 - t1,
                  "load_model()": t3 - t2, "first score (library warm-up)": t4 - t3,
                  "second score": t5 - t4}))
"""


def phases() -> dict[str, float]:
    """Where one cold ``score`` spends its time, measured inside one process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", PHASES],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


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
    runs_of_phases = [phases() for _ in range(3)]
    print("\none cold score, inside the process (median of 3):")
    for phase in runs_of_phases[0]:
        median = statistics.median(run[phase] for run in runs_of_phases)
        print(f"  {phase:<38} {median:>9.3f} s")


if __name__ == "__main__":
    main()
