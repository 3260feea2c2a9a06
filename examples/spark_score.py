"""Score a JSON Lines file of articles with Spark (local mode here; any cluster the same way).

    python examples/spark_score.py ../shared/data/semeval19-hyperpartisan/articles-train.jsonl

Writes the scores as JSON Lines into ``spark-scores/`` (``--out``) and prints a summary.
Needs ``pip install -e ".[spark]"`` and Java 17+. Spark's Python workers use the
``python3`` on PATH: run this from the activated virtualenv (or set PYSPARK_PYTHON).
"""

from __future__ import annotations

import argparse
import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from hypescore.scaleout.spark import score_dataframe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", help="JSON Lines with a text field (title, url, id optional)")
    parser.add_argument("--out", default="spark-scores", help="output folder (replaced)")
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()

    if args.master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # one machine: stay on loopback
    spark = (
        SparkSession.builder.master(args.master)
        .appName("hypescore")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    articles = spark.read.json(args.articles)
    scored = score_dataframe(articles, text_col=args.text_col, explain=3).cache()
    scored.write.mode("overwrite").json(args.out)

    summary = scored.agg(
        F.count("*").alias("rows"),
        F.count("verdict").alias("scored"),
        F.count("error").alias("errors"),
        F.round(F.avg("verdict"), 2).alias("mean_verdict"),
    ).first()
    print(
        f"{summary.rows} rows: {summary.scored} scored, {summary.errors} errors, "
        f"mean verdict {summary.mean_verdict} -> {args.out}/"
    )
    scored.groupBy("label").count().orderBy("label").show()
    spark.stop()


if __name__ == "__main__":
    main()
