"""One way to run chunk work on any joblib backend: in process, loky, or a Dask cluster.

Featurizing and scoring share it so that scaling out never needs a different code path:
the caller picks the backend with ``joblib.parallel_config`` and hypescore only splits the
input into chunks and keeps the results in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

R = TypeVar("R")


def map_chunks(
    func: Callable[..., R],
    chunks: Iterable[Any],
    *,
    n_jobs: int | None = 1,
    shared: Sequence[Any] = (),
) -> Iterator[R]:
    """Yield ``func(chunk, *shared)`` for each chunk, lazily and in input order.

    ``n_jobs`` 1 runs here, in this process. Anything else goes through joblib under the
    caller's ``parallel_config``. On joblib's Dask backend the ``shared`` objects (a model)
    go to every worker once, before the first task, and tasks carry only a reference: a
    model is unpickled once per worker rather than once per task, and a worker restarted
    after a crash gets it too, so Dask can rerun a dead worker's tasks anywhere (see
    :mod:`hypescore.scaleout.dask_sharing`).
    """
    if n_jobs == 1:
        for chunk in chunks:
            yield func(chunk, *shared)
        return
    from joblib import Parallel, delayed

    parallel = Parallel(n_jobs=n_jobs, return_as="generator")
    client = active_dask_client() if shared else None
    if client is None:
        yield from parallel(delayed(func)(chunk, *shared) for chunk in chunks)
        return
    from hypescore.scaleout.dask_sharing import WithShared, shared_with_workers

    with shared_with_workers(client, shared) as refs:
        task = WithShared(func, refs)
        yield from parallel(delayed(task)(chunk) for chunk in chunks)


def active_dask_client() -> Any | None:
    """The ``distributed.Client`` of the active joblib backend, or None if it is not Dask."""
    from joblib.parallel import get_active_backend

    backend, _ = get_active_backend()
    client = getattr(backend, "client", None)
    if client is None:
        return None
    from distributed import Client  # importable: only joblib's Dask backend has a client

    return client if isinstance(client, Client) else None
