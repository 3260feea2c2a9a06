"""Hand objects (a model) to every Dask worker once, through a worker plugin.

Why not ``client.scatter(..., broadcast=True)``: scattered data has no recipe to rebuild
it, and Dask's active memory manager trims surplus replicas, so the model can end up on
one worker; if that worker dies, the model and every task that needs it are cancelled. A
worker plugin is kept by the scheduler and installed on every worker that joins, including
one a nanny restarts after a crash, and each worker unpickles it exactly once.

Imported only when joblib runs on Dask, so ``distributed`` stays an optional dependency.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

PLUGIN_PREFIX = "hypescore-shared-"


class SharedObjects(WorkerPlugin):
    """The objects themselves, living on each worker for as long as the plugin is registered."""

    def __init__(self, objects: Sequence[Any]) -> None:
        self.objects = tuple(objects)


@dataclass(frozen=True)
class SharedRef:
    """What a task carries instead of a shared object: which plugin, which object."""

    plugin: str
    index: int

    def resolve(self) -> Any:
        try:
            plugin = get_worker().plugins[self.plugin]
        except (KeyError, ValueError) as exc:
            raise RuntimeError(
                f"shared object {self.plugin}[{self.index}] is not on this worker "
                "(the run that shared it has ended)"
            ) from exc
        return plugin.objects[self.index]


class WithShared:
    """``func(chunk, *shared)`` on a worker, the shared objects looked up there.

    Named after ``func`` so Dask's dashboard and task keys still say what runs.
    """

    def __init__(self, func: Callable[..., Any], refs: Sequence[SharedRef]) -> None:
        self.func = func
        self.refs = tuple(refs)
        inner = getattr(func, "func", func)  # see through functools.partial
        self.__name__ = getattr(inner, "__name__", type(inner).__name__)

    def __call__(self, chunk: Any) -> Any:
        return self.func(chunk, *(ref.resolve() for ref in self.refs))


@contextmanager
def shared_with_workers(client: Any, objects: Sequence[Any]) -> Iterator[tuple[SharedRef, ...]]:
    """Install ``objects`` on every worker (now and joining later) for the ``with`` block."""
    name = f"{PLUGIN_PREFIX}{uuid4().hex}"
    client.register_plugin(SharedObjects(objects), name=name)
    try:
        yield tuple(SharedRef(name, index) for index in range(len(objects)))
    finally:
        with suppress(Exception):  # a cluster already gone has nothing to clean up
            client.unregister_worker_plugin(name)
