"""Options shared by the commands that read articles and score them."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from hypescore.io.readers import ReadOptions
from hypescore.io.sources import INPUT_FORMATS
from hypescore.records import DEFAULT_MAX_CHARS

if TYPE_CHECKING:
    from hypescore.scoring import ScoreOptions

F = TypeVar("F", bound=Callable[..., Any])

METRICS = ("verdict", "hype", "impact")


def _apply(options: list[Callable[[F], F]], function: F) -> F:
    for option in reversed(options):
        function = option(function)
    return function


def input_options(function: F) -> F:
    """How inputs are read: format, JSONL field names, size limit."""
    return _apply(
        [
            click.option(
                "--input-format",
                type=click.Choice(INPUT_FORMATS),
                default="auto",
                show_default=True,
                help="auto: by file extension (.jsonl/.ndjson, .html/.htm, .csv, else text), "
                "sniffed for stdin.",
            ),
            click.option(
                "--text-field",
                default="text",
                show_default=True,
                metavar="NAME",
                help="JSONL/CSV field holding the article text.",
            ),
            click.option(
                "--title-field",
                default="title",
                show_default=True,
                metavar="NAME",
                help="JSONL/CSV field holding the headline.",
            ),
            click.option(
                "--id-field",
                default="id",
                show_default=True,
                metavar="NAME",
                help="JSONL/CSV field holding the record id (else SOURCE:LINE).",
            ),
            click.option(
                "--url-field",
                default="url",
                show_default=True,
                metavar="NAME",
                help="JSONL/CSV field holding the article URL.",
            ),
            click.option(
                "--first-line-title",
                is_flag=True,
                help="Plain text: the first line is the headline.",
            ),
            click.option(
                "--max-chars",
                type=click.IntRange(min=1),
                default=DEFAULT_MAX_CHARS,
                show_default=f"{DEFAULT_MAX_CHARS:,}, the library's limit",
                metavar="N",
                help="Longer articles become error records.",
            ),
        ],
        function,
    )


def scoring_options(function: F, *, chunk_size: int = 256) -> F:
    """Which model, how much explanation, how much parallelism."""
    return _apply(
        [
            click.option(
                "--model",
                "model_path",
                type=click.Path(dir_okay=False),
                metavar="PATH",
                help="A .skops model file (default: the shipped model).",
            ),
            click.option(
                "--explain",
                type=click.IntRange(min=0),
                default=0,
                metavar="N",
                help="Add the top N reasons with their evidence text.",
            ),
            click.option(
                "--features", "with_features", is_flag=True, help="Add the full feature vector."
            ),
            click.option(
                "-j",
                "--jobs",
                type=click.IntRange(min=1),
                default=1,
                show_default=True,
                help="Worker processes.",
            ),
            click.option(
                "--chunk-size",
                type=click.IntRange(min=1),
                default=chunk_size,
                show_default=True,
                help="Records per work unit.",
            ),
        ],
        function,
    )


def check_options(function: F) -> F:
    """Make the exit code useful in scripts and CI."""
    return _apply(
        [
            click.option(
                "--fail-above",
                type=float,
                metavar="X",
                help="Exit 1 if any record's metric is above X.",
            ),
            click.option(
                "--fail-below",
                type=float,
                metavar="X",
                help="Exit 1 if any record's metric is below X.",
            ),
            click.option(
                "--fail-metric",
                type=click.Choice(METRICS),
                default="verdict",
                show_default=True,
                help="The metric the --fail-* thresholds test.",
            ),
            click.option("--strict", is_flag=True, help="Exit 1 if any record failed."),
        ],
        function,
    )


def color_option(function: F) -> F:
    return click.option(
        "--color/--no-color",
        default=None,
        help="Colour the table (default: only on a terminal and without NO_COLOR).",
    )(function)


def read_options(params: dict[str, Any]) -> ReadOptions:
    return ReadOptions(
        input_format=params["input_format"],
        text_field=params["text_field"],
        title_field=params["title_field"],
        id_field=params["id_field"],
        url_field=params["url_field"],
        first_line_title=params["first_line_title"],
        max_chars=params["max_chars"],
    )


# Command-line parameter -> ``ScoreOptions`` field; a command without one gets the default.
_SCORE_PARAMS = {
    "explain": "explain",
    "with_features": "features",
    "jobs": "n_jobs",
    "chunk_size": "chunk_size",
    "max_chars": "max_chars",
}


def score_options(params: dict[str, Any], **overrides: Any) -> ScoreOptions:
    """The one ``ScoreOptions`` of a command, from its parameters and what it fixes itself.

    The model is loaded here, once, so a bad model path fails before any input is read.
    """
    from hypescore.model import load_model
    from hypescore.scoring import ScoreOptions

    path = params.get("model_path")
    try:
        model = load_model(path)
    except (OSError, ValueError) as exc:
        raise click.BadParameter(str(exc), param_hint="--model") from exc
    given = {field: params[name] for name, field in _SCORE_PARAMS.items() if name in params}
    return ScoreOptions(model=model, **{**given, **overrides})


def use_color(flag: bool | None, stream: Any = None) -> bool:
    """Colour only for a person at a terminal who has not opted out (NO_COLOR, TERM=dumb)."""
    if flag is not None:
        return flag
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def is_terminal(stream: Any) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())
