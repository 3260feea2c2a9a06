"""``hypescore explain``: why an article got its verdict, with the evidence quoted."""

from __future__ import annotations

import sys
from typing import Any

import click

from hypescore.cli.errors import CliIOError
from hypescore.cli.inputs import resolve_sources, stop_if_no_text_field
from hypescore.cli.options import (
    color_option,
    input_options,
    read_options,
    score_options,
    use_color,
)
from hypescore.cli.registry import EXPLAIN_RENDERERS, load
from hypescore.cli.run import score_records
from hypescore.io.census import FieldCensus
from hypescore.io.html import HtmlSupportMissing
from hypescore.io.readers import read_records


@click.command(short_help="Why each verdict: reasons with the text behind them.")
@click.argument("inputs", nargs=-1, metavar="[PATH|GLOB|-]...")
@input_options
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="A .skops model file (default: the shipped model).",
)
@click.option(
    "-n",
    "--top",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="How many reasons to show.",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(sorted(EXPLAIN_RENDERERS)),
    default="text",
    show_default=True,
    help="How to show the explanation.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="Also write a visual HTML report (PATH; PATH-ID.html per record for several).",
)
@color_option
def explain(inputs: tuple[str, ...], top: int, output_format: str, **params: Any) -> None:
    """Explain verdicts: each reason's weight and the text that triggered it."""
    sources = resolve_sources(inputs)
    wants_page = bool(params["html_path"]) or output_format == "html"
    options = score_options(params, explain=top, chunk_size=16, spans=wants_page)
    renderer = load(EXPLAIN_RENDERERS[output_format])
    census = FieldCensus(params["text_field"])
    outcomes = score_records(read_records(sources, read_options(params), census=census), options)
    if params["html_path"]:
        from hypescore.cli.explain_html import write_reports

        outcomes = write_reports(outcomes, params["html_path"])
    try:
        renderer(outcomes, sys.stdout, color=use_color(params["color"]))
    except HtmlSupportMissing as exc:
        raise CliIOError(str(exc)) from exc
    stop_if_no_text_field(census)
