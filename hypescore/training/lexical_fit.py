"""Fitting ``HashedLinearModel``s: hashed blocks + standardised dense features -> LR.

One design matrix rule for fitting and scoring (``design``), so the exported model's
``decision`` equals the fitted ``LogisticRegression``'s on the same texts. A soft target
(a 0..1 mean of judgements) is fitted as in ``hypescore.training.fit``: every row once
as positive with weight ``t`` and once as negative with weight ``1 - t``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from hypescore.model.lexical import (
    DenseFeatures,
    HashedBlock,
    HashedLinearModel,
    from_coefficients,
    sigmoid,
)


@dataclass(frozen=True)
class LexicalSpec:
    """What to fit: blocks, dense feature names and treatment, regularisation."""

    name: str
    blocks: tuple[HashedBlock, ...]
    dense_names: tuple[str, ...] = ()
    dense_weight: float = 1.0  # scales z before fitting: how strongly dense features count
    squash: str = "none"
    clip: float = 3.0
    C: float = 1.0
    class_weight: str | None = None
    soft: bool = False
    max_iter: int = 3000
    max_weights: int | None = None  # per block, the largest kept (model size)


def hashed(blocks: Sequence[HashedBlock], texts: Sequence[str]) -> list[Any]:
    """One CSR matrix per block (cache these across folds: hashing is the slow part)."""
    return [block.transform(list(texts)) for block in blocks]


def dense_stats(spec: LexicalSpec, dense: np.ndarray) -> DenseFeatures:
    """Standardisation learned on training rows; coefficients filled in after the fit."""
    values = np.arcsinh(dense) if spec.squash == "arcsinh" else np.asarray(dense, float)
    mean = values.mean(axis=0)
    scale = values.std(axis=0)
    scale[scale == 0] = 1.0
    return DenseFeatures(spec.dense_names, mean, scale, np.zeros(len(mean)), spec.clip, spec.squash)


def design(
    spec: LexicalSpec,
    matrices: Sequence[Any],
    dense: np.ndarray | None,
    stats: DenseFeatures | None,
) -> Any:
    """``hstack(blocks..., dense_weight * z(dense))`` as CSR."""
    parts = list(matrices)
    if stats is not None and dense is not None:
        parts.append(sparse.csr_matrix(stats.z(dense) * spec.dense_weight))
    return sparse.hstack(parts, format="csr")


def fit_logistic(
    spec: LexicalSpec, X: Any, y: np.ndarray, sample_weight: np.ndarray | None = None
) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=spec.C, class_weight=spec.class_weight, max_iter=spec.max_iter)
    if spec.soft:
        n = X.shape[0]
        weight = np.r_[y, 1.0 - y]
        if sample_weight is not None:
            weight = weight * np.r_[sample_weight, sample_weight]
        model.fit(
            sparse.vstack([X, X]), np.r_[np.ones(n, int), np.zeros(n, int)], sample_weight=weight
        )
    else:
        model.fit(X, np.asarray(y).astype(int), sample_weight=sample_weight)
    return model


def fit(
    spec: LexicalSpec,
    matrices: Sequence[Any],
    y: np.ndarray,
    dense: np.ndarray | None = None,
    *,
    threshold: float = 0.5,
    info: dict | None = None,
) -> tuple[HashedLinearModel, Any]:
    """Fit on precomputed block matrices (+ dense rows); the exported model and the
    scikit-learn estimator it was exported from."""
    stats = dense_stats(spec, dense) if spec.dense_names else None
    X = design(spec, matrices, dense, stats)
    estimator = fit_logistic(spec, X, y)
    coef = estimator.coef_[0].copy()
    if stats is not None:
        coef[-len(spec.dense_names) :] *= spec.dense_weight
    model = from_coefficients(
        spec.name, spec.blocks, coef, float(estimator.intercept_[0]), stats,
        max_weights=spec.max_weights, threshold=threshold, info=info,
    )  # fmt: skip
    return model, estimator


def rows(matrices: Sequence[Any], index: np.ndarray) -> list[Any]:
    return [m[index] for m in matrices]


def predict(
    spec: LexicalSpec, model: HashedLinearModel, matrices: Sequence[Any], dense: np.ndarray | None
) -> np.ndarray:
    """Probabilities from precomputed block matrices: ``model.proba`` without hashing the
    texts again."""
    return sigmoid(model.decision_from_matrices(matrices, dense))
