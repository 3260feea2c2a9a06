"""A click group whose subcommands are imported only when run (or listed in help)."""

from __future__ import annotations

import sys
from typing import Any

import click

from hypescore.cli.errors import EXIT_USAGE, interrupted_exit_code, output_failure
from hypescore.cli.registry import COMMANDS, load


class LazyGroup(click.Group):
    """Subcommands come from :data:`hypescore.cli.registry.COMMANDS`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *super().list_commands(ctx)})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        return load(target)

    def invoke(self, ctx: click.Context) -> Any:
        _tolerant_stdout()
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _silence_stdout()
            ctx.exit(EXIT_USAGE)
        except KeyboardInterrupt:
            # 130 like any Ctrl-C'd program; click's own "Aborted!" would exit 1, the code
            # scripts read as a triggered --fail-above/--fail-below check.
            import signal

            click.echo("\nhypescore: interrupted", err=True)
            ctx.exit(interrupted_exit_code(signal.SIGINT))
        except OSError as exc:  # an output that failed (disk full, read-only, I/O error)
            _silence_stdout()
            click.echo(f"Error: {output_failure(exc)}", err=True)
            ctx.exit(EXIT_USAGE)


def _tolerant_stdout() -> None:
    """Text no encoding can hold (lone surrogates) is replaced on stdout, never fatal."""
    from hypescore.io.encodable import ENCODE_ERRORS

    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors=ENCODE_ERRORS)


def _silence_stdout() -> None:
    """Stdout is gone (``| head``, a full disk): stop without a traceback, and without
    the interpreter failing again when it flushes stdout on the way out."""
    import os

    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (tests, embedding): nothing to flush
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
