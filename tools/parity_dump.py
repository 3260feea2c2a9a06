"""Hashes of everything hypescore outputs on a fixed corpus, for bit-identical refactors.

A speed change must leave every feature, span and Result unchanged. This prints one
short sha256 per stage over 855 documents (the 645 SemEval training articles, 150
generated ones from ``benchmarks.corpus`` and 60 of those with non-ASCII letters):
the feature vectors with their evidence spans, then every ``Result.to_dict()`` at
explain 0 and at explain 3. Equal hashes before and after a change, on both paths,
mean bit-identical output:

    python -m tools.parity_dump --data ../shared/data
    HYPESCORE_PURE_PYTHON=1 python -m tools.parity_dump --data ../shared/data
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import hypescore
from benchmarks.corpus import generate, with_non_ascii
from hypescore.article import Article
from hypescore.features import extract_features
from hypescore.training.tone import load_articles

GENERATED = 150
NON_ASCII = 60


def corpus(data: Path) -> list[dict[str, str]]:
    """The SemEval articles, then the generated documents, then their non-ASCII copies."""
    semeval = load_articles(data)
    docs = [
        {"title": title, "text": body, "id": record_id}
        for record_id, title, body in zip(semeval.ids, semeval.titles, semeval.bodies, strict=True)
    ]
    generated = list(generate(GENERATED, seed=3))
    docs += generated
    docs += [
        dict(doc, text=with_non_ascii(doc["text"], seed=k), id=f"na{k}")
        for k, doc in enumerate(generated[:NON_ASCII])
    ]
    return docs


def digest(items: Iterable[Any]) -> str:
    """A short sha256 of ``items`` as sorted JSON (``repr`` keeps floats exact)."""
    text = json.dumps(list(items), sort_keys=True, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def feature_rows(docs: list[dict[str, str]]) -> Iterable[list[str]]:
    for doc in docs:
        article = Article(text=doc["text"], title=doc["title"], id=doc["id"])
        values, spans = extract_features(article, with_spans=True)
        yield [repr(v) for v in values] + [repr(s) for s in spans]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    docs = corpus(args.data)
    print(f"features {len(docs)}", digest(feature_rows(docs)))
    for explain in (0, 3):
        results = hypescore.score_many(docs, explain=explain)
        print(f"results explain={explain}", digest(r.to_dict() for r in results))


if __name__ == "__main__":
    main()
