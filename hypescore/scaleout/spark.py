"""Score a Spark DataFrame with ``DataFrame.mapInPandas``, loading the model once per task.

``mapInPandas`` hands each task an iterator of pandas batches (Arrow record batches) of
one partition. The function built here loads the model when that iterator starts, then
streams every batch through ``score_many`` in this Python worker: one load per partition,
not per batch or per row, and one output row per input row, in order, errors included.

pyspark is optional (``pip install 'hypescore[spark]'``); this module imports it only in
:func:`score_dataframe`, so the batch function itself needs only pandas.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hypescore.article import plain_value
from hypescore.records import DEFAULT_MAX_CHARS

RESULT_SCHEMA = (
    "id string, verdict int, hype double, impact double, label string, error string, result string"
)
"""Spark DDL of the output: the headline fields flat, the whole ``Result.to_dict()`` as JSON
in ``result`` (reasons, evidence spans, model, and features when asked for)."""

COLUMNS = ("id", "verdict", "hype", "impact", "label", "error", "result")

Loader = Callable[[str | None], Any]


def score_partitions(
    model_path: str | None = None,
    *,
    text_col: str = "text",
    title_col: str | None = "title",
    url_col: str | None = "url",
    id_col: str | None = "id",
    explain: int = 0,
    features: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    loader: Loader | None = None,
) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The function to give ``df.mapInPandas(..., RESULT_SCHEMA)``.

    ``model_path`` must be readable where the tasks run (None: the model shipped inside
    hypescore). ``title_col``/``url_col``/``id_col`` may be None or absent from the frame.
    ``loader`` replaces ``hypescore.load_model``, e.g. to fetch the file first.
    """
    fields = {"text": text_col, "title": title_col, "url": url_col, "id": id_col}

    def score_batches(batches: Iterator[Any]) -> Iterator[Any]:
        import hypescore

        model = (loader or hypescore.load_model)(model_path)  # once per partition
        for frame in batches:
            results = hypescore.score_many(
                _records(frame, fields),
                model=model,
                explain=explain,
                features=features,
                max_chars=max_chars,
            )
            yield results_frame(results)

    return score_batches


def score_dataframe(df: Any, model_path: str | Path | None = None, **options: Any) -> Any:
    """``df`` scored: one row per input row in :data:`RESULT_SCHEMA`.

    A local ``model_path`` is shipped to the executors with ``SparkContext.addFile``, so
    it need not be on shared storage. Other options as in :func:`score_partitions`.
    """
    if model_path is None:
        return df.mapInPandas(score_partitions(None, **options), RESULT_SCHEMA)
    path = Path(model_path)
    if not path.is_file():
        raise FileNotFoundError(f"model file {model_path} does not exist")
    df.sparkSession.sparkContext.addFile(str(path.resolve()))
    batches = score_partitions(path.name, loader=_load_shipped, **options)
    return df.mapInPandas(batches, RESULT_SCHEMA)


def _load_shipped(name: str | None) -> Any:
    """Load a model file that ``addFile`` copied to this executor."""
    from pyspark import SparkFiles

    import hypescore

    return hypescore.load_model(SparkFiles.get(name) if name else None)


def _records(frame: Any, fields: dict[str, str | None]) -> Iterator[dict[str, Any]]:
    """Rows as plain records; Spark nulls (None, NaN, NA) become missing values."""
    columns = {key: col for key, col in fields.items() if col and col in frame.columns}
    if fields["text"] not in columns.values():
        raise KeyError(f"the DataFrame has no text column {fields['text']!r}")
    values = {key: frame[col].astype(object).tolist() for key, col in columns.items()}
    for row in range(len(frame)):
        yield {key: plain_value(column[row]) for key, column in values.items()}


def results_frame(results: Any) -> Any:
    """A pandas frame in :data:`RESULT_SCHEMA` from Result objects, in their order."""
    import pandas as pd

    rows = [
        (
            r.id,
            r.verdict,
            r.hype,
            r.impact,
            r.label,
            r.error,
            json.dumps(r.to_dict(), ensure_ascii=False),
        )
        for r in results
    ]
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    return frame.astype(
        {
            "id": object,
            "verdict": "Int32",
            "hype": "float64",
            "impact": "float64",
            "label": object,
            "error": object,
            "result": object,
        }
    )
