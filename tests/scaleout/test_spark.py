"""hypescore.scaleout.spark in a real local-mode Spark (2 cores, loopback), if pyspark and Java
exist."""

from __future__ import annotations

import json
import os
import shutil
import sys
from functools import partial
from pathlib import Path

import pytest

from ..optional_parts import require

pd = require("pandas", "spark")
require("pyspark", "spark")
if shutil.which("java") is None:
    pytest.skip("no Java runtime on PATH for Spark", allow_module_level=True)

import hypescore  # noqa: E402
from hypescore.scaleout.spark import RESULT_SCHEMA, score_dataframe, score_partitions  # noqa: E402

from .support import BAD_RECORDS, MAX_CHARS, logged_load, mixed_records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BATCH_ROWS = 50
FIELDS = ("id", "title", "text", "url")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Python workers must be this interpreter and import this checkout's hypescore.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # else Spark picks the first non-loopback address
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p
    )
    session = (
        SparkSession.builder.master("local[2]")
        .appName("hypescore-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(BATCH_ROWS))
        .getOrCreate()
    )
    yield session
    session.stop()


def as_row(record) -> dict:
    """A record as a Spark row: typed columns, so a bad value arrives as null."""
    if not isinstance(record, dict):
        return dict.fromkeys(FIELDS)
    row = {key: record.get(key) for key in FIELDS}
    return {key: value if isinstance(value, str) else None for key, value in row.items()}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    """A third of the Dask tests' records, every bad one among them: Spark is slow to run."""
    bad = {position for position, _, _ in BAD_RECORDS}
    return [as_row(r) for i, r in enumerate(mixed_records()) if i % 3 == 0 or i in bad]


@pytest.fixture(scope="module")
def expected(rows) -> list[dict]:
    """Single-process score_many of the same rows, as the JSON Spark returns."""
    model = hypescore.load_model()
    return [
        r.to_dict() for r in hypescore.score_many(rows, model=model, explain=2, max_chars=MAX_CHARS)
    ]


def values(column) -> list:
    """A pandas column as Python values, Spark's nulls as None."""
    return [None if pd.isna(v) else v for v in column.astype(object)]


def dataframe(spark, rows):
    schema = ", ".join(f"{name} string" for name in FIELDS)
    return spark.createDataFrame([tuple(row[f] for f in FIELDS) for row in rows], schema)


def test_every_row_comes_back_scored_or_with_its_error(spark, rows, expected, tmp_path):
    log = tmp_path / "loads.txt"
    df = dataframe(spark, rows)
    partitions = df.rdd.getNumPartitions()
    scorer = score_partitions(explain=2, max_chars=MAX_CHARS, loader=partial(logged_load, str(log)))
    got = df.mapInPandas(scorer, RESULT_SCHEMA).toPandas()

    assert len(got) == len(rows) >= 300
    assert [json.loads(text) for text in got["result"]] == expected
    assert values(got["id"]) == [e["id"] for e in expected]
    assert got["error"].notna().sum() == sum(e["error"] is not None for e in expected) >= 4
    scored = got["error"].isna()
    assert got.loc[scored, "verdict"].between(1, 10).all()
    assert got.loc[~scored, ["verdict", "hype", "impact", "label"]].isna().all().all()

    # One model load per partition, although each partition came in many Arrow batches.
    loads = log.read_text().split("\n")[:-1]
    assert len(rows) / partitions > 2 * BATCH_ROWS
    assert sorted(int(line.split()[1]) for line in loads) == list(range(partitions))


def test_score_dataframe_ships_a_model_file_to_the_executors(spark, rows, expected, tmp_path):
    shipped = Path(hypescore.__file__).parent / "models" / "hypescore-default.skops"
    copy = tmp_path / "copied-model.skops"
    shutil.copyfile(shipped, copy)
    got = score_dataframe(
        dataframe(spark, rows[:100]), copy, explain=2, max_chars=MAX_CHARS
    ).toPandas()
    assert [json.loads(text) for text in got["result"]] == expected[:100]


def test_missing_model_file_is_refused_on_the_driver(spark, tmp_path):
    df = spark.createDataFrame([("a", "Some text.")], "id string, text string")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        score_dataframe(df, tmp_path / "nope.skops")
