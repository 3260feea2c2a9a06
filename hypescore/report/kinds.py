"""How each kind of evidence looks: colour family, shade, label and drawing layer.

Two colour families carry the whole message of the page: warm shades for what sells
(filler, hype words, anonymous sourcing, shouting) and cool shades for what informs
(figures, named people and sources, quotes). A reader sees the balance before reading.
"""

from __future__ import annotations

from dataclasses import dataclass

HYPE = "hype"
SUBSTANCE = "substance"
OTHER = "other"


@dataclass(frozen=True, slots=True)
class KindStyle:
    """Presentation of one evidence kind.

    ``layer`` is ``"mark"`` for a background highlight, or ``"underline"`` for
    sentence-long kinds (quotes, strongly polar sentences) that would otherwise bury
    the shorter spans inside them.
    """

    kind: str
    family: str
    label: str
    colour: str
    layer: str = "mark"


_STYLES = (
    KindStyle("tag_list", HYPE, "tag list", "#fbc4c4"),
    KindStyle("keyword_cloud", HYPE, "keyword cloud", "#f9a8a8"),
    KindStyle("hashtag", HYPE, "hashtag", "#f8b4d9"),
    KindStyle("boilerplate", HYPE, "boilerplate", "#fdd7b0"),
    KindStyle("call_to_action", HYPE, "call to action", "#fbb6ce"),
    KindStyle("related_links", HYPE, "related links", "#fed7aa"),
    KindStyle("navigation", HYPE, "breadcrumb navigation", "#fde2e2"),
    KindStyle("headings", HYPE, "headings-only summary", "#fecaca"),
    KindStyle("clickbait", HYPE, "clickbait phrase", "#f87171"),
    KindStyle("hype_word", HYPE, "hype word", "#fdba74"),
    KindStyle("hype_phrase", HYPE, "hype phrase", "#fb923c"),
    KindStyle("superlative", HYPE, "superlative", "#fcd34d"),
    KindStyle("anonymous_source", HYPE, "anonymous source", "#fca5a5"),
    KindStyle("exclamation", HYPE, "exclamation", "#fda4af"),
    KindStyle("allcaps", HYPE, "ALL CAPS", "#fecdd3"),
    KindStyle("polar_sentence", HYPE, "strongly polar sentence", "#ea580c", "underline"),
    KindStyle("quantity", SUBSTANCE, "quantity", "#93c5fd"),
    KindStyle("money", SUBSTANCE, "money", "#86efac"),
    KindStyle("percentage", SUBSTANCE, "percentage", "#a5f3fc"),
    KindStyle("date", SUBSTANCE, "date", "#c7d2fe"),
    KindStyle("named", SUBSTANCE, "named entity", "#bfdbfe"),
    KindStyle("named_source", SUBSTANCE, "named source", "#5eead4"),
    KindStyle("attribution", SUBSTANCE, "attribution", "#99f6e4"),
    KindStyle("outlet", SUBSTANCE, "cited outlet", "#a7f3d0"),
    KindStyle("link", SUBSTANCE, "link", "#bae6fd"),
    KindStyle("quantified_claim", SUBSTANCE, "quantified claim", "#7dd3fc"),
    KindStyle("role_source", SUBSTANCE, "source with a role", "#2dd4bf"),
    KindStyle("decision", SUBSTANCE, "decision with who and when", "#1d4ed8", "underline"),
    KindStyle("caveat", SUBSTANCE, "caveat or counterpoint", "#a5b4fc"),
    KindStyle("evidence", SUBSTANCE, "evidence quality", "#6ee7b7"),
    KindStyle("harm_or_cost", SUBSTANCE, "harm or cost weighed", "#c4b5fd"),
    KindStyle("quote", SUBSTANCE, "direct quote", "#2563eb", "underline"),
)
_BY_KIND = {style.kind: style for style in _STYLES}
_PRIORITY = {style.kind: rank for rank, style in enumerate(_STYLES)}


def kind_style(kind: str) -> KindStyle:
    """The style of a kind; kinds added by future extractors get a neutral grey."""
    return _BY_KIND.get(kind) or KindStyle(kind, OTHER, kind.replace("_", " "), "#e5e7eb")


def kind_priority(kind: str) -> int:
    """Tie-break between equally long spans: earlier in the table wins."""
    return _PRIORITY.get(kind, len(_PRIORITY))


def known_styles() -> tuple[KindStyle, ...]:
    return _STYLES


def css_class(kind: str) -> str:
    """A CSS-safe class name for a kind (kinds are identifiers, but never trust that)."""
    return "k-" + "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in kind)
