import numpy as np
import pytest

from hypescore.article import Article
from hypescore.features import feature_names, featurize
from hypescore.model.combination import HypeCombination
from hypescore.model.filler import filler_scores
from hypescore.training.combination import (
    ViewCheck,
    best_weights,
    nested,
    semeval_check,
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
    # For any article not already mostly hype (0.1..0.6 before), the block adds >= 0.15.
    for learned in (0.1, 0.25, 0.4):
        assert combo.hype(learned, learned, before, learned) <= 0.6
        raised = combo.hype(learned, learned, after, learned) - combo.hype(
            learned, learned, before, learned
        )
        assert raised >= 0.15


def test_filler_never_lowers_hype_and_each_part_raises_it_on_its_own():
    combo = HypeCombination({"headline": 0.5, "body": 0.2, "tone": 1.0})
    assert combo.hype(0.3, 0.6, 0.0, 0.9) == pytest.approx(1 - 0.85 * 0.88 * 0.1)
    assert np.all(np.diff(combo.hype(0.3, 0.6, np.linspace(0, 1, 11), 0.9)) >= 0)
    # A clickbait headline shows whatever the other parts say (a mean would dilute it).
    assert combo.hype(1.0, 0.0, 0.0, 0.0) == pytest.approx(0.5)
    assert combo.hype(1.0, 0.0, 0.0, 0.5) == pytest.approx(0.75)
    with pytest.raises(ValueError, match="between 0 and 1"):
        HypeCombination({"headline": -0.2, "body": 0.7, "tone": 0.5})
    with pytest.raises(ValueError, match="between 0 and 1"):
        HypeCombination({"headline": 0.2, "body": 0.7, "tone": 1.5})


def test_shares_add_up_to_the_change_and_are_zero_at_the_reference():
    combo = HypeCombination({"headline": 0.5, "body": 0.1, "tone": 1.0})
    reference = {"headline": 0.23, "body": 0.46, "filler": 0.0, "tone": 0.14}
    rng = np.random.default_rng(1)
    parts = {k: rng.random(50) for k in reference}
    shares = combo.shares(parts, reference)
    total = sum(shares.values())
    expected = combo.hype(**parts) - combo.hype(**reference)
    np.testing.assert_allclose(total, expected, atol=1e-12)
    same = combo.shares({**parts, "tone": np.full(50, 0.14)}, reference)
    np.testing.assert_allclose(same["tone"], 0.0, atol=1e-12)
    # More of a part never lowers its share.
    higher = combo.shares({**parts, "headline": parts["headline"] + 0.1}, reference)
    assert np.all(higher["headline"] >= shares["headline"])


def _tone_informative_articles() -> tuple[np.random.Generator, np.ndarray, dict]:
    """400 articles where only tone knows the label."""
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 400)
    parts = {
        "headline": rng.random(400),
        "body": rng.random(400),
        "filler": np.zeros(400),
        "tone": np.clip(0.5 * y + 0.5 * rng.random(400), 0, 1),
    }
    return rng, y, parts


def _folds(n: int) -> list:
    return [
        (np.flatnonzero(np.arange(n) % 5 != k), np.flatnonzero(np.arange(n) % 5 == k))
        for k in range(5)
    ]


def test_weights_are_chosen_out_of_fold_and_find_the_informative_part():
    rng, y, parts = _tone_informative_articles()
    report = nested(parts, y, _folds(400))
    assert report.final_weights == {"headline": 0.0, "body": 0.0, "tone": 1.0}
    assert report.combined_auc >= report.part_auc["tone"] - 0.02
    assert best_weights([semeval_check(parts, y)]).weights == report.final_weights
    assert len(weight_grid()) == 121


def _view(rng: np.random.Generator, name: str, owner: str, metric: str) -> ViewCheck:
    """300 records where only ``owner`` knows the label (soft for Spearman, else classes)."""
    truth = rng.random(300) if metric == "spearman" else rng.integers(0, 2, 300).astype(float)
    parts = {part: rng.random(300) for part in ("headline", "body", "tone")}
    parts[owner] = np.clip(0.6 * truth + 0.4 * rng.random(300), 0, 1)
    return ViewCheck(name, owner, {**parts, "filler": np.zeros(300)}, truth, metric)


def test_the_views_rule_keeps_the_largest_common_share_of_every_view():
    rng, y, parts = _tone_informative_articles()
    teasers = _view(rng, "teasers", "headline", "spearman")
    sentences = _view(rng, "sentences", "body", "auc")
    report = nested(parts, y, _folds(400), [teasers, sentences])
    # Each view pulls in its own part: hype is not tone alone any more.
    assert report.final_weights["headline"] > 0
    assert report.final_weights["body"] > 0
    final = HypeCombination(report.final_weights)
    checks = [teasers, sentences, semeval_check(parts, y)]
    smallest = min(check.keep(final) for check in checks)
    # No grid point keeps more of its worst view (max-min), and the report says the same.
    for weights in weight_grid():
        assert min(check.keep(HypeCombination(weights)) for check in checks) <= smallest + 1e-12
    view = report.views["teasers"]
    assert view["owner"] == "headline"
    assert view["keep"] == pytest.approx(view["hype_figure"] / view["owner_figure"], abs=2e-3)
    assert min(v["keep"] for v in report.views.values()) == pytest.approx(smallest, abs=1e-4)
