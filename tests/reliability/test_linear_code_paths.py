"""Not only regexes: the domain lookup, the story matcher, the report builders and the
featurizer's named sources stay linear on crafted input.

Each case builds adversarial input of size n and 4n from a generator (huge dotted hosts,
thousands of distinct figures, one surname repeated at every sentence start, many
distinct names, dense evidence) and compares CPU time: linear work grows about 4x,
quadratic 16x; the bound is 10x, best of three runs. Inputs are featurized outside the
timed part, so only the code path under test is measured.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import hypescore
from hypescore.article import Article
from hypescore.features import extract_features
from hypescore.outlets import domain_quality
from hypescore.story import StoryOutlet, compare_story

GROWTH = 4
RATIO_LIMIT = 10.0
FLOOR = 2e-3  # below 2 ms per run the timer's noise rules, not the algorithm


def cpu_seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def growth(prepare: Callable[[int], Callable[[], object]], n: int) -> float:
    small, large = prepare(n), prepare(GROWTH * n)
    return cpu_seconds(large) / max(cpu_seconds(small), FLOOR)


# --- outlet and domain lookup -----------------------------------------------------------

HOST_UNITS = {
    "www.a.com repeated": "www.a.com",
    "one-letter labels": "a.",
    "known domain repeated": "reuters.com.",
    "digits and dots": "1.2.",
    "hyphenated labels": "a-b.",
}


def domain_lookup(unit: str) -> Callable[[int], Callable[[], object]]:
    def prepare(n: int) -> Callable[[], object]:
        host = unit * (n // len(unit))
        urls = [f"http://{host}/path", host, f"https://www.{host}co.uk"]
        return lambda: [domain_quality(url) for url in urls]

    return prepare


def linked_article(unit: str) -> Callable[[int], Callable[[], object]]:
    """The same hosts as links inside article text and as the article's URL."""

    def prepare(n: int) -> Callable[[], object]:
        host = unit * (n // len(unit))
        article = Article(
            text=f"Officials said the report was posted at http://{host}/r today.",
            url=f"https://{host}",
        )
        return lambda: extract_features(article)

    return prepare


@pytest.mark.parametrize("unit", HOST_UNITS.values(), ids=HOST_UNITS.keys())
def test_domain_lookup_is_linear_in_host_length(unit, ledger):
    assert growth(domain_lookup(unit), 50_000) < RATIO_LIMIT
    assert growth(linked_article(unit), 50_000) < RATIO_LIMIT
    ledger.record(
        "huge dotted hosts in URLs and links (repeated labels, known domains, digits, hyphens)",
        2 * len(HOST_UNITS),
        f"domain and outlet lookup linear: CPU time under {RATIO_LIMIT:g}x for {GROWTH}x input",
    )


# --- the story matcher and the report builders ---------------------------------------


def story_outlets(texts: list[str]) -> list[StoryOutlet]:
    outlets = []
    for number, text in enumerate(texts):
        article = Article(text=text, title=f"Report {number}", id=f"outlet-{number}")
        result = hypescore.score(article, explain=0).to_dict()
        spans = extract_features(article, with_spans=True)[1]
        outlets.append(StoryOutlet(f"outlet-{number}", article, result, spans))
    return outlets


def distinct_percentages(n: int) -> list[str]:
    count = n // 30
    return [
        " ".join(f"Rates rose {i}.{i % 7}% in area {i}." for i in range(count)),
        " ".join(f"Rates fell {count + i}.{i % 3}% in zone {i}." for i in range(count)),
    ]


def distinct_money(n: int) -> list[str]:
    count = n // 30
    return [
        " ".join(f"It cost ${i * 37 + 1} million in {i}." for i in range(count)),
        " ".join(f"They paid ${i * 41 + 3} billion then." for i in range(count)),
    ]


def surname_at_sentence_starts(n: int) -> list[str]:
    return ["Jane Smith spoke. " + "Smith. " * (n // 7), "The council met. " + "Smith. " * (n // 7)]


def surname_mid_sentence(n: int) -> list[str]:
    return [
        "Jane Smith spoke. " + "Smith. " * (n // 7),
        "The vote " + "then Smith said " * (n // 16),
    ]


def many_distinct_names(n: int) -> list[str]:
    first = ("Ann", "Ben", "Cara", "Dev", "Emil", "Faye", "Gus", "Hana")
    names = [f"{first[i % 8]} Q{'x' * (i % 5)}{chr(97 + i % 26)}{i}" for i in range(n // 40)]
    return [
        " ".join(f"Officials said {name} agreed." for name in names),
        " ".join(f"According to {name}, it held." for name in reversed(names)),
    ]


STORY_INPUTS = {
    "distinct percentages": distinct_percentages,
    "distinct money figures": distinct_money,
    "a surname at every sentence start": surname_at_sentence_starts,
    "a surname mid-sentence, repeated": surname_mid_sentence,
    "thousands of distinct names": many_distinct_names,
}


def matcher(make: Callable[[int], list[str]]) -> Callable[[int], Callable[[], object]]:
    def prepare(n: int) -> Callable[[], object]:
        outlets = story_outlets(make(n))
        return lambda: compare_story(outlets)

    return prepare


def story_reports(make: Callable[[int], list[str]]) -> Callable[[int], Callable[[], object]]:
    from hypescore.report import format_story, render_story

    def prepare(n: int) -> Callable[[], object]:
        comparison = compare_story(story_outlets(make(n)))
        return lambda: (format_story(comparison), render_story(comparison))

    return prepare


def explain_report(make: Callable[[int], list[str]]) -> Callable[[int], Callable[[], object]]:
    from hypescore.report import render_report

    def prepare(n: int) -> Callable[[], object]:
        article = Article(text=" ".join(make(n)), title="A report", id="r")
        result = hypescore.score(article, explain=50).to_dict()
        spans = extract_features(article, with_spans=True)[1]
        return lambda: render_report(article, result, spans)

    return prepare


@pytest.mark.parametrize("make", STORY_INPUTS.values(), ids=STORY_INPUTS.keys())
def test_story_matcher_and_reports_are_linear(make, ledger):
    ratios = {
        "matcher": growth(matcher(make), 12_000),
        "story reports": growth(story_reports(make), 12_000),
        "explain report": growth(explain_report(make), 12_000),
    }
    assert all(r < RATIO_LIMIT for r in ratios.values()), ratios
    ledger.record(
        "story matcher, story text/HTML and explain report on crafted articles (distinct "
        "figures, repeated surnames, thousands of names)",
        3 * len(STORY_INPUTS),
        f"all linear: CPU time under {RATIO_LIMIT:g}x for {GROWTH}x input",
    )


# --- the featurizer on many named actors beside many attributed sources ------------------


def _letters(i: int) -> str:
    """A distinct lower-case letter string per ``i`` (names must be words, not digits)."""
    i += 26 * 26
    out = ""
    while i:
        out, i = chr(97 + i % 26) + out, i // 26
    return out


def speakers_and_actors(n: int) -> str:
    """About ``n`` characters: a named source and two other named actors per sentence pair,
    every name distinct."""
    first = ["Ana", "Bob", "Carl", "Dina", "Emil", "Fay", "Gus", "Hana"]
    return " ".join(
        f"{first[i % 8]} Ro{_letters(i)} said the plan held. "
        f"Officials met Ke{_letters(i + 7)} in Lo{_letters(i + 3)}."
        for i in range(n // 70)
    )


def test_featurizer_is_linear_in_named_actors_and_sources(ledger):
    def prepare(n: int) -> Callable[[], object]:
        article = Article(text=speakers_and_actors(n), title="A report")
        return lambda: extract_features(article)

    ratio = growth(prepare, 96_000)
    assert ratio < RATIO_LIMIT, ratio
    ledger.record(
        "featurizer on thousands of distinct named actors beside attributed sources "
        "(each actor was once checked against every source)",
        1,
        f"linear: CPU time under {RATIO_LIMIT:g}x for {GROWTH}x input",
    )
