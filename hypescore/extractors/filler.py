"""Filler: the promotional blocks cut from the body (``hypescore.filler``), measured.

Counts of blocks, lines and items by kind and the share of the text they cover, over
the promotional blocks only (page chrome is cut from the body but sells nothing); the
0..1 ``filler_score`` built from them is a documented formula in
``hypescore.model.filler``.
"""

from __future__ import annotations

from hypescore.analysis import AnalysedArticle
from hypescore.evidence import Span, SpanSink
from hypescore.extractors._matching import merged_length
from hypescore.filler import (
    BOILERPLATE,
    CALL_TO_ACTION,
    HEADINGS,
    KEYWORD_CLOUD,
    NAVIGATION,
    PROMOTIONAL_KINDS,
    RELATED_LINKS,
    TAG_LIST,
    promotional,
)

FAMILY = "filler"
FEATURES = (
    "blocks",
    "lines",
    "items",
    "share",
    "kinds",
    "tag_lines",
    "chrome_lines",
    "link_lines",
)
# Every filler feature is shown with the blocks themselves (spans under ``filler.lines``).
EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {
    f"{FAMILY}.{name}": (f"{FAMILY}.lines",) for name in FEATURES if name != "lines"
}
PLACEHOLDERS: dict[str, str] = {}
# The evidence kinds this family's spans carry: one per kind of block.
KINDS: tuple[str, ...] = PROMOTIONAL_KINDS
# Kinds grouped the way a reader names them: tag and keyword lists, share/comment chrome
# and calls to action, links and headings pointing elsewhere.
_GROUPS = (
    (TAG_LIST, KEYWORD_CLOUD),
    (BOILERPLATE, CALL_TO_ACTION),
    (RELATED_LINKS, NAVIGATION, HEADINGS),
)


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    blocks = promotional(doc.filler)
    if sink is not None:
        sink.extend(Span(b.start, b.end, b.kind, "filler.lines") for b in blocks)
    share = merged_length([(b.start, b.end) for b in blocks]) / len(doc.text) if blocks else 0.0
    group_lines = [sum(b.lines for b in blocks if b.kind in kinds) for kinds in _GROUPS]
    return [
        float(len(blocks)),
        float(sum(b.lines for b in blocks)),
        float(sum(b.items for b in blocks)),
        share,
        float(len({b.kind for b in blocks})),
        *map(float, group_lines),
    ]
