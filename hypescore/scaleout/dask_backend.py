"""``batch --backend dask`` and ``batch --scheduler ADDRESS``: score on a Dask cluster.

The batch command stays the same code path: it runs ``score_many`` inside the context this
back-end returns, a ``joblib.parallel_config(backend="dask")`` bound to a client of the
cluster, and ``score_many`` sends its chunks there (the model once per worker).

Options (``--backend-option KEY=VALUE``):
  scheduler  address of a running scheduler, e.g. tcp://127.0.0.1:8786. Without it a
             throwaway cluster of ``--jobs`` worker processes starts on this machine's
             loopback and stops with the command.
  timeout    seconds to wait for the scheduler to answer (default 10).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager as ContextManager
from functools import wraps
from typing import Any, TypeVar

import click

from hypescore._optional import OptionalPartMissing, import_optional
from hypescore.cli.errors import CliIOError

F = TypeVar("F", bound=Callable[..., Any])

OPTIONS = ("scheduler", "timeout")
DEFAULT_TIMEOUT = 10.0
ALL_CLUSTER_CORES = -1
"""The ``n_jobs`` joblib gets: on Dask it means every thread of every worker."""


def dask_backend(jobs: int, options: dict[str, str]) -> ContextManager[int]:
    """Connect now, so a wrong address fails before any output is written."""
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise ValueError(f"the dask backend takes {', '.join(OPTIONS)}; got {unknown}")
    timeout = _seconds(options.get("timeout", str(DEFAULT_TIMEOUT)))
    scheduler = options.get("scheduler") or None
    stack = contextlib.ExitStack()
    try:
        client = _connect(stack, scheduler, jobs, timeout)
        check_workers_can_score(client)
    except BaseException:
        stack.close()
        raise
    return _running_on(client, stack)


@contextlib.contextmanager
def _running_on(client: Any, stack: contextlib.ExitStack) -> Iterator[int]:
    from joblib import parallel_config

    with stack, parallel_config(backend="dask", client=client):
        yield ALL_CLUSTER_CORES


def _connect(stack: contextlib.ExitStack, scheduler: str | None, jobs: int, timeout: float) -> Any:
    try:
        distributed = import_optional("distributed", "dask", "the dask backend")
    except OptionalPartMissing as exc:
        raise CliIOError(str(exc)) from exc
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    if scheduler is None:
        cluster = stack.enter_context(
            LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",  # a free loopback port, no clash on 8787
            )
        )
        return stack.enter_context(Client(cluster, set_as_default=False))
    try:
        return stack.enter_context(Client(scheduler, timeout=timeout, set_as_default=False))
    except (OSError, TimeoutError, ValueError) as exc:
        raise CliIOError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc


def check_workers_can_score(client: Any) -> None:
    """Fail with a clear message when a worker lacks hypescore or runs another version.

    Otherwise the first task would fail deep inside Dask with an unpickling error.
    """
    import hypescore

    def installed_version() -> str:  # defined here so Dask ships it by value
        try:
            import hypescore as on_worker
        except ImportError as exc:
            return f"cannot import hypescore ({exc})"
        return on_worker.__version__

    for address, version in sorted(client.run(installed_version).items()):
        if version != hypescore.__version__:
            raise CliIOError(
                f"Dask worker {address}: {version}, but this is hypescore "
                f"{hypescore.__version__}; install the same hypescore on every worker"
            )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"timeout must be a number of seconds, got {text!r}") from None
    if value <= 0:
        raise ValueError(f"timeout must be positive, got {text!r}")
    return value


def scheduler_option(command: F) -> F:
    """``--scheduler ADDRESS``: shorthand for ``--backend dask --backend-option scheduler=``.

    Kept here, applied to ``batch`` with one decorator, so the batch command's own code
    does not change to learn about Dask.
    """

    @wraps(command)
    def with_scheduler(*args: Any, scheduler: str | None = None, **params: Any) -> Any:
        if scheduler:
            ctx = click.get_current_context()
            source = ctx.get_parameter_source("backend")
            if params["backend"] != "dask" and source is not click.core.ParameterSource.DEFAULT:
                raise click.UsageError(
                    f"--scheduler runs on Dask; it contradicts --backend {params['backend']}"
                )
            params["backend"] = "dask"
            params["backend_options"] = (*params["backend_options"], f"scheduler={scheduler}")
        return command(*args, **params)

    return click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT).",
    )(with_scheduler)
