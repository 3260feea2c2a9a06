"""``hypescore score``: score articles and print the results."""

from __future__ import annotations

import shutil
import sys
from typing import Any

import click

from hypescore.cli.errors import CliIOError
from hypescore.cli.inputs import resolve_sources, stop_if_no_text_field
from hypescore.cli.options import (
    check_options,
    color_option,
    input_options,
    is_terminal,
    read_options,
    score_options,
    scoring_options,
    use_color,
)
from hypescore.cli.output import stream_outcomes
from hypescore.cli.run import Tally, score_records, thresholds_from
from hypescore.io.census import FieldCensus
from hypescore.io.html import HtmlSupportMissing
from hypescore.io.readers import read_records
from hypescore.io.writers import OUTPUT_FORMATS, make_formatter


@click.command(short_help="Score articles and print the results.")
@click.argument("inputs", nargs=-1, metavar="[PATH|GLOB|-]...")
@input_options
@scoring_options
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    help="Output format [default: table on a terminal, else jsonl].",
)
@check_options
@color_option
@click.pass_context
def score(ctx: click.Context, inputs: tuple[str, ...], **params: Any) -> None:
    """Score articles: text files, HTML pages or JSONL records (stdin when piped or -).

    Prints one result per input record, in input order; a record that cannot be read or
    scored gets an error entry and the rest go on.
    """
    sources = resolve_sources(inputs)
    output_format = params["output_format"] or ("table" if is_terminal(sys.stdout) else "jsonl")
    options = score_options(params)  # the same --explain reasons in every format
    formatter = make_formatter(
        output_format,
        explain=params["explain"],
        feature_names=_feature_names() if params["with_features"] else (),
        color=use_color(params["color"]),
        width=shutil.get_terminal_size().columns,  # $COLUMNS, else 80 when not a terminal
    )
    census = FieldCensus(params["text_field"])
    records = read_records(sources, read_options(params), census=census)
    tally = Tally(thresholds_from(params))
    try:
        stream_outcomes(score_records(records, options), formatter, sys.stdout, tally)
    except HtmlSupportMissing as exc:
        raise CliIOError(str(exc)) from exc
    if tally.errors:
        click.echo(f"hypescore: {tally.summary()}", err=True)
    stop_if_no_text_field(census)
    ctx.exit(tally.exit_code(strict=params["strict"]))


def _feature_names() -> tuple[str, ...]:
    from hypescore.features import feature_names

    return tuple(feature_names())
