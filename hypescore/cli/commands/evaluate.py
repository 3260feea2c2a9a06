"""``hypescore evaluate``: cross-validated metrics per labelled dataset."""

from __future__ import annotations

import click


@click.command()
def evaluate() -> None:
    """Report a model's metrics on each labelled dataset."""
    raise click.ClickException("evaluate arrives with the library's hypescore.evaluate")
