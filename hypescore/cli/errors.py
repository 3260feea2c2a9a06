"""Exit codes and the exceptions that carry them (clig.dev conventions)."""

from __future__ import annotations

import click

EXIT_OK = 0
EXIT_FAILED_CHECK = 1
"""A ``--fail-above/--fail-below`` threshold triggered, or a record failed under ``--strict``."""
EXIT_USAGE = 2
"""Bad arguments, unreadable inputs, unwritable outputs."""


class CliIOError(click.ClickException):
    """An input or output problem that stops the whole run (exit code 2)."""

    exit_code = EXIT_USAGE


def output_failure(exc: OSError, target: object = None) -> str:
    """One line for a failed write: which output (stdout when none is named) and why."""
    reason = exc.strerror or str(exc)
    return f"cannot write {target or exc.filename or 'the output'}: {reason}"


def interrupted_exit_code(signum: int) -> int:
    """128 + signal number, what shells report for a process killed by that signal."""
    return 128 + signum
