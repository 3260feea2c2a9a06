"""Article text as HTML with evidence spans highlighted, safe for untrusted input.

Spans overlap freely (a figure inside a quote inside a strongly polar sentence), and
HTML elements must nest, so the text is cut at every span boundary into elementary
segments; each segment becomes one flat ``<mark>`` that lists every span covering it.
A span split into several segments is therefore recovered by its id in ``data-spans``.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from hypescore.evidence import Span
from hypescore.report.kinds import css_class, kind_priority, kind_style

REPLACEMENT = "\ufffd"
# Characters HTML cannot carry (controls, lone surrogates, non-characters); one-to-one
# replacement keeps every span offset valid.
_UNSAFE = {
    **{code: REPLACEMENT for code in range(0x00, 0x20) if code not in (0x09, 0x0A, 0x0D)},
    **{code: REPLACEMENT for code in range(0x7F, 0xA0)},
    **{code: REPLACEMENT for code in range(0xD800, 0xE000)},
    0xFFFE: REPLACEMENT,
    0xFFFF: REPLACEMENT,
}


def sanitize(text: str) -> str:
    """Same-length copy of ``text`` with characters HTML cannot carry replaced."""
    return text.translate(_UNSAFE)


def escape_text(text: str) -> str:
    """Escape for element content and attribute values alike."""
    return html.escape(sanitize(text).replace("\r", ""), quote=True)


@dataclass(frozen=True, slots=True)
class Segment:
    """Characters ``[start, end)`` and the indices of the spans covering all of them."""

    start: int
    end: int
    covering: tuple[int, ...]


def valid_spans(spans: Sequence[Span], length: int) -> list[tuple[int, Span]]:
    """Spans that fall inside the text, keeping their index; an end past it is clipped."""
    kept = []
    for index, span in enumerate(spans):
        end = min(span.end, length)
        if 0 <= span.start < end:
            kept.append((index, span if end == span.end else _clip(span, end)))
    return kept


def _clip(span: Span, end: int) -> Span:
    return Span(span.start, end, span.kind, span.feature, span.field)


def segments(length: int, spans: Sequence[Span]) -> list[Segment]:
    """Cut ``[0, length)`` at every span boundary; one sweep, in text order."""
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for index, span in valid_spans(spans, length):
        starts[span.start].append(index)
        ends[span.end].append(index)
    cuts = sorted({0, length, *starts, *ends})
    active: set[int] = set()
    out = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        out.append(Segment(left, right, tuple(sorted(active))))
    return out


def primary_kind(covering: Sequence[Span]) -> str | None:
    """The kind whose colour fills a segment: the most specific (shortest) marked span."""
    marked = [s for s in covering if kind_style(s.kind).layer == "mark"]
    if not marked:
        return None
    best = min(marked, key=lambda s: (s.end - s.start, kind_priority(s.kind)))
    return best.kind


def highlight_html(
    text: str,
    spans: Sequence[Span],
    *,
    id_prefix: str = "t",
    notes: Mapping[str, str] | None = None,
) -> str:
    """HTML for ``text`` with every span highlighted; hover titles name each kind in
    plain words (the feature names stay in ``data-features``, for the page's links).

    ``notes`` maps a feature name to extra words for its hover line, such as its
    contribution to the verdict.
    """
    notes = notes or {}
    parts = []
    for segment in segments(len(text), spans):
        piece = escape_text(text[segment.start : segment.end])
        if not segment.covering:
            parts.append(piece)
            continue
        covering = [spans[i] for i in segment.covering]
        parts.append(_mark(piece, segment.covering, covering, id_prefix, notes))
    return "".join(parts)


def _mark(
    piece: str,
    indices: Sequence[int],
    covering: Sequence[Span],
    id_prefix: str,
    notes: Mapping[str, str],
) -> str:
    kinds = _unique(span.kind for span in covering)
    features = _unique(span.feature for span in covering)
    classes = ["ev"]
    primary = primary_kind(covering)
    if primary is not None:
        classes += [f"fam-{kind_style(primary).family}", css_class(primary)]
    classes += [
        "ul-" + css_class(kind)[2:] for kind in kinds if kind_style(kind).layer == "underline"
    ]
    tip = "\n".join(
        _unique(f"{kind_style(span.kind).label}{notes.get(span.feature, '')}" for span in covering)
    )
    attributes = {
        "class": " ".join(classes),
        "data-spans": " ".join(f"{id_prefix}{i}" for i in indices),
        "data-kinds": " ".join(kinds),
        "data-features": " ".join(features),
        "title": tip,
    }
    rendered = " ".join(f'{name}="{escape_text(value)}"' for name, value in attributes.items())
    return f"<mark {rendered}>{piece}</mark>"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
