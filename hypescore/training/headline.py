"""Headline clickbait: hashed word and character n-grams beside today's hand features.

Two labelled views (``hypescore.training.views.DEFAULT_VIEWS``): Webis teasers (soft target
``truth_mean``; CV Spearman and MSE) and Stop Clickbait headlines (binary; CV accuracy).
Each record is featurized as ``Article(text=h, title=h)``, exactly as an article's
headline is at scoring time, so the hand features at run time are the headline features
``HypeModel`` computes anyway; character n-grams are only ever hashed on a headline.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from hypescore.features import feature_names, featurize
from hypescore.model.lexical import TOKEN_PATTERN, HashedBlock, HashedLinearModel
from hypescore.training import lexical_fit
from hypescore.training.lexical_fit import LexicalSpec
from hypescore.training.views import DEFAULT_VIEWS, SOFT, ViewSpec

HEADLINE_WORD = HashedBlock(
    analyzer="word", ngram_range=(1, 2), n_features=1 << 18, norm="l2", token_pattern=TOKEN_PATTERN
)
HEADLINE_CHAR = HashedBlock(analyzer="char_wb", ngram_range=(2, 5), n_features=1 << 18, norm="l2")
VIEWS = {spec.name: spec for spec in DEFAULT_VIEWS if spec.scope == "headline"}


@dataclass(frozen=True)
class HeadlineData:
    spec: ViewSpec
    texts: list[str]
    dense: np.ndarray  # raw hand features of the headline, the view's columns
    dense_names: tuple[str, ...]
    y: np.ndarray  # target (soft 0..1 or 0/1)
    y_class: np.ndarray


def load(spec: ViewSpec, data_dir: str | Path, limit: int | None = None) -> HeadlineData:
    """Texts, hand features and targets; records the featurizer refuses are dropped."""
    records = list(spec.records(Path(data_dir), limit))
    articles = [spec.article(record) for record in records]
    matrix = featurize(articles)
    ok = matrix.ok
    columns = spec.columns(feature_names())
    return HeadlineData(
        spec=spec,
        texts=[a.text for a, keep in zip(articles, ok, strict=True) if keep],
        dense=matrix.values[ok][:, columns],
        dense_names=tuple(feature_names()[i] for i in columns),
        y=np.array([spec.target(r) for r in records])[ok],
        y_class=np.array([spec.target_class(r) for r in records])[ok],
    )


@dataclass(frozen=True)
class HeadlineConfig:
    C: float = 1.0
    dense_weight: float = 1.0
    char: bool = True
    max_weights: int | None = 20_000

    def spec(self, data: HeadlineData) -> LexicalSpec:
        blocks = (HEADLINE_WORD, HEADLINE_CHAR) if self.char else (HEADLINE_WORD,)
        return LexicalSpec(
            f"{data.spec.name}_lexical",
            blocks,
            data.dense_names,
            dense_weight=self.dense_weight,
            squash="arcsinh",
            C=self.C,
            soft=data.spec.kind == SOFT,
            max_weights=self.max_weights,
        )


def splits(
    data: HeadlineData, n_folds: int = 5, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import KFold, StratifiedKFold

    if data.spec.kind == SOFT:
        return list(KFold(n_folds, shuffle=True, random_state=seed).split(data.y))
    return list(
        StratifiedKFold(n_folds, shuffle=True, random_state=seed).split(data.y, data.y_class)
    )


def out_of_fold(
    config: HeadlineConfig, data: HeadlineData, matrices: list[Any], folds: list
) -> np.ndarray:
    spec = config.spec(data)
    p = np.zeros(len(data.y))
    for train_rows, test_rows in folds:
        model, _ = lexical_fit.fit(
            spec, lexical_fit.rows(matrices, train_rows), data.y[train_rows], data.dense[train_rows]
        )
        p[test_rows] = lexical_fit.predict(
            spec, model, lexical_fit.rows(matrices, test_rows), data.dense[test_rows]
        )
    return p


def metrics(data: HeadlineData, p: np.ndarray) -> dict[str, float]:
    from scipy.stats import spearmanr
    from sklearn.metrics import roc_auc_score

    out = {
        "accuracy": round(float(np.mean((p >= 0.5) == data.y_class)), 4),
        "auc": round(float(roc_auc_score(data.y_class, p)), 4),
    }
    if data.spec.kind == SOFT:
        out["spearman"] = round(float(spearmanr(p, data.y)[0]), 4)
        out["mse"] = round(float(np.mean((p - data.y) ** 2)), 4)
    return out


def cross_validate(
    config: HeadlineConfig, data: HeadlineData, n_folds: int = 5, seed: int = 0
) -> dict[str, float]:
    blocks = config.spec(data).blocks
    matrices = lexical_fit.hashed(blocks, data.texts)
    return metrics(data, out_of_fold(config, data, matrices, splits(data, n_folds, seed)))


def fit_final(config: HeadlineConfig, data: HeadlineData) -> HashedLinearModel:
    spec = config.spec(data)
    model, _ = lexical_fit.fit(
        spec,
        lexical_fit.hashed(spec.blocks, data.texts),
        data.y,
        data.dense,
        info={"trained_on": data.spec.path, "citation": data.spec.citation, "C": config.C},
    )
    return model
