"""filler_score: 0 when clean, saturating, >= 0.5 for a tag block plus comment chrome."""

from __future__ import annotations

import numpy as np

from hypescore.features import extract_features, feature_names
from hypescore.model.filler import FILLER_FEATURES, filler_score, filler_scores, filler_terms
from tests.conftest import fixture_article, fixture_text

TAG_BLOCK = "\n\nTags & Viral Phrases\n" + "\n".join(
    ["offshore wind", "power grid", "energy revolution", "green energy", "UK news", "breaking",
     "viral", "game changer", "shocking news", "must read", "trending now", "future of energy"]
)  # fmt: skip
COMMENTS = (
    "\n\nLeave a Reply\nYour email address will not be published. Required fields are marked *\n"
    "Post Comment"
)


def score_of(article) -> float:
    return float(filler_scores(np.array([extract_features(article)[0]]), feature_names())[0])


def test_clean_article_scores_zero():
    assert score_of(fixture_article("wire_report.txt")) == 0.0


def test_tag_block_and_comment_form_on_a_normal_article_score_at_least_half():
    wire = fixture_article("wire_report.txt")
    padded = type(wire)(text=wire.text + TAG_BLOCK + COMMENTS, title=wire.title)
    as_two_lines = type(wire)(
        text=wire.text + "\n\nTags: " + ", ".join(TAG_BLOCK.split("\n")[3:]) + COMMENTS,
        title=wire.title,
    )
    assert score_of(padded) >= 0.5
    assert score_of(as_two_lines) >= 0.5
    assert score_of(fixture_article("hype_rewrite.txt")) >= 0.5


def test_one_read_more_line_is_a_small_score():
    wire = fixture_article("wire_report.txt")
    one = score_of(type(wire)(text=wire.text + "\n\nRead more", title=wire.title))
    assert 0.0 < one < 0.2


def test_first_line_and_first_kind_are_free():
    terms = filler_terms(np.array([[0, 1, 0, 1], [0, 2, 0, 2]]))
    assert terms[0].sum() == 0.0
    assert terms[1, 1] > 0 and terms[1, 3] > 0


def test_saturates_and_stays_below_one():
    rows = np.array([[0.01, 1, 1, 1], [0.3, 20, 40, 3], [0.99, 500, 5000, 7]])
    scores = filler_score(rows)
    assert np.all(np.diff(scores) > 0)
    assert scores[-1] <= 1.0
    # Each extra line adds less the more lines there are.
    lines = filler_terms(np.array([[0, n, 0, 0] for n in (1, 2, 10, 11)]))[:, 1]
    assert lines[1] - lines[0] > lines[3] - lines[2]


def test_formula_reads_named_features():
    assert set(FILLER_FEATURES) <= set(feature_names())
    assert "Tags & Viral Phrases" in fixture_text("hype_rewrite.txt")
