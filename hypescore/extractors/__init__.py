"""Feature extractors: each module is a pure function of an analysed article.

Every module exposes ``FAMILY``, ``FEATURES`` (names within the family) and
``extract(doc, sink=None) -> list[float]`` returning values in ``FEATURES`` order and
appending evidence spans to ``sink`` when it is a list. Metadata about a feature lives
beside the code that makes it: ``EVIDENCE_ALIASES`` (a feature whose evidence is recorded
under a sibling's name) and ``PLACEHOLDERS`` (a quality feature that is a placeholder 0
while its presence feature is 0) and ``KINDS`` (the evidence kinds its spans carry);
the registry below collects them.
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

EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {
    name: aliases for ex in EXTRACTORS for name, aliases in ex.EVIDENCE_ALIASES.items()
}
PLACEHOLDERS: dict[str, str] = {
    name: presence for ex in EXTRACTORS for name, presence in ex.PLACEHOLDERS.items()
}

EVIDENCE_KINDS: tuple[str, ...] = tuple(kind for ex in EXTRACTORS for kind in ex.KINDS)

__all__ = ["EVIDENCE_ALIASES", "EVIDENCE_KINDS", "EXTRACTORS", "PLACEHOLDERS"]
