"""One-sided tone: hyperpartisan articles from their text alone (SemEval-2019 Task 4).

No URL, no publisher, no site chrome: hashed word 1-2-grams of the title and of each body
sentence, summed over the article's l2-normalised sentence rows and l2-normalised again
(``hypescore.model.parts.tone_rows``: the body is hashed once for body language and tone),
a strongly regularised logistic regression, optionally beside the body-language
aggregates. Figures are 5-fold stratified CV, seed 0 (Kiesel et al., SemEval 2019;
CC BY 4.0).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from hypescore.model.body_language import WORD_BLOCK, hash_bodies
from hypescore.model.lexical import HashedBlock, HashedLinearModel
from hypescore.model.parts import tone_rows, tone_text
from hypescore.training import lexical_fit
from hypescore.training.lexical_fit import LexicalSpec

DATA_PATH = "semeval19-hyperpartisan/articles-train.jsonl"
CITATION = (
    'Kiesel et al., "SemEval-2019 Task 4: Hyperpartisan News Detection", SemEval 2019 '
    "(by-article training set)"
)
TONE_BLOCK = WORD_BLOCK  # read through ``hypescore.model.parts.tone_rows``


@dataclass(frozen=True)
class Articles:
    ids: list[str]
    titles: list[str]
    texts: list[str]  # title, blank line, body: what the tone model reads
    bodies: list[str]
    y: np.ndarray


def load_articles(data_dir: str | Path, limit: int | None = None) -> Articles:
    ids, titles, texts, bodies, labels = [], [], [], [], []
    with (Path(data_dir) / DATA_PATH).open(encoding="utf-8") as handle:
        lines = handle.readlines()
    if limit is not None and limit < len(lines):
        step = len(lines) / limit
        lines = [lines[int(i * step)] for i in range(limit)]
    for line in lines:
        record = json.loads(line)
        ids.append(str(record.get("id")))
        titles.append(record.get("title") or "")
        texts.append(tone_text(record.get("title"), record["text"]))
        bodies.append(record["text"])
        labels.append(int(bool(record["hyperpartisan"])))
    return Articles(ids, titles, texts, bodies, np.array(labels))


@dataclass(frozen=True)
class ToneConfig:
    C: float = 30.0
    dense_names: tuple[str, ...] = ()
    dense_weight: float = 1.0
    class_weight: str | None = None
    block: HashedBlock = TONE_BLOCK
    max_weights: int | None = 20_000

    def spec(self) -> LexicalSpec:
        return LexicalSpec(
            "one_sided_tone",
            (self.block,),
            self.dense_names,
            dense_weight=self.dense_weight,
            C=self.C,
            class_weight=self.class_weight,
            max_weights=self.max_weights,
        )


def folds(y: np.ndarray, n_folds: int = 5, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(n_folds, shuffle=True, random_state=seed).split(y, y))


def out_of_fold(
    config: ToneConfig,
    matrices: list[Any],
    y: np.ndarray,
    dense: np.ndarray | None,
    splits: list[tuple[np.ndarray, np.ndarray]],
) -> np.ndarray:
    """Out-of-fold probabilities: each article scored by a model that never saw it."""
    spec = config.spec()
    p = np.zeros(len(y))
    for train_rows, test_rows in splits:
        model, _ = lexical_fit.fit(
            spec,
            lexical_fit.rows(matrices, train_rows),
            y[train_rows],
            None if dense is None else dense[train_rows],
        )
        p[test_rows] = lexical_fit.predict(
            spec,
            model,
            lexical_fit.rows(matrices, test_rows),
            None if dense is None else dense[test_rows],
        )
    return p


def binary_metrics(y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    from sklearn.metrics import roc_auc_score

    return {
        "auc": round(float(roc_auc_score(y, p)), 4),
        "accuracy": round(float(np.mean((p >= 0.5) == y)), 4),
    }


def tone_matrix(articles: Articles) -> Any:
    """The rows the tone model reads (``tone_rows``), one per article."""
    return tone_rows(articles.titles, hash_bodies(articles.bodies))


def fit_final(
    config: ToneConfig, articles: Articles, dense: np.ndarray | None
) -> HashedLinearModel:
    model, _ = lexical_fit.fit(
        config.spec(),
        [tone_matrix(articles)],
        articles.y,
        dense,
        info={"trained_on": DATA_PATH, "citation": CITATION, "C": config.C},
    )
    return model
