"""The story comparison as plain text for the terminal: outlets, then facts by outlet."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from hypescore.story import StoryComparison
from hypescore.story_verdict import outlet_summary, story_verdict

SUMMARY_WIDTH = 96
CARRIED = "\u2713"
OMITTED = "\u00b7"


def _number(value: Any, digits: int = 2) -> str:
    return "-" if value is None else f"{float(value):.{digits}f}"


def format_story(comparison: StoryComparison) -> str:
    """A fixed-width report: one row per outlet, then one row per fact."""
    c = comparison
    n_corroborated = len(c.corroborated)
    verdict = story_verdict(c)
    lines = [
        f"Story across {len(c.outlets)} outlets: {len(c.facts)} facts, "
        f"{n_corroborated} carried by two or more",
        f"Story verdict: {_number(verdict.verdict, 0)}/10",
        *_wrapped(verdict.summary, "  "),
        f"Story impact: {_number(c.impact)}: {c.impact_basis}",
        "",
    ]
    name_w = max(8, *(len(o.name) for o in c.outlets))
    header = (
        f"{'outlet':<{name_w}}  {'verdict':>7}  {'label':<10}  {'hype':>5}  {'impact':>6}  "
        f"{'carries':>7}  {'omits':>5}  {'only here':>9}"
    )
    lines += [header, "-" * len(header)]
    for i, outlet in enumerate(c.outlets):
        result: Mapping[str, Any] = outlet.result
        carries = sum(c.carries(i, f.key) for f in c.facts)
        if not outlet.ok:
            lines.append(f"{outlet.name:<{name_w}}  error: {result.get('error')}")
            continue
        verdict = result.get("verdict")
        lines.append(
            f"{outlet.name:<{name_w}}  {_number(verdict, 0):>7}  "
            f"{str(result.get('label') or '-'):<10}  {_number(result.get('hype')):>5}  "
            f"{_number(result.get('impact')):>6}  {carries:>7}  {len(c.omitted(i)):>5}  "
            f"{len(c.exclusive(i)):>9}"
        )
        lines += _wrapped(outlet_summary(c, i), "    ")
    if not c.facts:
        lines += ["", "No figures or named actors found in any outlet."]
        return "\n".join(lines) + "\n"
    fact_w = min(40, max(4, *(len(f.label) for f in c.facts)))
    columns = [max(len(o.name), 3) for o in c.outlets]
    lines += [
        "",
        f"{'fact':<{fact_w}}  "
        + "  ".join(f"{o.name:^{w}}" for o, w in zip(c.outlets, columns, strict=True)),
    ]
    for fact in c.facts:
        marks = "  ".join(
            f"{(CARRIED if c.carries(i, fact.key) else OMITTED):^{w}}"
            for i, w in enumerate(columns)
        )
        note = "" if fact.key in c.corroborated else "  (one outlet only)"
        lines.append(f"{_clip(fact.label, fact_w):<{fact_w}}  {marks}{note}")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, SUMMARY_WIDTH, initial_indent=indent, subsequent_indent=indent)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"
