"""Sourcing: who says so. Attributions, named versus anonymous sources, direct quotes,
cited outlets and links with their domain quality.

Nothing here reads the article's own URL: the same text scores the same wherever it ran
(the publisher's rating is display context, ``hypescore.outlets.outlet_context``).
"""

from __future__ import annotations

import re
from functools import cache

from hypescore._engine import multisearch
from hypescore._engine.finders import (
    CandidateFinder,
    PhraseFinder,
    ScanFinder,
    candidate_source,
    line_source,
    union_finditer,
)
from hypescore._engine.index import TextIndex
from hypescore.analysis import AnalysedArticle
from hypescore.evidence import Span, SpanSink
from hypescore.extractors._matching import count_found, found_matches
from hypescore.lexicons import lexicon_finder
from hypescore.outlets import domain_quality, outlet_pattern, outlet_scores

FAMILY = "sourcing"
FEATURES = (
    "attributions_per_1k",
    "named_sources_per_1k",
    "anonymous_sources_per_1k",
    "anonymous_share",
    "quotes_per_1k",
    "quoted_share",
    "cited_outlets",
    "cited_outlet_quality",
    "links_per_1k",
    "link_quality",
)

# Features whose evidence is recorded under a sibling feature's name.
EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {
    "sourcing.anonymous_share": ("sourcing.anonymous_sources_per_1k",),
    "sourcing.quoted_share": ("sourcing.quotes_per_1k",),
    "sourcing.cited_outlet_quality": ("sourcing.cited_outlets",),
    "sourcing.link_quality": ("sourcing.links_per_1k",),
}
# A quality feature is a placeholder 0 when its presence feature is 0 (no cited outlet,
# no link); its contribution then belongs to the absence, not to a "quality 0".
PLACEHOLDERS: dict[str, str] = {
    "sourcing.cited_outlet_quality": "sourcing.cited_outlets",
    "sourcing.link_quality": "sourcing.links_per_1k",
}
# The evidence kinds this family's spans carry (report styles and the story use them).
KINDS: tuple[str, ...] = (
    "anonymous_source",
    "named_source",
    "attribution",
    "outlet",
    "link",
    "quote",
)

# Names have at most five words: the bound keeps a run of capitalised words linear.
_NAME = r"[A-Z][a-z]+(?:[ ](?:[A-Z]\.[ ])?[A-Z][a-z'-]+){1,4}"
# Verbs that attribute speech to a source (shared with ``substance``).
SPEECH_VERB = r"(?:said|says|told|added|noted|explained|wrote|testified|announced|confirmed)"
# "Smith, a senior lecturer at Imperial College, told": a lone surname with a role
# clause names Smith (not the institution inside the clause).
_APPOSITIVE = r"[A-Z][a-z]+,[ ](?:a|an|the)[ ][^.,\n]{1,60},[ ]"
_NAMED_SOURCE_RE = re.compile(
    rf"\b(?:{_NAME},?(?:[ ][^.,\n]{{1,60}},)?[ ]|{_APPOSITIVE}){SPEECH_VERB}\b"
    rf"|\b{SPEECH_VERB}[ ]{_NAME}\b"
    rf"|\baccording[ ]to[ ](?:the[ ])?[A-Z]\w+"
)
_QUOTE_RE = re.compile(r'"[^"\n]{12,1000}"')
_URL_RE = re.compile(r"\bhttps?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+", re.IGNORECASE)

# The three branches of _NAMED_SOURCE_RE, searched separately and merged in order
# (hypescore._engine.finders.union_finditer): "Jane Doe, ..., said" is led by a capital, so
# the engine skips to capitals; "said Jane Doe" and "according to X" only start where
# those words occur.
_NAME_LED_RE = re.compile(
    rf"[A-Z](?<!\w[A-Z])(?:{_NAME.removeprefix('[A-Z]')}"
    rf",?(?:[ ][^.,\n]{{1,60}},)?[ ]|{_APPOSITIVE.removeprefix('[A-Z]')}){SPEECH_VERB}\b"
)
_VERB_LED_RE = re.compile(rf"\b{SPEECH_VERB}[ ]{_NAME}\b")
_ACCORDING_RE = re.compile(r"\baccording[ ]to[ ](?:the[ ])?[A-Z]\w+")
_VERBS = tuple(SPEECH_VERB.removeprefix("(?:").removesuffix(")").split("|"))
multisearch.register((*_VERBS, "according", "http", "www."))


def _speech_verb_spans(index: TextIndex) -> list[tuple[int, int]]:
    return sorted(
        (at, at + len(verb)) for verb in index.may_contain(_VERBS) for at in index.find_all(verb)
    )


def speech_verb_spans(index: TextIndex) -> list[tuple[int, int]]:
    """Every occurrence of a speech verb in ``index.norm``, as spelled in
    ``SPEECH_VERB`` (lower case, inside words too), in order; found once per document.
    A match of a pattern that holds ``SPEECH_VERB`` as a whole word has its verb here."""
    return index.memo("speech_verb_spans", _speech_verb_spans)


class _NamedSources:
    """Exactly ``_NAMED_SOURCE_RE.finditer``; every match holds a verb or "according"."""

    pattern = _NAMED_SOURCE_RE

    def matches(self, index: TextIndex) -> list[re.Match[str]]:
        verb_starts = [start for start, _ in speech_verb_spans(index)]
        according = index.find_all("according") if index.may_contain(("according",)) else []
        if not verb_starts and not according:
            return []
        norm = index.norm
        return union_finditer(
            [
                # a name-led match ends in its verb and spans no newline
                line_source(_NAME_LED_RE, norm, verb_starts),
                candidate_source(_VERB_LED_RE, norm, verb_starts),
                candidate_source(_ACCORDING_RE, norm, according),
            ]
        )

    def count(self, index: TextIndex) -> int:
        return len(self.matches(index))


NAMED_SOURCES = _NamedSources()
QUOTES = ScanFinder(_QUOTE_RE, possible=lambda index: '"' in index.norm)


def _link_candidates(index: TextIndex) -> list[int]:
    return index.find_all("http", lowered=True) + index.find_all("www.", lowered=True)


LINKS = CandidateFinder(_URL_RE, _link_candidates)


@cache
def outlet_finder() -> PhraseFinder:
    """Exact outlet-name matches, tried only where a known name occurs."""
    return PhraseFinder(
        outlet_pattern(),
        outlet_scores(),
        ignorecase=False,
        spaces_flexible=False,
        word_bounded=False,
    )


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    text = doc.norm
    index = doc.index
    attributions = count_found(
        lexicon_finder("attribution_verbs"),
        index,
        sink,
        kind="attribution",
        feature="sourcing.attributions_per_1k",
        shared=True,
    )
    named = count_found(
        NAMED_SOURCES,
        index,
        sink,
        kind="named_source",
        feature="sourcing.named_sources_per_1k",
        shared=True,
    )
    anonymous = count_found(
        lexicon_finder("anonymous_sources"),
        index,
        sink,
        kind="anonymous_source",
        feature="sourcing.anonymous_sources_per_1k",
        shared=True,
    )
    quoted_chars = 0
    quotes = 0
    for match in found_matches(QUOTES, index):
        quotes += 1
        quoted_chars += match.end() - match.start()
        if sink is not None:
            sink.append(Span(match.start(), match.end(), "quote", "sourcing.quotes_per_1k"))
    outlet_quality = _cited_outlets(index, sink)
    link_scores = _link_scores(index, sink)
    return [
        doc.per_1k_words(attributions),
        doc.per_1k_words(named),
        doc.per_1k_words(anonymous),
        anonymous / (anonymous + named) if anonymous + named else 0.0,
        doc.per_1k_words(quotes),
        quoted_chars / len(text) if text else 0.0,
        float(len(outlet_quality)),
        sum(outlet_quality.values()) / len(outlet_quality) if outlet_quality else 0.0,
        doc.per_1k_words(len(link_scores)),
        _mean_rated(link_scores),
    ]


def _cited_outlets(index: TextIndex, sink: SpanSink) -> dict[str, float]:
    """Distinct outlets named in the text and their quality."""
    scores = outlet_scores()
    cited: dict[str, float] = {}
    for match in found_matches(outlet_finder(), index):
        cited[match.group()] = scores[match.group()]
        if sink is not None:
            sink.append(Span(match.start(), match.end(), "outlet", "sourcing.cited_outlets"))
    return cited


def _link_scores(index: TextIndex, sink: SpanSink) -> list[float | None]:
    scores: list[float | None] = []
    for match in LINKS.matches(index):
        scores.append(domain_quality(match.group()))
        if sink is not None:
            sink.append(Span(match.start(), match.end(), "link", "sourcing.links_per_1k"))
    return scores


def _mean_rated(scores: list[float | None]) -> float:
    rated = [s for s in scores if s is not None]
    return sum(rated) / len(rated) if rated else 0.0
