"""``hypescore train``: fit a model on labelled data and write it with its model card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from hypescore.cli.errors import CliIOError


@click.command(short_help="Train a model and write it with its model card.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder of labelled JSONL [default: ../shared/data beside the project].",
)
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for NAME.skops and its model card.",
)
@click.option("--name", default=None, help="Model name [default: the library's].")
@click.option("--model-version", default=None, help="Version recorded in the model.")
@click.option("--seed", type=int, default=0, show_default=True, help="Fixes folds and fits.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Use only N evenly spaced rows of each file (quick runs).",
)
@click.option(
    "--parts-from",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Reuse the learned parts of this model file instead of retraining them (~18 CPU min).",
)
@click.option(
    "--parts-figures",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="JSON figures of the reused parts' training run, for the card [docs/v2-models.json].",
)
@click.option("--no-card", is_flag=True, help="Skip the model card.")
def train(**params: Any) -> None:
    """Train a model from the labelled views and save it (prints the model file's path).

    The same data and seed give a byte-identical model file.
    """
    import hypescore

    options: dict[str, Any] = {
        "out": params["out"],
        "seed": params["seed"],
        "limit": params["limit"],
        "card": not params["no_card"],
        "parts_from": params["parts_from"],
        "parts_figures": params["parts_figures"],
    }
    if params["name"]:
        options["name"] = params["name"]
    if params["model_version"]:
        options["version"] = params["model_version"]
    try:
        model = hypescore.train(params["data_dir"], **options)
    except (OSError, KeyError, ValueError) as exc:
        raise CliIOError(f"training failed: {exc}") from exc
    path = Path(params["out"]) / f"{model.name}.skops"
    click.echo(
        f"hypescore train: {model.name} {model.version} (sha256 {model.checksum[:12]}...)",
        err=True,
    )
    click.echo(str(path))
