"""Factual density: figures, quantities, money, percentages, dates and named spans.

Rates are per 1,000 words so long and short articles compare.
"""

from __future__ import annotations

import math
import re

from hypescore.evidence import SpanSink
from tests.reference._matching import count_matches
from tests.reference.analysis import AnalysedArticle

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


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    text = doc.norm
    numbers = count_matches(_NUMBER_RE, text, None, kind="number", feature="factual.numbers_per_1k")
    quantities = count_matches(
        _QUANTITY_RE, text, sink, kind="quantity", feature="factual.quantities_per_1k"
    )
    money = count_matches(_MONEY_RE, text, sink, kind="money", feature="factual.money_per_1k")
    percentages = count_matches(
        _PERCENT_RE, text, sink, kind="percentage", feature="factual.percentages_per_1k"
    )
    dates = count_matches(_DATE_RE, text, sink, kind="date", feature="factual.dates_per_1k")
    named = _NAMED_RE.findall(text)
    if sink is not None:
        count_matches(_NAMED_RE, text, sink, kind="named", feature="factual.named_spans_per_1k")
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
