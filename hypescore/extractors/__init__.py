"""Feature extractors: each module is a pure function of an analysed article.

Every module exposes ``FAMILY``, ``FEATURES`` (names within the family) and
``extract(doc, sink=None) -> list[float]`` returning values in ``FEATURES`` order and
appending evidence spans to ``sink`` when it is a list.
"""

from hypescore.extractors import (
    factual,
    filler,
    promotion,
    readability,
    sentiment,
    sourcing,
    substance,
)

EXTRACTORS = (sentiment, promotion, filler, factual, sourcing, substance, readability)

__all__ = ["EXTRACTORS"]
