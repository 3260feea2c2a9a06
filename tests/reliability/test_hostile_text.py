"""Property-based checks: whatever text arrives, featurize answers sanely.

Never an unexpected exception, every number finite, every span inside its field; a
record that cannot be scored comes back as an error in its own row.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hypescore.article import Article
from hypescore.features import extract_features, featurize

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

any_unicode = st.text(st.characters(codec=None, categories=None), max_size=400)
control_heavy = st.text(
    st.one_of(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"]), st.sampled_from("a.!?\n")),
    max_size=300,
)
SCRIPTS = [
    "Breaking news: ",
    "Новости дня ",
    "الأخبار العاجلة ",
    "最新消息 ",
    "ニュース ",
    "समाचार ",
    "😱🔥 ",
    "İstanbul'da ",
    "ǅemal said ",
    "ﬁnance ",
    "\u0301\u0302 ",
    "“quoted” ",
    "#viral ",
    "$3.5bn ",
    "12% ",
]
mixed_scripts = st.lists(st.sampled_from(SCRIPTS), max_size=60).map("".join)
whitespace_only = st.text(st.sampled_from(" \t\n\r\u00a0\u2028\u3000\u200b"), max_size=50)


def check_result(article: Article, ledger_counts: dict[str, int]) -> None:
    matrix = featurize([article])
    error = matrix.errors[0]
    if error is not None:
        assert isinstance(error, str) and error
        assert all(math.isnan(v) for v in matrix.values[0])
        ledger_counts["error"] += 1
        return
    assert all(math.isfinite(v) for v in matrix.values[0])
    values, spans = extract_features(article, with_spans=True)
    assert values == matrix.values[0].tolist()
    fields = {"text": article.text, "title": article.title or ""}
    for span in spans:
        assert 0 <= span.start <= span.end <= len(fields[span.field]), span
    ledger_counts["scored"] += 1


def outcome(counts: dict[str, int]) -> str:
    return (
        f"no exception; {counts['scored']} scored with finite numbers and spans inside the"
        f" text, {counts['error']} refused with a per-record error"
    )


def _run(strategy: st.SearchStrategy[str], name: str, ledger, title: bool = False) -> None:
    counts = {"scored": 0, "error": 0}

    @SETTINGS
    @given(text=strategy, head=strategy if title else st.none())
    def prop(text: str, head: str | None) -> None:
        check_result(Article(text=text, title=head), counts)

    prop()
    ledger.record(name, counts["scored"] + counts["error"], outcome(counts))


def test_arbitrary_unicode_including_lone_surrogates(ledger):
    _run(any_unicode, "arbitrary Unicode (all categories, lone surrogates)", ledger, title=True)


def test_control_characters(ledger):
    _run(control_heavy, "control, format and separator characters", ledger)


def test_mixed_scripts(ledger):
    _run(mixed_scripts, "mixed scripts, emoji, combining marks", ledger, title=True)


def test_whitespace_only_is_an_error_not_a_score(ledger):
    counts = {"scored": 0, "error": 0}

    @SETTINGS
    @given(text=whitespace_only)
    def prop(text: str) -> None:
        matrix = featurize([text])
        if text.strip():  # e.g. a zero-width space is not whitespace to Python
            check_result(Article(text=text), counts)
        else:
            assert matrix.errors == ["text is empty"]
            counts["error"] += 1

    prop()
    ledger.record("empty and whitespace-only texts", sum(counts.values()), outcome(counts))


def test_very_long_single_lines(ledger):
    counts = {"scored": 0, "error": 0}
    lines = [
        "word " * 40_000,
        "x" * 200_000,
        "A" * 200_000,
        "!" * 200_000,
        "1," * 100_000,
        "#tag " * 40_000,
        "according to " * 15_000,
        '"' * 200_000,
    ]
    for line in lines:
        check_result(Article(text=line, title=line[:300]), counts)
    ledger.record("very long single lines (200 KB, no newline)", len(lines), outcome(counts))
