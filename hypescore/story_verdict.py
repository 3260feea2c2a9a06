"""A verdict box for a story: one 1..10 verdict and two plain sentences for the coverage.

An article's verdict weighs its own substance against its hype. A story covered by
several outlets is judged the same way, on what the coverage as a whole establishes:

- *corroboration* ``= 1 - exp(-n / CORROBORATION_SCALE)``, ``n`` the facts (figures and
  named actors) carried by two or more outlets: 3 shared facts give 0.39, 6 give 0.63,
  12 give 0.86; facts only one outlet states are not established;
- *best-sourced impact*: the impact of the outlet carrying the most shared facts (ties:
  more facts overall, then higher impact): the report the others confirm;
- *substance* ``= CORROBORATION_WEIGHT * corroboration + (1 - CORROBORATION_WEIGHT) *
  best-sourced impact``;
- *hype*: the mean hype of the scored outlets, which takes away up to ``HYPE_WEIGHT`` of
  the substance: ``raw = substance * (1 - HYPE_WEIGHT * hype)``;
- ``verdict = 1 + round(9 * raw)``, so 1 is hype with nothing established, 10 a story
  many outlets confirm in sober coverage.

Outlets that could not be scored count for neither; with none scored there is no verdict.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hypescore.story import FIGURE, FILLER_KINDS, StoryComparison

CORROBORATION_SCALE = 6.0
CORROBORATION_WEIGHT = 0.5
HYPE_WEIGHT = 0.5
VERDICT_MIN, VERDICT_MAX = 1, 10
HYPE_LEVELS = ((0.25, "low"), (0.5, "moderate"), (math.inf, "high"))
"""Mean hype below 0.25 reads "low", below 0.5 "moderate", else "high"."""
SUMMARY_REASONS = 3
"""Reasons to ask of scoring per outlet: its summary names the strongest of them."""
NOTABLE_HYPE = 0.4
"""An outlet this hyped (and above the mean) is named in the story summary."""
_FILLER_WORDS = {
    "tag_list": "a tag list",
    "viral_block": "a viral-phrase block",
    "boilerplate": "share/comment boilerplate",
    "hashtag": "hashtags",
    "call_to_action": "calls to action",
    "keyword_cloud": "a keyword cloud",
    "related_links": "related links",
    "navigation": "navigation",
    "headings": "a headings-only summary",
}
_FEATURE_SUFFIXES = ("_per_1k", "_share", "_rate", "_count")


@dataclass(frozen=True, slots=True)
class StoryVerdict:
    """The story's verdict, the parts it is made of, and its two-sentence summary."""

    verdict: int | None
    summary: str
    substance: float | None
    hype: float | None
    corroboration: float
    best_sourced: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "summary": self.summary,
            "substance": _rounded(self.substance),
            "hype": _rounded(self.hype),
            "corroboration": _rounded(self.corroboration),
            "best_sourced": self.best_sourced,
        }


def story_verdict(comparison: StoryComparison) -> StoryVerdict:
    """Judge the coverage as a whole (see the module docstring for the formula)."""
    c = comparison
    scored = [i for i, o in enumerate(c.outlets) if o.ok and o.result.get("impact") is not None]
    corroboration = 1.0 - math.exp(-len(c.corroborated) / CORROBORATION_SCALE)
    if not scored:
        summary = (
            f"None of the {len(c.outlets)} outlets could be scored, so the story has no "
            "verdict. Check the errors listed for each outlet."
        )
        return StoryVerdict(None, summary, None, None, corroboration, None)
    best = max(scored, key=lambda i: (_shared(c, i), _carried(c, i), _impact(c, i)))
    substance = CORROBORATION_WEIGHT * corroboration + (1 - CORROBORATION_WEIGHT) * _impact(c, best)
    hypes = [float(c.outlets[i].result["hype"]) for i in scored if _has(c, i, "hype")]
    hype = sum(hypes) / len(hypes) if hypes else 0.0
    raw = substance * (1.0 - HYPE_WEIGHT * hype)
    verdict = VERDICT_MIN + round((VERDICT_MAX - VERDICT_MIN) * min(max(raw, 0.0), 1.0))
    summary = f"{_agreement_sentence(c, best)} {_hype_sentence(c, scored, hype)}"
    return StoryVerdict(verdict, summary, substance, hype, corroboration, c.outlets[best].name)


def outlet_summary(comparison: StoryComparison, index: int) -> str:
    """Two short sentences for one outlet's row: the result's own ``summary`` when the
    model gives one, else what it carries of the story and its strongest reasons."""
    c, outlet = comparison, comparison.outlets[index]
    if not outlet.ok:
        return f"Not scored: {outlet.result.get('error')}."
    own = outlet.result.get("summary")
    if own:
        return str(own)
    alone = [f.label for f in c.exclusive(index)]
    carried = (
        f"Carries {_carried(c, index)} of the story's {len(c.facts)} facts, "
        f"{_shared(c, index)} of them confirmed elsewhere"
        + (f"; alone with {_listed(alone[:3])}" if alone else "")
        + "."
    )
    return f"{carried} {_reasons_sentence(outlet.result.get('reasons') or ())}"


def story_report(comparison: StoryComparison) -> dict[str, Any]:
    """The comparison's JSON with the story verdict and each outlet's summary added."""
    report = comparison.to_dict()
    report["story"] = story_verdict(comparison).to_dict()
    for index, row in enumerate(report["outlets"]):
        row["summary"] = outlet_summary(comparison, index)
    return report


# --- sentences ---------------------------------------------------------------------------


def _agreement_sentence(c: StoryComparison, best: int) -> str:
    n = len(c.outlets)
    shared = [f for f in c.facts if f.key in c.corroborated]
    if not shared:
        return (
            f"The {n} outlets agree on no figure or named actor; "
            f"{c.outlets[best].name} states the most facts ({_carried(c, best)})."
        )
    figures = sum(f.kind == FIGURE for f in shared)
    actors = len(shared) - figures
    carried = _shared(c, best)
    share = "all" if carried == len(shared) else ("most" if 2 * carried > len(shared) else "")
    carrier = f"carries {share or carried} of these"
    return (
        f"Of {n} outlets, two or more agree on {_count(figures, 'figure')} and "
        f"{_count(actors, 'named actor')}; {c.outlets[best].name} {carrier}."
    )


def _hype_sentence(c: StoryComparison, scored: Sequence[int], hype: float) -> str:
    level = next(word for bound, word in HYPE_LEVELS if hype < bound)
    sentence = f"Coverage hype is {level} ({hype:.2f} on average)"
    hyped = [i for i in scored if _has(c, i, "hype")]
    if hyped:
        top = max(hyped, key=lambda i: float(c.outlets[i].result["hype"]))
        value = float(c.outlets[top].result["hype"])
        if value >= NOTABLE_HYPE and value > hype:
            adds = _hype_marks(c, top)
            sentence += f": {c.outlets[top].name} is the most hyped ({value:.2f})"
            sentence += f" with {_listed(adds)}" if adds else ""
    return sentence + "."


def _hype_marks(c: StoryComparison, index: int) -> list[str]:
    """What makes an outlet hyped, in words: its filler blocks, then its hype reasons."""
    outlet = c.outlets[index]
    kinds = dict.fromkeys(
        s.kind for s in outlet.spans if s.field == "text" and s.kind in FILLER_KINDS
    )
    marks = [_FILLER_WORDS.get(kind, kind.replace("_", " ")) for kind in kinds]
    towards_hype = _strongest(outlet.result.get("reasons") or (), sign=-1)
    return marks[:2] + [reason_words(r) for r in towards_hype[:1]]


def _reasons_sentence(reasons: Sequence[Mapping[str, Any]]) -> str:
    parts = []
    for side, sign in (("hype", -1), ("substance", 1)):
        pushes = _strongest(reasons, sign=sign)[:2]
        if pushes:
            parts.append(f"towards {side} by {_listed([reason_words(r) for r in pushes])}")
    if not parts:
        return "No reasons were recorded."
    return "Pushed " + "; ".join(parts) + "."


def reason_words(reason: Mapping[str, Any]) -> str:
    """A reason as a reader says it: its own ``summary`` when it has one, else the
    feature's name in words ("superlatives", "headline teaser (headline)")."""
    if reason.get("summary"):
        return str(reason["summary"])
    name = str(reason["feature"]).rpartition(".")[2]
    for suffix in _FEATURE_SUFFIXES:
        name = name.removesuffix(suffix)
    scope = reason.get("scope") or "article"
    return name.replace("_", " ") + ("" if scope == "article" else f" ({scope})")


# --- small helpers ------------------------------------------------------------------------


def _strongest(reasons: Sequence[Mapping[str, Any]], *, sign: int) -> list[Mapping[str, Any]]:
    pushing = [r for r in reasons if sign * float(r["contribution"]) > 0]
    return sorted(pushing, key=lambda r: -abs(float(r["contribution"])))


def _shared(c: StoryComparison, index: int) -> int:
    return sum(1 for key in c.mentions[index] if key in c.corroborated)


def _carried(c: StoryComparison, index: int) -> int:
    return sum(c.carries(index, f.key) for f in c.facts)


def _has(c: StoryComparison, index: int, field: str) -> bool:
    return c.outlets[index].result.get(field) is not None


def _impact(c: StoryComparison, index: int) -> float:
    return float(c.outlets[index].result.get("impact") or 0.0)


def _count(n: int, noun: str) -> str:
    return f"no {noun}" if n == 0 else f"{n} {noun}{'' if n == 1 else 's'}"


def _listed(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
