"""featurize on a real Dask cluster (2 worker processes on loopback) equals featurize here."""

from __future__ import annotations

import os

import numpy as np
import pytest
from joblib import Parallel, delayed, parallel_config

from ..optional_parts import require

require("distributed", "dask")

from distributed import Client, LocalCluster  # noqa: E402

import hypescore  # noqa: E402
from hypescore import featurize  # noqa: E402
from hypescore.features import FeatureMatrix  # noqa: E402
from hypescore.scaleout.dask_sharing import PLUGIN_PREFIX  # noqa: E402
from hypescore.scaleout.parallel import map_chunks  # noqa: E402

from .support import (  # noqa: E402
    BAD_RECORDS,
    MAX_CHARS,
    UnpickleCounter,
    kill_a_busy_worker,
    lengths_plus_payload,
    mixed_records,
    rerun_after_worker_loss,
    wait_until_gone,
)

CHUNK = 25


def start_cluster() -> LocalCluster:
    """Two single-threaded worker processes under nannies, on loopback only."""
    return LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    )


@pytest.fixture(scope="module")
def client():
    with start_cluster() as cluster, Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def records():
    return mixed_records()


@pytest.fixture(scope="module")
def reference(records) -> FeatureMatrix:
    """The single-process result the cluster must reproduce exactly."""
    return featurize(records, chunk_size=CHUNK, max_chars=MAX_CHARS)


@pytest.fixture(scope="module")
def model() -> hypescore.HypeModel:
    return hypescore.load_model()


@pytest.fixture(scope="module")
def reference_scores(records, model) -> list[dict]:
    results = hypescore.score_many(
        records, model=model, explain=2, chunk_size=CHUNK, max_chars=MAX_CHARS
    )
    return [r.to_dict() for r in results]


def assert_same_matrix(got: FeatureMatrix, expected: FeatureMatrix) -> None:
    assert len(got) == len(expected)
    assert got.ids == expected.ids
    assert got.errors == expected.errors
    np.testing.assert_array_equal(got.values, expected.values)  # NaN rows compare equal


def test_reference_covers_every_kind_of_bad_record(records, reference):
    assert len(records) >= 1_000
    for position, _, message in BAD_RECORDS:
        assert message in reference.errors[position]
    assert sum(e is not None for e in reference.errors) == len(BAD_RECORDS)


def test_featurize_on_dask_equals_single_process(client, records, reference):
    with parallel_config(backend="dask"):
        got = featurize(records, n_jobs=-1, chunk_size=CHUNK, max_chars=MAX_CHARS)
    assert_same_matrix(got, reference)


def test_work_really_ran_on_both_workers(client):
    texts = [f"text {i}" for i in range(400)]
    probe = UnpickleCounter(os.devnull, b"")
    with parallel_config(backend="dask"):
        rows = [
            row
            for part in map_chunks(
                lengths_plus_payload,
                (texts[i : i + 10] for i in range(0, 400, 10)),
                n_jobs=-1,
                shared=[probe],
            )
            for row in part
        ]
    assert [length for length, _ in rows] == [len(t) for t in texts]
    assert {pid for _, pid in rows} == set(client.run(os.getpid).values())


def test_shared_object_travels_once_per_worker_not_once_per_task(client, tmp_path):
    chunks = [[f"text {i}"] * 5 for i in range(60)]
    worker_pids = set(client.run(os.getpid).values())

    probe = UnpickleCounter(tmp_path / "broadcast.txt", b"x" * 200_000)
    UnpickleCounter.pickled = 0
    with parallel_config(backend="dask"):
        results = list(map_chunks(lengths_plus_payload, chunks, n_jobs=-1, shared=[probe]))
    assert len(results) == 60
    assert UnpickleCounter.pickled == 1  # serialised once, here
    assert sorted(probe.unpickled_in()) == sorted(worker_pids)  # once in each worker
    assert shared_plugins_left(client) == {address: [] for address in client.run(os.getpid)}

    # The measurement can fail: an object passed straight to joblib travels with every task.
    naive = UnpickleCounter(tmp_path / "naive.txt", b"x" * 200_000)
    with parallel_config(backend="dask"):
        Parallel(n_jobs=-1, batch_size=1)(
            delayed(lengths_plus_payload)(chunk, naive) for chunk in chunks
        )
    assert len([pid for pid in naive.unpickled_in() if pid in worker_pids]) >= 30


def models_held_by_workers(client) -> dict[str, int]:
    def count(dask_worker) -> int:
        shared = [getattr(p, "objects", ()) for p in dask_worker.plugins.values()]
        return sum(isinstance(o, hypescore.HypeModel) for objects in shared for o in objects)

    return client.run(count)


def shared_plugins_left(client) -> dict[str, list[str]]:
    return client.run(
        lambda dask_worker: [n for n in dask_worker.plugins if n.startswith(PLUGIN_PREFIX)]
    )


def test_score_many_on_dask_equals_single_process(client, records, model, reference_scores):
    got: list[dict] = []
    held: dict[str, int] = {}
    with parallel_config(backend="dask"):
        for result in hypescore.score_many(
            records, model=model, explain=2, n_jobs=-1, chunk_size=CHUNK, max_chars=MAX_CHARS
        ):
            got.append(result.to_dict())
            if len(got) == CHUNK:  # mid-run: the model sits on every worker, once
                held = models_held_by_workers(client)
    assert held and set(held.values()) == {1}
    assert got == reference_scores
    assert sum(r["error"] is not None for r in got) == len(BAD_RECORDS)


def test_killed_worker_loses_and_duplicates_nothing(client, records, model, reference_scores):
    """SIGKILL a worker process mid-task: Dask reruns its tasks, the output stays exact."""
    got: list[dict] = []
    rerun: list[str] = []
    kills = 0
    with parallel_config(backend="dask"):
        results = hypescore.score_many(
            records, model=model, explain=2, n_jobs=-1, chunk_size=CHUNK, max_chars=MAX_CHARS
        )
        for result in results:
            got.append(result.to_dict())
            if rerun or kills >= 3 or len(got) % CHUNK:
                continue
            address, keys = kill_a_busy_worker(client)
            if address:
                kills += 1
                wait_until_gone(client, address)
                rerun = rerun_after_worker_loss(client, keys)
    client.wait_for_workers(2, timeout=60)  # the nannies restart what was killed
    assert rerun, f"no task was interrupted in {kills} kills"
    assert got == reference_scores
