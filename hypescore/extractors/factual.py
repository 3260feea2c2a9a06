"""Factual density: figures, quantities, money, percentages, dates and named spans.

Rates are per 1,000 words so long and short articles compare.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from hypescore._engine import kernel, multisearch
from hypescore._engine.finders import CandidateFinder
from hypescore._engine.index import TextIndex
from hypescore._engine.readability import easy_words
from hypescore.analysis import AnalysedArticle
from hypescore.evidence import Span, SpanSink
from hypescore.extractors._matching import count_found
from hypescore.filler import FUNCTION_WORDS

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
# A count of things: a number (not a bare year), up to two modifiers, a plural noun
# ("250,000 X9 processors", "3 new reactors").
_LINKS = r"(?:in|of|to|for|on|at|by|from|and|or|the|a|an|as|is|are|was|were|per|with|than)"
_COUNTED = (
    rf"(?!(?:19|20)\d\d(?![\d,]))(?-i:{_NUMBER}{_SCALE}[ ]"
    rf"(?:(?!{_LINKS}[ ])[A-Za-z0-9][\w-]*[ ]){{0,2}}[a-z]{{3,}}s)(?!\w)"
)
# What a unit can start with: every unit starts with a letter or "°", and every character
# IGNORECASE matches to a letter is one. Only a filter (a lookahead): the unit alternation
# is tried at the word after a number, not also at the space before it.
_UNIT_START = r"(?=[^\W\d_]|°)"
_QUANTITY_RE = re.compile(
    rf"(?<![\w.])(?:{_NUMBER}{_SCALE}\s?{_UNIT_START}(?:{_UNITS})(?!\w)|{_COUNTED})",
    re.IGNORECASE,
)
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Full month names that stand alone as dates ("in December"); "May" alone is a verb too.
_BARE_MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
_PERIODS = "week|month|year|weekend|quarter|spring|summer|autumn|fall|winter"
_DATE_RE = re.compile(
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+(?:19|20)\d{{2}})?\b"
    r"|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    rf"|\b(?:in|since|by|until|from|of)\s+(?:{_MONTHS}\s+)?(?:19|20)\d{{2}}\b"
    rf"|\b(?:[Mm]id|[Ee]arly|[Ll]ate)[- ](?:{_BARE_MONTHS}|(?:19|20)\d{{2}}s?)\b"
    rf"|\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier[ ]this|[Ll]ater[ ]this)[ ](?:{_PERIODS})\b"
    r"|\b(?:[Yy]esterday|[Tt]omorrow)\b"
    rf"|\b(?:{_BARE_MONTHS})\b"
)
# Words that start the relative and "mid-" branches of _DATE_RE (lower case).
_DATE_LEAD_WORDS = ("mid", "early", "late", "last", "next", "this", "earlier", "later")
_DATE_ALONE_WORDS = ("yesterday", "tomorrow")
# A run of capitalised words, optionally joined by a particle ("Bank of England"); led
# by a capital with no word character before it, so the engine skips to capitals.
_PARTICLE_WORDS = ("of", "de", "la", "von", "van", "al", "bin", "the")
_PARTICLE_ALTERNATION = "|".join(_PARTICLE_WORDS)
_CAPITALISED_RUN_RE = re.compile(
    rf"[A-Z](?<!\w[A-Z])[\w'-]*(?:[ ]+(?:(?:{_PARTICLE_ALTERNATION})[ ]+)?[A-Z][\w'-]*)*"
)
# Quotes and brackets that may open a sentence before its first word.
# A dateline: a place in capitals (at most four words), an agency or a date, then a
# spaced dash. Every part is bounded, so a search stays linear on a page of capitals.
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z'.-]{2,20}(?: [A-Z][A-Z'.-]{0,20}){0,3}(?: ?\([^)\n]{1,40}\))?"
    r"(?:,[^\n\u2013\u2014]{1,40}?)? {1,3}[-\u2013\u2014]{1,2} {1,3}"
)
_OPENERS = "\"'([-* "
# Capitalised words that are never a name by themselves.
_PARTICLE_RE = re.compile(rf"^(?:(?:{_PARTICLE_ALTERNATION})[ ]+)+")
# Sentence openers that are no function words but never start a name either.
_OPENING_WORDS = frozenset(
    ("After", "Although", "Because", "Before", "Despite", "During", "Even", "However",
     "Meanwhile", "Now", "Once", "Since", "Still", "Though", "Unlike", "Until", "While",
     "Yet", "Like", "Many", "Some", "Most", "Every", "Each", "Only", "Just", "Even", "Last",
     "Next", "Today", "Yesterday", "Instead", "Then", "Amid", "Among", "Against", "Under")
)  # fmt: skip

# A name has at most this many capitalised words ("Russian President Vladimir Putin");
# a longer run is a title-case headline or a link list, not one actor.
_MAX_NAME_WORDS = 5
# An all-capitals word this long is shouting ("EXCLUSIVE"), not an acronym ("NASCAR").
_SHOUTED_LENGTH = 7
_PARTICLES = frozenset(_PARTICLE_WORDS)

# Where numbers can start: a digit with no word character (or dot) before it. Every
# number-led pattern above starts at one of these; one scan finds them all.
_DIGIT_WORD_START_RE = re.compile(r"\d(?<!\w\d)")
_NON_ASCII_DIGIT_RE = re.compile(r"[^\D0-9]")
_MONTH_NAMES = tuple(_MONTHS.split("|"))
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# "I" and its contractions open many capitalised runs and name nobody.
_FIRST_PERSON = ("I", "I'm", "I've", "I'll", "I'd")
_NOT_NAMES = frozenset((*_FIRST_PERSON, "A", *_MONTH_NAMES, *_WEEKDAY_NAMES))
_WEEKDAYS = _WEEKDAY_NAMES
_MONTH_SET = frozenset(_MONTH_NAMES)
_YEARS = frozenset(f"{century}{year:02d}" for century in (19, 20) for year in range(100))
_YEAR_PREPOSITIONS = frozenset(("in", "since", "by", "until", "from", "of"))
_CURRENCY_SYMBOLS = "$€£¥"
_CURRENCY_CODES = ("us$", "usd", "eur", "gbp")
_CURRENCY_WORDS = ("dollars", "euros", "pounds", "yen", "yuan", "rupees")
multisearch.register(
    word.lower()
    for word in (*_MONTH_NAMES, *_WEEKDAYS, *_DATE_LEAD_WORDS, *_DATE_ALONE_WORDS, *_CURRENCY_CODES)
)


def _digit_word_starts(index: TextIndex) -> list[int]:
    """Every match start of ``_DIGIT_WORD_START_RE`` (one pass of the kernel when it runs)."""
    compiled = kernel.active()
    if compiled is not None:
        return compiled.digit_word_starts(index.norm)
    return [m.start() for m in _DIGIT_WORD_START_RE.finditer(index.norm)]


def _number_starts(index: TextIndex) -> list[int]:
    """Offsets of digits preceded by neither a word character nor a dot."""
    norm = index.norm
    starts = index.memo("digit_word_starts", _digit_word_starts)
    return [p for p in starts if p == 0 or norm[p - 1] != "."]


def number_starts(index: TextIndex) -> list[int]:
    """Where a number can start (see ``_number_starts``), found once per document."""
    return index.memo("number_starts", _number_starts)


def _money_candidates(index: TextIndex) -> Iterable[int]:
    lowered = index.lowered
    candidates: list[int] = []
    for symbol in _CURRENCY_SYMBOLS:
        if symbol in index.norm:
            candidates.extend(index.find_all(symbol))
    for code in _CURRENCY_CODES:
        if code in lowered:
            candidates.extend(index.find_all(code, lowered=True))
    if any(map(lowered.__contains__, _CURRENCY_WORDS)):  # in C: no generator frames
        candidates.extend(number_starts(index))
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


def _has_non_ascii_digit(norm: str) -> bool:
    """Whether ``_NON_ASCII_DIGIT_RE`` occurs in ``norm`` (read by the compiled kernel
    when it runs)."""
    compiled = kernel.active()
    if compiled is not None:
        return compiled.has_non_ascii_decimal(norm)
    return _NON_ASCII_DIGIT_RE.search(norm) is not None


def _date_candidates(index: TextIndex) -> Iterable[int] | None:
    """Every offset where a date can start, or ``None`` to scan (non-ASCII digits).

    Each branch of _DATE_RE holds a month, a weekday or a year as a whole word, so
    places are found from those words: the word itself ("March 5", "Monday",
    "2019-03-05") or, walking back over whitespace, the day before a month ("5 March")
    and the preposition before a year ("in 2019", "since March 2019").
    """
    norm = index.norm
    if not norm.isascii() and _has_non_ascii_digit(norm):
        return None
    months = index.may_contain(_MONTH_NAMES)
    weekdays = index.may_contain(_WEEKDAYS)
    candidates: list[int] = []
    for word in weekdays:
        candidates.extend(index.find_all(word))
    for word in months:
        for at in index.find_all(word):
            candidates.append(at)
            gap = _whitespace_before(norm, at)
            if gap < at:
                candidates.append(_word_before(norm, gap)[1])
    # "last week", "mid-January", "mid-2020s", "yesterday": led by a few words.
    for word in index.may_contain(_DATE_LEAD_WORDS + _DATE_ALONE_WORDS):
        candidates.extend(index.find_all(word, lowered=True))
    # A year in a date is a whole word, so it starts where a digit follows a non-word
    # character: those places are known already, no search per year is needed. (Each
    # place is looked up, not the hundred years: a document has a few dozen numbers.)
    runs = index.lower_runs
    year_starts = (
        at
        for at in index.memo("digit_word_starts", _digit_word_starts)
        if (year := norm[at : at + 4]) in _YEARS and year in runs
    )
    for at in year_starts:
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
        return number_starts(index)
    return ()


NUMBERS = CandidateFinder(_NUMBER_RE, number_starts)
QUANTITIES = CandidateFinder(_QUANTITY_RE, number_starts)
MONEY = CandidateFinder(_MONEY_RE, _money_candidates)
PERCENTAGES = CandidateFinder(_PERCENT_RE, _percent_candidates)
DATES = CandidateFinder(_DATE_RE, _date_candidates)


def _sentence_starts(doc: AnalysedArticle) -> set[int]:
    """Offset of each body sentence's first word (after opening quotes or brackets), and
    of the word after a dateline that opens one ("BRENNOCK, March 3 - Battery maker...":
    "Battery" opens the report)."""
    norm = doc.norm
    starts = set()
    for start, end in doc.sentences:
        while start < end and norm[start] in _OPENERS:
            start += 1
        starts.add(start)
        dateline = _DATELINE_RE.match(norm, start, end)
        if dateline:
            starts.add(dateline.end())
    return starts


def _is_shouted(word: str) -> bool:
    """An all-capitals common word ("HUGE", "WATCH", "BREAKING"): emphasis, not a name."""
    if not (word.isupper() and word.isalpha() and len(word) > 1):
        return False
    lowered = word.lower()
    return len(word) >= _SHOUTED_LENGTH or lowered in easy_words() or lowered in FUNCTION_WORDS


def _trimmed_name(start: int, text: str) -> tuple[int, int, str] | None:
    """The name inside a capitalised run, or None when the run names nobody.

    Shouted common words at either end go ("WATCH the FBI": FBI), with the particles
    they leave dangling; what is left is no name when it is one letter ("U" of "U.S."),
    a function word alone ("The", "We") or longer than a name can be.
    """
    words = text.split(" ")
    while words and (_is_shouted(words[0]) or words[0] in _PARTICLES or not words[0]):
        start += len(words.pop(0)) + 1
    while words and (_is_shouted(words[-1]) or words[-1] in _PARTICLES or not words[-1]):
        words.pop()
    capitalised = [w for w in words if w not in _PARTICLES]
    if not capitalised or len(capitalised) > _MAX_NAME_WORDS:
        return None
    if len(words) == 1 and (len(words[0]) < 2 or words[0].lower() in FUNCTION_WORDS):
        return None
    name = " ".join(words)
    return start, start + len(name), name


# Each capitalised run's trimmed name, relative to the run's start: the same runs
# ("Trump", "White House") recur across documents, and trimming one costs a split and a
# dozen lookups. Bounded like the token caches, so memory stays flat on long streams.
_TRIMMED: dict[str, tuple[int, str] | None] = {}
_MAX_TRIMMED = 100_000


def _cached_trimmed_name(start: int, text: str) -> tuple[int, int, str] | None:
    """:func:`_trimmed_name`, remembered per run text."""
    try:
        found = _TRIMMED[text]
    except KeyError:
        if len(_TRIMMED) >= _MAX_TRIMMED:
            _TRIMMED.clear()
        name = _trimmed_name(0, text)
        found = _TRIMMED[text] = None if name is None else (name[0], name[2])
    if found is None:
        return None
    offset, name_text = found
    return start + offset, start + offset + len(name_text), name_text


def actor_key(name: str) -> str:
    """One key per actor however the text inflects it ("Paddock's" is Paddock)."""
    return name.removesuffix("'s").removesuffix("'")


def sentence_starts(doc: AnalysedArticle) -> set[int]:
    """:func:`_sentence_starts`, found once per document."""
    return doc.index.memo("sentence_starts", lambda _: _sentence_starts(doc))


def capitalised_runs(norm: str) -> list[tuple[int, int]]:
    """Spans of ``_CAPITALISED_RUN_RE``'s matches, in order (scanned by the compiled
    kernel when it runs: no match objects)."""
    compiled = kernel.active()
    if compiled is not None:
        return compiled.capitalised_runs(norm, _PARTICLE_WORDS)
    return [match.span() for match in _CAPITALISED_RUN_RE.finditer(norm)]


def _strip_particles(text: str) -> str:
    """The run without the particles that lead it ("the Senate": Senate)."""
    return _PARTICLE_RE.sub("", text)


def _name_candidates(
    norm: str, starts: set[int]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The names inside sentences (and after a sentence's function word or opener),
    and the single capitalised words that open a sentence (the kernel's
    ``name_candidates`` replays this loop)."""
    found: list[tuple[int, int, str]] = []
    initial: list[tuple[int, int, str]] = []
    for start, end in capitalised_runs(norm):
        text = norm[start:end]
        if start in starts:
            first, _, rest = text.partition(" ")
            if not rest:
                initial.append((start, end, text))
                continue
            if first.lower() in FUNCTION_WORDS or first in _OPENING_WORDS:
                rest = _strip_particles(rest.lstrip())  # "In the Senate": Senate
                start = end - len(rest)
                text = rest
        name = _cached_trimmed_name(start, text)
        if name is not None and name[2] not in _NOT_NAMES:
            found.append(name)
    return found, initial


def named_entities(doc: AnalysedArticle) -> list[tuple[int, int, str]]:
    """Named actors, places and organisations: ``(start, end, text)`` in order.

    A capitalised run is a name, except that a sentence's capitalised first word is not
    part of one ("For Nvidia" names Nvidia) and is no name by itself ("Officials said")
    unless the same word is capitalised inside a sentence elsewhere in the text. Single
    words inside a sentence are names ("Siemens", "Airbus"); shouted words, single
    letters, lone function words and title-case runs are not (:func:`_trimmed_name`).
    """
    starts = sentence_starts(doc)
    compiled = kernel.active()
    if compiled is not None:
        found, initial = compiled.name_candidates(
            doc.norm, _PARTICLE_WORDS, starts, _TRIMMED, _cached_trimmed_name, _NOT_NAMES,
            FUNCTION_WORDS, _OPENING_WORDS, _strip_particles,
        )  # fmt: skip
    else:
        found, initial = _name_candidates(doc.norm, starts)
    if initial:
        inside = {text for _, _, text in found}
        for start, _, text in initial:
            name = _cached_trimmed_name(start, text)
            if name is not None and name[2] in inside:
                found.append(name)
        found.sort()
    return found


def named_entities_of(doc: AnalysedArticle) -> list[tuple[int, int, str]]:
    """:func:`named_entities`, found once per document."""
    return doc.index.memo("named_entities", lambda _: named_entities(doc))


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    index = doc.index
    numbers = NUMBERS.count(index)
    quantities = count_found(
        QUANTITIES, index, sink, kind="quantity", feature="factual.quantities_per_1k", shared=True
    )
    money = count_found(
        MONEY, index, sink, kind="money", feature="factual.money_per_1k", shared=True
    )
    percentages = count_found(
        PERCENTAGES,
        index,
        sink,
        kind="percentage",
        feature="factual.percentages_per_1k",
        shared=True,
    )
    dates = count_found(
        DATES, index, sink, kind="date", feature="factual.dates_per_1k", shared=True
    )
    named = [text for _, _, text in named_entities_of(doc)]
    if sink is not None:
        sink.extend(
            Span(start, end, "named", "factual.named_spans_per_1k")
            for start, end, _ in named_entities_of(doc)
        )
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
