"""hypescore.score_frame: a pandas DataFrame in, one flat row out per input row."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import hypescore

from .conftest import fixture_article, fixture_text
from .optional_parts import require

pd = require("pandas", "dev")

NAMES = ("wire_report.txt", "hype_rewrite.txt", "opinion_piece.txt")


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    rows = [fixture_article(name) for name in NAMES]
    return pd.DataFrame(
        {"text": [a.text for a in rows], "title": [a.title for a in rows]},
        index=pd.Index(["z", "a", "m"], name="key"),  # not sorted: order must be kept
    )


def test_one_row_per_input_row_on_the_same_index_in_order(articles):
    out = hypescore.score_frame(articles, title_col="title")
    assert out.index.equals(articles.index)
    expected = list(hypescore.score_many(articles[["text", "title"]].to_dict("records")))
    assert out["verdict"].tolist() == [r.verdict for r in expected]
    assert out["hype"].tolist() == [r.hype for r in expected]
    assert out["label"].tolist() == [r.label for r in expected]
    assert out["id"].tolist() == ["z", "a", "m"]  # the index label when there is no id_col
    for name, probability in expected[1].views.items():
        assert out.loc["a", f"views.{name}"] == probability
    assert out["error"].isna().all()
    assert str(out["verdict"].dtype) == "Int64"


def test_bad_rows_become_error_rows_not_exceptions():
    df = pd.DataFrame(
        {
            "body": [fixture_text("wire_report.txt"), None, 42, "", np.nan],
            "ref": ["w", "none", "number", "empty", None],
        },
        index=[5, 3, 9, 1, 7],
    )
    out = hypescore.score_frame(df, text_col="body", id_col="ref")
    assert out.index.tolist() == [5, 3, 9, 1, 7]
    assert out["id"].tolist() == ["w", "none", "number", "empty", "7"]
    assert out["error"].isna().tolist() == [True, False, False, False, False]
    assert "missing or not a string" in out.loc[3, "error"]
    assert out.loc[1, "error"] == "text is empty"
    assert out["verdict"].isna().tolist() == [False, True, True, True, True]
    assert np.isnan(out.loc[9, "hype"])


def test_features_and_reasons_columns_on_request(articles):
    out = hypescore.score_frame(articles, features=True, explain=2)
    names = list(hypescore.feature_names())
    assert list(out.columns[-len(names) :]) == names
    matrix = hypescore.featurize(articles["text"].tolist())
    np.testing.assert_allclose(out[names].to_numpy(), matrix.values)
    assert all(len(reasons) == 2 for reasons in out["reasons"])
    plain = hypescore.score_frame(articles)
    assert "reasons" not in plain.columns and names[0] not in plain.columns


def test_parallel_chunks_give_the_same_frame(articles):
    big = pd.concat([articles] * 4, ignore_index=True)
    serial = hypescore.score_frame(big, chunk_size=5)
    parallel = hypescore.score_frame(big, chunk_size=5, n_jobs=2)
    pd.testing.assert_frame_equal(serial, parallel)


def test_an_empty_frame_gives_an_empty_frame_with_the_columns():
    out = hypescore.score_frame(pd.DataFrame({"text": []}))
    assert len(out) == 0 and {"verdict", "hype", "impact", "error"} <= set(out.columns)


def test_wrong_input_says_what_to_use_instead(articles):
    with pytest.raises(KeyError, match="no column 'body'; its columns: text, title"):
        hypescore.score_frame(articles, text_col="body")
    with pytest.raises(TypeError, match="score_many"):
        hypescore.score_frame(["a text"])


MEMORY_PROBE = textwrap.dedent(
    """
    import json, resource, sys
    import pandas as pd, hypescore
    texts = [
        "Shares rose 3% on Monday, the exchange said, after the council approved 400 homes.",
        "You Won't Believe What Just Happened! The biggest revolution EVER, insiders say.",
        "The ministry said on Tuesday that 1,200 teachers would be hired by 2027.",
    ]
    n = int(sys.argv[1])
    df = pd.DataFrame({"text": [texts[i % 3] + f" Item {i}." for i in range(n)]})
    model = hypescore.load_model()
    hypescore.score_frame(df.iloc[:600], model=model, features=True)  # warm every cache
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = hypescore.score_frame(df, model=model, features=True)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": len(out), "growth": (after - before) * 1024,
                      "output": int(out.memory_usage(deep=True).sum())}))
    """
)


@pytest.mark.slow
def test_ten_thousand_rows_in_bounded_memory():
    # Holding every Result (each with its 52-feature dict) costs ~38 MB more at 10k rows;
    # streaming keeps the peak near the output table itself (~5 MB) plus one chunk.
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, "10000"], capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr
    probe = json.loads(done.stdout)
    assert probe["rows"] == 10_000
    assert probe["growth"] < 2 * probe["output"] + 10_000_000, probe
