"""Inline SVG charts: the verdict gauge, score bars and the signed contribution chart.

Hand-written SVG keeps the page self-contained (no chart library, no external asset)
and deterministic, so the same result always renders to the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from hypescore.reason_text import summary_head
from hypescore.report.highlight import escape_text

VERDICT_MIN = 1
VERDICT_MAX = 10
"""The verdict scale: 1 (all hype) to 10 (all substance)."""
HYPE_COLOUR = "#ea580c"
SUBSTANCE_COLOUR = "#2563eb"
# From hype (left) to substance (right), matching the two highlight families.
GAUGE_BANDS = ("#dc2626", "#f97316", "#facc15", "#5eead4", "#2563eb")


def _fmt(value: float) -> str:
    """Coordinates with two decimals: stable output without float noise."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _polar(cx: float, cy: float, r: float, fraction: float) -> tuple[float, float]:
    """Point on the upper half circle: fraction 0 at the left end, 1 at the right."""
    angle = math.pi * (1.0 - fraction)
    return cx + r * math.cos(angle), cy - r * math.sin(angle)


def gauge(verdict: float | None, label: str | None) -> str:
    """A half-circle gauge from hype (``VERDICT_MIN``) to substance (``VERDICT_MAX``)."""
    cx, cy, r = 130.0, 125.0, 100.0
    parts = [
        '<svg class="gauge" viewBox="0 0 260 200" width="260" height="200" role="img" '
        f'aria-label="verdict {escape_text(_verdict_text(verdict))} of {VERDICT_MAX}">'
    ]
    n = len(GAUGE_BANDS)
    for i, colour in enumerate(GAUGE_BANDS):
        x0, y0 = _polar(cx, cy, r, i / n + 0.004)
        x1, y1 = _polar(cx, cy, r, (i + 1) / n - 0.004)
        parts.append(
            f'<path d="M {_fmt(x0)} {_fmt(y0)} A {_fmt(r)} {_fmt(r)} 0 0 1 {_fmt(x1)} '
            f'{_fmt(y1)}" fill="none" stroke="{colour}" stroke-width="24"/>'
        )
    parts.append(
        f'<text x="{_fmt(cx - r)}" y="{_fmt(cy + 22)}" class="axis" text-anchor="middle">'
        "hype</text>"
    )
    parts.append(
        f'<text x="{_fmt(cx + r)}" y="{_fmt(cy + 22)}" class="axis" text-anchor="middle">'
        "substance</text>"
    )
    if verdict is not None:
        fraction = (float(verdict) - VERDICT_MIN) / (VERDICT_MAX - VERDICT_MIN)
        fraction = min(max(fraction, 0.0), 1.0)
        nx, ny = _polar(cx, cy, r - 26, fraction)
        parts.append(
            f'<line class="needle" x1="{_fmt(cx)}" y1="{_fmt(cy)}" x2="{_fmt(nx)}" y2="{_fmt(ny)}" '
            'stroke="#111827" stroke-width="4" stroke-linecap="round"/>'
        )
        parts.append(f'<circle cx="{_fmt(cx)}" cy="{_fmt(cy)}" r="7" fill="#111827"/>')
    parts.append(
        f'<text x="{_fmt(cx)}" y="{_fmt(cy + 46)}" text-anchor="middle" class="big">'
        f"{escape_text(_verdict_text(verdict))}"
        f'<tspan class="outof" dx="2">/{VERDICT_MAX}</tspan></text>'
    )
    if label:
        parts.append(
            f'<text x="{_fmt(cx)}" y="{_fmt(cy + 68)}" text-anchor="middle" class="caption">'
            f"{escape_text(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _verdict_text(verdict: float | None) -> str:
    return "n/a" if verdict is None else f"{float(verdict):.0f}"


def score_bar(name: str, value: float | None, colour: str, *, width: int = 360) -> str:
    """A labelled 0..1 bar; ``None`` (no score) draws an empty track marked n/a."""
    height, track = 46, 14
    shown = "n/a" if value is None else f"{float(value):.2f}"
    filled = 0.0 if value is None else min(max(float(value), 0.0), 1.0) * width
    return (
        f'<svg class="bar" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape_text(name)} {shown}" data-score="{escape_text(name)}">'
        f'<text x="0" y="16" class="label">{escape_text(name)}</text>'
        f'<text x="{width}" y="16" text-anchor="end" class="value">{shown}</text>'
        f'<rect x="0" y="26" width="{width}" height="{track}" rx="7" fill="#e5e7eb"/>'
        f'<rect x="0" y="26" width="{_fmt(filled)}" height="{track}" rx="7" fill="{colour}"/>'
        "</svg>"
    )


MONO_CHAR_W = 7.3
"""Width of one 12px monospace character, to size the label column to its longest label."""


LABEL_CHARS = 44


def reason_label(reason: Mapping[str, Any]) -> tuple[str, str]:
    """How a reason is named on the page, and its value when the name does not say it.

    A reason with a plain-language summary (schema 1.3) is named by where it was read
    and the summary's head ("Body: 6 anonymous sources"); an older one by its feature.
    """
    scope = str(reason.get("scope") or "article")
    summary = str(reason.get("summary") or "")
    if summary:
        return f"{scope.capitalize()}: {summary_head(summary, LABEL_CHARS)}", ""
    feature = str(reason["feature"])
    value = reason.get("value")
    shown = feature if scope == "article" else f"{feature} ({scope})"
    return shown, "" if value is None else f"{float(value):.3g}"


def contribution_chart(reasons: Sequence[Mapping[str, Any]], *, half: float = 150.0) -> str:
    """Signed horizontal bars, one per reason, largest effect first.

    Bars left of the axis push the verdict towards hype, bars right towards substance.
    The label column fits the longest label; the page scales the whole chart to its box.
    """
    if not reasons:
        return '<p class="muted">No reasons recorded for this result.</p>'
    rows = sorted(reasons, key=lambda r: -abs(float(r["contribution"])))
    longest = max(len(shown) + len(value) + 3 for shown, value in map(reason_label, rows))
    label_w = max(220.0, MONO_CHAR_W * longest + 12)
    value_w, row_h, top = 44.0, 26.0, 30.0
    width = label_w + 2 * value_w + 2 * half
    axis = label_w + value_w + half
    scale = max(abs(float(r["contribution"])) for r in rows) or 1.0
    height = top + row_h * len(rows) + 8
    parts = [
        f'<svg class="contrib" viewBox="0 0 {_fmt(width)} {_fmt(height)}" '
        f'width="{_fmt(width)}" height="{_fmt(height)}" role="img" '
        'aria-label="signed feature contributions">',
        f'<text x="{_fmt(axis - 6)}" y="16" text-anchor="end" class="axis hype">'
        "\u2190 towards hype</text>",
        f'<text x="{_fmt(axis + 6)}" y="16" class="axis substance">towards substance \u2192</text>',
    ]
    for i, reason in enumerate(rows):
        parts.append(_contribution_row(reason, top + i * row_h, row_h, axis, half, scale, label_w))
    parts.append(
        f'<line x1="{_fmt(axis)}" y1="{_fmt(top - 6)}" x2="{_fmt(axis)}" y2="{_fmt(height - 4)}" '
        'stroke="#374151" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _contribution_row(
    reason: Mapping[str, Any],
    y: float,
    row_h: float,
    axis: float,
    half: float,
    scale: float,
    label_w: float,
) -> str:
    feature = str(reason["feature"])
    scope = str(reason.get("scope") or "article")
    shown, value_text = reason_label(reason)
    contribution = float(reason["contribution"])
    length = abs(contribution) / scale * half
    positive = contribution >= 0
    x = axis if positive else axis - length
    colour = SUBSTANCE_COLOUR if positive else HYPE_COLOUR
    value_x = axis + length + 4 if positive else axis - length - 4
    anchor = "start" if positive else "end"
    measured = f"{shown} = {value_text}" if value_text else str(reason.get("summary") or shown)
    tip = f"{measured}: contribution {contribution:+.3f} verdict points"
    return (
        f'<g class="reason" data-feature="{escape_text(feature)}" '
        f'data-scope="{escape_text(scope)}">'
        f"<title>{escape_text(tip)}</title>"
        f'<rect x="0" y="{_fmt(y)}" width="100%" height="{_fmt(row_h)}" class="row-bg"/>'
        f'<text x="{_fmt(label_w - 6)}" y="{_fmt(y + row_h / 2 + 4)}" text-anchor="end" '
        f'class="feature">{escape_text(shown)}{_value_tspan(value_text)}</text>'
        f'<rect x="{_fmt(x)}" y="{_fmt(y + 5)}" width="{_fmt(max(length, 1.0))}" '
        f'height="{_fmt(row_h - 10)}" rx="3" fill="{colour}"/>'
        f'<text x="{_fmt(value_x)}" y="{_fmt(y + row_h / 2 + 4)}" text-anchor="{anchor}" '
        f'class="cvalue">{contribution:+.2f}</text></g>'
    )


def _value_tspan(value_text: str) -> str:
    if not value_text:
        return ""
    return f'<tspan class="fvalue"> = {escape_text(value_text)}</tspan>'


def balance_bar(hype: int, substance: int, *, width: int = 300) -> str:
    """One bar split between hype and substance signals: the page's balance at a glance."""
    total = hype + substance
    share = hype / total if total else 0.0
    split = share * width
    return (
        f'<svg class="bar balance" viewBox="0 0 {width} 30" width="{width}" height="30" '
        f'role="img" aria-label="{hype} hype and {substance} substance signals">'
        f'<rect x="0" y="4" width="{width}" height="16" rx="8" fill="#e5e7eb"/>'
        f'<rect x="0" y="4" width="{_fmt(split)}" height="16" fill="{HYPE_COLOUR}"/>'
        f'<rect x="{_fmt(split)}" y="4" width="{_fmt(width - split)}" height="16" '
        f'fill="{SUBSTANCE_COLOUR if total else "#e5e7eb"}"/>'
        "</svg>"
    )
