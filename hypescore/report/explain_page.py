"""The one-article report: verdict gauge, score bars, highlighted text, contributions.

A pure function of what scoring already produced (the article, its result as the JSON
contract shapes it, and the featurizer's evidence spans), so it can be rendered again
later from saved JSON without re-running the model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from hypescore.article import Article, as_article
from hypescore.evidence import Span
from hypescore.report.highlight import escape_text, highlight_html
from hypescore.report.kinds import HYPE, SUBSTANCE, css_class, kind_style, known_styles
from hypescore.report.page import document, family_pill
from hypescore.report.svg import (
    HYPE_COLOUR,
    SUBSTANCE_COLOUR,
    VERDICT_MAX,
    VERDICT_MIN,
    balance_bar,
    contribution_chart,
    gauge,
    reason_label,
    score_bar,
)

VIEW_COLOUR = "#fdba74"
# Result.views keys as a reader knows them: hype's four parts, then the headline's models.
VIEW_NAMES = {
    "headline": "headline: clickbait",
    "body": "body: opinion wording",
    "filler": "promotional filler",
    "tone": "one-sided tone",
    "teaser_clickbait": "headline: teaser model",
    "headline_clickbait": "headline: Stop Clickbait model",
}


def as_result_dict(result: Any) -> dict[str, Any]:
    """Accept a ``Result`` or its ``to_dict()`` mapping (e.g. read back from JSON)."""
    if hasattr(result, "to_dict"):
        return result.to_dict()
    if isinstance(result, Mapping):
        return dict(result)
    raise TypeError(f"expected a Result or a mapping, got {type(result).__name__}")


def verdict_family(verdict: float | None) -> str:
    """Which colour family a verdict belongs to: below the middle of the scale is hype."""
    if verdict is None:
        return ""
    return SUBSTANCE if float(verdict) > (VERDICT_MIN + VERDICT_MAX) / 2 else HYPE


def contribution_notes(reasons: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Hover words per feature: its signed contribution(s), one per scope it was read in."""
    found: dict[str, list[str]] = {}
    for reason in reasons:
        value = float(reason["contribution"])
        scope = reason.get("scope") or "article"
        where = "" if scope == "article" else f" on the {scope}"
        found.setdefault(str(reason["feature"]), []).append(f"{value:+.2f}{where}")
    return {
        feature: f" (contribution {', '.join(parts)} verdict points; + substance, - hype)"
        for feature, parts in found.items()
    }


def render_report(
    article: Article | str | Mapping[str, Any],
    result: Any,
    spans: Sequence[Span],
) -> str:
    """The complete, self-contained HTML report for one scored article."""
    article = as_article(article)
    data = as_result_dict(result)
    reasons = list(data.get("reasons") or [])
    notes = contribution_notes(reasons)
    text_spans = [s for s in spans if s.field == "text"]
    title_spans = [s for s in spans if s.field == "title"]
    title = article.title or ""
    heading = highlight_html(title, title_spans, id_prefix="h", notes=notes) or _read_headline(
        article
    )
    body = [
        '<header class="top">',
        f'<h1 class="title" id="title">{heading}</h1>',
        f'<div class="meta">{_meta_line(article, data)}</div>',
        "</header>",
        "<main>",
        _error_card(data),
        _warnings_card(data),
        '<section class="cards">',
        _verdict_card(data),
        _scores_card(data),
        _balance_card(spans, reasons),
        "</section>",
        '<div class="columns">',
        '<article class="card"><h2>Article text, evidence highlighted</h2>',
        f'<div class="doc" id="doc">{highlight_html(article.text, text_spans, notes=notes)}</div>',
        "</article>",
        "<aside>",
        '<div class="card"><h2>Why: signed contributions</h2>',
        contribution_chart(reasons),
        "</div>",
        '<div class="card"><h2>Highlights by kind</h2>',
        legend(spans),
        "</div>",
        "</aside>",
        "</div>",
        "</main>",
    ]
    page_title = f"hypescore: {title}" if title else "hypescore report"
    return document(page_title, "\n".join(body), footer=_footer(data))


def _read_headline(article: Article) -> str:
    """With no title, the headline the model read (the first sentence), marked as such."""
    from hypescore.analysis import analyse, headline_of

    text, _, _ = headline_of(article, analyse(article))
    if not text.strip():
        return "Untitled article"
    return f'{escape_text(text)} <span class="muted">(headline read from the first sentence)</span>'


def _meta_line(article: Article, data: Mapping[str, Any]) -> str:
    items = []
    if article.id is not None or data.get("id") is not None:
        items.append(f"id {escape_text(str(article.id or data.get('id')))}")
    if article.url:
        items.append(escape_text(article.url))  # shown as text, never as a live link
    items.append(f"{len(article.text.split()):,} words")
    return " \u00b7 ".join(items)


def _error_card(data: Mapping[str, Any]) -> str:
    if not data.get("error"):
        return ""
    return (
        '<section class="card error" id="error"><h2>Not scored</h2>'
        f"{escape_text(str(data['error']))}</section>"
    )


def _warnings_card(data: Mapping[str, Any]) -> str:
    """Why this verdict may mean little (too short, a label for a headline, thin HTML)."""
    warnings = [str(w) for w in data.get("warnings") or ()]
    if not warnings:
        return ""
    items = "".join(f"<li>{escape_text(w)}</li>" for w in warnings)
    return (
        '<section class="card warn" id="warnings"><h2>Read with care</h2>'
        f"<ul>{items}</ul></section>"
    )


def _verdict_card(data: Mapping[str, Any]) -> str:
    verdict = data.get("verdict")
    label = data.get("label")
    pill = family_pill(verdict_family(verdict), str(label)) if label else ""
    summary = (
        f'<p id="summary">{escape_text(str(data["summary"]))}</p>' if data.get("summary") else ""
    )
    context = data.get("context") or {}
    outlet = ""
    if context:
        where = escape_text(str(context.get("name") or context["domain"]))
        outlet = (
            f'<p class="muted" id="context">Ran on {where} (domain quality '
            f"{float(context['quality']):.2f}; context only, not part of the verdict)</p>"
        )
    return (
        f'<div class="card" id="verdict"><h2>Verdict {pill}</h2>'
        f"{gauge(verdict, None if label is None else str(label))}{summary}{outlet}</div>"
    )


def _scores_card(data: Mapping[str, Any]) -> str:
    views = data.get("views") or {}
    view_bars = "".join(
        score_bar(VIEW_NAMES.get(name, f"part: {name}"), value, VIEW_COLOUR, width=360)
        for name, value in views.items()
    )
    note = (
        "Hype's parts: headline (with its two clickbait models), body language, filler and "
        "one-sided tone; each raises hype on its own, none is averaged away."
        if views
        else ""
    )
    return (
        '<div class="card" id="scores"><h2>Scores (0 to 1)</h2>'
        f"{score_bar('hype', data.get('hype'), HYPE_COLOUR)}"
        f"{score_bar('impact', data.get('impact'), SUBSTANCE_COLOUR)}"
        f'{view_bars}<p class="muted">{note}</p></div>'
    )


def _balance_card(spans: Sequence[Span], reasons: Sequence[Mapping[str, Any]]) -> str:
    families = Counter(kind_style(s.kind).family for s in spans)
    hype, substance = families[HYPE], families[SUBSTANCE]
    return (
        '<div class="card" id="balance"><h2>Evidence found</h2>'
        f"<p>{family_pill(HYPE, f'{hype} hype signals')} "
        f"{family_pill(SUBSTANCE, f'{substance} substance signals')}</p>"
        f"{balance_bar(hype, substance)}"
        f"{_strongest(reasons)}"
        '<p class="muted">Hover a highlight to see what it is;<br>'
        "hover a bar or a kind to find its evidence.</p></div>"
    )


def _strongest(reasons: Sequence[Mapping[str, Any]], per_side: int = 3) -> str:
    """The few reasons that push hardest each way, in words."""
    items = []
    for side, sign in (("towards hype", -1), ("towards substance", 1)):
        pushes = sorted(
            (r for r in reasons if sign * float(r["contribution"]) > 0),
            key=lambda r: -abs(float(r["contribution"])),
        )[:per_side]
        if pushes:
            names = ", ".join(
                f"{reason_label(r)[0]} ({float(r['contribution']):+.2f})" for r in pushes
            )
            items.append(f"<li><b>{side}</b>: {escape_text(names)}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def legend(spans: Sequence[Span]) -> str:
    """Every known kind with its colour and how often it occurs here, by family."""
    counts = Counter(s.kind for s in spans)
    extra = sorted(k for k in counts if kind_style(k).family not in (HYPE, SUBSTANCE))
    groups = (
        ("Sells (hype family)", [s for s in known_styles() if s.family == HYPE]),
        ("Informs (substance family)", [s for s in known_styles() if s.family == SUBSTANCE]),
        ("Other", [kind_style(k) for k in extra]),
    )
    items = ['<ul class="legend">']
    for heading, styles in groups:
        if not styles:
            continue
        items.append(f"<h3>{escape_text(heading)}</h3>")
        for style in styles:
            n = counts.get(style.kind, 0)
            muted = "" if n else ' class="muted"'
            items.append(
                f'<li data-legend-kind="{escape_text(style.kind)}"{muted}>'
                f'<span class="chip {css_class(style.kind)}"></span>'
                f'{escape_text(style.label)}<span class="count">{n}</span></li>'
            )
    items.append("</ul>")
    return "".join(items)


def _footer(data: Mapping[str, Any]) -> str:
    model = data.get("model") or {}
    checksum = str(model.get("checksum") or "")[:12]
    parts = [
        "hypescore report",
        f"model {escape_text(str(model.get('name', '?')))} "
        f"{escape_text(str(model.get('version', '')))}",
    ]
    if checksum:
        parts.append(f"checksum {escape_text(checksum)}")
    parts.append(f"schema {escape_text(str(data.get('schema_version', '')))}")
    return " \u00b7 ".join(parts)
