"""Promotion: filler that sells rather than informs.

Tag lists and "viral phrases" blocks, SEO keyword lines, hashtag runs, calls to action,
comment and share boilerplate, clickbait headline patterns, hype words and superlatives,
and the share of the text that is filler.
"""

from __future__ import annotations

import re

from hypescore._engine.finders import ScanFinder
from hypescore.analysis import AnalysedArticle, headline
from hypescore.evidence import Span, SpanSink
from hypescore.extractors._matching import Finder, count_found, merged_length
from hypescore.lexicons import lexicon_finder, lexicon_pattern, load_lexicon

FAMILY = "promotion"
FEATURES = (
    "tag_list_lines",
    "viral_phrase_blocks",
    "hashtags_per_1k",
    "hashtag_runs",
    "calls_to_action_per_1k",
    "boilerplate_hits",
    "hype_words_per_1k",
    "hype_phrases_per_1k",
    "superlatives_per_1k",
    "filler_share",
    "headline_number_first",
    "headline_question",
    "headline_clickbait_phrases",
    "headline_teaser",
    "headline_second_person",
    "headline_words",
)

# Features whose evidence is recorded under a sibling feature's name.
EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {
    "promotion.viral_phrase_blocks": ("promotion.tag_list_lines",),
    "promotion.hashtag_runs": ("promotion.hashtags_per_1k",),
    "promotion.filler_share": (
        "promotion.tag_list_lines",
        "promotion.calls_to_action_per_1k",
        "promotion.boilerplate_hits",
    ),
}
PLACEHOLDERS: dict[str, str] = {}
# The evidence kinds this family's spans carry (report styles and the story use them).
KINDS: tuple[str, ...] = (
    "viral_block",
    "tag_list",
    "hashtag",
    "boilerplate",
    "call_to_action",
    "clickbait",
    "hype_word",
    "hype_phrase",
    "superlative",
)

_HASHTAG_RE = re.compile(r"(?<![\w#])#[^\W\d_]\w*")
_HASHTAG_RUN_RE = re.compile(r"(?<![\w#])#\w+(?:[ ,]+#\w+){2,}")
# Separators start only at the first space of a run (lookbehind), so runs of spaces stay linear.
_LIST_SEPARATOR_RE = re.compile(r"(?<!\s)\s*+[,|;]\s*|(?<!\s)\s++(?=#)|(?<!\s)\s++[·•]\s*")
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
_MAX_TAG_WORDS = 4
_MIN_TAG_ITEMS = 4
_SEPARATOR_CHARS = ",|;#\u00b7\u2022"

HASHTAGS = ScanFinder(_HASHTAG_RE, possible=lambda index: "#" in index.norm)
HASHTAG_RUNS = ScanFinder(_HASHTAG_RUN_RE, possible=lambda index: "#" in index.norm)


def _filler_header_re() -> re.Pattern[str]:
    headers = sorted(load_lexicon("filler_headers"), key=len, reverse=True)
    body = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in headers)
    return re.compile(rf"^(?:{body})\s*(?::|$|-)", re.IGNORECASE)


_FILLER_HEADER_RE = _filler_header_re()


def is_keyword_list(line: str) -> bool:
    """A line of short comma/pipe/hash-separated items that is not a sentence."""
    if line.endswith((".", "?", "!", ":")):
        return False
    if _too_many_words_for_a_list(line):
        return False
    items = [item for item in _LIST_SEPARATOR_RE.split(line) if item.strip(" #")]
    if len(items) < _MIN_TAG_ITEMS:
        return False
    return all(len(item.split()) <= _MAX_TAG_WORDS for item in items)


def _too_many_words_for_a_list(line: str) -> bool:
    """A cheap proof that some list item would exceed the word limit (prose lines).

    Items are at most one more than the separators (each needs a separator character),
    and every token with a non-separator character puts at least one word in an item, so
    more such tokens than ``_MAX_TAG_WORDS`` per possible item means a long item.
    """
    separators = sum(line.count(char) for char in _SEPARATOR_CHARS)
    words_at_least = len(line.split()) - separators
    return words_at_least > _MAX_TAG_WORDS * (separators + 1)


def _filler_lines(doc: AnalysedArticle, sink: SpanSink) -> tuple[int, int, list[tuple[int, int]]]:
    """Tag-list lines, viral-phrase blocks, and the intervals they cover."""
    tag_lines = 0
    blocks = 0
    intervals: list[tuple[int, int]] = []
    in_block = False
    previous_end = 0
    for start, end in doc.lines:
        line = doc.norm[start:end]
        if in_block and doc.norm.count("\n", previous_end, start) > 1:
            in_block = False  # a blank line closes a tag block
        previous_end = end
        if _FILLER_HEADER_RE.match(line):
            blocks += 1
            in_block = True
            tag_lines += 1
            kind = "viral_block"
        elif is_keyword_list(line) or (in_block and len(line.split()) <= 2 * _MAX_TAG_WORDS):
            tag_lines += 1
            kind = "tag_list"
        else:
            in_block = False
            continue
        intervals.append((start, end))
        if sink is not None:
            sink.append(Span(start, end, kind, "promotion.tag_list_lines"))
    return tag_lines, blocks, intervals


def _collect(
    finder: Finder,
    doc: AnalysedArticle,
    sink: SpanSink,
    kind: str,
    feature: str,
    intervals: list[tuple[int, int]] | None = None,
) -> int:
    local: list[Span] = []
    wants_spans = sink is not None or intervals is not None
    count = count_found(
        finder, doc.index, local if wants_spans else None, kind=kind, feature=feature
    )
    if intervals is not None:
        intervals.extend((span.start, span.end) for span in local)
    if sink is not None:
        sink.extend(local)
    return count


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    tag_lines, blocks, filler = _filler_lines(doc, sink)
    hashtags = _collect(HASHTAGS, doc, sink, "hashtag", "promotion.hashtags_per_1k")
    runs = _collect(HASHTAG_RUNS, doc, None, "hashtag_run", "promotion.hashtag_runs", filler)
    ctas = _collect(
        lexicon_finder("calls_to_action"),
        doc,
        sink,
        "call_to_action",
        "promotion.calls_to_action_per_1k",
        filler,
    )
    boilerplate = _collect(
        lexicon_finder("boilerplate"),
        doc,
        sink,
        "boilerplate",
        "promotion.boilerplate_hits",
        filler,
    )
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
    filler_share = merged_length(filler) / len(doc.norm) if doc.norm else 0.0
    return [
        float(tag_lines),
        float(blocks),
        doc.per_1k_words(hashtags),
        float(runs),
        doc.per_1k_words(ctas),
        float(boilerplate),
        doc.per_1k_words(hype_words),
        doc.per_1k_words(hype_phrases),
        doc.per_1k_words(superlatives),
        filler_share,
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
    for match in lexicon_pattern("clickbait_phrases").finditer(text):
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
    return [
        float(bool(_NUMBER_FIRST_RE.match(text))),
        float(text.endswith("?") or bool(_QUESTION_START_RE.match(text))),
        float(clickbait),
        float(bool(_TEASER_RE.search(text))),
        float(bool(_SECOND_PERSON_RE.search(text))),
        float(len(text.split())),
    ]
