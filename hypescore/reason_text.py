"""How a reason's plain-language summary is shortened, wherever a short form is shown.

A summary (``hypescore.reasons``) is a head, then its figures in brackets and its quotes
after a colon: "clickbait headline (0.85: teaser model 0.75, Stop Clickbait 1.00)",
"6 anonymous sources: 'Insiders say', ...". The verdict box and the report's chart rows
show the head alone; the full summary stays in the result (and in the chart's tooltip).
"""

from __future__ import annotations

import re

_QUOTED = ": '"
_FIGURES_ASIDE = re.compile(r" \(\d[^)]*\)")
ELLIPSIS = "\u2026"


def summary_head(summary: str, limit: int | None = None) -> str:
    """``summary`` without its quoted evidence and bracketed figures; at most ``limit``
    characters (cut at a word, with an ellipsis) when given."""
    head = _FIGURES_ASIDE.sub("", summary.split(_QUOTED, 1)[0]).strip()
    if limit is None or len(head) <= limit:
        return head
    cut = head[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + ELLIPSIS
