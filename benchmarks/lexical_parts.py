"""CPU cost per document of the v2 learned parts, against today's featurize, on SemEval.

    python benchmarks/lexical_parts.py --data ../shared/data [--docs 200]

Reads the parts from the shipped model (``hypescore/models/hypescore-default.skops``, built by
``hypescore train``). Each part and ``featurize`` are timed in
alternating chunks of documents (CPU time of this process), so load from other jobs hits
both alike. Body language and tone are timed together: they share one hashing pass
(``hypescore.model.parts.body_and_tone``). The headline part is timed on the headline's
hand features as ``HypeModel`` computes them anyway (featurizing the headline is not
counted again).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


from hypescore.article import Article  # noqa: E402
from hypescore.features import featurize  # noqa: E402
from hypescore.model.parts import body_and_tone, headline_clickbait  # noqa: E402
from hypescore.model.persistence import load_model  # noqa: E402
from hypescore.training.tone import load_articles  # noqa: E402
from hypescore.training.views import headline_article  # noqa: E402

MODEL = ROOT / "hypescore" / "models" / "hypescore-default.skops"
CHUNK = 20


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", action="store_true", help="score chunks of documents per call")
    args = parser.parse_args(argv)
    parts = load_model(MODEL).lexical
    data = load_articles(args.data, args.docs)
    articles = [
        Article(text=b, title=t or None) for t, b in zip(data.titles, data.bodies, strict=True)
    ]
    heads = [headline_article(a) for a in articles]
    head_values = featurize(heads).values

    def headline_part(rows: range) -> None:
        for i in rows:
            headline_clickbait(parts, [heads[i].text], head_values[i : i + 1])

    def body_and_tone_part(rows: range) -> None:
        for i in rows:
            body_and_tone(parts, [articles[i].title], [articles[i].text])

    def featurize_one(rows: range) -> None:
        for i in rows:
            featurize([articles[i]])

    def headline_batch(rows: range) -> None:
        headline_clickbait(
            parts, [heads[i].text for i in rows], head_values[rows.start : rows.stop]
        )

    def body_and_tone_batch(rows: range) -> None:
        body_and_tone(parts, [articles[i].title for i in rows], [articles[i].text for i in rows])

    def featurize_batch(rows: range) -> None:
        featurize([articles[i] for i in rows])

    if args.batch:  # each part called once per chunk of CHUNK documents, as a batch scorer would
        timed = {
            "featurize": featurize_batch,
            "headline": headline_batch,
            "body_and_tone": body_and_tone_batch,
        }
    else:
        timed: dict[str, Callable[[range], None]] = {
            "featurize": featurize_one,
            "headline": headline_part,
            "body_and_tone": body_and_tone_part,
        }
    for job in timed.values():  # warm caches and imports
        job(range(min(5, len(articles))))
    totals = dict.fromkeys(timed, 0.0)
    n = len(articles)
    for _ in range(args.rounds):
        for start in range(0, n, CHUNK):
            rows = range(start, min(n, start + CHUNK))
            for name, job in timed.items():
                began = time.process_time()
                job(rows)
                totals[name] += time.process_time() - began
    per_doc = {k: round(1000 * v / (n * args.rounds), 3) for k, v in totals.items()}
    parts_total = per_doc["headline"] + per_doc["body_and_tone"]
    chars = sum(len(a.text) for a in articles) / n
    result = {
        "mode": "batch" if args.batch else "one document per call",
        "docs": n,
        "mean_chars": round(chars),
        "ms_per_doc": per_doc,
        "parts_ms_per_doc": round(parts_total, 3),
        "ratio_featurize_plus_parts": round(
            (per_doc["featurize"] + parts_total) / per_doc["featurize"], 3
        ),
        "target_ratio": 1.5,
    }
    result["result"] = "PASS" if result["ratio_featurize_plus_parts"] <= 1.5 else "MISS"
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
