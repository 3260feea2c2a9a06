"""``hypescore evaluate``: cross-validated metrics per labelled dataset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from hypescore.cli.errors import CliIOError


@click.command(short_help="Cross-validated metrics per labelled dataset.")
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
    help="Take view weights and thresholds from this .skops model [default: refit them].",
)
@click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Fixes the folds.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Use only the first N rows of each file (quick runs).",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Reuse featurized data between runs.",
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
    """Cross-validated metrics on each labelled dataset, as in the model card.

    Each dataset measures one view of hype (clickbait teasers, clickbait headlines,
    hyperpartisan articles); the same --folds, --seed and --limit as `train` reproduce
    the card's figures.
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
            folds=params["folds"],
            seed=params["seed"],
            limit=params["limit"],
            n_jobs=params["jobs"],
            cache_dir=params["cache_dir"],
            model=model,
        )
    except (OSError, KeyError, ValueError) as exc:
        raise CliIOError(f"evaluation failed: {exc}") from exc
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.format())
