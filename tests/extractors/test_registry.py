"""The extractor registry: feature metadata lives with each family and is collected once."""

from __future__ import annotations

from hypescore.extractors import EVIDENCE_ALIASES, EVIDENCE_KINDS, EXTRACTORS, PLACEHOLDERS
from hypescore.features import extract_features, feature_names
from hypescore.report.kinds import known_styles

from ..conftest import fixture_article


def test_metadata_names_real_features_of_its_own_family():
    names = set(feature_names())
    for ex in EXTRACTORS:
        for feature, aliases in ex.EVIDENCE_ALIASES.items():
            assert feature.startswith(f"{ex.FAMILY}.") and feature in names
            assert set(aliases) <= names
        for feature, presence in ex.PLACEHOLDERS.items():
            assert feature.startswith(f"{ex.FAMILY}.") and {feature, presence} <= names
    assert len(EVIDENCE_ALIASES) == sum(len(ex.EVIDENCE_ALIASES) for ex in EXTRACTORS)
    assert len(PLACEHOLDERS) == sum(len(ex.PLACEHOLDERS) for ex in EXTRACTORS)


def test_every_span_kind_is_declared_and_styled():
    assert len(EVIDENCE_KINDS) == len(set(EVIDENCE_KINDS))
    assert {style.kind for style in known_styles()} == set(EVIDENCE_KINDS)
    seen = set()
    for name in ("hyped_breakthrough.txt", "wire_report.txt", "hype_rewrite.txt"):
        seen |= {span.kind for span in extract_features(fixture_article(name), with_spans=True)[1]}
    assert seen and seen <= set(EVIDENCE_KINDS)
