"""The story view as one self-contained page: outlets side by side, facts as a matrix.

Each outlet's text is shown with the facts it carries highlighted; hovering a fact's row
lights that fact in every outlet that carries it.
"""

from __future__ import annotations

from hypescore.evidence import Span
from hypescore.report.explain_page import verdict_family
from hypescore.report.highlight import escape_text, highlight_html
from hypescore.report.page import document, family_pill
from hypescore.report.svg import HYPE_COLOUR, SUBSTANCE_COLOUR, gauge, score_bar
from hypescore.story import FIGURE, StoryComparison
from hypescore.story_verdict import outlet_summary, story_verdict

_MEASURE_KIND = (("money:", "money"), ("percent", "percentage"), ("qty:", "quantity"))


def fact_kind(key: str) -> str:
    """The highlight kind (and so the colour) of a fact's mentions."""
    for prefix, kind in _MEASURE_KIND:
        if key.startswith(prefix):
            return kind
    return "named"


def render_story(comparison: StoryComparison, *, title: str | None = None) -> str:
    """The complete, self-contained HTML story view."""
    c = comparison
    heading = title or _story_title(c)
    body = [
        '<header class="top">',
        f"<h1>Story view: {escape_text(heading)}</h1>",
        f'<div class="meta">{len(c.outlets)} outlets \u00b7 {len(c.facts)} facts \u00b7 '
        f"{len(c.corroborated)} carried by two or more</div>",
        "</header>",
        "<main>",
        '<section class="cards story-cards">',
        _verdict_card(c),
        _impact_card(c),
        _summary_card(c),
        "</section>",
        '<section class="card" id="outlets"><h2>Outlets</h2>',
        _outlet_table(c),
        "</section>",
        '<section class="card" id="facts"><h2>Facts: who carries what</h2>',
        _fact_table(c),
        "</section>",
        '<section class="texts" id="texts">',
        *(_outlet_text(c, i) for i in range(len(c.outlets))),
        "</section>",
        "</main>",
    ]
    return document(f"hypescore story: {heading}", "\n".join(body), footer="hypescore story view")


def _story_title(c: StoryComparison) -> str:
    for outlet in c.outlets:
        if outlet.article.title:
            return outlet.article.title
    return "several outlets, one development"


def _verdict_card(c: StoryComparison) -> str:
    verdict = story_verdict(c)
    return (
        '<div class="card" id="story-verdict"><h2>Story verdict</h2>'
        f"{gauge(verdict.verdict, 'story')}"
        f'<p id="story-summary">{escape_text(verdict.summary)}</p></div>'
    )


def _impact_card(c: StoryComparison) -> str:
    return (
        '<div class="card" id="story-impact"><h2>Story-level impact</h2>'
        f"{score_bar('impact of what the outlets agree on', c.impact, SUBSTANCE_COLOUR)}"
        f'<p class="muted">{escape_text(c.impact_basis)}.</p></div>'
    )


def _summary_card(c: StoryComparison) -> str:
    everyone = [f.label for f in c.facts if len(c.carried_by(f.key)) == len(c.outlets)]
    items = [
        f"<li><b>All {len(c.outlets)} outlets</b> carry: "
        f"{escape_text(', '.join(everyone)) if everyone else 'no common fact'}</li>"
    ]
    for i, outlet in enumerate(c.outlets):
        omitted = len(c.omitted(i))
        alone = [f.label for f in c.exclusive(i)]
        parts = [f"leaves out {omitted} fact{'s' if omitted != 1 else ''} others carry"]
        if alone:
            parts.append(f"alone with {', '.join(alone)}")
        items.append(f"<li><b>{escape_text(outlet.name)}</b> {escape_text('; '.join(parts))}</li>")
    return f'<div class="card" id="summary"><h2>At a glance</h2><ul>{"".join(items)}</ul></div>'


def _outlet_table(c: StoryComparison) -> str:
    rows = [
        '<div class="table-scroll"><table class="grid"><thead><tr><th>outlet</th><th>verdict</th>'
        "<th>hype</th><th>impact</th><th>carries</th><th>omits</th><th>only here</th></tr>"
        "</thead><tbody>"
    ]
    for i, outlet in enumerate(c.outlets):
        name = escape_text(outlet.name)
        if not outlet.ok:
            rows.append(
                f'<tr data-outlet="{name}"><td class="name">{name}</td><td colspan="6" class="no">'
                f"not scored: {escape_text(str(outlet.result.get('error')))}</td></tr>"
            )
            continue
        r = outlet.result
        verdict = r.get("verdict")
        label = f"{'n/a' if verdict is None else f'{float(verdict):.0f}'} {r.get('label') or ''}"
        carries = sum(c.carries(i, f.key) for f in c.facts)
        rows.append(
            f'<tr data-outlet="{name}"><td class="name"><b>{name}</b></td>'
            f"<td>{family_pill(verdict_family(verdict), label.strip())}</td>"
            f"<td>{score_bar('hype', r.get('hype'), HYPE_COLOUR, width=160)}</td>"
            f"<td>{score_bar('impact', r.get('impact'), SUBSTANCE_COLOUR, width=160)}</td>"
            f'<td class="num">{carries} of {len(c.facts)}</td>'
            f'<td class="num">{len(c.omitted(i))}</td>'
            f'<td class="num">{len(c.exclusive(i))}</td></tr>'
            f'<tr class="outlet-summary"><td></td><td colspan="6" class="muted">'
            f"{escape_text(outlet_summary(c, i))}</td></tr>"
        )
    rows.append("</tbody></table></div>")
    return "".join(rows)


def _fact_table(c: StoryComparison) -> str:
    if not c.facts:
        return '<p class="muted">No figures or named actors found in any outlet.</p>'
    head = "".join(f'<th class="name">{escape_text(o.name)}</th>' for o in c.outlets)
    rows = [
        '<div class="table-scroll"><table class="grid facts"><thead><tr><th>fact</th>'
        f"<th>kind</th>{head}<th>agreement</th></tr></thead><tbody>"
    ]
    for fact in c.facts:
        carriers = c.carried_by(fact.key)
        exclusive = len(carriers) == 1
        cells = []
        for i in range(len(c.outlets)):
            mentions = c.mentions[i].get(fact.key, ())
            if mentions:
                cells.append(f'<td class="yes">\u2713 {escape_text(mentions[0].surface)}</td>')
            else:
                cells.append('<td class="no">\u2014 omitted</td>')
        agreement = (
            f"only {escape_text(c.outlets[carriers[0]].name)}"
            if exclusive
            else f"{len(carriers)} of {len(c.outlets)}"
        )
        row_class = ' class="exclusive"' if exclusive else ""
        kind = "figure" if fact.kind == FIGURE else "actor"
        rows.append(
            f'<tr data-feature="{escape_text(fact.key)}"{row_class}>'
            f"<td><b>{escape_text(fact.label)}</b></td><td>{kind}</td>{''.join(cells)}"
            f"<td>{agreement}</td></tr>"
        )
    rows.append("</tbody></table></div>")
    return "".join(rows)


def _outlet_text(c: StoryComparison, index: int) -> str:
    outlet = c.outlets[index]
    spans = [
        Span(m.start, m.end, fact_kind(key), key)
        for key, mentions in c.mentions[index].items()
        for m in mentions
    ]
    title = f"<h3>{escape_text(outlet.article.title)}</h3>" if outlet.article.title else ""
    text = highlight_html(outlet.article.text, spans, id_prefix=f"o{index}-")
    return (
        f'<article class="card outlet-text" data-outlet="{escape_text(outlet.name)}">'
        f"<h2>{escape_text(outlet.name)}</h2>{title}"
        f'<div class="doc">{text}</div></article>'
    )
