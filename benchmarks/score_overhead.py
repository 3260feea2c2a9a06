"""Where ``score_many`` spends what ``featurize`` does not: the garbage collector's share.

Run from the project root:  python benchmarks/score_overhead.py [--rounds 2]

On the SemEval articles (after 200 of them warm the caches), each round runs
``featurize`` and ``score_many(explain=0)`` over the same 445 articles and reports, for
each, the CPU seconds and the CPU seconds spent inside garbage collections (timed by
``gc.callbacks``) with the number of collections per generation. A chunk of scored
records is kept until it is assembled, so what each record keeps alive decides how
often the collector runs and how much it walks.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.featurize import semeval_articles  # noqa: E402


class CollectorClock:
    """CPU time inside garbage collections, and their count per generation."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = [0, 0, 0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds += time.process_time() - self._started
            self.collections[info["generation"]] += 1


def measured(run: Callable[[], object]) -> tuple[float, CollectorClock]:
    clock = CollectorClock()
    gc.collect()
    gc.callbacks.append(clock)
    try:
        start = time.process_time()
        run()
        return time.process_time() - start, clock
    finally:
        gc.callbacks.remove(clock)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from hypescore.features import featurize
    from hypescore.model.persistence import load_model
    from hypescore.scoring import score_many

    docs = semeval_articles()
    if not docs:
        raise SystemExit("SemEval articles not found")
    model = load_model()
    warm, test = docs[:200], docs[200:]
    featurize(warm)
    list(score_many(warm[:50], model=model))
    runs = {
        "featurize": lambda: featurize(test),
        "score_many": lambda: list(score_many(test, model=model, chunk_size=256)),
    }
    print(f"{len(test)} SemEval articles; CPU seconds, of which in garbage collection")
    for round_ in range(1, args.rounds + 1):
        for name, run in runs.items():
            seconds, clock = measured(run)
            print(
                f"round {round_} {name:<11} {seconds:6.3f} s, collector {clock.seconds:6.3f} s, "
                f"collections per generation {clock.collections}"
            )


if __name__ == "__main__":
    main()
