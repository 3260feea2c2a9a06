"""Scoring: one article or a stream of them to ``Result`` objects, in input order.

An article is featurized twice: the whole article (the article view and impact) and
its headline alone, fed exactly like the teasers and headlines the headline views were
trained on. Bad records become ``Result(error=...)``; nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

import numpy as np

from hypescore.article import Article, as_article
from hypescore.evidence import Span
from hypescore.features import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_MAX_CHARS,
    RecordError,
    check_article,
    chunked,
    extract_features,
)
from hypescore.model.hypemodel import Contribution, HypeModel
from hypescore.model.persistence import load_model
from hypescore.model.views import ARTICLE, HEADLINE, headline_of
from hypescore.parallel import map_chunks
from hypescore.result import SCHEMA_VERSION, ModelInfo, Reason, Result

MAX_EVIDENCE = 10
# Features whose evidence is recorded under a sibling feature's name.
EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {
    "factual.distinct_named_per_1k": ("factual.named_spans_per_1k",),
    "sourcing.anonymous_share": ("sourcing.anonymous_sources_per_1k",),
    "sourcing.quoted_share": ("sourcing.quotes_per_1k",),
    "sourcing.cited_outlet_quality": ("sourcing.cited_outlets",),
    "sourcing.link_quality": ("sourcing.links_per_1k",),
    **{
        f"filler.{name}": ("filler.lines",)
        for name in ("blocks", "items", "share", "kinds", "tag_lines", "chrome_lines", "link_lines")
    },
    "substance.named_actors": ("factual.named_spans_per_1k",),
    "substance.named_sources": ("sourcing.named_sources_per_1k",),
    "substance.dates": ("factual.dates_per_1k",),
    "substance.anonymous_sources": ("sourcing.anonymous_sources_per_1k",),
    "sentiment.max_intensity": ("sentiment.strong_polar_share",),
    "sentiment.positive_share": ("sentiment.strong_polar_share",),
    "sentiment.negative_share": ("sentiment.strong_polar_share",),
    "sentiment.std_compound": ("sentiment.strong_polar_share",),
    "sentiment.mean_compound": ("sentiment.strong_polar_share",),
}


def model_info(model: HypeModel) -> ModelInfo:
    return ModelInfo(name=model.name, version=model.version, checksum=model.checksum)


def score(
    article: Article | str | dict[str, Any],
    *,
    model: HypeModel | None = None,
    explain: int = 3,
    features: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Result:
    """Score one article: verdict 1-10, hype, impact, label and the top ``explain`` reasons.

    Never raises for a bad record: the returned Result carries the error instead.
    """
    model = model if model is not None else load_model()
    return _score_one(article, model, explain, features, max_chars)


def score_many(
    articles: Iterable[Any],
    *,
    model: HypeModel | None = None,
    explain: int = 0,
    features: bool = False,
    n_jobs: int | None = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Result]:
    """Lazily score any iterable, one Result per input, in input order.

    ``n_jobs`` other than 1 runs chunks through joblib under the caller's
    ``joblib.parallel_config`` (loky by default, Dask on a cluster); the model travels
    to workers once per chunk task, never per record, and on Dask once per worker
    (see ``hypescore.parallel.map_chunks``).
    """
    model = model if model is not None else load_model()
    work = partial(score_chunk, explain=explain, features=features, max_chars=max_chars)
    for results in map_chunks(work, chunked(articles, chunk_size), n_jobs=n_jobs, shared=[model]):
        yield from results


def score_chunk(
    items: list[Any], model: HypeModel, explain: int, features: bool, max_chars: int
) -> list[Result]:
    """Score a list of records; the unit of work sent to a parallel worker."""
    return [_score_one(item, model, explain, features, max_chars) for item in items]


def _score_one(
    item: Any, model: HypeModel, explain: int, with_features: bool, max_chars: int
) -> Result:
    info = model_info(model)
    try:
        article = as_article(item)
    except (TypeError, ValueError) as exc:
        return Result(id=_record_id(item), model=info, error=str(exc))
    try:
        check_article(article, max_chars)
        return _assess(article, model, info, explain, with_features)
    except RecordError as exc:
        return Result(id=article.id, model=info, error=str(exc))
    except Exception as exc:  # one odd record must not sink a batch of millions
        return Result(id=article.id, model=info, error=f"{type(exc).__name__}: {exc}")


def _assess(
    article: Article, model: HypeModel, info: ModelInfo, explain: int, with_features: bool
) -> Result:
    want_spans = explain > 0
    values, spans = extract_features(article, with_spans=want_spans)
    head_text, head_field, head_offset = headline_of(article)
    head_values: list[float] = [0.0] * len(values)
    head_spans: list[Span] = []
    if model.needs_headline and head_text.strip():
        head = Article(text=head_text, title=head_text)
        head_values, raw = extract_features(head, with_spans=want_spans)
        # The headline is both text and title of ``head``: map either to its real place.
        head_spans = list(
            dict.fromkeys(
                Span(s.start + head_offset, s.end + head_offset, s.kind, s.feature, head_field)
                for s in raw
            )
        )
    article_values, headline_values = np.asarray(values), np.asarray(head_values)
    if not (np.isfinite(article_values).all() and np.isfinite(headline_values).all()):
        bad = [n for n, v in zip(model.feature_names, values, strict=True) if not np.isfinite(v)]
        raise RecordError(f"features are not finite: {', '.join(bad) or 'headline features'}")
    assessment = model.assess(article_values, headline_values)
    reasons = _reasons(assessment.contributions, explain, spans, head_spans)
    return Result(
        id=article.id,
        model=info,
        verdict=assessment.verdict,
        hype=round(assessment.hype, 4),
        impact=round(assessment.impact, 4),
        label=assessment.label,
        reasons=reasons,
        features=dict(zip(model.feature_names, values, strict=True)) if with_features else None,
        views={name: round(p, 4) for name, p in assessment.views.items()},
        schema_version=SCHEMA_VERSION,
    )


def _reasons(
    contributions: list[Contribution],
    explain: int,
    spans: list[Span],
    head_spans: list[Span],
) -> tuple[Reason, ...]:
    if explain <= 0:
        return ()
    top = sorted(contributions, key=lambda c: (-abs(c.points), c.scope, c.feature))[:explain]
    return tuple(
        Reason(
            feature=c.feature,
            value=c.value,
            contribution=round(c.points, 4),
            evidence=_evidence(c.feature, head_spans if c.scope == HEADLINE else spans),
            scope=c.scope,
        )
        for c in top
    )


def _evidence(feature: str, spans: list[Span]) -> tuple[Span, ...]:
    wanted = (feature, *EVIDENCE_ALIASES.get(feature, ()))
    return tuple(s for s in spans if s.feature in wanted)[:MAX_EVIDENCE]


def _record_id(item: Any) -> str | None:
    if isinstance(item, dict):
        value = item.get("id")
        return None if value is None else str(value)
    return None


__all__ = ["ARTICLE", "HEADLINE", "score", "score_chunk", "score_many"]
