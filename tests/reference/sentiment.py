"""Sentiment: VADER per sentence, aggregated, plus shouting (exclamations, ALL-CAPS).

Per sentence because whole-document VADER saturates on long text and costs time
quadratic in its length.
"""

from __future__ import annotations

import math
import re
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from hypescore.evidence import Span, SpanSink
from tests.reference._matching import count_matches
from tests.reference.analysis import AnalysedArticle

FAMILY = "sentiment"
FEATURES = (
    "mean_compound",
    "std_compound",
    "max_intensity",
    "strong_polar_share",
    "positive_share",
    "negative_share",
    "exclamations_per_1k",
    "allcaps_per_1k",
    "title_compound",
)
STRONG_POLARITY = 0.5

_EXCLAMATION_RE = re.compile(r"!+")
_ALLCAPS_RE = re.compile(r"(?<![\w'])[A-Z]{4,}(?![\w'])")


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def sentence_compounds(doc: AnalysedArticle) -> list[float]:
    """VADER compound score of each sentence, in order."""
    polarity = _analyzer().polarity_scores
    return [polarity(doc.norm[start:end])["compound"] for start, end in doc.sentences]


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    compounds = sentence_compounds(doc)
    n = len(compounds)
    mean = sum(compounds) / n if n else 0.0
    spread = math.sqrt(sum((c - mean) ** 2 for c in compounds) / n) if n else 0.0
    strong = [abs(c) >= STRONG_POLARITY for c in compounds]
    if sink is not None:
        for (start, end), is_strong in zip(doc.sentences, strong, strict=True):
            if is_strong:
                sink.append(Span(start, end, "polar_sentence", "sentiment.strong_polar_share"))
    exclamations = count_matches(
        _EXCLAMATION_RE,
        doc.norm,
        sink,
        kind="exclamation",
        feature="sentiment.exclamations_per_1k",
    )
    allcaps = count_matches(
        _ALLCAPS_RE, doc.norm, sink, kind="allcaps", feature="sentiment.allcaps_per_1k"
    )
    title_compound = _analyzer().polarity_scores(doc.title)["compound"] if doc.title else 0.0
    return [
        mean,
        spread,
        max((abs(c) for c in compounds), default=0.0),
        sum(strong) / n if n else 0.0,
        sum(c >= 0.05 for c in compounds) / n if n else 0.0,
        sum(c <= -0.05 for c in compounds) / n if n else 0.0,
        doc.per_1k_words(exclamations),
        doc.per_1k_words(allcaps),
        title_compound,
    ]
