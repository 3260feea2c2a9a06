"""``hypescore story``: one development as several outlets tell it, side by side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from hypescore.cli.errors import CliIOError
from hypescore.cli.inputs import resolve_sources
from hypescore.cli.options import input_options, read_options, score_options
from hypescore.io.html import HtmlSupportMissing
from hypescore.io.readers import InputRecord, read_records

STORY_FORMATS = ("text", "json")


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="ARTICLE ARTICLE [ARTICLE]...")
@input_options
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="A .skops model file (default: the shipped model).",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, writable=True),
    metavar="PATH",
    help="Also write the story view as one self-contained HTML page.",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(STORY_FORMATS),
    default="text",
    show_default=True,
    help="What to print on stdout.",
)
def story(inputs: tuple[str, ...], **params: Any) -> None:
    """Compare outlets covering the same development: verdicts, hype and impact, which
    facts (figures, named actors) each carries or omits, a story-level impact read from
    what the outlets agree on, and a 1-10 story verdict with a two-sentence summary.

    Each ARTICLE file (or JSONL record) is one outlet, named after its file or id.
    """
    from hypescore.cli.run import score_records
    from hypescore.report import format_story, render_story
    from hypescore.story import compare_story
    from hypescore.story_verdict import SUMMARY_REASONS, story_report

    records = _read_all(inputs, params)
    if len(records) < 2:
        raise click.UsageError(f"a story needs at least two articles, got {len(records)}")
    options = score_options(params, spans=True, explain=SUMMARY_REASONS)
    outcomes = list(score_records(records, options))
    comparison = compare_story(
        [
            _outlet(name, outcome.record, outcome.result)
            for name, outcome in zip(outlet_names(records), outcomes, strict=True)
        ]
    )
    if params["output_format"] == "json":
        click.echo(json.dumps(story_report(comparison), ensure_ascii=False, indent=2))
    else:
        click.echo(format_story(comparison), nl=False)
    if params["html_path"]:
        from hypescore.cli.html_output import write_page

        written = write_page(params["html_path"], render_story(comparison))
        click.echo(f"hypescore: story view written to {written}", err=True)


def _read_all(inputs: tuple[str, ...], params: dict[str, Any]) -> list[InputRecord]:
    try:
        return list(read_records(resolve_sources(inputs), read_options(params)))
    except HtmlSupportMissing as exc:
        raise CliIOError(str(exc)) from exc


def outlet_names(records: list[InputRecord]) -> list[str]:
    """Short, unique names: the file's stem, or the record id; repeats get ``#2``..."""
    names: list[str] = []
    for record in records:
        base = Path(record.id).stem if record.id not in ("<stdin>", "") else "stdin"
        name, n = base, 1
        while name in names:
            n += 1
            name = f"{base}#{n}"
        names.append(name)
    return names


def _outlet(name: str, record: InputRecord, result: Any) -> Any:
    from hypescore.article import Article
    from hypescore.story import StoryOutlet

    article = record.article or Article(text="", id=record.id)
    return StoryOutlet(name, article, result.to_dict(), list(result.spans or ()))
