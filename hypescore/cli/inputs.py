"""Command arguments to sources, with the conventions of ``score`` and ``explain``."""

from __future__ import annotations

import sys

import click

from hypescore.cli.errors import CliIOError
from hypescore.io.census import FieldCensus
from hypescore.io.sources import STDIN, Source, SourceError, expand_sources


def resolve_sources(arguments: tuple[str, ...]) -> list[Source]:
    """The sources named, or stdin when nothing is named and something is piped in."""
    if not arguments:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: give PATH, GLOB or -, or pipe text in")
        arguments = (STDIN,)
    try:
        return expand_sources(arguments)
    except SourceError as exc:
        raise CliIOError(str(exc)) from exc


def total_bytes(sources: list[Source]) -> int | None:
    """Size of all inputs when every one is a file, for percent-done displays."""
    sizes = [source.size() for source in sources]
    return None if any(size is None for size in sizes) else sum(sizes)  # type: ignore[misc]


def stop_if_no_text_field(census: FieldCensus) -> None:
    """Exit 2 with a hint when not one JSONL/CSV record had the text field: a wrong name."""
    hint = census.hint()
    if hint:
        raise CliIOError(hint)
