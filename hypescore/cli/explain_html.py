"""``explain --html PATH`` and ``explain --format html``: the visual report per article.

Kept out of the explain command itself: the command only passes its outcomes through
:func:`write_reports` (for ``--html``) or picks :func:`render_html` from the renderer
registry (for ``--format html``).
"""

from __future__ import annotations

import re
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


def report_paths(path: str | Path, ids: list[str]) -> list[Path]:
    """``PATH`` itself for one article; ``stem-ID.html`` for several, ID from the record id.

    A path-like id gives its file name (``tests/fixtures/wire.txt`` -> ``wire.txt``),
    characters unsafe in file names become ``_``, and a name given twice gets ``-2``...
    """
    target = Path(path)
    if len(ids) == 1:
        return [target]
    suffix = target.suffix or ".html"
    taken: dict[str, int] = {}
    paths = []
    for record_id in ids:
        name = _file_safe(record_id)
        taken[name] = taken.get(name, 0) + 1
        if taken[name] > 1:
            name = f"{name}-{taken[name]}"
        paths.append(target.with_name(f"{target.stem}-{name}{suffix}"))
    return paths


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_NAME = 80


def _file_safe(record_id: str) -> str:
    last = record_id.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", last).strip("._-") or "record"
    return name if len(name) <= MAX_NAME else name[: MAX_NAME // 2] + "_" + name[-MAX_NAME // 2 :]


def write_reports(outcomes: Iterable[Outcome], path: str | Path) -> Iterator[Outcome]:
    """Pass outcomes through unchanged, writing each one's page on the way.

    Page names depend on how many articles there are, so outcomes are gathered first
    (``explain`` is for a handful of articles; ``batch`` is for many).
    """
    from hypescore.cli.html_output import write_page

    gathered = list(outcomes)
    targets = report_paths(path, [outcome.record.id for outcome in gathered])
    for outcome, target in zip(gathered, targets, strict=True):
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
