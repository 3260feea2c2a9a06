"""Where commands and pluggable parts are found, by dotted name, imported only when used.

Adding a command or a batch back-end is one line here plus its own module, so new
features (a Dask back-end, HTML reports) never need to edit the core commands; importing
lazily keeps ``hypescore --help`` and one-article scoring fast.
"""

from __future__ import annotations

import importlib
from typing import Any

COMMANDS: dict[str, str] = {
    "score": "hypescore.cli.commands.score:score",
    "batch": "hypescore.cli.commands.batch:batch",
    "explain": "hypescore.cli.commands.explain:explain",
    "train": "hypescore.cli.commands.train:train",
    "evaluate": "hypescore.cli.commands.evaluate:evaluate",
    "info": "hypescore.cli.commands.info:info",
    "story": "hypescore.cli.commands.story:story",
}
"""Command name -> ``module:attribute`` of its :class:`click.Command`."""

BATCH_BACKENDS: dict[str, str] = {
    "local": "hypescore.cli.backends:local_backend",
    "dask": "hypescore.scaleout.dask_backend:dask_backend",
}
"""``batch --backend`` name -> ``module:attribute`` of a backend factory.

A factory takes ``(jobs: int, options: dict[str, str])`` and returns a context manager
inside which ``hypescore.score_many`` runs (e.g. a ``joblib.parallel_config``); it may
yield the ``n_jobs`` to use. See :mod:`hypescore.cli.backends`.
"""

EXPLAIN_RENDERERS: dict[str, str] = {
    "text": "hypescore.cli.explain_render:render_text",
    "json": "hypescore.cli.explain_render:render_json",
    "html": "hypescore.cli.explain_html:render_html",
}
"""``explain --format`` name -> ``module:attribute`` of a renderer (see explain_render)."""


def load(target: str) -> Any:
    """Import ``module:attribute`` on demand."""
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)
