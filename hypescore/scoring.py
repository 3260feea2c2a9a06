"""Scoring: one article or a stream of them to ``Result`` objects, in input order.

An article is analysed once (filler blocks cut from the body), featurized as a whole
(filler and impact) and its headline alone (fed exactly like the teasers and headlines
the headline models were trained on); the learned parts of a chunk are scored in one
batch. Bad records become ``Result(error=...)``; nothing is dropped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import numpy as np

from hypescore.analysis import AnalysedArticle, analyse, headline_of
from hypescore.article import Article
from hypescore.caveats import article_caveats
from hypescore.evidence import Span
from hypescore.features import chunked, extract_features, feature_names, features_of
from hypescore.model.hypemodel import BODY, HEADLINE, Assessment, HypeModel, Parts
from hypescore.model.persistence import load_model
from hypescore.outlets import outlet_context
from hypescore.reasons import Evidence, build_reasons, verdict_summary
from hypescore.records import DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS, RecordError, guarded
from hypescore.result import SCHEMA_VERSION, ModelInfo, Result
from hypescore.scaleout.parallel import map_chunks


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

    Accepts a ``str`` (the text), an ``Article``, a mapping with ``text`` and optional
    ``title``/``url``/``id``, or a pandas row. ``options`` (a ``ScoreOptions``) replaces
    the keyword shortcuts when given. Never raises for a bad record: the returned Result
    carries the error instead, and ``Result.warnings`` says when the input is too thin
    for the verdict to mean much.

    >>> import hypescore
    >>> result = hypescore.score({"title": "Grid link approved", "text": "The regulator ..."})
    >>> result.verdict, result.label  # doctest: +SKIP
    (7, 'substantive')
    """
    options = options_or(
        options, model=model, explain=explain, features=features, max_chars=max_chars
    )
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
    ids: Iterable[Any] | None = None,
) -> Iterator[Result]:
    """Lazily score any iterable, one Result per input, in input order.

    Accepts an iterable of ``str``, ``Article``, mappings (``{"text": ..., "title": ...,
    "url": ..., "id": ...}``) or pandas rows; a pandas DataFrame goes to
    ``hypescore.score_frame``. Results join back to their inputs by ``Result.id``: the
    caller's ``ids`` (one per input, in order) when given, else a record's own id, else,
    for a string or an Article without one, its position (``"0"``, ``"1"``, ...).

    ``options`` (a ``ScoreOptions``) replaces the keyword shortcuts when given.
    ``n_jobs`` other than 1 runs chunks through joblib under the caller's
    ``joblib.parallel_config`` (loky by default, Dask on a cluster); the model travels
    to workers once per chunk task, never per record, and on Dask once per worker
    (see ``hypescore.scaleout.parallel.map_chunks``).

    >>> import hypescore
    >>> for result in hypescore.score_many(["First text ...", "Second text ..."]):
    ...     print(result.id, result.verdict, result.label)  # doctest: +SKIP
    0 6 thin
    1 5 thin
    """
    _refuse_frames(articles)  # now, not at the first next(): a generator would wait
    options = options_or(
        options,
        model=model,
        explain=explain,
        features=features,
        n_jobs=n_jobs,
        chunk_size=chunk_size,
        max_chars=max_chars,
    )
    return _score_stream(_with_ids(articles, ids), options)


def options_or(options: ScoreOptions | None, **shortcuts: Any) -> ScoreOptions:
    """``options`` when given, else the ``ScoreOptions`` the keyword shortcuts spell."""
    return options if options is not None else ScoreOptions(**shortcuts)


def _score_stream(articles: Iterable[Any], options: ScoreOptions) -> Iterator[Result]:
    shared = _model_of(options)
    # The model travels as ``shared``, once per worker, never inside every task's options.
    work = partial(score_chunk, options=replace(options, model=None))
    chunks = chunked(articles, options.chunk_size)
    for results in map_chunks(work, chunks, n_jobs=options.n_jobs, shared=[shared]):
        yield from results


def _refuse_frames(articles: Any) -> None:
    """A DataFrame iterates over its column names: scoring those would be silent nonsense."""
    kind = type(articles)
    if kind.__name__ == "DataFrame" and hasattr(articles, "columns"):
        raise TypeError(
            f"score_many takes an iterable of articles, not a {kind.__module__}.DataFrame "
            "(iterating one yields its column names); use "
            "hypescore.score_frame(df, text_col='text', title_col=..., id_col=...)"
        )
    if isinstance(articles, (str, bytes, Article, dict)):
        raise TypeError(
            f"score_many takes an iterable of articles, got one {kind.__name__}; "
            "use hypescore.score for a single article, or wrap it in a list"
        )


_END = object()


def _with_ids(articles: Iterable[Any], ids: Iterable[Any] | None) -> Iterator[Any]:
    """Inputs with the id their Result will carry: the caller's, else positional for text."""
    given = iter(ids) if ids is not None else None
    position = -1
    for position, item in enumerate(articles):  # noqa: B007 - position is read after the loop
        if given is not None:
            own = next(given, _END)
            if own is _END:
                raise ValueError(f"ids ran out at article {position}: give one id per article")
            yield _named(item, None if own is None else str(own))
        elif isinstance(item, str) or (isinstance(item, Article) and item.id is None):
            yield _named(item, str(position))
        else:
            yield item
    if given is not None and next(given, _END) is not _END:
        raise ValueError(f"ids has more entries than the {position + 1} articles")


def _named(item: Any, record_id: str | None) -> Any:
    if isinstance(item, str):
        return Article(text=item, id=record_id)
    if isinstance(item, Article):
        return replace(item, id=record_id)
    if isinstance(item, dict):
        return {**item, "id": record_id}
    return item


def score_chunk(items: list[Any], model: HypeModel, options: ScoreOptions) -> list[Result]:
    """Score a list of records; the unit of work sent to a parallel worker.

    Three steps, each record guarded: analyse and featurize every record, score the
    learned parts and the scores of the usable ones in one batch each (one hashing pass,
    contributions in numpy), then assemble.
    """
    info = model_info(model)
    prepare_one = partial(prepare, options=options, headlines={})
    prepared = [guarded(item, options.max_chars, prepare_one) for item in items]
    ready = [p for _, p, _ in prepared if p is not None]
    parts = parts_of(model, ready)
    assessments = assessments_of(model, ready, parts)
    results = []
    for record_id, prep, error in prepared:
        if prep is not None:
            assemble = partial(
                _result, prep, parts.get(id(prep)), assessments.get(id(prep)), model, info, options
            )
            record_id, result, error = guarded(prep.article, options.max_chars, assemble)
            if result is not None:
                results.append(result)
                continue
        results.append(Result(id=record_id, model=info, error=error))
    return results


def _model_of(options: ScoreOptions) -> HypeModel:
    return options.model if options.model is not None else load_model()


def _score_one(item: Any, model: HypeModel, options: ScoreOptions) -> Result:
    return score_chunk([item], model, options)[0]


@dataclass
class Prepared:
    """One record analysed and featurized, waiting for its parts."""

    article: Article
    doc: AnalysedArticle
    values: np.ndarray
    spans: list[Span]
    headline: str
    head_values: np.ndarray
    head_spans: list[Span]
    """The headline's own span (with reasons asked for): the evidence of its reason."""


def prepare(
    article: Article, options: ScoreOptions, headlines: dict[str, list[float]] | None = None
) -> Prepared:
    """Analyse and featurize one record and its headline; ``headlines`` (headline text to
    its features) is shared by the records of a chunk, so a headline repeated in a feed
    (a syndicated story, a site's standing teaser) is featurized once."""
    want_spans = options.explain > 0
    doc = analyse(article)
    values, spans = features_of(doc, with_spans=want_spans or options.spans)
    doc.release_index()
    head_text, head_field, head_offset = headline_of(article, doc)
    head_values: list[float] = [0.0] * len(values)
    head_spans: list[Span] = []
    if head_text.strip():
        # Only the headline's values feed the headline models; its evidence is the
        # headline itself (``reasons.reason_evidence``), so it is featurized without spans.
        known = headlines if headlines is not None else {}
        if head_text not in known:
            known[head_text] = extract_features(Article(text=head_text, title=head_text))[0]
        head_values = known[head_text]
        if want_spans:
            whole = Span(
                head_offset, head_offset + len(head_text), "headline", HEADLINE, head_field
            )
            head_spans.append(whole)
    if not all(map(math.isfinite, values)) or not all(map(math.isfinite, head_values)):
        bad = [n for n, v in zip(feature_names(), values, strict=True) if not math.isfinite(v)]
        raise RecordError(f"features are not finite: {', '.join(bad) or 'headline features'}")
    return Prepared(
        article, doc, np.asarray(values), spans, head_text, np.asarray(head_values), head_spans
    )


def parts_of(model: HypeModel, ready: list[Prepared]) -> dict[int, Parts]:
    """Parts of every prepared record by ``id``: in one batch, or one by one when the
    batch fails (a record that fails alone gets no parts and becomes an error)."""

    def batch(group: list[Prepared]) -> list[Parts]:
        return model.parts_many(
            [p.doc.title for p in group],
            [p.doc.norm for p in group],
            [p.doc.sentences for p in group],
            [p.headline for p in group],
            np.array([p.head_values for p in group]),
            np.array([p.values for p in group]),
        )

    return _batched(ready, batch)


def assessments_of(
    model: HypeModel, ready: list[Prepared], parts: dict[int, Parts]
) -> dict[int, Assessment]:
    """Scores and contributions of every record that has parts, by ``id``, in one batch."""

    def batch(group: list[Prepared]) -> list[Assessment]:
        return model.assess_many([parts[id(p)] for p in group], np.array([p.values for p in group]))

    return _batched([p for p in ready if id(p) in parts], batch)


def _batched(ready: list[Prepared], batch: Callable[[list[Prepared]], list[Any]]) -> dict[int, Any]:
    """``batch(ready)`` by ``id``, or one by one when the batch fails (a record that fails
    alone is left out and becomes an error)."""
    if not ready:
        return {}
    try:
        return {id(p): out for p, out in zip(ready, batch(ready), strict=True)}
    except Exception:  # one odd record must not sink the batch: retry each alone
        found = {}
        for p in ready:
            try:
                found[id(p)] = batch([p])[0]
            except Exception:  # noqa: S112 - that record becomes an error result
                continue
        return found


def _result(
    prep: Prepared,
    parts: Parts | None,
    assessment: Assessment | None,
    model: HypeModel,
    info: ModelInfo,
    options: ScoreOptions,
    _article: Article | None = None,
) -> Result:
    if parts is None or assessment is None:
        raise RecordError("the learned parts of hype could not be scored for this record")
    evidence = Evidence(prep.article, prep.doc, prep.spans, prep.head_spans, prep.values, parts)
    return Result(
        id=prep.article.id,
        model=info,
        verdict=assessment.verdict,
        hype=round(assessment.hype, 4),
        impact=round(assessment.impact, 4),
        label=assessment.label,
        reasons=build_reasons(assessment.contributions, evidence, options.explain),
        features=(
            dict(zip(model.feature_names, prep.values.tolist(), strict=True))
            if options.features
            else None
        ),
        views={name: round(p, 4) for name, p in assessment.views.items()},
        schema_version=SCHEMA_VERSION,
        spans=tuple(prep.spans) if options.spans else None,
        summary=verdict_summary(
            assessment.contributions, evidence, model.is_hyped(assessment.hype)
        ),
        context=outlet_context(prep.article.url),
        warnings=(*prep.article.warnings, *article_caveats(prep.article.text, prep.article.title)),
    )


__all__ = [
    "BODY",
    "HEADLINE",
    "Prepared",
    "parts_of",
    "prepare",
    "ScoreOptions",
    "score",
    "score_chunk",
    "score_many",
]
