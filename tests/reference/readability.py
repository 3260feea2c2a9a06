"""Readability: textstat's classic grade-level formulas over the whole text."""

from __future__ import annotations

from functools import cache
from types import ModuleType

from hypescore.evidence import SpanSink
from tests.reference.analysis import AnalysedArticle

FAMILY = "readability"
FEATURES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall",
    "coleman_liau_index",
)


@cache
def _textstat() -> ModuleType:
    import textstat

    from tests._textstat_offline import use_offline_cmudict

    use_offline_cmudict()
    return textstat


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    ts = _textstat()
    text = doc.norm
    return [
        float(ts.flesch_reading_ease(text)),
        float(ts.flesch_kincaid_grade(text)),
        float(ts.gunning_fog(text)),
        float(ts.smog_index(text)),
        float(ts.dale_chall_readability_score(text)),
        float(ts.coleman_liau_index(text)),
    ]
