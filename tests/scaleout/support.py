"""Inputs and probes for the scale-out tests (Dask, Spark), importable by worker processes.

Dask workers run in their own processes and unpickle what tasks reference by module path,
so anything a task carries must live in an importable module rather than a test file.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

from tests.conftest import SHARED_DATA, read_jsonl

MAX_CHARS = 40_000

# (position, record, the error it must produce): each kind of bad input, spread through
# the batch so that a lost, duplicated or reordered record would show.
BAD_RECORDS: list[tuple[int, Any, str]] = [
    (0, {"id": "no-text", "title": "A title and nothing else"}, "'text' is missing"),
    (57, 42, "cannot make an Article from int"),
    (300, {"id": "blank", "text": "   \n "}, "text is empty"),
    (611, {"id": "typed", "text": ["not", "a", "string"]}, "'text' is missing or not a string"),
    (888, {"id": "huge", "text": "word " * (MAX_CHARS // 4)}, "over the limit of 40,000"),
    (1049, {"id": 7, "text": "fine", "title": 3}, "'title' must be a string"),
]


def mixed_records() -> list[Any]:
    """1,150+ records: full articles spread among teasers, with bad records in between."""
    articles = list(
        read_jsonl(SHARED_DATA / "semeval19-hyperpartisan" / "articles-train.jsonl", 150)
    )
    teasers = [
        {"id": f"post-{r['id']}", "text": r["post_text"]}
        for r in read_jsonl(SHARED_DATA / "webis-clickbait-17" / "posts-train.jsonl", 1000)
    ]
    records: list[Any] = []
    for i, teaser in enumerate(teasers):
        if i % 7 == 0 and articles:
            article = articles.pop()
            records.append(
                {
                    "id": article["id"],
                    "text": article["text"],
                    "title": article["title"],
                    "url": article["url"],
                }
            )
        records.append(teaser)
    records.extend(articles)
    for position, record, _ in BAD_RECORDS:
        records.insert(position, record)
    return records


class UnpickleCounter:
    """A stand-in for a model that records every process which unpickles it.

    Each unpickling appends the process id to ``path``; pickling in this process is
    counted in ``pickled``. That measures how often a shared object really travels.
    """

    pickled = 0

    def __init__(self, path: Path, payload: bytes) -> None:
        self.path = Path(path)
        self.payload = payload

    def __reduce__(self) -> tuple[Any, ...]:
        type(self).pickled += 1
        return (_revive_counter, (str(self.path), self.payload))

    def unpickled_in(self) -> list[int]:
        if not self.path.exists():
            return []
        return [int(line) for line in self.path.read_text().split()]


def _revive_counter(path: str, payload: bytes) -> UnpickleCounter:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()}\n")
    return UnpickleCounter(Path(path), payload)


def lengths_plus_payload(chunk: list[str], probe: UnpickleCounter) -> list[tuple[int, int]]:
    """A chunk task that needs the shared object, and tells which process ran it."""
    return [(len(text) + len(probe.payload), os.getpid()) for text in chunk]


def kill_a_busy_worker(client: Any) -> tuple[str, list[str]]:
    """SIGKILL a worker process while it executes tasks; its address and those task keys.

    Returns ("", []) when no worker is executing anything at this moment.
    """
    executing = client.run(lambda dask_worker: [str(ts.key) for ts in dask_worker.state.executing])
    for address, keys in executing.items():
        if keys:
            pid = client.run(os.getpid, workers=[address])[address]
            os.kill(pid, signal.SIGKILL)
            return address, keys
    return "", []


def wait_until_gone(client: Any, address: str, timeout: float = 30.0) -> None:
    """Wait until the scheduler has noticed that a worker died."""
    deadline = time.monotonic() + timeout
    while address in client.scheduler_info()["workers"]:
        if time.monotonic() > deadline:
            raise TimeoutError(f"scheduler still lists {address} after {timeout}s")
        time.sleep(0.05)


def rerun_after_worker_loss(client: Any, keys: list[str]) -> list[str]:
    """Of ``keys``, those the scheduler took back from a dead worker to run again."""

    def taken_back(dask_scheduler: Any, keys: list[str] = keys) -> list[str]:
        return [
            key
            for key in keys
            if any(
                t.start == "processing"
                and t.finish == "released"
                and "worker" in str(t.stimulus_id)
                for t in dask_scheduler.story(key)
            )
        ]

    return client.run_on_scheduler(taken_back)


def logged_load(log_path: str, model_path: str | None) -> Any:
    """``hypescore.load_model`` that also notes each load (process, Spark partition)."""
    import hypescore

    partition = -1
    try:
        from pyspark import TaskContext

        context = TaskContext.get()
        partition = context.partitionId() if context else -1
    except ImportError:
        pass
    with open(log_path, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {partition}\n")
    return hypescore.load_model(model_path)
