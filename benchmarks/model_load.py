"""Default-model load time and one-article cold start, against `import sklearn.linear_model`.

Run from the project root: ``python benchmarks/model_load.py``. Prints figures measured
in this run; CPU time (user + sys of the child) is reported beside wall time because
wall time swings with whatever else the machine is doing.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "wire_report.txt"
REPEATS = 5


def run(code: str) -> tuple[float, float]:
    """Wall and CPU seconds of a fresh interpreter running ``code``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median_run(code: str) -> tuple[float, float]:
    runs = [run(code) for _ in range(REPEATS)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import hypescore
    from hypescore.model.persistence import _load, default_model_path

    path = default_model_path()
    loads = []
    for _ in range(50):
        start = time.perf_counter()
        _load(path)
        loads.append(time.perf_counter() - start)
    print(f"default model file: {path.stat().st_size:,} bytes")
    print(f"load_model (uncached) median over 50: {statistics.median(loads) * 1000:.1f} ms")

    new_modules = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, hypescore; before = set(sys.modules); "
            "hypescore.load_model(); print(sorted(set(sys.modules) - before))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.strip()
    print(f"modules imported by load_model after `import hypescore`: {new_modules}")

    baseline = median_run("import sklearn.linear_model")
    score = median_run(f"import hypescore; hypescore.score(open({str(FIXTURE)!r}).read())")
    features = median_run(f"import hypescore; hypescore.featurize([open({str(FIXTURE)!r}).read()])")
    print(
        f"python -c 'import sklearn.linear_model': wall {baseline[0]:.2f} s, "
        f"cpu {baseline[1]:.2f} s (median of {REPEATS})"
    )
    print(f"one-article featurize only: wall {features[0]:.2f} s, cpu {features[1]:.2f} s")
    print(f"one-article score (import + load + score): wall {score[0]:.2f} s, cpu {score[1]:.2f} s")
    print(
        f"ratio: wall {score[0] / baseline[0]:.2f}x, cpu {score[1] / baseline[1]:.2f}x "
        "(goal: within 1.5x)"
    )
    print(f"model's share (score minus featurize): cpu {score[1] - features[1]:+.2f} s")
    print(f"hypescore {hypescore.__version__}, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
