"""The lexicon screen (``may_match``) against the patterns it stands before, on real lines."""

from __future__ import annotations

from importlib import resources

import pytest

from hypescore.analysis import line_spans, normalise
from hypescore.lexicons import lexicon_pattern, may_match
from tests.conftest import SHARED_DATA, read_jsonl

LEXICONS = sorted(
    path.name.removesuffix(".txt")
    for path in resources.files("hypescore.data").iterdir()
    if path.name.endswith(".txt")
)
# Our own lines: the letters IGNORECASE folds to ASCII that lower() does not (İ, ı, ſ,
# the Kelvin sign) inside lexicon words, run-together labels, bare punctuation.
ODD = [
    "",
    " ",
    "!!!",
    "ſhare this ſtory",
    "SHARE THIS STORY",
    "Font Size50% TextColorWhite",
    "Subſcribe to our newſletter",
    "ClİCK HERE to ſee more",
    "\u212aeep reading: related ſtories",
    "photo: İllustration by staff",
    "You wOn't bel\u0131eve what happened next",
    "_share_ 5share share5 re-share",
]


def _lines() -> list[str]:
    texts = [
        text
        for r in read_jsonl(SHARED_DATA / "semeval19-hyperpartisan" / "articles-train.jsonl", 200)
        for text in (r["title"] or "", r["text"])
    ]
    texts += [
        r["post_text"]
        for r in read_jsonl(SHARED_DATA / "webis-clickbait-17" / "posts-train.jsonl", 1500)
    ]
    texts += [
        r["headline"] for r in read_jsonl(SHARED_DATA / "stop-clickbait" / "headlines.jsonl", 1500)
    ]
    lines = [norm[s:e] for text in texts for norm in [normalise(text)] for s, e in line_spans(norm)]
    return lines + ODD


@pytest.fixture(scope="module")
def lines() -> list[str]:
    if not (SHARED_DATA / "stop-clickbait" / "headlines.jsonl").is_file():
        pytest.skip(f"shared data not found under {SHARED_DATA}")
    return _lines()


@pytest.mark.parametrize("run_together", [False, True])
def test_a_line_the_screen_rules_out_has_no_match(lines: list[str], run_together: bool) -> None:
    screened = matched = 0
    for name in LEXICONS:
        pattern = lexicon_pattern(name, run_together=run_together)
        for line in lines:
            if not may_match(name, line):
                screened += 1
                assert pattern.search(line) is None, (name, line)
            elif pattern.search(line) is not None:
                matched += 1
    # The screen rules most lines out, and the lines it lets through hold the matches.
    assert screened > matched > 100


def test_the_odd_letters_pass_the_screen_where_the_pattern_matches() -> None:
    for name in ("boilerplate", "calls_to_action", "page_chrome", "clickbait_phrases"):
        pattern = lexicon_pattern(name, run_together=name == "page_chrome")
        hits = [line for line in ODD if pattern.search(line)]
        assert all(may_match(name, line) for line in hits)
    assert lexicon_pattern("calls_to_action").search("Subſcribe to our newſletter")
    assert may_match("calls_to_action", "Subſcribe to our newſletter")
