"""Sentiment: VADER per sentence, aggregated, plus shouting (exclamations, ALL-CAPS).

Per sentence because whole-document VADER saturates on long text and costs time
quadratic in its length. Scores are vaderSentiment's own compound scores, computed by
``hypescore._engine.vader`` (bit-identical, several times faster).
"""

from __future__ import annotations

import math
import re

from hypescore._engine.finders import ScanFinder
from hypescore._engine.tokens import learn
from hypescore._engine.vader import scorer
from hypescore.analysis import AnalysedArticle
from hypescore.evidence import Span, SpanSink
from hypescore.extractors._matching import count_found

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

# Features whose evidence is recorded under a sibling feature's name.
EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {
    "sentiment.max_intensity": ("sentiment.strong_polar_share",),
    "sentiment.positive_share": ("sentiment.strong_polar_share",),
    "sentiment.negative_share": ("sentiment.strong_polar_share",),
    "sentiment.std_compound": ("sentiment.strong_polar_share",),
    "sentiment.mean_compound": ("sentiment.strong_polar_share",),
}
PLACEHOLDERS: dict[str, str] = {}
# The evidence kinds this family's spans carry (report styles and the story use them).
KINDS: tuple[str, ...] = (
    "polar_sentence",
    "exclamation",
    "allcaps",
)
STRONG_POLARITY = 0.5

_EXCLAMATION_RE = re.compile(r"!+")
_SHOUTED_LENGTH = 4
_ALLCAPS_RE = re.compile(rf"(?<![\w'])[A-Z]{{{_SHOUTED_LENGTH},}}(?![\w'])")
# The same matches, led by a character class so the engine skips to capitals.
_ALLCAPS_SCAN_RE = re.compile(rf"[A-Z](?<![\w'][A-Z])[A-Z]{{{_SHOUTED_LENGTH - 1},}}(?![\w'])")

# ``!!*`` finds the same runs as ``!+`` but starts with a literal the engine jumps to.
EXCLAMATIONS = ScanFinder(
    _EXCLAMATION_RE,
    possible=lambda index: "!" in index.norm,
    scan_pattern=re.compile(r"!!*"),
)
ALLCAPS = ScanFinder(
    _ALLCAPS_RE,
    scan_pattern=_ALLCAPS_SCAN_RE,
    compiled_starts=lambda compiled, text: compiled.shouted_starts(text, _SHOUTED_LENGTH),
)


def sentence_compounds(doc: AnalysedArticle) -> list[float]:
    """VADER compound score of each sentence, in order."""
    vader = scorer()
    learn(doc.index)
    norm = doc.norm
    if not vader.has_emoji(norm):
        return vader.score_spans(norm, doc.sentences, doc.index.compiled_tokens())
    return [
        vader.compound(sentence) if vader.has_emoji(sentence) else vader.score_plain(sentence)
        for sentence in (norm[start:end] for start, end in doc.sentences)
    ]


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
    index = doc.index
    exclamations = count_found(
        EXCLAMATIONS, index, sink, kind="exclamation", feature="sentiment.exclamations_per_1k"
    )
    allcaps = count_found(ALLCAPS, index, sink, kind="allcaps", feature="sentiment.allcaps_per_1k")
    title_compound = scorer().compound(doc.title) if doc.title else 0.0
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
