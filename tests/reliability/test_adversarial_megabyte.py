"""A megabyte of adversarial text costs at most 10x a megabyte of ordinary news.

CPU time of this process, best of two, measured in one run against the ordinary
reference: a ratio, not a wall-clock timer.
"""

from __future__ import annotations

import time

from hypescore.features import featurize
from tests.conftest import fixture_text

MEGABYTE = 1_000_000
LIMIT = 10.0
ADVERSARIAL = {
    "spaces": " ",
    "punctuation": "!?.,;:'\"",
    "digits and separators": "1,1.",
    "capitals": "ABCD ",
    "capitalised words": "Aa Bb ",
    "repeated 'according to'": "according to ",
    "repeated attribution": "Ann Lee, a spokeswoman, said ",
    "hashtags": "#a ",
    "quotes": '"a ',
    "newlines": "\n",
}


def megabyte_of(unit: str) -> str:
    return (unit * (MEGABYTE // len(unit) + 1))[:MEGABYTE]


def ordinary_news() -> str:
    parts = [fixture_text(n) for n in ("wire_report.txt", "opinion_piece.txt", "hype_rewrite.txt")]
    return megabyte_of("\n\n".join(parts) + "\n\n")


def cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        matrix = featurize([text])
        best = min(best, time.process_time() - start)
        assert matrix.errors == [None] or matrix.errors[0].startswith("text is empty")
    return best


def test_adversarial_megabytes_cost_at_most_ten_times_ordinary(ledger):
    reference = cpu_seconds(ordinary_news())
    ratios = {
        name: cpu_seconds(megabyte_of(unit)) / reference for name, unit in ADVERSARIAL.items()
    }
    worst = max(ratios, key=ratios.get)
    assert ratios[worst] <= LIMIT, ratios
    ledger.record(
        "1 MB adversarial documents (runs of spaces, punctuation, digits, capitals, quotes, "
        "repeated attribution)",
        len(ADVERSARIAL),
        f"each featurized within {LIMIT:g}x the CPU time of 1 MB of ordinary news (worst: {worst})",
    )
