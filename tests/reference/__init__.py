"""The featurizer as first written, frozen as the parity reference.

These modules are verbatim copies of the seed code (main at e653c00, plus the three
pattern fixes main made since in factual, promotion and sourcing; only import paths
changed). They
call vaderSentiment and textstat themselves and run one plain regex per count, which is
slow but obviously faithful. The optimised package must give the same feature values and
the same evidence spans; tests/test_parity.py checks it on real and generated text.
"""

from __future__ import annotations

from hypescore.article import Article
from hypescore.evidence import Span
from tests.reference import factual, promotion, readability, sentiment, sourcing
from tests.reference.analysis import analyse

EXTRACTORS = (sentiment, promotion, factual, sourcing, readability)


def extract_features(
    article: Article, *, with_spans: bool = False
) -> tuple[list[float], list[Span]]:
    """The seed's ``hypescore.features.extract_features``."""
    doc = analyse(article)
    sink: list[Span] | None = [] if with_spans else None
    values: list[float] = []
    for extractor in EXTRACTORS:
        values.extend(extractor.extract(doc, sink))
    return values, sink or []
