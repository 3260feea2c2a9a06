"""The feature vector: names, per-article extraction and streaming batch featurization."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from itertools import islice
from typing import Any

import numpy as np

from hypescore.analysis import AnalysedArticle, analyse
from hypescore.article import Article
from hypescore.evidence import Span
from hypescore.extractors import EXTRACTORS
from hypescore.records import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_MAX_CHARS,
    guarded,
)
from hypescore.scaleout.parallel import map_chunks


@cache
def feature_names() -> tuple[str, ...]:
    """Every feature, namespaced by family (``filler.lines``), in vector order.

    >>> import hypescore
    >>> hypescore.feature_names()[:2]
    ('sentiment.mean_compound', 'sentiment.std_compound')
    """
    return tuple(f"{ex.FAMILY}.{name}" for ex in EXTRACTORS for name in ex.FEATURES)


@dataclass(frozen=True)
class FeatureMatrix:
    """Named 2-D features; a failed record is a row of NaN with its message in ``errors``."""

    names: tuple[str, ...]
    values: np.ndarray
    ids: list[str | None]
    errors: list[str | None]

    def __len__(self) -> int:
        return self.values.shape[0]

    @property
    def ok(self) -> np.ndarray:
        """Boolean mask of rows that were featurized."""
        return np.array([e is None for e in self.errors], dtype=bool)

    def to_pandas(self) -> Any:
        import pandas as pd

        return pd.DataFrame(self.values, columns=list(self.names))

    @classmethod
    def concat(cls, parts: list[FeatureMatrix]) -> FeatureMatrix:
        names = feature_names()
        if not parts:
            return cls(names, np.empty((0, len(names))), [], [])
        return cls(
            names,
            np.vstack([p.values for p in parts]),
            [i for p in parts for i in p.ids],
            [e for p in parts for e in p.errors],
        )


def extract_features(
    article: Article, *, with_spans: bool = False
) -> tuple[list[float], list[Span]]:
    """The feature vector of one article and, on request, the evidence behind it."""
    return features_of(analyse(article), with_spans=with_spans)


def features_of(
    doc: AnalysedArticle, *, with_spans: bool = False
) -> tuple[list[float], list[Span]]:
    """The feature vector of an analysed article (for callers that need the doc too)."""
    sink: list[Span] | None = [] if with_spans else None
    values: list[float] = []
    for extractor in EXTRACTORS:
        values.extend(extractor.extract(doc, sink))
    return values, sink or []


def featurize_chunk(items: list[Any], max_chars: int = DEFAULT_MAX_CHARS) -> FeatureMatrix:
    """Featurize a list of records; each failure becomes a NaN row and a message."""
    names = feature_names()
    values = np.full((len(items), len(names)), np.nan)
    ids: list[str | None] = []
    errors: list[str | None] = []
    for row, item in enumerate(items):
        record_id, vector, error = guarded(item, max_chars, _vector)
        ids.append(record_id)
        errors.append(error)
        if vector is not None:
            values[row] = vector
    return FeatureMatrix(names, values, ids, errors)


def _vector(article: Article) -> list[float]:
    return extract_features(article)[0]


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of up to ``size`` items, consuming the iterable lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def iter_featurize(
    articles: Iterable[Any],
    *,
    n_jobs: int | None = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[FeatureMatrix]:
    """Stream feature chunks in input order, holding only a few chunks in memory.

    Accepts the same inputs as ``featurize``. ``n_jobs`` other than 1 runs chunks through
    joblib under the caller's ``joblib.parallel_config`` (loky by default, Dask on a
    cluster; see ``map_chunks``).

    >>> import hypescore
    >>> for chunk in hypescore.iter_featurize(texts, chunk_size=256):  # doctest: +SKIP
    ...     store(chunk.values, chunk.errors)
    """
    yield from map_chunks(
        partial(featurize_chunk, max_chars=max_chars),
        chunked(articles, chunk_size),
        n_jobs=n_jobs,
    )


def featurize(
    articles: Iterable[Any],
    *,
    n_jobs: int | None = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> FeatureMatrix:
    """Feature matrix of any iterable of texts, Articles or records, one row each, in order.

    Accepts ``str``, ``Article`` or mappings with ``text`` (and ``title``, ``url``, ``id``).

    >>> import hypescore
    >>> matrix = hypescore.featurize(["Shares rose 3% on Monday.", {"text": "...", "id": "a1"}])
    >>> matrix.values.shape, matrix.names[0]  # doctest: +SKIP
    ((2, 52), 'sentiment.mean_compound')
    """
    return FeatureMatrix.concat(
        list(iter_featurize(articles, n_jobs=n_jobs, chunk_size=chunk_size, max_chars=max_chars))
    )
