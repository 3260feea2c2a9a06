"""Renderers for ``hypescore explain``: one function per output, found via the registry.

A renderer is ``render(outcomes, out, *, color) -> None``; it receives every outcome
(an input record with its result) and writes to ``out``. New renderers (an HTML report)
are registered in :data:`hypescore.cli.registry.EXPLAIN_RENDERERS`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

import click

from hypescore.cli.run import Outcome

CONTEXT_CHARS = 40
QUOTES_PER_REASON = 3
BAR_WIDTH = 12


def render_json(outcomes: Iterable[Outcome], out: TextIO, *, color: bool = False) -> None:
    """The same objects as ``score --format json``: an array, written as results arrive."""
    out.write("[")
    first = True
    for outcome in outcomes:
        out.write("\n" if first else ",\n")
        out.write(json.dumps(outcome.to_dict(), ensure_ascii=False, allow_nan=False, indent=2))
        out.flush()
        first = False
    out.write("]\n" if first else "\n]\n")


def render_text(outcomes: Iterable[Outcome], out: TextIO, *, color: bool = False) -> None:
    """A readable account per article: verdict, then each reason with quotes in context."""
    for number, outcome in enumerate(outcomes):
        if number:
            out.write("\n")
        out.write(_article_text(outcome, color))
        out.flush()


def _article_text(outcome: Outcome, color: bool) -> str:
    def style(text: str, **styles: Any) -> str:
        return click.style(text, **styles) if color else text

    result = outcome.result
    lines = [style(str(result.id), bold=True)]
    if result.error:
        lines.append("  " + style(f"error: {result.error}", fg="red"))
        return "\n".join(lines) + "\n"
    model = result.model
    lines.append(
        f"  verdict {style(f'{result.verdict}/10', bold=True)}  {result.label}"
        f"   hype {result.hype:.2f}   impact {result.impact:.2f}"
    )
    lines.append(f"  model {model.name} {model.version} ({model.checksum[:12]})")
    lines.extend("  " + style(f"! {warning}", fg="yellow") for warning in result.warnings)
    if result.summary:
        lines.append(f"  {result.summary}")
    if result.context:
        where = result.context.get("name") or result.context["domain"]
        lines.append(f"  ran on {where} (context only, not part of the verdict)")
    if not result.reasons:
        return "\n".join(lines) + "\n"
    scale = max(abs(reason.contribution) for reason in result.reasons) or 1.0
    lines.append("  reasons, strongest first (+ towards substance, - towards hype):")
    article = outcome.record.article
    for rank, reason in enumerate(result.reasons, start=1):
        bar = "#" * max(1, round(abs(reason.contribution) / scale * BAR_WIDTH))
        colour = "green" if reason.contribution >= 0 else "red"
        lines.append(
            f"  {rank:>2}. {reason.contribution:+.3f} {style(f'{bar:<{BAR_WIDTH}}', fg=colour)}"
            f" {reason.summary or f'{reason.feature} = {reason.value:.3g}'}"
            f"  ({reason.scope}: {reason.feature})"
        )
        for span in reason.evidence[:QUOTES_PER_REASON]:
            lines.append("        " + _quote_in_context(article, span, style))
        if len(reason.evidence) > QUOTES_PER_REASON:
            lines.append(f"        ... and {len(reason.evidence) - QUOTES_PER_REASON} more")
    return "\n".join(lines) + "\n"


def _quote_in_context(article: Any, span: Any, style: Any) -> str:
    """``…words before [the quote] words after…`` on one line."""
    source = (article.title if span.field == "title" else article.text) or ""
    before = source[max(0, span.start - CONTEXT_CHARS) : span.start]
    after = source[span.end : span.end + CONTEXT_CHARS]
    quote = source[span.start : span.end]
    where = "title: " if span.field == "title" else ""
    prefix = "…" if span.start > CONTEXT_CHARS else ""
    suffix = "…" if span.end + CONTEXT_CHARS < len(source) else ""
    text = f"{prefix}{_flat(before)}[{style(_flat(quote), bold=True)}]{_flat(after)}{suffix}"
    return where + text


def _flat(text: str) -> str:
    """One line: every run of whitespace (newlines too) becomes one space."""
    return re.sub(r"\s+", " ", text)
