"""Impact as checkable substance: counts only, saturating, filler and URLs change nothing."""

from __future__ import annotations

import random

import numpy as np
import pytest

from hypescore.article import Article
from hypescore.features import extract_features, feature_names
from hypescore.model.impact import IMPACT_TERMS, SPREAD, ImpactSpec

from ..conftest import fixture_article

NAMES = feature_names()
WORDS = ("energy", "grid", "viral", "breaking", "offshore", "wind", "climate", "future", "UK")


def spec() -> ImpactSpec:
    """Fitted on the project's own fixtures (medians floor at 1)."""
    rows = [
        extract_features(fixture_article(n))[0] for n in ("wire_report.txt", "hype_rewrite.txt")
    ]
    return ImpactSpec.fit(np.array(rows), NAMES)


def impact(article: Article, fitted: ImpactSpec | None = None) -> float:
    fitted = fitted or spec()
    values = np.array(extract_features(article)[0])
    return float(fitted.score(values[[NAMES.index(f) for f in fitted.features]]))


def filler_words(n_words: int, seed: int = 0) -> str:
    """About ``n_words`` of varied filler: tag blocks, clouds, related links, chrome."""
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    while count < n_words:
        shape = rng.randrange(5)
        if shape == 0:
            items = [" ".join(rng.sample(WORDS, 2)) for _ in range(8)]
            parts.append("Tags: " + ", ".join(items))
        elif shape == 1:
            parts.append(" ".join(f"{w} {rng.randint(10, 99)}%" for w in rng.sample(WORDS, 5)))
        elif shape == 2:
            heads = [f"{w.title()} prices hit {rng.randint(2, 900)} million" for w in WORDS[:3]]
            parts.append("Related:\n" + "\n".join(heads))
        elif shape == 3:
            parts.append("Leave a Reply\nYour email address will not be published.\nPost Comment")
        else:
            parts.append("Subscribe to our newsletter and follow us on Twitter!")
        count += len(parts[-1].split())
    return "\n\n" + "\n\n".join(parts)


def test_two_thousand_words_of_filler_do_not_raise_impact():
    wire = fixture_article("wire_report.txt")
    fitted = spec()
    for seed in range(3):
        padded = Article(wire.text + filler_words(2000, seed), title=wire.title)
        assert impact(padded, fitted) <= impact(wire, fitted)


def test_length_without_substance_adds_nothing_and_dilutes_the_checkable_share():
    wire = fixture_article("wire_report.txt")
    prose = " ".join(["It is a remarkable moment and everyone is talking about it."] * 150)
    padded = Article(wire.text + "\n\n" + prose, title=wire.title)
    fitted = spec()
    counts = [NAMES.index(f) for f in fitted.features if f != SPREAD]
    wire_row, padded_row = (np.array(extract_features(a)[0]) for a in (wire, padded))
    assert (padded_row[counts] == wire_row[counts]).all()
    assert impact(padded, fitted) < impact(wire, fitted)


def test_same_text_under_any_url_gives_the_same_features():
    wire = fixture_article("wire_report.txt")
    base = extract_features(wire)[0]
    for url in ("https://apnews.com/x", "http://infowars.com/y", "https://nowhere.example/z"):
        assert extract_features(Article(wire.text, title=wire.title, url=url))[0] == base


def test_wire_report_outscores_its_hyped_rewrite():
    assert impact(fixture_article("wire_report.txt")) > impact(fixture_article("hype_rewrite.txt"))


def test_terms_saturate_and_anonymous_only_sourcing_costs_most():
    fitted = ImpactSpec(
        features=tuple(f for f, _ in IMPACT_TERMS),
        weights=np.array([w for _, w in IMPACT_TERMS]),
        scales=np.ones(len(IMPACT_TERMS)),
        reference=np.zeros(len(IMPACT_TERMS)),
    )
    k = fitted.features.index

    def row(**counts: float) -> np.ndarray:
        values = np.zeros(len(fitted.features))
        values[k(SPREAD)] = 1.0  # every sentence checkable: the whole amount counts
        for name, value in counts.items():
            values[k(f"substance.{name}")] = value
        return values

    one, two, ten, eleven = (fitted.score(row(quantified_claims=n)) for n in (1, 2, 10, 11))
    assert two - one > eleven - ten > 0
    named = fitted.score(row(named_sources=2, quantified_claims=3))
    mixed = fitted.score(row(named_sources=2, anonymous_sources=2, quantified_claims=3))
    anonymous_only = fitted.score(row(anonymous_sources=4, quantified_claims=3))
    assert named > mixed > anonymous_only
    assert fitted.score(row()) == 0.0
    assert 0.0 <= fitted.score(row(**{f.split(".")[1]: 1e6 for f in fitted.features[:8]})) <= 1.0


def test_the_spread_keeps_the_share_of_the_amount_up_to_the_reference_quartile():
    n = len(IMPACT_TERMS)
    fitted = ImpactSpec(
        features=tuple(f for f, _ in IMPACT_TERMS),
        weights=np.array([w for _, w in IMPACT_TERMS]),
        scales=np.array([1.0] * (n - 1) + [0.6]),
        reference=np.zeros(n),
    )
    counts = dict(quantified_claims=3.0, named_actors=10, named_sources=2, role_sources=1)
    counts |= dict(decisions=1, dates=2, caveats=1, harms_and_costs=1)
    row = np.array([counts.get(f.split(".")[1], 0.0) for f, _ in IMPACT_TERMS[:-1]])

    def at(share: float) -> float:
        return float(fitted.score(np.concatenate([row, [share]])))

    assert at(0.6) == at(0.9) > 0
    assert at(0.3) == pytest.approx(at(0.6) / 2)
    assert at(0.0) == 0.0


def test_contributions_sum_to_impact_less_the_reference():
    fitted = spec()
    values = np.array(extract_features(fixture_article("wire_report.txt"))[0])
    x = values[[NAMES.index(f) for f in fitted.features]]
    total = fitted.contributions(x).sum() + fitted.reference_score()
    assert total == pytest.approx(float(fitted.score(x)))


def test_weights_are_documented_and_add_up_to_one():
    import hypescore.model.impact as module

    positive = [w for f, w in IMPACT_TERMS if w > 0 and f != SPREAD]
    assert sum(positive) == pytest.approx(1.0)
    for feature, _ in IMPACT_TERMS:
        assert feature.split(".")[1] in module.__doc__


def test_any_url_leaves_the_scores_unchanged():
    from hypescore import score

    wire = fixture_article("wire_report.txt")
    base = score(Article(wire.text, title=wire.title), explain=0)
    for url in ("https://apnews.com/x", "http://infowars.com/y"):
        other = score(Article(wire.text, title=wire.title, url=url), explain=0)
        assert (other.verdict, other.hype, other.impact) == (base.verdict, base.hype, base.impact)


def test_filler_never_raises_the_shipped_models_impact():
    from hypescore import score

    wire = fixture_article("wire_report.txt")
    padded = Article(wire.text + filler_words(2000, seed=5), title=wire.title)
    assert score(padded, explain=0).impact <= score(wire, explain=0).impact
