"""Scoring: one article or a stream of them to ``Result`` objects, in input order.

An article is featurized twice: the whole article (the article view and impact) and
its headline alone, fed exactly like the teasers and headlines the headline views were
trained on. Bad records become ``Result(error=...)``; nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import numpy as np

from hypescore.analysis import analyse, headline_of
from hypescore.article import Article
from hypescore.evidence import Span
from hypescore.extractors import EVIDENCE_ALIASES
from hypescore.features import chunked, extract_features, features_of
from hypescore.model.hypemodel import ARTICLE, HEADLINE, Contribution, HypeModel
from hypescore.model.persistence import load_model
from hypescore.records import DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS, RecordError, guarded
from hypescore.result import SCHEMA_VERSION, ModelInfo, Reason, Result
from hypescore.scaleout.parallel import map_chunks

MAX_EVIDENCE = 10


def model_info(model: HypeModel) -> ModelInfo:
    return ModelInfo(name=model.name, version=model.version, checksum=model.checksum)


@dataclass(frozen=True)
class ScoreOptions:
    """How to score: one object the library, the CLI and workers share.

    ``model`` None means the shipped model; ``explain`` is how many reasons to attach;
    ``features`` adds the feature vector; ``spans`` attaches every evidence span the
    featurizer recorded on the article (``Result.spans``), so a renderer needs no second
    featurizing pass; ``n_jobs``/``chunk_size`` shape the parallel run; longer articles
    than ``max_chars`` become error records.
    """

    model: HypeModel | None = None
    explain: int = 0
    features: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    n_jobs: int | None = 1
    chunk_size: int = DEFAULT_CHUNK_SIZE
    spans: bool = False


def score(
    article: Article | str | dict[str, Any],
    *,
    options: ScoreOptions | None = None,
    model: HypeModel | None = None,
    explain: int = 3,
    features: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Result:
    """Score one article: verdict 1-10, hype, impact, label and the top ``explain`` reasons.

    ``options`` (a ``ScoreOptions``) replaces the keyword shortcuts when given. Never
    raises for a bad record: the returned Result carries the error instead.
    """
    if options is None:
        options = ScoreOptions(model=model, explain=explain, features=features, max_chars=max_chars)
    return _score_one(article, _model_of(options), options)


def score_many(
    articles: Iterable[Any],
    *,
    options: ScoreOptions | None = None,
    model: HypeModel | None = None,
    explain: int = 0,
    features: bool = False,
    n_jobs: int | None = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Result]:
    """Lazily score any iterable, one Result per input, in input order.

    ``options`` (a ``ScoreOptions``) replaces the keyword shortcuts when given.
    ``n_jobs`` other than 1 runs chunks through joblib under the caller's
    ``joblib.parallel_config`` (loky by default, Dask on a cluster); the model travels
    to workers once per chunk task, never per record, and on Dask once per worker
    (see ``hypescore.scaleout.parallel.map_chunks``).
    """
    if options is None:
        options = ScoreOptions(
            model=model,
            explain=explain,
            features=features,
            n_jobs=n_jobs,
            chunk_size=chunk_size,
            max_chars=max_chars,
        )
    shared = _model_of(options)
    # The model travels as ``shared``, once per worker, never inside every task's options.
    work = partial(score_chunk, options=replace(options, model=None))
    chunks = chunked(articles, options.chunk_size)
    for results in map_chunks(work, chunks, n_jobs=options.n_jobs, shared=[shared]):
        yield from results


def score_chunk(items: list[Any], model: HypeModel, options: ScoreOptions) -> list[Result]:
    """Score a list of records; the unit of work sent to a parallel worker."""
    return [_score_one(item, model, options) for item in items]


def _model_of(options: ScoreOptions) -> HypeModel:
    return options.model if options.model is not None else load_model()


def _score_one(item: Any, model: HypeModel, options: ScoreOptions) -> Result:
    info = model_info(model)
    record_id, result, error = guarded(
        item, options.max_chars, lambda article: _assess(article, model, info, options)
    )
    return result if result is not None else Result(id=record_id, model=info, error=error)


def _assess(article: Article, model: HypeModel, info: ModelInfo, options: ScoreOptions) -> Result:
    explain, want_spans = options.explain, options.explain > 0
    doc = analyse(article)
    values, spans = features_of(doc, with_spans=want_spans or options.spans)
    head_text, head_field, head_offset = headline_of(article, doc)
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
        features=dict(zip(model.feature_names, values, strict=True)) if options.features else None,
        views={name: round(p, 4) for name, p in assessment.views.items()},
        schema_version=SCHEMA_VERSION,
        spans=tuple(spans) if options.spans else None,
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


__all__ = ["ARTICLE", "HEADLINE", "ScoreOptions", "score", "score_chunk", "score_many"]
