"""Readability: textstat's classic grade-level formulas over the whole text.

The values are textstat 0.7's own (a test compares them), computed by
``hypescore._engine.readability`` from one pass over the tokens, without importing textstat.
"""

from __future__ import annotations

from hypescore._engine.readability import counter
from hypescore._engine.tokens import learn
from hypescore.analysis import AnalysedArticle
from hypescore.evidence import SpanSink

FAMILY = "readability"
FEATURES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall",
    "coleman_liau_index",
)

EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {}
PLACEHOLDERS: dict[str, str] = {}
KINDS: tuple[str, ...] = ()


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    index = doc.index
    learn(index)
    return counter().index_scores(index, doc.word_chars)
