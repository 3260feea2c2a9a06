"""The per-record rules shared by featurize and score: one guard, one id rule, one limit."""

from __future__ import annotations

import hypescore
from hypescore import Article
from hypescore.article import record_id
from hypescore.records import DEFAULT_MAX_CHARS


def test_an_unexpected_failure_is_that_records_error_in_featurize_and_score():
    broken = Article(text=12345)  # type: ignore[arg-type]  # a caller's bad object
    items = ["A fine sentence about 3 things.", broken, "Fine again."]
    matrix = hypescore.featurize(items)
    assert matrix.errors[0] is None and matrix.errors[2] is None
    assert matrix.errors[1].startswith("TypeError: ")
    results = list(hypescore.score_many(items))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error == matrix.errors[1]


def test_record_id_keeps_only_usable_ids():
    assert record_id({"id": 7}) == "7"
    assert record_id({"id": "a"}) == "a"
    assert record_id({"id": True}) is None
    assert record_id({"id": 1.5}) is None
    assert record_id({"key": "a"}, "key") == "a"
    assert record_id("not a record") is None
    matrix = hypescore.featurize([{"id": 3, "text": ""}, {"id": 2.5, "text": "x"}])
    assert matrix.ids == ["3", None]


def test_the_cli_limit_is_the_librarys():
    from click.testing import CliRunner

    from hypescore.cli import main

    out = CliRunner().invoke(main, ["score", "--help"]).output
    assert f"{DEFAULT_MAX_CHARS:,}, the library's limit" in " ".join(out.split())
