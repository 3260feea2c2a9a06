"""One development, several outlets: which facts each carries, and what they agree on.

Facts are what the factual extractor already marks: figures (money, percentages,
quantities) and named actors. They are matched across outlets by meaning, not spelling:
``$860 million`` and ``$860m`` are one figure, ``Councillor Danuta Reyes`` and ``Danuta
Reyes`` one actor. Text in filler (tag lists, viral-phrase blocks, boilerplate) does not
count as carrying a fact: listing a keyword is not reporting it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from hypescore._engine.story_search import (
    Intervals,
    NameOccurrences,
    ToleranceIndex,
    at_sentence_start,
)
from hypescore.article import Article
from hypescore.evidence import Span
from hypescore.extractors.substance import SMALL_FIGURE

FIGURE = "figure"
ACTOR = "actor"
FIGURE_KINDS = ("money", "percentage", "quantity")
FILLER_KINDS = (
    "tag_list",
    "viral_block",
    "boilerplate",
    "hashtag",
    "call_to_action",
    "keyword_cloud",
    "related_links",
    "navigation",
    "headings",
)
RELATIVE_TOLERANCE = 0.025
"""Figures within 2.5% are one fact: outlets round ($1.38bn vs $1.4bn); 3% vs 4% stay apart."""

_NUMBER_RE = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?")
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}
_SCALE_RE = re.compile(r"^\s?(thousand|million|billion|trillion|bn|mn|[mbk])\b", re.IGNORECASE)
_CURRENCIES = (
    ("US$", "USD"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("dollar", "USD"),
    ("euro", "EUR"),
    ("pound", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("rupee", "INR"),
)
# Unit spellings folded to one name, with a factor into that name's unit.
_UNITS = {
    "gigawatt": ("mw", 1000.0),
    "gw": ("mw", 1000.0),
    "megawatt": ("mw", 1.0),
    "mw": ("mw", 1.0),
    "kilowatt": ("mw", 0.001),
    "kw": ("mw", 0.001),
    "kilometer": ("km", 1.0),
    "kilometre": ("km", 1.0),
    "km": ("km", 1.0),
    "meter": ("m", 1.0),
    "metre": ("m", 1.0),
    "liter": ("l", 1.0),
    "litre": ("l", 1.0),
    "kilogram": ("kg", 1.0),
    "tonne": ("t", 1.0),
    "ton": ("t", 1.0),
    "foot": ("ft", 1.0),
    "feet": ("ft", 1.0),
    "mile": ("mile", 1.0),
}
_PHYSICAL_UNITS = frozenset(unit for unit, _ in _UNITS.values())
_LEADING_WORD_RE = re.compile(
    r"(?:the|mr|mrs|ms|dr|prof|professor|sir|dame|lord|lady|councillor|councilor|senator|sen"
    r"|rep|representative|president|minister|mayor|governor|gov|judge|chief|director)\.?",
    re.IGNORECASE,
)
"""Words before a name that are not part of it: an article or a title."""


@dataclass(frozen=True, slots=True)
class Mention:
    """Where one outlet states a fact, in its own words."""

    surface: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"surface": self.surface, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Fact:
    """A figure or an actor, as the first outlet that states it words it."""

    key: str
    kind: str
    label: str


@dataclass(frozen=True)
class StoryOutlet:
    """One outlet's article with its scoring result (``Result.to_dict()`` shape)."""

    name: str
    article: Article
    result: Mapping[str, Any]
    spans: Sequence[Span]

    @property
    def ok(self) -> bool:
        return not self.result.get("error")


@dataclass(frozen=True)
class StoryComparison:
    """Which outlet carries which fact, and the story-level reading built on agreement."""

    outlets: tuple[StoryOutlet, ...]
    facts: tuple[Fact, ...]
    mentions: tuple[dict[str, tuple[Mention, ...]], ...]
    impact: float | None
    impact_basis: str
    corroborated: frozenset[str] = field(default_factory=frozenset)

    def carries(self, outlet: int, key: str) -> bool:
        return key in self.mentions[outlet]

    def carried_by(self, key: str) -> list[int]:
        return [i for i in range(len(self.outlets)) if self.carries(i, key)]

    def omitted(self, outlet: int) -> list[Fact]:
        """Facts some other outlet carries that this one leaves out."""
        return [f for f in self.facts if not self.carries(outlet, f.key)]

    def exclusive(self, outlet: int) -> list[Fact]:
        """Facts only this outlet states: scoops, or figures nobody else can confirm."""
        return [f for f in self.facts if self.carried_by(f.key) == [outlet]]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary, outlets in input order."""
        return {
            "impact": self.impact,
            "impact_basis": self.impact_basis,
            "facts": [
                {
                    "key": f.key,
                    "kind": f.kind,
                    "label": f.label,
                    "corroborated": f.key in self.corroborated,
                    "carried_by": [self.outlets[i].name for i in self.carried_by(f.key)],
                }
                for f in self.facts
            ],
            "outlets": [
                {
                    "name": outlet.name,
                    "verdict": outlet.result.get("verdict"),
                    "label": outlet.result.get("label"),
                    "hype": outlet.result.get("hype"),
                    "impact": outlet.result.get("impact"),
                    "error": outlet.result.get("error"),
                    "carries": [f.key for f in self.facts if self.carries(i, f.key)],
                    "omits": [f.key for f in self.omitted(i)],
                    "exclusive": [f.key for f in self.exclusive(i)],
                }
                for i, outlet in enumerate(self.outlets)
            ],
        }


# --- figures -----------------------------------------------------------------------------


COUNT = "count"
"""The measure of a counted thing ("1,800 jobs"): its noun is kept beside it, not in it."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A parsed figure: what it measures (``money:USD``, ``percent``, ``qty:mw``,
    ``count``) and its value; a count keeps its ``noun`` ("electric car")."""

    measure: str
    value: float
    noun: str = ""


def parse_figure(kind: str, surface: str) -> Figure | None:
    """Read a money, percentage or quantity span into a comparable figure."""
    number = _NUMBER_RE.search(surface)
    if number is None:
        return None
    value = float(number.group().replace(",", ""))
    rest = surface[number.end() :]
    scale = _SCALE_RE.match(rest)
    if scale:
        value *= _SCALES[scale.group(1).lower()]
        rest = rest[scale.end() :]
    if kind == "percentage":
        return Figure("percent", value)
    if kind == "money":
        return Figure(f"money:{_currency(surface)}", value)
    unit, factor = _unit(rest)
    if unit in _PHYSICAL_UNITS:
        return Figure(f"qty:{unit}", value * factor)
    return Figure(COUNT, value, unit)


def _currency(surface: str) -> str:
    lowered = surface.lower()
    for token, code in _CURRENCIES:
        if token.lower() in lowered:
            return code
    return "?"


def _unit(rest: str) -> tuple[str, float]:
    unit = " ".join(rest.lower().split())
    if unit not in _UNITS and unit.endswith("s") and len(unit) > 3 and not unit.endswith("ss"):
        unit = unit[:-1]
    return _UNITS.get(unit, (unit, 1.0))


def same_figure(a: Figure, b: Figure) -> bool:
    """One fact when the measure matches and values agree (exactly, for percentages).

    Counts of differently named things are one fact only with the same exact figure of
    at least ``SMALL_FIGURE`` (the rule that tells one article's claims apart): "1,800
    jobs" and "1,800 people", "400,000 cars" and "400,000 electric cars" are one fact, "3
    plants" and "3 weeks" are two.
    """
    if a.measure != b.measure:
        return False
    if a.measure == "percent":
        return a.value == b.value
    if a.measure == COUNT and a.noun != b.noun:
        return a.value == b.value and a.value >= SMALL_FIGURE
    return abs(a.value - b.value) <= RELATIVE_TOLERANCE * max(abs(a.value), abs(b.value))


# --- actors -------------------------------------------------------------------------------


def actor_name(surface: str) -> str:
    """The bare name: no leading article or title, no possessive."""
    words = surface.split()
    while words and _LEADING_WORD_RE.fullmatch(words[0]):
        words = words[1:]
    name = " ".join(words)
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name


def _label_rank(name: str) -> tuple[bool, int]:
    """Which form names an actor: written in normal case (not a "PORT CALDER" dateline),
    then the fullest."""
    return (not name.isupper(), len(name))


def _is_shout(name: str) -> bool:
    """A lone all-caps word: an acronym, but just as often shouting or a dateline.

    Such a word counts as an actor only when two outlets write it the same way.
    """
    return " " not in name and name.isupper()


# --- where facts stand: prose lines, sentence openers, single-word names ----------------

MAX_HEADING_WORDS = 16
"""A heading is short: a title-case line of at most this many words that does not end
like a statement (a full stop, colon or semicolon); "Is Your City Next?" is one."""
MIN_LIST_WORDS = 6
MAX_LIST_FUNCTION_SHARE = 0.1
"""A line of at least MIN_LIST_WORDS words, under a tenth of them function words, is a
keyword line (topic cloud, tag list), not prose: "battery prices 95% lithium supply 90%"."""

_LINE_RE = re.compile(r"[^\n]+")
_LINE_END_RE = re.compile(r"[.:;\u2026][\"'\u201d\u2019)\]]*\s*$")
_LONE_WORD_RE = re.compile(r"(?<![\w'\u2019-])[A-Z][a-z][\w'\u2019-]*(?![\w'\u2019-])")
_BEFORE_SENTENCE = " \t\"'\u201c\u201d\u2018\u2019([*\u2022"
_SENTENCE_END_CHARS = ".!?:\n-\u2013\u2014"  # a spaced dash ends a dateline or opens a bullet
_FUNCTION_WORDS = frozenset((
    "a", "an", "the", "for", "as", "at", "in", "on", "of", "by", "to", "from", "with",
    "and", "but", "or", "nor", "so", "yet", "if", "when", "while", "after", "before",
    "since", "because", "although", "though", "despite", "during", "unlike", "like",
    "once", "until", "amid", "among", "against", "under", "over", "into", "about",
    "than", "then", "now", "still", "even", "however", "meanwhile", "instead", "also",
    "just", "only", "many", "some", "most", "every", "each", "all", "both", "this",
    "that", "these", "those", "there", "here", "it", "its", "his", "her", "their",
    "our", "my", "your", "we", "they", "he", "she", "you", "i", "what", "who", "whom",
    "why", "how", "where", "which", "is", "are", "was", "were", "be", "been", "being",
    "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
    "must", "do", "does", "did", "not", "no", "said", "says", "last", "next", "today",
    "yesterday", "tonight"
))  # fmt: skip
"""Words that open sentences or join prose: never a name, and the mark of a prose line."""
_MONTHS_AND_DAYS = frozenset((
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday"
))  # fmt: skip
_DEMONYMS = frozenset((
    "american", "african", "german", "french", "dutch", "swiss", "greek", "thai",
    "mexican", "cuban", "israeli", "iraqi", "saudi", "pakistani", "kenyan", "arab",
    "muslim", "catholic", "western", "eastern", "northern", "southern"
))  # fmt: skip
_DEMONYM_ENDINGS = ("ese", "ian", "ean", "ish")
"""Chinese, Canadian, European, British: a capitalised adjective, not an actor."""


@lru_cache(maxsize=64)
def non_prose_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Lines whose figures and names report nothing: headings and keyword lines.

    A heading is a short title-case line without final punctuation ("Market Outlook
    2026: 35% Growth"); a keyword line is a longer run of words with almost no function
    words (topic clouds, tag lists). A fact stated only there is not carried.
    """
    found = []
    for line in _LINE_RE.finditer(text):
        words = line.group().split()
        if _is_heading(line.group(), words) or _is_keyword_line(words):
            found.append((line.start(), line.end()))
    return tuple(found)


def _is_heading(line: str, words: Sequence[str]) -> bool:
    if not words or len(words) > MAX_HEADING_WORDS or _LINE_END_RE.search(line):
        return False
    lettered = [w for w in words if w[0].isalpha()]
    content = [w for w in lettered if w.lower() not in _FUNCTION_WORDS]
    capitalised = sum(w[0].isupper() for w in lettered)
    return capitalised >= 2 and bool(content) and all(w[0].isupper() for w in content)


def _is_keyword_line(words: Sequence[str]) -> bool:
    if len(words) < MIN_LIST_WORDS:
        return False
    joining = sum(w.strip(",.;:!?\"'()").lower() in _FUNCTION_WORDS for w in words)
    return joining < MAX_LIST_FUNCTION_SHARE * len(words)


def starts_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence or a line (after quotes, bullets)."""
    while at > 0 and text[at - 1] in _BEFORE_SENTENCE:
        at -= 1
    return at == 0 or text[at - 1] in _SENTENCE_END_CHARS


def without_opener(text: str, start: int, surface: str) -> tuple[int, str]:
    """Drop a sentence's capitalised first word from a name ("For Nvidia" is Nvidia)."""
    first, _, rest = surface.partition(" ")
    if rest and first.lower() in _FUNCTION_WORDS and starts_sentence(text, start):
        stripped = rest.lstrip()
        return start + len(surface) - len(stripped), stripped
    return start, surface


def is_lone_actor(word: str) -> bool:
    """Whether one word can name an actor by itself: "Siemens" yes, "Chinese" or "July" no.

    All-caps words pass here; whether they are acronyms or shouting is decided by
    agreement across outlets (``_is_shout``).
    """
    if word.isupper():
        return True
    lowered = word.lower()
    return not (
        lowered in _FUNCTION_WORDS
        or lowered in _MONTHS_AND_DAYS
        or lowered in _DEMONYMS
        or (len(lowered) > 4 and lowered.endswith(_DEMONYM_ENDINGS))
        or _LEADING_WORD_RE.fullmatch(word)
    )


def single_word_actors(text: str, taken: Sequence[tuple[int, int]]) -> list[tuple[str, Mention]]:
    """Capitalised single words inside a sentence and outside every other name: the
    organisations ("Siemens", "Airbus") and surnames the extractor's runs miss.

    One sweep over the words and the ``taken`` intervals, both in text order.
    """
    bounds = sorted(taken)
    found, next_bound, reach = [], 0, -1
    for match in _LONE_WORD_RE.finditer(text):
        name = actor_name(match.group())
        end = match.start() + len(name)
        while next_bound < len(bounds) and bounds[next_bound][0] < end:
            reach = max(reach, bounds[next_bound][1])
            next_bound += 1
        if reach > match.start() or starts_sentence(text, match.start()):
            continue
        if is_lone_actor(name):
            found.append((name, Mention(name, match.start(), end)))
    return found


def _excluded(outlet: StoryOutlet) -> list[tuple[int, int]]:
    """Where an outlet states no fact: its filler blocks and its non-prose lines."""
    return [*_filler(outlet.spans), *non_prose_lines(outlet.article.text)]


def _named_spans(outlet: StoryOutlet) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in outlet.spans if s.field == "text" and s.kind == "named"]


# --- building the comparison ------------------------------------------------------------


def _filler(spans: Sequence[Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans if s.field == "text" and s.kind in FILLER_KINDS]


def _figure_mentions(outlet: StoryOutlet) -> list[tuple[Figure, Mention]]:
    text = outlet.article.text
    filler = Intervals(_excluded(outlet))
    figures = [s for s in outlet.spans if s.field == "text" and s.kind in FIGURE_KINDS]
    money = Intervals((s.start, s.end) for s in figures if s.kind == "money")
    out = []
    for span in sorted(figures, key=lambda s: s.start):
        if filler.overlaps(span.start, span.end):
            continue
        if span.kind == "quantity" and money.overlaps(span.start, span.end):
            continue  # "$860m" is money, not 860 metres
        surface = text[span.start : span.end]
        figure = parse_figure(span.kind, surface)
        if figure is not None:
            out.append((figure, Mention(surface, span.start, span.end)))
    return out


def _actor_mentions(outlet: StoryOutlet) -> list[tuple[str, Mention]]:
    text = outlet.article.text
    excluded = _excluded(outlet)
    filler = Intervals(excluded)
    out = []
    for span in sorted(outlet.spans, key=lambda s: s.start):
        if span.field != "text" or span.kind != "named":
            continue
        if filler.overlaps(span.start, span.end):
            continue
        start, surface = without_opener(text, span.start, text[span.start : span.end])
        name = actor_name(surface)
        if name and (" " in name or is_lone_actor(name)):
            offset = surface.find(name)
            start += max(offset, 0)
            out.append((name, Mention(name, start, start + len(name))))
    taken = [(m.start, m.end) for _, m in out]
    out.extend(single_word_actors(text, [*excluded, *taken, *_named_spans(outlet)]))
    return sorted(out, key=lambda found: found[1].start)


def _actor_key(name: str) -> str:
    return "actor:" + " ".join(name.lower().split())


def _merge_actor_names(names: Sequence[str]) -> dict[str, str]:
    """Map each name's key to its cluster key: a shorter name that is the tail of exactly
    one longer name ("Danuta Reyes" of "Councillor Danuta Reyes") joins it."""
    keys = list(dict.fromkeys(_actor_key(n) for n in names))
    shouts = {_actor_key(n) for n in names if _is_shout(n)}
    words = {k: tuple(k.split(":", 1)[1].split()) for k in keys}
    longer_than: dict[tuple[str, ...], list[str]] = {}  # proper word tail -> keys ending so
    for key in keys:
        for size in range(1, len(words[key])):
            longer_than.setdefault(words[key][-size:], []).append(key)
    cluster = {}
    for key in keys:
        tail = words[key]
        if key in shouts or not tail:
            cluster[key] = key  # a dateline "CALDER" is not a short form of "Port Calder"
            continue
        longer = longer_than.get(tail, [])
        cluster[key] = longer[0] if len(longer) == 1 and len(tail[-1]) >= 3 else key
    return cluster


@dataclass(frozen=True)
class _OutletSearch:
    """One outlet's text prepared for actor searches: where each wanted name occurs,
    its filler, and (growing as actors are found) every named mention."""

    text: str
    names: NameOccurrences
    filler: Intervals
    named: Intervals


def _surnames(forms: Sequence[str]) -> set[str]:
    return {form.split()[-1] for form in forms if len(form.split()) >= 2}


def _outlet_search(
    outlet: StoryOutlet, forms: Mapping[str, list[str]], found: Mapping[str, list[Mention]]
) -> _OutletSearch:
    wanted = {name for names in forms.values() for name in (*names, *_surnames(names))}
    text = outlet.article.text
    named = Intervals((m.start, m.end) for ms in found.values() for m in ms)
    excluded = Intervals(_excluded(outlet))
    return _OutletSearch(text, NameOccurrences(text, wanted), excluded, named)


def _find_actor(search: _OutletSearch, forms: Sequence[str]) -> Mention | None:
    """Find an actor the extractor did not mark here: by full name, or by surname alone
    when it stands capitalised mid-sentence and outside any other name."""
    for form in sorted(forms, key=len, reverse=True):
        for start in search.names.starts(form):
            if not search.filler.overlaps(start, start + len(form)):
                return Mention(form, start, start + len(form))
    for surname in sorted(_surnames(forms)):
        if len(surname) < 3 or not surname[0].isupper():
            continue
        for start in search.names.starts(surname):
            end = start + len(surname)
            if at_sentence_start(search.text, start):
                continue
            if search.filler.overlaps(start, end) or search.named.overlaps(start, end):
                continue
            return Mention(surname, start, end)
    return None


def compare_story(outlets: Sequence[StoryOutlet]) -> StoryComparison:
    """Line the outlets up fact by fact and read the story's impact from what they share.

    A fact is *corroborated* when at least two outlets carry it. The story-level impact
    is the mean of the outlets' impact weighted by how many corroborated facts each
    carries: an outlet that reports what the others confirm counts, one that carries
    none of it does not. With no corroborated fact there is no estimate (``None``).
    """
    if len(outlets) < 2:
        raise ValueError("a story comparison needs at least two outlets")
    outlets = tuple(outlets)
    facts: list[Fact] = []
    mentions: list[dict[str, list[Mention]]] = [{} for _ in outlets]

    figure_facts: ToleranceIndex[Figure, Fact] = ToleranceIndex(RELATIVE_TOLERANCE, same_figure)
    for i, outlet in enumerate(outlets):
        for figure, mention in _figure_mentions(outlet):
            fact = figure_facts.find(figure)
            if fact is None:
                fact = Fact(f"{figure.measure}={figure.value:g}", FIGURE, mention.surface)
                figure_facts.add(figure, fact)
                facts.append(fact)
            mentions[i].setdefault(fact.key, []).append(mention)

    per_outlet_actors = [_actor_mentions(outlet) for outlet in outlets]
    cluster = _merge_actor_names([name for found in per_outlet_actors for name, _ in found])
    forms: dict[str, list[str]] = {}
    actor_facts: dict[str, Fact] = {}
    for i, found in enumerate(per_outlet_actors):
        for name, mention in found:
            key = cluster[_actor_key(name)]
            forms.setdefault(key, [])
            if name not in forms[key]:
                forms[key].append(name)
            if key not in actor_facts or _label_rank(name) > _label_rank(actor_facts[key].label):
                actor_facts[key] = Fact(key, ACTOR, name)  # the fullest form names it
            mentions[i].setdefault(key, []).append(mention)
    searches = [
        _outlet_search(outlet, forms, found)
        for outlet, found in zip(outlets, mentions, strict=True)
    ]
    for key, fact in actor_facts.items():
        for i, search in enumerate(searches):
            if key in mentions[i]:
                continue
            found = _find_actor(search, forms[key])
            if found is not None:
                mentions[i][key] = [found]
                search.named.add(found.start, found.end)
        carriers = sum(key in m for m in mentions)
        if _is_shout(fact.label) and carriers < 2:
            for m in mentions:
                m.pop(key, None)  # one outlet's shouting (YES, HUGE) is not an actor
            continue
        facts.append(fact)

    frozen = tuple({k: tuple(v) for k, v in m.items()} for m in mentions)
    kept = [f for f in facts if any(f.key in m for m in frozen)]
    corroborated = frozenset(f.key for f in kept if sum(f.key in m for m in frozen) >= 2)
    order = {f.key: n for n, f in enumerate(kept)}
    kept.sort(key=lambda f: (-sum(f.key in m for m in frozen), f.kind != FIGURE, order[f.key]))
    impact, basis = _story_impact(outlets, frozen, corroborated)
    return StoryComparison(outlets, tuple(kept), frozen, impact, basis, corroborated)


def _story_impact(
    outlets: Sequence[StoryOutlet],
    mentions: Sequence[Mapping[str, Any]],
    corroborated: frozenset[str],
) -> tuple[float | None, str]:
    weights = []
    for outlet, found in zip(outlets, mentions, strict=True):
        impact = outlet.result.get("impact")
        if not outlet.ok or impact is None:
            continue
        weight = sum(1 for key in found if key in corroborated)
        if weight:
            weights.append((weight, float(impact), outlet.name))
    if not corroborated:
        return None, "the outlets share no fact, so there is nothing they agree on"
    if not weights:
        return None, "no outlet that carries the shared facts was scored"
    total = sum(w for w, _, _ in weights)
    estimate = sum(w * v for w, v, _ in weights) / total
    parts = ", ".join(f"{name} \u00d7{w}" for w, _, name in weights)
    return estimate, (
        f"impact of each outlet weighted by the {len(corroborated)} facts carried by "
        f"two or more outlets ({parts})"
    )
