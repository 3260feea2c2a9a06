"""Promotion: wording that sells rather than informs.

Hashtags, hype words and phrases, superlatives in the body, and clickbait headline
patterns. Filler blocks (tag lists, boilerplate, calls to action) are cut from the body
before this runs and measured by ``hypescore.extractors.filler``.
"""

from __future__ import annotations

import re

from hypescore._engine.finders import ScanFinder
from hypescore._engine.index import case_fold
from hypescore.analysis import AnalysedArticle, headline
from hypescore.evidence import Span, SpanSink
from hypescore.extractors._matching import Finder, count_found
from hypescore.lexicons import lexicon_finder, lexicon_pattern, may_match

FAMILY = "promotion"
FEATURES = (
    "hashtags_per_1k",
    "hype_words_per_1k",
    "hype_phrases_per_1k",
    "superlatives_per_1k",
    "headline_number_first",
    "headline_question",
    "headline_clickbait_phrases",
    "headline_teaser",
    "headline_second_person",
    "headline_words",
)

EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {}
PLACEHOLDERS: dict[str, str] = {}
# The evidence kinds this family's spans carry (report styles and the story use them).
KINDS: tuple[str, ...] = ("hashtag", "clickbait", "hype_word", "hype_phrase", "superlative")

_HASHTAG_RE = re.compile(r"(?<![\w#])#[^\W\d_]\w*")
_NUMBER_FIRST_RE = re.compile(r"^\W*\d+\b")
_QUESTION_START_RE = re.compile(
    r"^\W*(?:who|what|why|how|when|where|which|can|could|is|are|do|does|did|will|would|should)\b",
    re.IGNORECASE,
)
_TEASER_RE = re.compile(
    r"^\W*(?:this|these|here's|here is|here are|that's|that is|meet|watch|look)\b"
    r"|\b(?:this|these)\s+\w+\s*$",
    re.IGNORECASE,
)
_SECOND_PERSON_RE = re.compile(r"\byou(?:r|rs|'re|'ll|'ve|'d)?\b", re.IGNORECASE)
# A word every match of the pattern holds (IGNORECASE): a headline without any of them,
# case-folded as the regex engine folds (``case_fold``), is not searched. Each search
# tries its alternatives at every position; most headlines hold none of the words.
_TEASER_WORDS = ("this", "these", "here", "that", "meet", "watch", "look")
_SECOND_PERSON_WORDS = ("you",)

HASHTAGS = ScanFinder(_HASHTAG_RE, possible=lambda index: "#" in index.norm)


def _collect(finder: Finder, doc: AnalysedArticle, sink: SpanSink, kind: str, feature: str) -> int:
    return count_found(finder, doc.index, sink, kind=kind, feature=feature)


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    hashtags = _collect(HASHTAGS, doc, sink, "hashtag", "promotion.hashtags_per_1k")
    hype_words = _collect(
        lexicon_finder("hype_words"), doc, sink, "hype_word", "promotion.hype_words_per_1k"
    )
    hype_phrases = _collect(
        lexicon_finder("hype_phrases"),
        doc,
        sink,
        "hype_phrase",
        "promotion.hype_phrases_per_1k",
    )
    superlatives = _collect(
        lexicon_finder("superlatives"),
        doc,
        sink,
        "superlative",
        "promotion.superlatives_per_1k",
    )
    return [
        doc.per_1k_words(hashtags),
        doc.per_1k_words(hype_words),
        doc.per_1k_words(hype_phrases),
        doc.per_1k_words(superlatives),
        *_headline_features(doc, sink),
    ]


def _headline_features(doc: AnalysedArticle, sink: SpanSink) -> list[float]:
    field, offset, end = headline(doc)
    raw = (doc.title if field == "title" else doc.norm)[offset:end]
    text = raw.strip()
    offset += len(raw) - len(raw.lstrip())
    if not text:
        return [0.0] * 6
    clickbait = 0
    phrases = lexicon_pattern("clickbait_phrases")
    for match in phrases.finditer(text) if may_match("clickbait_phrases", text) else ():
        clickbait += 1
        if sink is not None:
            sink.append(
                Span(
                    offset + match.start(),
                    offset + match.end(),
                    "clickbait",
                    "promotion.headline_clickbait_phrases",
                    field,
                )
            )
    folded = case_fold(text)
    return [
        float(bool(_NUMBER_FIRST_RE.match(text))),
        float(text.endswith("?") or bool(_QUESTION_START_RE.match(text))),
        float(clickbait),
        float(_searched(_TEASER_RE, text, folded, _TEASER_WORDS)),
        float(_searched(_SECOND_PERSON_RE, text, folded, _SECOND_PERSON_WORDS)),
        float(len(text.split())),
    ]


def _searched(pattern: re.Pattern[str], text: str, folded: str, words: tuple[str, ...]) -> bool:
    """Whether ``pattern`` occurs in ``text``, searched only when ``folded`` (its
    ``case_fold``) holds one of the ``words`` each of its matches holds."""
    return any(map(folded.__contains__, words)) and pattern.search(text) is not None
