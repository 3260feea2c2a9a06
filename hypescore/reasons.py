"""Reasons and the verdict box: plain words for what moved an article's verdict.

One reason per part of hype (headline, body language, filler, one-sided tone) and per
impact term (a role source is a named source: one reason), each with its contribution in
verdict points, its scope (``headline`` or ``body``), a plain-language summary and the
evidence spans with their text. ``verdict_summary`` is the two sentences of a verdict
box: what drives hype, what carries substance. The outlet is never a reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

import numpy as np

from hypescore.analysis import AnalysedArticle
from hypescore.article import Article
from hypescore.evidence import Span
from hypescore.extractors import EVIDENCE_ALIASES
from hypescore.extractors.factual import actor_key
from hypescore.features import feature_names
from hypescore.filler import promotional
from hypescore.model.hypemodel import HEADLINE, MERGED_TERMS, Contribution, Parts
from hypescore.model.impact import SPREAD
from hypescore.reason_text import summary_head
from hypescore.result import Reason

MAX_EVIDENCE = 10
MAX_QUOTES = 3
QUOTE_CHARS = 60
PARTS_SHOWN = ("headline", "body", "filler", "tone")


@dataclass(frozen=True)
class Evidence:
    """What reasons quote from: the article, its analysis, spans, features and parts."""

    article: Article
    doc: AnalysedArticle
    spans: list[Span]
    head_spans: list[Span]
    values: np.ndarray
    parts: Parts
    # Worked out once per article: the reasons and the verdict box name the same terms.
    _summaries: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _spans_by_feature: dict[str, list[Span]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def value(self, feature: str) -> float:
        return float(self.values[_feature_columns()[feature]])

    def count(self, feature: str) -> int:
        return int(round(self.value(feature)))

    def text_of(self, span: Span) -> str:
        source = (self.article.title or "") if span.field == "title" else self.article.text
        return source[span.start : span.end]

    def with_text(self, spans: Sequence[Span]) -> tuple[Span, ...]:
        """The spans with their text, one per distinct text (a named source is often a
        role source too: the same words twice are one piece of evidence; so are a name
        and its possessive, "Gary Busey's")."""
        by_text: dict[str, Span] = {}
        for span in spans:
            text = self.text_of(span)
            key = actor_key(text)
            if key not in by_text:
                by_text[key] = span.with_text(text)
                if len(by_text) == MAX_EVIDENCE:  # later spans could only be cut off
                    break
        return tuple(by_text.values())

    def spans_of(self, feature: str) -> list[Span]:
        """The spans of ``feature`` (and of the features it stands for), in order, once each."""
        found = self._spans_by_feature.get(feature)
        if found is None:
            found = self._spans_by_feature[feature] = self._find_spans(feature)
        return list(found)

    def _find_spans(self, feature: str) -> list[Span]:
        wanted = {feature, *EVIDENCE_ALIASES.get(feature, ())}
        wanted |= {f for f, into in MERGED_TERMS.items() if into == feature}
        at = self._positions
        found = sorted(k for f in wanted for k in at.get(f, ()))
        return list(dict.fromkeys(self.spans[k] for k in found))

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        """Where each feature's spans are in ``spans``: asked for a few features, the
        spans are walked once."""
        at: dict[str, list[int]] = {}
        for k, span in enumerate(self.spans):
            at.setdefault(span.feature, []).append(k)
        return at

    def quotes(self, spans: Sequence[Span]) -> str:
        """The first distinct quotes, ``'a', 'b', ...`` (a possessive is its name)."""
        quoted: dict[str, str] = {}
        for span in spans:
            text = _clip(self.text_of(span))
            quoted.setdefault(actor_key(text), text)
            if len(quoted) > MAX_QUOTES:  # one more than shown says there are more
                break
        more = ", ..." if len(quoted) > MAX_QUOTES else ""
        return ", ".join(f"'{q}'" for q in list(quoted.values())[:MAX_QUOTES]) + more


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 3].rstrip() + "..."


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# ---------------------------------------------------------------- one summary per reason


# A part reads as what it measures from STRONG on, "somewhat" so from SOME on.
STRONG = 0.5
SOME = 0.3


def _degree(value: float, low: str, high: str) -> str:
    """How a part's score reads: ``high``, ``somewhat high``, or ``low``."""
    if value >= STRONG:
        return high
    return f"somewhat {high}" if value >= SOME else low


def _headline(ev: Evidence) -> str:
    p = ev.parts
    words = _degree(p.headline, "plain", "clickbait")
    return (
        f"{words} headline ({p.headline:.2f}: teaser model {p.teaser:.2f}, "
        f"Stop Clickbait {p.stop:.2f})"
    )


def _body(ev: Evidence) -> str:
    body = ev.parts.body
    flagged = len(body.flagged)
    head = f"{flagged} of {_plural(body.sentences, 'sentence')} read as opinion"
    return f"{head}: {ev.quotes(body.flagged)}" if flagged else head


def _filler(ev: Evidence) -> str:
    blocks = promotional(ev.doc.filler)
    if not blocks:
        return "no filler blocks"
    # Commas, not semicolons: multi-item CSV cells are joined with "; ".
    return ", ".join(b.summary for b in blocks[:MAX_QUOTES]) + (", ..." if len(blocks) > 3 else "")


def _tone(ev: Evidence) -> str:
    t = ev.parts.tone
    words = _degree(t, "even-handed", "one-sided")
    return f"{words} tone ({t:.2f}, from the title and body wording)"


def _counted(one: str, many: str, none: str) -> Callable[[Evidence, str], str]:
    def summary(ev: Evidence, feature: str) -> str:
        n = ev.count(feature)
        if n == 0:
            return none
        found = ev.spans_of(feature)
        quoted = f": {ev.quotes(found)}" if found else ""
        return f"{_plural(n, one, many)}{quoted}"

    return summary


def _checkable(ev: Evidence, feature: str) -> str:
    total = len(ev.doc.sentences)
    held = round(ev.value(feature) * total)
    return f"{held} of {_plural(total, 'sentence')} with a checkable fact or source"


TERM_SUMMARIES: dict[str, Callable[[Evidence, str], str]] = {
    "substance.quantified_claims": _counted(
        "figure with units", "figures with units", "no figure with units"
    ),
    "substance.named_actors": _counted(
        "named person, place or organisation",
        "named people, places or organisations",
        "no named actor",
    ),  # fmt: skip
    "substance.named_sources": _counted("named source", "named sources", "no named source"),
    "substance.decisions": _counted("decision or action", "decisions or actions", "no decision"),
    "substance.dates": _counted("date", "dates", "no date"),
    "substance.caveats": _counted(
        "caveat or counterpoint", "caveats or counterpoints", "no caveat"
    ),
    "substance.evidence_terms": _counted(
        "evidence-quality term", "evidence-quality terms", "no evidence-quality term"
    ),
    "substance.harms_and_costs": _counted(
        "harm or cost weighed", "harms or costs weighed", "no harm or cost weighed"
    ),
    "sourcing.cited_outlets": _counted("outlet cited", "outlets cited", "no outlet cited"),
    "substance.anonymous_sources": _counted(
        "anonymous source", "anonymous sources", "no anonymous source"
    ),
    "substance.checkable_share": _checkable,
}
PART_SUMMARIES: dict[str, Callable[[Evidence], str]] = {
    "headline": _headline,
    "body": _body,
    "filler": _filler,
    "tone": _tone,
}


def reason_summary(feature: str, ev: Evidence) -> str:
    """What ``feature`` found, in words (worked out once per article)."""
    summary = ev._summaries.get(feature)
    if summary is None:
        if feature in PART_SUMMARIES:
            summary = PART_SUMMARIES[feature](ev)
        else:
            summary = TERM_SUMMARIES[feature](ev, feature)
        ev._summaries[feature] = summary
    return summary


@cache
def _feature_columns() -> dict[str, int]:
    return {name: column for column, name in enumerate(feature_names())}


def reason_evidence(feature: str, ev: Evidence) -> tuple[Span, ...]:
    if feature == "headline":
        return ev.with_text([s for s in ev.head_spans if s.feature == HEADLINE])
    if feature == "body":
        return ev.with_text(ev.parts.body.flagged)
    if feature == "filler":
        return ev.with_text(ev.spans_of("filler.lines"))
    if feature == "tone":
        return ()
    return ev.with_text(ev.spans_of(feature))


def build_reasons(
    contributions: list[Contribution], ev: Evidence, explain: int
) -> tuple[Reason, ...]:
    """The ``explain`` largest contributions as reasons (none when ``explain`` is 0)."""
    if explain <= 0:
        return ()
    top = sorted(contributions, key=lambda c: (-abs(c.points), c.scope, c.feature))[:explain]
    return tuple(
        Reason(
            feature=c.feature,
            value=c.value,
            contribution=round(c.points, 4),
            evidence=reason_evidence(c.feature, ev),
            scope=c.scope,
            summary=reason_summary(c.feature, ev),
        )
        for c in top
    )


def verdict_summary(contributions: list[Contribution], ev: Evidence, hyped: bool = False) -> str:
    """Two sentences: what drives hype, what carries substance. ``hyped``: hype is at or
    above the model's threshold, so something must be named as driving it."""
    parts = ev.parts.scores()
    shown = [c for c in contributions if c.feature in PARTS_SHOWN]
    # Parts read as strong drive hype; failing those, the "somewhat" ones that pushed it
    # above the reference article; and if hype is high all the same (a noisy-OR of several
    # middling parts), whichever pushed it most.
    drivers = [c for c in shown if parts[c.feature] >= STRONG]
    if not drivers:
        drivers = [c for c in shown if parts[c.feature] >= SOME and c.points < 0]
    if not drivers and hyped:
        drivers = [c for c in shown if c.points < 0]
    drivers = sorted(drivers, key=lambda c: c.points)[:2]
    if drivers:
        hype = (
            "Hype comes from " + " and ".join(reason_summary(c.feature, ev) for c in drivers) + "."
        )
    else:
        hype = "Little drives hype: " + _headline(ev) + ", " + _tone(ev) + "."
    carriers = sorted(
        (c for c in contributions if c.feature not in PARTS_SHOWN and c.points > 0),
        key=lambda c: -c.points,
    )
    # The checkable share multiplies what the count terms found: with none of them above
    # the reference article, a one-line teaser whose only sentence names "a senator" is
    # not substance, however high its share.
    if all(c.feature == SPREAD for c in carriers):
        carriers = []
    carriers = carriers[:2]
    if carriers:
        substance = (
            "Substance rests on "
            + " and ".join(summary_head(reason_summary(c.feature, ev)) for c in carriers)
            + "."
        )
    else:
        substance = (
            "Little carries substance: "
            + summary_head(reason_summary("substance.named_sources", ev))
            + ", "
            + summary_head(reason_summary("substance.quantified_claims", ev))
            + "."
        )
    return f"{hype} {substance}"
