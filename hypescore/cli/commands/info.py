"""``hypescore info``: what model is loaded, what it reads, and the versions around it."""

from __future__ import annotations

import json
import platform
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import click

PACKAGES = (
    "numpy",
    "scikit-learn",
    "skops",
    "vaderSentiment",
    "pyahocorasick",
    "textstat",
    "click",
    "trafilatura",
)


@click.command(short_help="Model card, feature list and versions.")
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="A .skops model file (default: the shipped model).",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--card",
    "show_card",
    is_flag=True,
    help="Print the model card (Markdown) that sits beside the model file.",
)
def info(model_path: str | None, output_format: str, show_card: bool) -> None:
    """Show the model card, the feature list and the versions in use."""
    import hypescore

    try:
        model = hypescore.load_model(model_path)
    except (OSError, ValueError) as exc:
        raise click.BadParameter(str(exc), param_hint="--model") from exc
    card_path = _card_path(model, model_path)
    if show_card:
        if card_path is None:
            raise click.ClickException(f"no model card found beside the {model.name} model")
        click.echo(card_path.read_text(encoding="utf-8"), nl=False)
        return
    facts = describe(model, model_path, card_path)
    if output_format == "json":
        click.echo(json.dumps(facts, indent=2))
    else:
        click.echo(_as_text(facts), nl=False)


def describe(model: Any, model_path: str | None, card_path: Path | None) -> dict[str, Any]:
    """Everything ``info`` reports, as plain data (the JSON output)."""
    import hypescore
    from hypescore._engine import kernel
    from hypescore.model import wordpiece

    names = list(hypescore.feature_names())
    families: dict[str, list[str]] = {}
    for name in names:
        family, _, feature = name.partition(".")
        families.setdefault(family, []).append(feature)
    return {
        "model": {
            "name": model.name,
            "version": model.version,
            "sha256": model.checksum,
            "file": model_path or "(shipped with hypescore)",
            "card": _display(card_path) if card_path else None,
            "hype_threshold": model.hype_threshold,
            "impact_threshold": model.impact_threshold,
            "parts": _parts(model),
            "verdict_map": [round(float(c), 4) for c in model.verdict_map.cuts],
            "training": model.training,
        },
        "features": {"count": len(names), "by_family": families},
        "engine": f"{kernel.describe()}; wordpiece table {wordpiece.describe_pieces()}",
        "versions": {
            "hypescore": hypescore.__version__,
            "python": platform.python_version(),
            **{package: _version(package) for package in PACKAGES},
        },
    }


PART_READS = {
    "headline": ("headline", "teaser_clickbait + headline_clickbait"),
    "body": ("body", "sentence_subjectivity"),
    "filler": ("body", "filler_score formula"),
    "tone": ("body", "one_sided_tone"),
}


def _parts(model: Any) -> list[dict[str, Any]]:
    """The four parts of hype: what each reads and its weight in the combination."""
    weights = model.combination.weights
    return [
        {
            "name": name,
            "reads": reads,
            "model": source,
            "weight": 1.0 if name == "filler" else weights[name],
        }
        for name, (reads, source) in PART_READS.items()
    ]


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _display(path: Path) -> str:
    """Relative to the working directory when under it, as the user would type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _card_path(model: Any, model_path: str | None) -> Path | None:
    """``NAME.card.md`` beside the model file (train writes it there)."""
    if model_path is not None:
        directory = Path(model_path).parent
    else:
        directory = Path(str(resources.files("hypescore").joinpath("models")))
    candidate = directory / f"{model.name}.card.md"
    return candidate if candidate.is_file() else None


def _as_text(facts: dict[str, Any]) -> str:
    model = facts["model"]
    lines = [
        f"model      {model['name']} {model['version']}",
        f"file       {model['file']}",
        f"sha256     {model['sha256']}",
        f"card       {model['card'] or '(none beside the model file)'}",
        f"labels     hype threshold {model['hype_threshold']}, "
        f"impact threshold {model['impact_threshold']}",
        "parts      (hype = 1 - (1 - w * headline)(1 - w * body)(1 - w * tone)(1 - filler))",
    ]
    for part in model["parts"]:
        lines.append(
            f"  {part['name']:<9} weight {part['weight']!s:<8} on the {part['reads']:<8} "
            f"({part['model']})"
        )
    lines.append(f"verdict    1 + cut points of substance reached: {model['verdict_map']}")
    features = facts["features"]
    lines.append(f"features   {features['count']} in {len(features['by_family'])} families")
    for family, names in features["by_family"].items():
        lines.append(f"  {family:<12} " + ", ".join(names))
    lines.append(f"engine     {facts['engine']}")
    lines.append(
        "versions   "
        + ", ".join(
            f"{name} {version or 'not installed'}" for name, version in facts["versions"].items()
        )
    )
    html_problem = _html_problem()
    if html_problem:
        lines.append(f"           ({html_problem})")
    return "\n".join(_wrap(line) for line in lines) + "\n"


def _html_problem() -> str | None:
    """Why HTML input would stop, if it would: the install hint or the real import error."""
    from hypescore.io.html import HtmlSupportMissing, ensure_html_support

    try:
        ensure_html_support()
    except HtmlSupportMissing as exc:
        return str(exc)
    return None


def _wrap(line: str, width: int = 100) -> str:
    if len(line) <= width:
        return line
    import textwrap

    indent = " " * (len(line) - len(line.lstrip()) + 13)
    return textwrap.fill(line, width=width, subsequent_indent=indent, break_on_hyphens=False)
