"""Substance: what a reader could check. Counts (not rates) of the body's specific claims.

Quantified claims (figures with units, money, percentages, counts, comparisons), named
actors, named sources and those given a role ("X, a senior lecturer at Y, said"),
concrete decisions with who and when, caveats and counterpoints, markers of evidence
quality, harms and costs (what a claimed benefit risks or costs), anonymous sources; and
the checkable share, how many of the body's sentences hold any checkable item (one of
those, a direct quote, an attribution or a cited outlet). Impact
(``hypescore.model.impact``) is a saturating formula over these counts, spread by that
share: length matters only through them, and filler, cut from the body before this
runs, adds none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from hypescore._engine import multisearch
from hypescore._engine.finders import CandidateFinder
from hypescore._engine.index import TextIndex
from hypescore._engine.readability import easy_words
from hypescore._engine.story_search import Intervals
from hypescore.analysis import AnalysedArticle
from hypescore.evidence import Span, SpanSink
from hypescore.extractors import factual, sourcing
from hypescore.extractors._matching import count_found, found_matches
from hypescore.filler import FUNCTION_WORDS
from hypescore.lexicons import lexicon_finder

FAMILY = "substance"
FEATURES = (
    "quantified_claims",
    "named_actors",
    "named_sources",
    "role_sources",
    "decisions",
    "dates",
    "caveats",
    "evidence_terms",
    "harms_and_costs",
    "anonymous_sources",
    "checkable_share",
)

# Counts whose evidence the factual and sourcing families record.
EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {
    "substance.named_actors": ("factual.named_spans_per_1k",),
    "substance.named_sources": ("sourcing.named_sources_per_1k",),
    "substance.dates": ("factual.dates_per_1k",),
    "substance.anonymous_sources": ("sourcing.anonymous_sources_per_1k",),
    "substance.checkable_share": (
        "substance.quantified_claims",
        "substance.named_sources",
        "sourcing.named_sources_per_1k",
        "factual.dates_per_1k",
        "sourcing.quotes_per_1k",
    ),
}
PLACEHOLDERS: dict[str, str] = {}
# The evidence kinds this family's spans carry (report styles and the story use them).
KINDS: tuple[str, ...] = (
    "quantified_claim",
    "role_source",
    "decision",
    "caveat",
    "evidence",
    "harm_or_cost",
)

_COMPARISON_RE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger)[ ]than[ ]"
    r"(?:[$€£¥]|US\$)?\d"
    r"|\b(?:up|down)[ ]from[ ](?:[$€£¥]|US\$)?\d"
    r"|\bcompared[ ](?:with|to)\b"
    r"|\b(?:doubled|halved|tripled|quadrupled|twice[ ]as)\b"
    r"|(?<![\w.])\d+(?:\.\d+)?[ ]times[ ](?:more|less|as|higher|lower|faster|larger|bigger)\b",
    re.IGNORECASE,
)
# Every comparison starts with one of these words or with a number ("3 times more").
_COMPARISON_LEADS = (
    "more", "less", "fewer", "higher", "lower", "greater", "larger", "smaller", "bigger", "up",
    "down", "compared", "doubled", "halved", "tripled", "quadrupled", "twice",
)  # fmt: skip
multisearch.register(_COMPARISON_LEADS)


def _comparison_candidates(index: TextIndex) -> list[int]:
    candidates = [
        at
        for word in index.may_contain(_COMPARISON_LEADS)
        for at in index.find_all(word, lowered=True)
    ]
    if "times" in index.lower_runs:
        candidates.extend(factual.number_starts(index))
    return candidates


COMPARISONS = CandidateFinder(_COMPARISON_RE, _comparison_candidates)
_ROLES = (
    r"professor|lecturer|researcher|scientist|director|minister|secretary|spokes(?:man|woman"
    r"|person)|chief|executive|president|chair(?:man|woman|person)?|analyst|economist|official"
    r"|head|founder|senator|governor|mayor|judge|lawyer|attorney|author|editor|officer|manager"
    r"|advis[eo]r|commissioner|ceo|doctor|physician|epidemiologist|engineer|expert|leader"
    r"|deputy|ambassador|councill?or|representative|fellow|dean|prosecutor|chancellor"
    r"|economist|strategist|investigator|historian|statistician|virologist|professor"
)
_ROLE_RE = re.compile(rf"\b(?:{_ROLES})s?\b", re.IGNORECASE)
# ", a senior lecturer at Y" or ", National Grid's director of planning" after "said X".
_ROLE_AFTER_RE = re.compile(r",[ ](?:(?:a|an|the)[ ])?[^.,\n]{0,60}", re.IGNORECASE)


# After a named actor: the speech verb, maybe past a role clause ("Kroft, the host, said").
_CLAUSE_CHARS = 60
_SPEAKS_AFTER_RE = re.compile(rf"(?:,[ ][^.,\n]{{1,{_CLAUSE_CHARS}}},)?[ ]{sourcing.SPEECH_VERB}\b")
# The farthest a speech verb of _SPEAKS_AFTER_RE starts from the name's end: ", " + the
# clause + ", ", then the verb.
_MAX_VERB_GAP = _CLAUSE_CHARS + 4
# Before one: "said Obama", '"We will," said Obama'.
_SPEAKS_BEFORE_RE = re.compile(rf"\b{sourcing.SPEECH_VERB}[ ]$")


def _named_sources(doc: AnalysedArticle) -> list[tuple[int, int]]:
    """Named, attributed sources: the sourcing family's ("Ana Ruiz said", "according to
    Reuters") and any other named actor who speaks ("Obama says", "said Clinton"), so a
    surname alone names a source as it names an actor."""
    norm = doc.norm
    found = [m.span() for m in found_matches(sourcing.NAMED_SOURCES, doc.index)]
    taken = Intervals(found)  # bisection: one scan of every source per actor was quadratic
    # Both patterns hold a speech verb as a whole word: a name with no verb starting in
    # reach after it, or ending right before its space, is tried against neither.
    verbs = sourcing.speech_verb_spans(doc.index)
    verb_starts = [start for start, _ in verbs]
    after_verb_space = {end + 1 for _, end in verbs}
    for start, end, _ in factual.named_entities_of(doc):
        if taken.overlaps(start, end):
            continue
        k = bisect_left(verb_starts, end + 1)
        after = (
            _SPEAKS_AFTER_RE.match(norm, end)
            if k < len(verb_starts) and verb_starts[k] <= end + _MAX_VERB_GAP
            else None
        )
        if after:
            found.append((start, after.end()))
        elif start in after_verb_space and _SPEAKS_BEFORE_RE.search(
            norm, max(0, start - 16), start
        ):
            found.append((start, end))
    return sorted(found)


def _sentence_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def _checkable_share(doc: AnalysedArticle, offsets: list[int]) -> float:
    """Share of the body's sentences holding one of ``offsets`` (a checkable item)."""
    if not doc.sentences:
        return 0.0
    starts = [start for start, _ in doc.sentences]
    held = {_sentence_of(starts, at) for at in offsets} - {-1}
    return len(held) / len(doc.sentences)


def _checkable_offsets(
    doc: AnalysedArticle, quantified: list[tuple[int, int]], named: list[tuple[int, int]]
) -> list[int]:
    """Where checkable items start: figures, named sources, dates, caveats, evidence
    terms, harms and costs (a decision's sentence holds a figure or a date already), and
    the sourcing family's quotes, attributions and cited outlets (found once, shared)."""
    index = doc.index
    finders = (
        factual.DATES,
        lexicon_finder("caveats"),
        lexicon_finder("evidence_terms"),
        lexicon_finder("harms_costs"),
        lexicon_finder("attribution_verbs"),
        sourcing.QUOTES,
        sourcing.outlet_finder(),
    )
    return [
        *(start for start, _ in quantified),
        *(start for start, _ in named),
        *(m.start() for finder in finders for m in found_matches(finder, index)),
    ]


# The figure a claim states: its number with the scale word after it ("1.2 billion").
_FIGURE_RE = re.compile(
    r"\d[\d,]*(?:\.\d+)?(?:\s?(?:thousand|million|billion|trillion|bn|mn)\b)?", re.IGNORECASE
)
# Whole numbers below this recur as different claims ("3 plants", "3 weeks"): they are
# told apart by their whole text, larger figures by the figure alone.
SMALL_FIGURE = 10
# A capitalised word just before a number makes it a label ("Amendment 1", "Section 230").
_LABEL_BEFORE_RE = re.compile(r"(?<![\w.])[A-Z][a-z]+[ ]$")


def _figure_key(text: str) -> str:
    """What makes two claims one: "1,800 jobs" and "1,800 people" state one figure."""
    figure = _FIGURE_RE.search(text)
    if figure is None:
        return text.lower()
    number = figure.group().replace(",", "").lower()
    digits = number.split()[0].rstrip("bmnk")
    if number == digits and digits.isdigit() and int(digits) < SMALL_FIGURE:
        return text.lower()
    return number.replace(" ", "")


def _is_label(doc: AnalysedArticle, start: int, sentence_starts: set[int]) -> bool:
    """A number right after a capitalised word names a thing; at a sentence's start the
    word may be a plain opener instead ("About 40 people", "Nearly 3 weeks")."""
    before = _LABEL_BEFORE_RE.search(doc.norm, max(0, start - 40), start)
    if before is None:
        return False
    if before.start() not in sentence_starts:
        return True
    word = before.group().strip().lower()
    return word not in FUNCTION_WORDS and word not in easy_words()


def _quantified(doc: AnalysedArticle) -> list[tuple[int, int]]:
    """Figures with units, money, percentages, counts and comparisons, merged where they
    overlap ("more than 40%" is one claim); a figure repeated counts once, and a number
    that labels a thing ("Amendment 1 protects consumers") is no count."""
    index = doc.index
    starts = factual.sentence_starts(doc)
    intervals = [
        m.span()
        for m in found_matches(factual.QUANTITIES, index)
        if not _is_label(doc, m.start(), starts)
    ]
    intervals.extend(
        m.span()
        for finder in (factual.MONEY, factual.PERCENTAGES)
        for m in found_matches(finder, index)
    )
    intervals.extend(m.span() for m in found_matches(COMPARISONS, index))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    seen: set[str] = set()
    distinct = []
    for start, end in merged:
        key = _figure_key(doc.norm[start:end])
        if key not in seen:
            seen.add(key)
            distinct.append((start, end))
    return distinct


def _role_sources(doc: AnalysedArticle, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Named sources given a role, in the name ("Health Minister Ann Lee said"), in a
    clause before the verb, or in one after "said X"."""
    norm = doc.norm
    found = []
    for start, end in named:
        after = _ROLE_AFTER_RE.match(norm, end)
        if _ROLE_RE.search(norm, start, end) or (after and _ROLE_RE.search(after.group())):
            found.append((start, end))
    return found


def _decisions(doc: AnalysedArticle, quantified: list[tuple[int, int]], sink: SpanSink) -> int:
    """Sentences where a named actor does something concrete, with a date or a figure."""
    verbs = found_matches(lexicon_finder("decision_verbs"), doc.index)
    if not verbs or not doc.sentences:
        return 0
    starts = [start for start, _ in doc.sentences]
    with_verb = {_sentence_of(starts, m.start()) for m in verbs}
    with_actor = {_sentence_of(starts, start) for start, _, _ in factual.named_entities_of(doc)}
    with_when = {_sentence_of(starts, m.start()) for m in found_matches(factual.DATES, doc.index)}
    with_when.update(_sentence_of(starts, start) for start, _ in quantified)
    decided = sorted(with_verb & with_actor & with_when)
    if sink is not None:
        sink.extend(
            Span(*doc.sentences[k], "decision", "substance.decisions") for k in decided if k >= 0
        )
    return len(decided)


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    index = doc.index
    quantified = _quantified(doc)
    named = _named_sources(doc)
    roles = _role_sources(doc, named)
    if sink is not None:
        sink.extend(
            Span(s, e, "quantified_claim", "substance.quantified_claims") for s, e in quantified
        )
        sink.extend(
            Span(start, end, "role_source", "substance.role_sources") for start, end in roles
        )
    caveats = count_found(
        lexicon_finder("caveats"),
        index,
        sink,
        kind="caveat",
        feature="substance.caveats",
        shared=True,
    )
    evidence = count_found(
        lexicon_finder("evidence_terms"),
        index,
        sink,
        kind="evidence",
        feature="substance.evidence_terms",
        shared=True,
    )
    harms = count_found(
        lexicon_finder("harms_costs"),
        index,
        sink,
        kind="harm_or_cost",
        feature="substance.harms_and_costs",
        shared=True,
    )
    return [
        float(len(quantified)),
        float(len({factual.actor_key(text) for _, _, text in factual.named_entities_of(doc)})),
        float(len(named)),
        float(len(roles)),
        float(_decisions(doc, quantified, sink)),
        float(len(found_matches(factual.DATES, index))),
        float(caveats),
        float(evidence),
        float(harms),
        float(len(found_matches(lexicon_finder("anonymous_sources"), index))),
        _checkable_share(doc, _checkable_offsets(doc, quantified, named)),
    ]
