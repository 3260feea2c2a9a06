"""Evidence spans: where in the input a feature found what it counted."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into the article text (or its title)."""

    start: int
    end: int
    kind: str
    feature: str
    field: str = "text"
    # The quoted characters, when a reason carries the span (schema 1.3).
    text: str = ""

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "feature": self.feature,
            "field": self.field,
        }
        if self.text:
            out["text"] = self.text
        return out


SpanSink = list[Span] | None
"""Extractors append spans here when the caller wants evidence; ``None`` skips the work."""
