"""No super-linear regex: every pattern the package compiles, on adversarial input.

Each pattern scans adversarial strings of n and 4n characters (n = 40,000, past the
sizes where CPU caches flatter short strings); linear work gives a ratio near 4 and
quadratic near 16. The bound (10) sits between the two, and the best of three runs
keeps noise out; CPU time (not wall time) ignores other processes. A ratio check,
not a timer.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from importlib import resources

import pytest

import hypescore
from hypescore._optional import is_installed
from hypescore.lexicons import lexicon_pattern

# Lexicon patterns are escaped literals joined by \s+: what can stress them is runs of
# word characters, spaces and the punctuation their phrases contain.
LEXICON_UNITS = ("spaces", "capital words", "apostrophes", "hyphens", "quotes", "said names")
ADVERSARIAL_UNITS = {
    "spaces": " ",
    "tabs and newlines": " \t\n",
    "punctuation": "!?.,;:",
    "dots": ".",
    "digits": "1",
    "digit groups": "111,",
    "comma digits": "1,",
    "decimal runs": "1.",
    "capitals": "A",
    "capital words": "Aa ",
    "capital initials": "A. ",
    "hashtags": "#a ",
    "quotes": '"',
    "open quotes": '"a ',
    "according to": "according to ",
    "said names": "Ann Lee said ",
    "money": "$1,",
    "url-like": "http://a",
    "hyphens": "a-",
    "apostrophes": "a'",
    "mixed caps": "AbC ",
    "camel joins": "NewsPolitics",
    "topic percentages": "battery prices 95% ",
    "tag items": "tag one, ",
    "header words": "Related ",
    "count nouns": "250,000 X9 processors ",
}
SMALL = 40_000
GROWTH = 4
RATIO_LIMIT = 10.0
SLOW_SMALL_SCAN = 0.5  # seconds for 40,000 characters: already far too slow, stop there


def package_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern at module level in hypescore, plus each lexicon's pattern."""
    patterns: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(hypescore.__path__, "hypescore."):
        try:
            module = importlib.import_module(info.name)
        except ModuleNotFoundError as exc:
            if exc.name is None or is_installed(exc.name):
                raise
            continue  # an optional extra that is not installed (a broken one fails here)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.pattern:
                patterns[f"{info.name}.{name}"] = value
    return patterns


def built_patterns() -> dict[str, re.Pattern[str]]:
    """Patterns built on first use rather than at import (so not found by the walk)."""
    from hypescore.filler import _header_re

    return {
        "hypescore.filler._header_re()": _header_re(),
        "lexicon:page_chrome, run together": lexicon_pattern("page_chrome", run_together=True),
    }


def lexicon_patterns() -> dict[str, re.Pattern[str]]:
    """The alternation built from each lexicon file."""
    return {
        f"lexicon:{entry.name.removesuffix('.txt')}": lexicon_pattern(
            entry.name.removesuffix(".txt")
        )
        for entry in resources.files("hypescore.data").iterdir()
        if entry.name.endswith(".txt")
    }


def scan_once(pattern: re.Pattern, text: str) -> float:
    subject = text.encode() if isinstance(pattern.pattern, bytes) else text
    start = time.process_time()
    for _match in pattern.finditer(subject):
        pass
    return time.process_time() - start


def scan_seconds(pattern: re.Pattern[str], text: str) -> float:
    return min(scan_once(pattern, text) for _ in range(3))


def growth(pattern: re.Pattern[str], unit: str) -> float:
    """Time on 4n characters over time on n; infinite when n alone is already too slow."""
    small = unit * (SMALL // len(unit))
    large = unit * (GROWTH * SMALL // len(unit))
    if scan_once(pattern, small) > SLOW_SMALL_SCAN:
        return float("inf")
    base = scan_seconds(pattern, small)
    if base > SLOW_SMALL_SCAN:
        return float("inf")
    return scan_seconds(pattern, large) / max(base, 1e-4)  # below 0.1 ms, timer noise rules


def test_every_pattern_is_linear_on_adversarial_input(ledger):
    compiled = {**package_patterns(), **built_patterns()}
    plan = [(name, p, ADVERSARIAL_UNITS) for name, p in compiled.items()]
    plan += [
        (name, p, {unit: ADVERSARIAL_UNITS[unit] for unit in LEXICON_UNITS})
        for name, p in lexicon_patterns().items()
    ]
    assert len(plan) > 20
    offenders = []
    for pattern_name, pattern, units in plan:
        for unit_name, unit in units.items():
            ratio = growth(pattern, unit)
            if ratio > RATIO_LIMIT:
                offenders.append(f"{pattern_name} on {unit_name}: x{ratio:.1f} for {GROWTH}x input")
    cases = sum(len(units) for _, _, units in plan)
    patterns = plan
    assert not offenders, "\n".join(offenders)
    ledger.record(
        "adversarial runs against every regex (spaces, punctuation, digits, capitals, "
        "repeated 'according to', ...)",
        cases,
        f"all {len(patterns)} patterns linear: CPU time grows under {RATIO_LIMIT:g}x"
        f" for {GROWTH}x input",
    )


@pytest.mark.parametrize("unit", ["1,", "111,"])
def test_number_runs_do_not_backtrack(unit):
    from hypescore.extractors import factual

    assert growth(factual._QUANTITY_RE, unit) < RATIO_LIMIT
