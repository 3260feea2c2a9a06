"""The output contract of one scored article.

JSON field names are stable; changes are additive only and bump ``SCHEMA_VERSION``'s
minor number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypescore.evidence import Span

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Which model produced a result: enough to reproduce or audit it."""

    name: str
    version: str
    checksum: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "checksum": self.checksum}


@dataclass(frozen=True, slots=True)
class Reason:
    """One signed contribution to the verdict and the evidence behind it.

    ``contribution`` > 0 pushes the verdict up (towards substance), < 0 down (towards hype).
    """

    feature: str
    value: float
    contribution: float
    evidence: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature": self.feature,
            "value": self.value,
            "contribution": self.contribution,
            "evidence": [span.to_dict() for span in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Result:
    """A verdict for one article, or the error that stopped it (``error`` set, scores None)."""

    id: str | None
    model: ModelInfo
    verdict: int | None = None
    hype: float | None = None
    impact: float | None = None
    label: str | None = None
    reasons: tuple[Reason, ...] = ()
    features: dict[str, float] | None = None
    error: str | None = None
    schema_version: str = field(default=SCHEMA_VERSION)

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping; ``features`` appears only when it was asked for."""
        out: dict[str, Any] = {
            "id": self.id,
            "verdict": self.verdict,
            "hype": self.hype,
            "impact": self.impact,
            "label": self.label,
            "reasons": [reason.to_dict() for reason in self.reasons],
            "error": self.error,
            "schema_version": self.schema_version,
            "model": self.model.to_dict(),
        }
        if self.features is not None:
            out["features"] = self.features
        return out
