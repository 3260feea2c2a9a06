"""The verdict and the label tell one story on real articles.

A calm article with little to check ("thin") sits mid-scale: restraint alone earns a third
of substance, so the top verdicts go to articles that carry checkable substance. Measured
on the SemEval-2019 training articles the shipped model's verdict map was fitted on.
"""

from __future__ import annotations

import numpy as np
import pytest

import hypescore
from tests.conftest import SHARED_DATA, read_jsonl

SEMEVAL = SHARED_DATA / "semeval19-hyperpartisan" / "articles-train.jsonl"


@pytest.fixture(scope="module")
def verdicts_by_label() -> dict[str, np.ndarray]:
    if not SEMEVAL.is_file():
        pytest.skip(f"SemEval articles not found under {SHARED_DATA}")
    records = [
        {"id": str(i), "title": r.get("title"), "text": r["text"]}
        for i, r in enumerate(read_jsonl(SEMEVAL))
    ]
    results = [r for r in hypescore.score_many(records, explain=0) if r.error is None]
    labels = np.array([r.label for r in results])
    verdicts = np.array([r.verdict for r in results])
    return {label: verdicts[labels == label] for label in set(labels.tolist())}


def test_a_thin_article_never_gets_the_top_verdict(verdicts_by_label):
    assert verdicts_by_label["thin"].max() <= 9


def test_substance_not_restraint_earns_the_top_of_the_scale(verdicts_by_label):
    thin, substantive = verdicts_by_label["thin"], verdicts_by_label["substantive"]
    assert substantive.mean() - thin.mean() >= 2.0


def test_overhyped_articles_sit_below_thin_ones(verdicts_by_label):
    assert np.median(verdicts_by_label["overhyped"]) + 2 <= np.median(verdicts_by_label["thin"])
