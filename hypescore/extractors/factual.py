"""Factual density: figures, quantities, money, percentages, dates and named spans.

Rates are per 1,000 words so long and short articles compare.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from hypescore._engine.finders import CandidateFinder, ScanFinder
from hypescore._engine.index import TextIndex
from hypescore.analysis import AnalysedArticle
from hypescore.evidence import SpanSink
from hypescore.extractors._matching import count_found

FAMILY = "factual"
FEATURES = (
    "numbers_per_1k",
    "quantities_per_1k",
    "money_per_1k",
    "percentages_per_1k",
    "dates_per_1k",
    "named_spans_per_1k",
    "distinct_named_per_1k",
    "log_words",
    "words_per_sentence",
)

# Features whose evidence is recorded under a sibling feature's name.
EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {
    "factual.distinct_named_per_1k": ("factual.named_spans_per_1k",),
}
PLACEHOLDERS: dict[str, str] = {}
# The evidence kinds this family's spans carry (report styles and the story use them).
KINDS: tuple[str, ...] = (
    "quantity",
    "money",
    "percentage",
    "date",
    "named",
)

# Thousands groups are bounded so a long run of "1,1,1," cannot make a match scan the run.
_NUMBER = r"(?:\d{1,3}(?:,\d{3}){1,6}(?!\d)|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|[mbk])\b)?"
_NUMBER_RE = re.compile(rf"(?<![\w.]){_NUMBER}(?!\w)")
_PERCENT_RE = re.compile(rf"(?<![\w.]){_NUMBER}\s?(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_MONEY_RE = re.compile(
    rf"(?:[$€£¥]|\b(?:US\$|USD|EUR|GBP)\s?){_NUMBER}{_SCALE}"
    rf"|(?<![\w.]){_NUMBER}{_SCALE}\s?(?:dollars|euros|pounds|yen|yuan|rupees)\b",
    re.IGNORECASE,
)
_UNITS = (
    r"km|kilometers?|kilometres?|miles?|m|meters?|metres?|cm|mm|feet|foot|ft|inches|"
    r"kg|kilograms?|grams?|g|lbs?|pounds|tons?|tonnes?|mph|km/h|kph|degrees|°[CF]?|"
    r"mw|gw|kw|kwh|mwh|gwh|twh|megawatts?|gigawatts?|barrels?|bpd|liters?|litres?|gallons?|"
    r"acres?|hectares?|square\s+(?:miles?|kilometers?|kilometres?|feet|meters?|metres?)|"
    r"people|residents|workers|jobs|deaths|cases|patients|votes|seats|troops|soldiers|"
    r"homes|households|students|employees|units|vehicles|doses|years|months|weeks|days|hours"
)
_QUANTITY_RE = re.compile(rf"(?<![\w.]){_NUMBER}{_SCALE}\s?(?:{_UNITS})(?!\w)", re.IGNORECASE)
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_RE = re.compile(
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+(?:19|20)\d{{2}})?\b"
    r"|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    rf"|\b(?:in|since|by|until|from|of)\s+(?:{_MONTHS}\s+)?(?:19|20)\d{{2}}\b"
)
_NAMED_RE = re.compile(
    r"\b[A-Z][a-z][\w'-]*(?:[ ]+(?:(?:of|de|la|von|van|al|bin|the)[ ]+)?[A-Z][\w'-]+)+"
    r"|\b[A-Z]{2,}[a-z]?s?\b"
)
# The same matches, led by the capital both branches start with, so the engine skips to
# capitals instead of trying every position (the look-behind restores the \b).
_NAMED_SCAN_RE = re.compile(
    r"[A-Z](?<!\w[A-Z])"
    r"(?:[a-z][\w'-]*(?:[ ]+(?:(?:of|de|la|von|van|al|bin|the)[ ]+)?[A-Z][\w'-]+)+"
    r"|[A-Z]+[a-z]?s?\b)"
)

# Where numbers can start: a digit with no word character (or dot) before it. Every
# number-led pattern above starts at one of these; one scan finds them all.
_DIGIT_WORD_START_RE = re.compile(r"\d(?<!\w\d)")
_NON_ASCII_DIGIT_RE = re.compile(r"[^\D0-9]")
_MONTH_NAMES = tuple(_MONTHS.split("|"))
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS = _WEEKDAY_NAMES
_MONTH_SET = frozenset(_MONTH_NAMES)
_YEARS = frozenset(f"{century}{year:02d}" for century in (19, 20) for year in range(100))
_YEAR_PREPOSITIONS = frozenset(("in", "since", "by", "until", "from", "of"))
_CURRENCY_SYMBOLS = "$€£¥"
_CURRENCY_CODES = ("us$", "usd", "eur", "gbp")
_CURRENCY_WORDS = ("dollars", "euros", "pounds", "yen", "yuan", "rupees")


def _digit_word_starts(index: TextIndex) -> list[int]:
    return [m.start() for m in _DIGIT_WORD_START_RE.finditer(index.norm)]


def _number_starts(index: TextIndex) -> list[int]:
    """Offsets of digits preceded by neither a word character nor a dot."""
    norm = index.norm
    starts = index.memo("digit_word_starts", _digit_word_starts)
    return [p for p in starts if p == 0 or norm[p - 1] != "."]


def _numbers(index: TextIndex) -> list[int]:
    return index.memo("number_starts", _number_starts)


def _money_candidates(index: TextIndex) -> Iterable[int] | None:
    if index.exotic:
        return None
    lowered = index.lowered
    candidates: list[int] = []
    for symbol in _CURRENCY_SYMBOLS:
        if symbol in index.norm:
            candidates.extend(index.find_all(symbol))
    for code in _CURRENCY_CODES:
        if code in lowered:
            candidates.extend(index.find_all(code, lowered=True))
    if any(word in lowered for word in _CURRENCY_WORDS):
        candidates.extend(_numbers(index))
    return candidates


def _word_before(norm: str, end: int) -> tuple[str, int]:
    """The word-character run ending at ``end``, and where it starts."""
    start = end
    while start > 0 and (norm[start - 1].isalnum() or norm[start - 1] == "_"):
        start -= 1
    return norm[start:end], start


def _whitespace_before(norm: str, end: int) -> int:
    """Start of the whitespace run ending at ``end`` (``end`` itself if there is none)."""
    while end > 0 and norm[end - 1].isspace():
        end -= 1
    return end


def _date_candidates(index: TextIndex) -> Iterable[int] | None:
    """Every offset where a date can start, or ``None`` to scan (non-ASCII digits).

    Each branch of _DATE_RE holds a month, a weekday or a year as a whole word, so
    places are found from those words: the word itself ("March 5", "Monday",
    "2019-03-05") or, walking back over whitespace, the day before a month ("5 March")
    and the preposition before a year ("in 2019", "since March 2019").
    """
    norm = index.norm
    if not norm.isascii() and _NON_ASCII_DIGIT_RE.search(norm):
        return None
    months = index.may_contain(_MONTH_NAMES)
    weekdays = index.may_contain(_WEEKDAYS)
    years = index.lower_runs.keys() & _YEARS
    candidates: list[int] = []
    for word in weekdays:
        candidates.extend(index.find_all(word))
    for word in months:
        for at in index.find_all(word):
            candidates.append(at)
            gap = _whitespace_before(norm, at)
            if gap < at:
                candidates.append(_word_before(norm, gap)[1])
    # A year in a date is a whole word, so it starts where a digit follows a non-word
    # character: those places are known already, no search per year is needed.
    year_starts = (
        at
        for at in index.memo("digit_word_starts", _digit_word_starts)
        if norm[at : at + 4] in years
    )
    for at in year_starts if years else ():
        candidates.append(at)
        gap = _whitespace_before(norm, at)
        if gap == at:
            continue
        word, start = _word_before(norm, gap)
        if word in _MONTH_SET:
            gap = _whitespace_before(norm, start)
            if gap == start:
                continue
            word, start = _word_before(norm, gap)
        if word in _YEAR_PREPOSITIONS:
            candidates.append(start)
    return candidates


def _percent_candidates(index: TextIndex) -> Iterable[int]:
    if "%" in index.norm or "cent" in index.lowered:
        return _numbers(index)
    return ()


NUMBERS = CandidateFinder(_NUMBER_RE, _numbers)
QUANTITIES = CandidateFinder(_QUANTITY_RE, _numbers)
MONEY = CandidateFinder(_MONEY_RE, _money_candidates)
PERCENTAGES = CandidateFinder(_PERCENT_RE, _percent_candidates)
DATES = CandidateFinder(_DATE_RE, _date_candidates)
NAMED = ScanFinder(_NAMED_RE, scan_pattern=_NAMED_SCAN_RE)


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    index = doc.index
    numbers = NUMBERS.count(index)
    quantities = count_found(
        QUANTITIES, index, sink, kind="quantity", feature="factual.quantities_per_1k"
    )
    money = count_found(MONEY, index, sink, kind="money", feature="factual.money_per_1k")
    percentages = count_found(
        PERCENTAGES, index, sink, kind="percentage", feature="factual.percentages_per_1k"
    )
    dates = count_found(DATES, index, sink, kind="date", feature="factual.dates_per_1k")
    named = _NAMED_SCAN_RE.findall(doc.norm)
    if sink is not None:
        count_found(NAMED, index, sink, kind="named", feature="factual.named_spans_per_1k")
    n_sentences = len(doc.sentences)
    return [
        doc.per_1k_words(numbers),
        doc.per_1k_words(quantities),
        doc.per_1k_words(money),
        doc.per_1k_words(percentages),
        doc.per_1k_words(dates),
        doc.per_1k_words(len(named)),
        doc.per_1k_words(len(set(named))),
        math.log1p(doc.n_words),
        doc.n_words / n_sentences if n_sentences else 0.0,
    ]
