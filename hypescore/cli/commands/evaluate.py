"""``hypescore evaluate``: the v2 model's figures on its reference articles (SemEval)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from hypescore.cli.errors import CliIOError


@click.command(short_help="The model's figures on the SemEval reference articles.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder of labelled JSONL [default: ../shared/data beside the project].",
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="Evaluate this .skops model [default: the shipped one].",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Fixes the folds.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Use only N evenly spaced articles (quick runs).",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def evaluate(model_path: str | None, output_format: str, **params: Any) -> None:
    """The model's figures on the SemEval training articles, as in the model card.

    Parts AUC (tone out of fold), combined hype AUC against the best part, impact against
    publisher domain quality (an outside check only), the verdict spread. The same --seed
    and --limit as `train` reproduce the card's figures.
    """
    import hypescore

    model = None
    if model_path is not None:
        try:
            model = hypescore.load_model(model_path)
        except (OSError, ValueError) as exc:
            raise click.BadParameter(str(exc), param_hint="--model") from exc
    try:
        report = hypescore.evaluate(
            params["data_dir"],
            seed=params["seed"],
            limit=params["limit"],
            model=model,
        )
    except (OSError, KeyError, ValueError) as exc:
        raise CliIOError(f"evaluation failed: {exc}") from exc
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.format())
