"""The ``hypescore`` command line.

Commands live one per module in :mod:`hypescore.cli.commands` and are found through
:mod:`hypescore.cli.registry`, which also lists the pluggable batch back-ends and explain
renderers; nothing heavy is imported until a command runs.

Exit codes: 0 success; 1 a ``--fail-above/--fail-below`` threshold triggered or (with
``--strict``) a record failed; 2 usage or input/output errors; 128+N stopped by signal N
(``batch`` saves finished records first).
"""

from __future__ import annotations

import click

from hypescore._version import __version__
from hypescore.cli.group import LazyGroup

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, message="%(prog)s %(version)s")
def main() -> None:
    """Score news articles for media hype versus real impact.

    Data goes to stdout, messages to stderr. Run `hypescore COMMAND --help` for details.
    """


__all__ = ["main"]
