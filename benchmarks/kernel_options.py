"""The hot token loop under each way of compiling it, as ratios from one run.

Run from the project root (Cython and mypy importable, e.g. ``pip install --target
/tmp/opttools cython mypy setuptools`` then ``PYTHONPATH=/tmp/opttools``):

    python benchmarks/kernel_options.py --build     # build the trees, then measure
    python benchmarks/kernel_options.py             # measure the trees built before

The hot loop is what the issue asks to compile: for fresh ~5 KB documents (already
analysed), learning their new tokens for VADER and readability, VADER's sentence scores
and the six readability metrics (``sentence_compounds`` + ``readability.extract``).
Options, each a copy of the committed tree in ``--work``:

- ``python``: the pure-Python reference (``HYPESCORE_PURE_PYTHON=1``);
- ``cython-plain``: ``vader.py``, ``readability.py``, ``syllables.py`` compiled unchanged
  by Cython (pure Python path; annotations not used as C types, or ``float`` locals
  that hold ``None`` fail);
- ``mypyc``: the same three modules compiled by mypyc (one annotation fixed: mypyc
  refuses ``x: float = 0``);
- ``kernel``: the typed Cython kernel ``_kernel.pyx`` (the shipped choice).

Each option runs in its own process; processes alternate round by round, so the load
of a shared machine falls on all alike. Reported: CPU ms per document (median of the
rounds) and the ratio to pure Python.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ["hypescore/_engine/vader.py", "hypescore/_engine/readability.py",
           "hypescore/_engine/syllables.py"]  # fmt: skip
OPTIONS = ("python", "cython-plain", "mypyc", "kernel")

CHILD = """
import json, sys, time
sys.path.insert(0, ".")
from benchmarks.corpus import generate
from hypescore._engine import kernel
from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import readability, sentiment
warm, timed = int(sys.argv[1]), int(sys.argv[2])
docs = [analyse(Article(d["text"], title=d["title"])) for d in generate(warm + timed, seed=7)]
def run(batch):
    for doc in batch:
        sentiment.sentence_compounds(doc)
        readability.extract(doc)
run(docs[:warm])
start = time.process_time()
run(docs[warm:])
cpu = time.process_time() - start
import hypescore._engine.vader as vader
shown = {"ms_per_doc": cpu / timed * 1e3, "engine": kernel.describe(), "vader": vader.__file__}
print(json.dumps(shown))
"""


def tree(work: Path, option: str) -> Path:
    return work / option


def build(work: Path) -> None:
    """Copy the committed tree once per option and compile it that option's way."""
    python = sys.executable
    for option in OPTIONS:
        root = tree(work, option)
        subprocess.run(["rm", "-rf", str(root)], check=True)
        root.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "archive", "HEAD", "hypescore", "benchmarks", "setup.py", "pyproject.toml"],
            cwd=ROOT, check=True, capture_output=True,
        ).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
        if option == "cython-plain":
            script = (
                "import sys; from setuptools import setup; from Cython.Build import cythonize;"
                "sys.argv = ['setup', 'build_ext', '--inplace', '-q'];"
                f"setup(ext_modules=cythonize({MODULES!r}, quiet=True,"
                " compiler_directives={'language_level': '3', 'annotation_typing': False}))"
            )
            subprocess.run([python, "-c", script], cwd=root, check=True)
        elif option == "mypyc":
            vader = root / "hypescore/_engine/vader.py"
            text = vader.read_text().replace("qm_amplifier: float = 0\n", "qm_amplifier = 0.0\n")
            vader.write_text(text)
            subprocess.run(
                [python, "-m", "mypyc", "--follow-imports=skip", "--ignore-missing-imports",
                 *MODULES], cwd=root, check=True, capture_output=True,
            )  # fmt: skip
        elif option == "kernel":
            subprocess.run([python, "setup.py", "-q", "build_ext", "--inplace"], cwd=root,
                           check=True)  # fmt: skip


def measure(work: Path, option: str, warm: int, timed: int) -> dict:
    env = {**os.environ, "HYPESCORE_PURE_PYTHON": "0" if option == "kernel" else "1"}
    env["PYTHONPATH"] = str(tree(work, option))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(warm), str(timed)],
        cwd=tree(work, option), env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kernel-options")
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warm", type=int, default=300)
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    if args.build:
        build(args.work)
    print(f"hot loop: {args.docs} fresh ~5 KB documents after {args.warm} warm-up, "
          f"{args.rounds} alternating rounds, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    times: dict[str, list[float]] = {option: [] for option in OPTIONS}
    engines: dict[str, str] = {}
    for _ in range(args.rounds):
        for option in OPTIONS:
            shown = measure(args.work, option, args.warm, args.docs)
            times[option].append(shown["ms_per_doc"])
            engines[option] = f"{shown['engine']}; {Path(shown['vader']).name}"
    base = statistics.median(times["python"])
    for option in OPTIONS:
        median = statistics.median(times[option])
        runs = " ".join(f"{t:.3f}" for t in times[option])
        print(f"{option:<13} {median:7.3f} ms/doc  x{base / median:4.2f} vs python   "
              f"(rounds: {runs}; {engines[option]})")  # fmt: skip
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
