"""Score a pandas DataFrame: one flat output row per input row, on the same index.

Rows stream through :func:`hypescore.score_many` in chunks (``n_jobs`` in parallel), and
each chunk's results are turned into a small numpy-backed frame at once, so memory holds
the output table and one chunk of work, never every ``Result`` object at the same time.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import fields, replace
from typing import Any

from hypescore.article import plain_value
from hypescore.features import chunked
from hypescore.records import DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS
from hypescore.result import Result
from hypescore.scoring import ScoreOptions, options_or

BASE_COLUMNS = ("id", "verdict", "hype", "impact", "label", "error", "warnings")
VIEW_PREFIX = "views."
RESULT_FIELDS = frozenset(f.name for f in fields(Result))


def score_frame(
    df: Any,
    text_col: str = "text",
    title_col: str | None = None,
    url_col: str | None = None,
    id_col: str | None = None,
    *,
    options: ScoreOptions | None = None,
    model: Any = None,
    explain: int = 0,
    features: bool = False,
    n_jobs: int | None = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Any:
    """Score every row of a pandas DataFrame; returns a DataFrame on ``df.index``.

    Accepts a ``pandas.DataFrame`` whose ``text_col`` holds strings; ``title_col``,
    ``url_col`` and ``id_col`` are optional columns. Missing values (None, NaN, NA) count
    as absent; a row that cannot be scored (no text, wrong type) becomes a row with
    ``error`` set and empty scores, never an exception.

    Columns: ``id`` (``id_col``'s value, else the row's index label), ``verdict``
    (nullable Int64), ``hype``, ``impact``, ``label``, ``error``, ``warnings`` (``"; "``
    joined, None when there are none), ``summary`` when results carry one, one
    ``views.NAME`` column per labelled view, ``reasons`` (tuples of ``Reason``) when
    ``explain`` > 0 and one column per feature (``hypescore.feature_names()``) when
    ``features`` is True. ``options`` (a ``hypescore.ScoreOptions``) replaces the keyword
    shortcuts when given, as in ``score_many``.

    >>> import pandas as pd, hypescore
    >>> df = pd.DataFrame({"text": ["Shares rose 3% on Monday, the exchange said."]},
    ...                   index=["a1"])
    >>> hypescore.score_frame(df)[["verdict", "label"]]  # doctest: +SKIP
        verdict label
    a1        7  thin
    """
    import pandas as pd

    from hypescore.model import load_model
    from hypescore.scoring import score_many

    _check_frame(df, text_col, title_col, url_col, id_col)
    options = options_or(
        options,
        model=model,
        explain=explain,
        features=features,
        n_jobs=n_jobs,
        chunk_size=chunk_size,
        max_chars=max_chars,
    )
    if options.model is None:
        options = replace(options, model=load_model())  # its views name the columns
    view_names = options.model.view_names
    feature_cols = tuple(options.model.feature_names) if options.features else ()
    with_reasons = options.explain > 0
    results = score_many(_row_records(df, text_col, title_col, url_col, id_col), options=options)
    parts = [
        _chunk_frame(chunk, view_names, feature_cols, with_reasons)
        for chunk in chunked(results, max(options.chunk_size, 1))
    ]
    if parts:
        out = pd.concat(parts, ignore_index=True)
    else:
        out = _chunk_frame([], view_names, feature_cols, with_reasons)
    out.index = df.index
    return out


def _check_frame(df: Any, text_col: str, *optional: str | None) -> None:
    columns = getattr(df, "columns", None)
    if columns is None or not hasattr(df, "index"):
        raise TypeError(
            f"score_frame takes a pandas DataFrame, got {type(df).__name__}; "
            "for an iterable of texts or records use hypescore.score_many"
        )
    missing = [c for c in (text_col, *optional) if c is not None and c not in columns]
    if missing:
        names = ", ".join(map(str, columns))
        raise KeyError(f"the DataFrame has no column {missing[0]!r}; its columns: {names}")


def _row_records(
    df: Any, text_col: str, title_col: str | None, url_col: str | None, id_col: str | None
) -> Iterator[dict[str, Any]]:
    """Row dicts, a slice of the frame at a time, so no full copy of it is ever made."""
    wanted = {"text": text_col, "title": title_col, "url": url_col, "id": id_col}
    columns = {key: col for key, col in wanted.items() if col is not None}
    step = 4096
    for start in range(0, len(df), step):
        block = df.iloc[start : start + step]
        values = {key: block[col].astype(object).tolist() for key, col in columns.items()}
        labels = block.index.tolist()
        for row, label in enumerate(labels):
            record = {key: plain_value(column[row]) for key, column in values.items()}
            if record.get("id") is None:
                record["id"] = str(label)
            yield record


def _chunk_frame(
    results: list[Result],
    view_names: tuple[str, ...],
    feature_cols: tuple[str, ...],
    with_reasons: bool,
) -> Any:
    import numpy as np
    import pandas as pd

    columns: dict[str, Any] = {
        "id": pd.array([r.id for r in results], dtype=object),
        "verdict": pd.array([r.verdict for r in results], dtype="Int64"),
        "hype": np.array([_float(r.hype) for r in results], dtype=float),
        "impact": np.array([_float(r.impact) for r in results], dtype=float),
        "label": pd.array([r.label for r in results], dtype=object),
        "error": pd.array([r.error for r in results], dtype=object),
        "warnings": pd.array([_joined(getattr(r, "warnings", ())) for r in results], dtype=object),
    }
    if "summary" in RESULT_FIELDS:
        columns["summary"] = pd.array([getattr(r, "summary", None) for r in results], dtype=object)
    for name in view_names:
        columns[VIEW_PREFIX + name] = np.array(
            [_float((r.views or {}).get(name)) for r in results], dtype=float
        )
    if with_reasons:
        columns["reasons"] = pd.array([r.reasons for r in results], dtype=object)
    if feature_cols:
        matrix = np.full((len(results), len(feature_cols)), np.nan)
        for row, result in enumerate(results):
            if result.features:
                matrix[row] = [result.features.get(name, np.nan) for name in feature_cols]
        columns.update(dict(zip(feature_cols, matrix.T, strict=True)))
    return pd.DataFrame(columns)


def _float(value: float | None) -> float:
    return math.nan if value is None else float(value)


def _joined(items: Iterable[str] | None) -> str | None:
    items = tuple(items or ())
    return "; ".join(items) if items else None


__all__ = ["score_frame"]
