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


def unit_spec(terms: tuple[tuple[str, float], ...]) -> ImpactSpec:
    """The documented weights with unit scales and a zero reference."""
    return ImpactSpec(
        features=tuple(f for f, _ in terms),
        weights=np.array([w for _, w in terms]),
        scales=np.ones(len(terms)),
        reference=np.zeros(len(terms)),
    )


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


def test_length_without_substance_adds_nothing_and_dilutes_the_share():
    wire = fixture_article("wire_report.txt")
    prose = " ".join(["It is a remarkable moment and everyone is talking about it."] * 150)
    padded = Article(wire.text + "\n\n" + prose, title=wire.title)
    assert impact(padded) < impact(wire)
    fitted = spec()
    wire_values = np.array(extract_features(wire)[0])
    padded_values = np.array(extract_features(padded)[0])
    counts = [NAMES.index(f) for f in fitted.features if f != SPREAD]
    assert (padded_values[counts] == wire_values[counts]).all()


def test_same_text_under_any_url_gives_the_same_features():
    wire = fixture_article("wire_report.txt")
    base = extract_features(wire)[0]
    for url in ("https://apnews.com/x", "http://infowars.com/y", "https://nowhere.example/z"):
        assert extract_features(Article(wire.text, title=wire.title, url=url))[0] == base


def test_wire_report_outscores_its_hyped_rewrite():
    assert impact(fixture_article("wire_report.txt")) > impact(fixture_article("hype_rewrite.txt"))


def test_terms_saturate_and_anonymous_only_sourcing_costs_most():
    fitted = unit_spec(IMPACT_TERMS)
    k = fitted.features.index

    def row(**counts: float) -> np.ndarray:
        values = np.zeros(len(fitted.features))
        for name, value in counts.items():
            values[k(f"substance.{name}")] = value
        return values

    def row_all(**counts: float) -> np.ndarray:
        values = row(**counts)
        values[k(SPREAD)] = 1.0  # every sentence checkable: the amount is kept whole
        return values

    one, two, ten, eleven = (fitted.score(row_all(quantified_claims=n)) for n in (1, 2, 10, 11))
    assert two - one > eleven - ten > 0
    named = fitted.score(row_all(named_sources=2, quantified_claims=3))
    mixed = fitted.score(row_all(named_sources=2, anonymous_sources=2, quantified_claims=3))
    anonymous_only = fitted.score(row_all(anonymous_sources=4, quantified_claims=3))
    assert named > mixed > anonymous_only
    assert fitted.score(row_all()) == 0.0
    many = row_all(**{f.split(".")[1]: 1e6 for f in fitted.features[:8]})
    assert 0.0 <= fitted.score(many) <= 1.0


def test_the_checkable_share_spreads_the_amount():
    fitted = unit_spec(IMPACT_TERMS)
    k = fitted.features.index
    values = np.zeros(len(IMPACT_TERMS))
    values[k("substance.dates")] = 1.0
    amount = float(fitted.terms(values).sum())
    impacts = []
    for share in (0.0, 0.5, 1.0):
        values[k(SPREAD)] = share
        impacts.append(float(fitted.score(values)))
    v = dict(IMPACT_TERMS)[SPREAD]
    assert impacts == pytest.approx([amount * (1 - v), amount * (1 - v / 2), amount])


def test_contributions_split_a_changed_share_exactly():
    fitted = unit_spec(IMPACT_TERMS)
    k = fitted.features.index
    fitted.reference[k(SPREAD)] = 0.2
    fitted.reference[k("substance.dates")] = 1.0
    values = fitted.reference.copy()
    values[k(SPREAD)] = 0.3
    values[k("substance.dates")] = 2.0
    parts = fitted.contributions(values)
    assert parts[k(SPREAD)] > 0 and parts[k("substance.dates")] > 0
    assert parts.sum() + fitted.reference_score() == pytest.approx(float(fitted.score(values)))


def test_a_formula_without_the_share_keeps_the_whole_amount():
    terms = tuple((f, w) for f, w in IMPACT_TERMS if f != SPREAD)
    fitted = unit_spec(terms)
    values = np.zeros(len(terms))
    values[fitted.features.index("substance.dates")] = 1.0
    assert float(fitted.score(values)) == pytest.approx(
        dict(terms)["substance.dates"] * (1 - np.exp(-1))
    )


def test_contributions_sum_to_impact_less_the_reference():
    fitted = spec()
    # Not clipped at 1 (the wire report is, against a reference fitted on two fixtures).
    values = np.array(extract_features(fixture_article("pairs/trial_wire.txt"))[0])
    x = values[[NAMES.index(f) for f in fitted.features]]
    assert 0.0 < float(fitted.score(x)) < 1.0
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
