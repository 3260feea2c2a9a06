"""Sourcing: who says so. Attributions, named versus anonymous sources, direct quotes,
cited outlets and links with their domain quality, and the publisher's own quality.
"""

from __future__ import annotations

import re

from hypescore.evidence import Span, SpanSink
from tests.reference._matching import count_matches
from tests.reference.analysis import AnalysedArticle
from tests.reference.lexicons import lexicon_pattern
from tests.reference.outlets import domain_quality, outlet_pattern, outlet_scores

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
    "publisher_rated",
    "publisher_quality",
)

# Names have at most five words: the bound keeps a run of capitalised words linear.
_NAME = r"[A-Z][a-z]+(?:[ ](?:[A-Z]\.[ ])?[A-Z][a-z'-]+){1,4}"
_VERB = r"(?:said|says|told|added|noted|explained|wrote|testified|announced|confirmed)"
_NAMED_SOURCE_RE = re.compile(
    rf"\b{_NAME},?(?:[ ][^.,\n]{{1,60}},)?[ ]{_VERB}\b"
    rf"|\b{_VERB}[ ]{_NAME}\b"
    rf"|\baccording[ ]to[ ](?:the[ ])?[A-Z]\w+"
)
_QUOTE_RE = re.compile(r'"[^"\n]{12,1000}"')
_URL_RE = re.compile(r"\bhttps?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+", re.IGNORECASE)


def extract(doc: AnalysedArticle, sink: SpanSink = None) -> list[float]:
    text = doc.norm
    attributions = count_matches(
        lexicon_pattern("attribution_verbs"),
        text,
        sink,
        kind="attribution",
        feature="sourcing.attributions_per_1k",
    )
    named = count_matches(
        _NAMED_SOURCE_RE,
        text,
        sink,
        kind="named_source",
        feature="sourcing.named_sources_per_1k",
    )
    anonymous = count_matches(
        lexicon_pattern("anonymous_sources"),
        text,
        sink,
        kind="anonymous_source",
        feature="sourcing.anonymous_sources_per_1k",
    )
    quoted_chars = 0
    quotes = 0
    for match in _QUOTE_RE.finditer(text):
        quotes += 1
        quoted_chars += match.end() - match.start()
        if sink is not None:
            sink.append(Span(match.start(), match.end(), "quote", "sourcing.quotes_per_1k"))
    outlet_quality = _cited_outlets(text, sink)
    link_scores = _link_scores(text, sink)
    publisher = domain_quality(doc.url) if doc.url else None
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
        float(publisher is not None),
        publisher if publisher is not None else 0.0,
    ]


def _cited_outlets(text: str, sink: SpanSink) -> dict[str, float]:
    """Distinct outlets named in the text and their quality."""
    scores = outlet_scores()
    cited: dict[str, float] = {}
    for match in outlet_pattern().finditer(text):
        cited[match.group()] = scores[match.group()]
        if sink is not None:
            sink.append(Span(match.start(), match.end(), "outlet", "sourcing.cited_outlets"))
    return cited


def _link_scores(text: str, sink: SpanSink) -> list[float | None]:
    scores: list[float | None] = []
    for match in _URL_RE.finditer(text):
        scores.append(domain_quality(match.group()))
        if sink is not None:
            sink.append(Span(match.start(), match.end(), "link", "sourcing.links_per_1k"))
    return scores


def _mean_rated(scores: list[float | None]) -> float:
    rated = [s for s in scores if s is not None]
    return sum(rated) / len(rated) if rated else 0.0
