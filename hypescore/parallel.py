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
    are broadcast to every worker once, up front, and tasks only carry a reference: a
    model is then unpickled once per worker rather than once per task, and a worker that
    dies never holds the only copy, so Dask can rerun its tasks elsewhere.
    """
    if n_jobs == 1:
        for chunk in chunks:
            yield func(chunk, *shared)
        return
    from joblib import Parallel, delayed

    parallel = Parallel(n_jobs=n_jobs, return_as="generator")
    refs = broadcast_to_dask_workers(shared)
    yield from parallel(delayed(func)(chunk, *refs) for chunk in chunks)


def broadcast_to_dask_workers(objects: Sequence[Any]) -> tuple[Any, ...]:
    """Dask futures for ``objects`` held by every worker, when joblib's backend is Dask.

    Under any other backend the objects come back unchanged. Joblib would otherwise
    scatter a large argument to a single worker, which is fragile when that worker dies.
    """
    if not objects:
        return ()
    client = active_dask_client()
    if client is None:
        return tuple(objects)
    return tuple(client.scatter(obj, broadcast=True, hash=False) for obj in objects)


def active_dask_client() -> Any | None:
    """The ``distributed.Client`` of the active joblib backend, or None if it is not Dask."""
    from joblib.parallel import get_active_backend

    backend, _ = get_active_backend()
    client = getattr(backend, "client", None)
    if client is None:
        return None
    from distributed import Client  # importable: only joblib's Dask backend has a client

    return client if isinstance(client, Client) else None
