"""The output contract of one scored article.

JSON field names are stable; changes are additive only and bump ``SCHEMA_VERSION``'s
minor number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypescore.evidence import Span

SCHEMA_VERSION = "1.3"
"""1.1: ``views`` and ``Reason.scope``; 1.2: ``warnings``, and evidence spans' ``text``;
1.3: ``views`` are hype's parts, ``summary``, ``context`` and ``Reason.summary``."""


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

    ``contribution`` > 0 pushes the verdict up (towards substance), < 0 down (towards hype),
    in verdict points. ``scope`` says whether ``value`` was measured on the whole article
    or on its headline alone (schema 1.1); since schema 1.3 reasons are hype's parts
    (``headline``, ``body``, ``filler``, ``tone``) and impact's terms, ``scope`` is
    ``headline`` or ``body``, ``summary`` says it in plain words and the evidence spans
    carry their ``text``.
    """

    feature: str
    value: float
    contribution: float
    evidence: tuple[Span, ...] = ()
    scope: str = "body"
    summary: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature": self.feature,
            "value": self.value,
            "contribution": self.contribution,
            "evidence": [span.to_dict() for span in self.evidence],
            "scope": self.scope,
            "summary": self.summary,
        }


@dataclass(frozen=True, slots=True)
class Result:
    """A verdict for one article, or the error that stopped it (``error`` set, scores None).

    ``warnings`` (schema 1.2) say why a verdict may mean little: the text is too short to
    judge, the headline looks like a breadcrumb or section label, or HTML extraction kept
    almost nothing of the page (see ``hypescore.caveats``). Empty for sound input.
    """

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
    views: dict[str, float] | None = None
    # Two plain sentences, like a verdict box: what drives hype, what carries substance.
    summary: str | None = None
    # Where the article ran (``outlets.outlet_context``): shown beside the verdict, never
    # part of it.
    context: dict[str, Any] | None = None
    # Every evidence span found in the article, when ``ScoreOptions(spans=True)`` asked
    # for them: for renderers (story, HTML report), not part of the JSON contract.
    spans: tuple[Span, ...] | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping; ``features`` appears only when it was asked for, ``views``
        (each part's 0..1 score and the two headline models, schema 1.3), ``summary`` and
        ``context`` (schema 1.3) only for scored articles; ``warnings`` (schema 1.2)
        always, empty when there are none."""
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
            "warnings": list(self.warnings),
        }
        if self.views is not None:
            out["views"] = self.views
        if self.ok:
            out["summary"] = self.summary
            out["context"] = self.context
        if self.features is not None:
            out["features"] = self.features
        return out
