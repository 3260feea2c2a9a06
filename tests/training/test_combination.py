import numpy as np
import pytest

from hypescore.article import Article
from hypescore.features import feature_names, featurize
from hypescore.model.combination import HypeCombination
from hypescore.model.filler import filler_scores
from hypescore.training.combination import (
    MIN_PART_WEIGHT,
    best_weights,
    nested,
    weight_grid,
)

from ..conftest import fixture_article

TAG_BLOCK = (
    "\n\nTags & Viral Phrases\n"
    + "\n".join(
        [
            "breaking news",
            "must read",
            "you won't believe",
            "shocking truth",
            "viral now",
            "trending today",
            "game changer",
            "mind blowing",
            "share this",
            "top stories",
            "hot take",
            "exclusive scoop",
        ]
    )  # fmt: skip
    + "\n\nLeave a comment\nYour email address will not be published. "
    "Required fields are marked *\nPost Comment\n"
)


def _filler(article: Article) -> float:
    return float(filler_scores(featurize([article]).values, feature_names())[0])


def test_a_tag_block_and_comment_boilerplate_raise_hype_by_at_least_0_15():
    wire = fixture_article("wire_report.txt")
    padded = Article(text=wire.text + TAG_BLOCK, title=wire.title)
    before, after = _filler(wire), _filler(padded)
    combo = HypeCombination()
    # Filler is cut from the body before the learned parts read it: they stay as they were.
    for learned in (0.1, 0.4, 0.7):
        raised = combo.hype(learned, learned, after, learned) - combo.hype(
            learned, learned, before, learned
        )
        assert raised >= 0.15


def test_filler_never_lowers_hype_and_zero_filler_is_the_weighted_mean():
    combo = HypeCombination({"headline": 0.2, "body": 0.3, "tone": 0.5})
    parts = np.array([0.3, 0.6, 0.9])
    assert combo.hype(*parts[:2], 0.0, parts[2]) == pytest.approx(0.2 * 0.3 + 0.3 * 0.6 + 0.5 * 0.9)
    assert np.all(np.diff(combo.hype(0.3, 0.6, np.linspace(0, 1, 11), 0.9)) >= 0)
    with pytest.raises(ValueError, match="non-negative"):
        HypeCombination({"headline": -0.2, "body": 0.7, "tone": 0.5})


def test_weights_are_chosen_out_of_fold_and_find_the_informative_part():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 400)
    parts = {
        "headline": rng.random(400),
        "body": rng.random(400),
        "filler": np.zeros(400),
        "tone": np.clip(0.5 * y + 0.5 * rng.random(400), 0, 1),
    }
    folds = [
        (np.flatnonzero(np.arange(400) % 5 != k), np.flatnonzero(np.arange(400) % 5 == k))
        for k in range(5)
    ]
    report = nested(parts, y, folds)
    assert report.final_weights["tone"] >= 0.8
    assert report.combined_auc >= report.part_auc["tone"] - 0.02
    assert all(min(w.values()) >= 0 for w in report.fold_weights)
    assert best_weights(parts, y).weights == report.final_weights
    assert len(weight_grid(floor=0.0)) == 231
    assert all(min(w.values()) >= MIN_PART_WEIGHT - 1e-9 for w in weight_grid())
