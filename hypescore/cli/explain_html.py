"""``explain --html PATH`` and ``explain --format html``: the visual report per article.

Kept out of the explain command itself: the command only passes its outcomes through
:func:`write_reports` (for ``--html``) or picks :func:`render_html` from the renderer
registry (for ``--format html``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import click

from hypescore.cli.run import Outcome


def page_for(outcome: Outcome) -> str:
    """The report page of one outcome; a record that could not be read still gets a page."""
    from hypescore.article import Article
    from hypescore.report import render_report

    article = outcome.record.article or Article(text="", id=outcome.record.id)
    return render_report(article, outcome.to_dict(), list(outcome.result.spans or ()))


def report_paths(path: str | Path, count: int) -> list[Path]:
    """``PATH`` itself for one article; ``stem-1.html``, ``stem-2.html``... for several."""
    target = Path(path)
    if count == 1:
        return [target]
    suffix = target.suffix or ".html"
    return [target.with_name(f"{target.stem}-{n}{suffix}") for n in range(1, count + 1)]


def write_reports(outcomes: Iterable[Outcome], path: str | Path) -> Iterator[Outcome]:
    """Pass outcomes through unchanged, writing each one's page on the way.

    Page names depend on how many articles there are, so outcomes are gathered first
    (``explain`` is for a handful of articles; ``batch`` is for many).
    """
    from hypescore.cli.html_output import write_page

    gathered = list(outcomes)
    for outcome, target in zip(gathered, report_paths(path, len(gathered)), strict=True):
        written = write_page(target, page_for(outcome))
        click.echo(f"hypescore: report for {outcome.record.id} written to {written}", err=True)
    yield from gathered


def render_html(outcomes: Iterable[Outcome], out: TextIO, *, color: bool = False) -> None:
    """``--format html``: the page of the (single) article on stdout."""
    gathered = list(outcomes)
    if len(gathered) != 1:
        raise click.UsageError(
            f"--format html writes one page, for one article; got {len(gathered)}. "
            "Use --html PATH to write one page per article."
        )
    out.write(page_for(gathered[0]))
