"""Results join back to their inputs: ids, evidence text, pandas rows, a clear TypeError."""

from __future__ import annotations

import pytest

import hypescore
from hypescore.article import Article

from .conftest import fixture_article, fixture_text
from .optional_parts import require

WIRE, HYPE = fixture_text("wire_report.txt"), fixture_text("hype_rewrite.txt")


def test_strings_get_positional_ids_and_records_keep_their_own():
    inputs = [WIRE, {"id": "r1", "text": HYPE}, Article(text=WIRE), Article(text=HYPE, id="a")]
    assert [r.id for r in hypescore.score_many(inputs)] == ["0", "r1", "2", "a"]


def test_caller_ids_win_and_must_match_the_inputs_one_to_one():
    results = hypescore.score_many([WIRE, {"id": "own", "text": HYPE}], ids=["x", 7])
    assert [r.id for r in results] == ["x", "7"]
    with pytest.raises(ValueError, match="ran out"):
        list(hypescore.score_many([WIRE, HYPE], ids=["only-one"]))
    with pytest.raises(ValueError, match="more entries"):
        list(hypescore.score_many([WIRE], ids=["a", "b"]))


def test_library_evidence_spans_carry_the_text_they_point_at():
    article = fixture_article("hype_rewrite.txt")
    result = hypescore.score(article, explain=6)
    spans = [span for reason in result.reasons for span in reason.evidence]
    assert spans and any(span.field == "title" for span in spans)
    for span in spans:
        source = article.title if span.field == "title" else article.text
        assert span.text == source[span.start : span.end] != ""
        assert span.to_dict()["text"] == span.text


def test_score_many_refuses_a_dataframe_and_points_to_score_frame():
    pd = require("pandas", "dev")
    df = pd.DataFrame({"text": [WIRE, HYPE]})
    with pytest.raises(TypeError, match=r"hypescore\.score_frame"):
        hypescore.score_many(df)  # raised at the call, before any iteration
    with pytest.raises(TypeError, match="hypescore.score for a single article"):
        hypescore.score_many(WIRE)


def test_score_takes_a_pandas_row():
    pd = require("pandas", "dev")
    df = pd.DataFrame({"text": [WIRE], "title": [None], "id": ["w1"], "extra": [3.5]})
    from_row = hypescore.score(df.iloc[0])
    from_dict = hypescore.score({"text": WIRE, "id": "w1"})
    assert from_row == from_dict and from_row.id == "w1"
