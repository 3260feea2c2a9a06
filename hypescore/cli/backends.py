"""Execution back-ends for ``batch``: where ``score_many``'s parallel work runs.

A back-end factory takes the ``--jobs`` count and the ``--backend-option KEY=VALUE`` pairs
and returns a context manager; ``score_many`` runs inside it, so anything joblib can be
pointed at (``joblib.parallel_config(backend=...)``) can become a back-end without
touching the batch command. Register new ones in :data:`hypescore.cli.registry.BATCH_BACKENDS`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager as ContextManager

BackendFactory = Callable[[int, dict[str, str]], ContextManager[object]]


def local_backend(jobs: int, options: dict[str, str]) -> ContextManager[object]:
    """Processes on this machine (joblib's default, loky), ``--jobs`` of them."""
    if options:
        raise ValueError(f"the local backend takes no options, got {sorted(options)}")
    return contextlib.nullcontext()
