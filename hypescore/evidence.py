"""Evidence spans: where in the input a feature found what it counted."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into the article text (or its title).

    ``text`` is the characters the span points at; the library fills it in on the
    evidence of a ``Result`` (extractors leave it None, offsets are enough there).
    """

    start: int
    end: int
    kind: str
    feature: str
    field: str = "text"
    text: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "feature": self.feature,
            "field": self.field,
        }
        if self.text is not None:
            out["text"] = self.text
        return out

    def quoted_from(self, text: str | None, title: str | None) -> Span:
        """This span with ``text`` set from the article field it points into."""
        source = (title if self.field == "title" else text) or ""
        return self.with_text(source[self.start : self.end])

    def with_text(self, text: str) -> Span:
        """This span carrying ``text`` (the constructor: ``dataclasses.replace`` costs
        several times more, and reasons quote thousands of spans)."""
        return Span(self.start, self.end, self.kind, self.feature, self.field, text)


SpanSink = list[Span] | None
"""Extractors append spans here when the caller wants evidence; ``None`` skips the work."""
