"""Training: one scikit-learn pipeline per labelled view, exported to plain weights.

Each view is ``arcsinh -> StandardScaler -> clip to +-3 -> LogisticRegression``:
linear, so every score splits into signed per-feature contributions. A soft target
(Webis ``truth_mean``, the mean of five judgements) is fitted as a logistic regression
with fractional labels: every row appears once as positive with weight ``t`` and once as
negative with weight ``1 - t``, which minimises cross-entropy against ``t`` itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from hypescore._version import __version__
from hypescore.features import feature_names
from hypescore.model.hypemodel import HypeModel, LinearView, clip_z, transform
from hypescore.model.impact import ImpactSpec
from hypescore.training.data import ViewData, load_view
from hypescore.training.views import ARTICLE, DEFAULT_VIEWS, SOFT, ViewSpec

DEFAULT_NAME = "hypescore-default"


def make_pipeline(spec: ViewSpec) -> Any:
    """The unfitted scikit-learn pipeline of one view."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    columns = spec.columns(feature_names())
    return Pipeline(
        [
            ("select", FunctionTransformer(np.take, kw_args={"indices": columns, "axis": 1})),
            ("squash", FunctionTransformer(transform)),
            ("scale", StandardScaler()),
            ("clip", FunctionTransformer(clip_z)),
            ("logistic", LogisticRegression(C=spec.C, max_iter=5000)),
        ]
    )


def fit_pipeline(spec: ViewSpec, X: np.ndarray, y: np.ndarray) -> Any:
    """Fit a view's pipeline on ``X`` (every feature, featurizer order); soft targets
    become weighted positive/negative copies."""
    pipeline = make_pipeline(spec)
    if spec.kind == SOFT:
        n = len(y)
        pipeline.fit(
            np.vstack([X, X]),
            np.r_[np.ones(n, dtype=int), np.zeros(n, dtype=int)],
            logistic__sample_weight=np.r_[y, 1.0 - y],
        )
    else:
        pipeline.fit(X, y.astype(int))
    return pipeline


def export_view(spec: ViewSpec, pipeline: Any) -> LinearView:
    """The fitted pipeline's numbers over every feature (excluded ones weigh zero),
    enough to score and explain without scikit-learn."""
    n = len(feature_names())
    columns = spec.columns(feature_names())
    mean, scale, coef = np.zeros(n), np.ones(n), np.zeros(n)
    mean[columns] = pipeline.named_steps["scale"].mean_
    scale[columns] = pipeline.named_steps["scale"].scale_
    coef[columns] = pipeline.named_steps["logistic"].coef_[0]
    return LinearView(
        name=spec.name,
        scope=spec.scope,
        kind=spec.kind,
        weight=spec.weight,
        mean=mean,
        scale=scale,
        coef=coef,
        intercept=float(pipeline.named_steps["logistic"].intercept_[0]),
    )


def fit_model(
    data: Sequence[ViewData],
    *,
    name: str = DEFAULT_NAME,
    version: str = __version__,
    seed: int = 0,
) -> HypeModel:
    """A HypeModel from featurized views; impact quantiles come from the article views."""
    views = tuple(export_view(d.spec, fit_pipeline(d.spec, d.X, d.y)) for d in data)
    articles = [d.X for d in data if d.spec.scope == ARTICLE]
    if not articles:
        raise ValueError("impact needs at least one article-scope view for its reference")
    training = {
        "seed": seed,
        "views": [
            {
                "name": d.spec.name,
                "path": d.spec.path,
                "rows": int(len(d.y)),
                "dropped": d.dropped,
                "data_sha256": d.data_sha256,
            }
            for d in data
        ],
    }
    return HypeModel(
        name=name,
        version=version,
        feature_names=feature_names(),
        views=views,
        impact=ImpactSpec.fit(np.vstack(articles), feature_names()),
        training=training,
    )


def train(
    data_dir: str | Path | None = None,
    *,
    views: Sequence[ViewSpec] = DEFAULT_VIEWS,
    out: str | Path | None = None,
    name: str = DEFAULT_NAME,
    version: str = __version__,
    seed: int = 0,
    folds: int = 5,
    limit: int | None = None,
    n_jobs: int | None = 1,
    cache_dir: str | Path | None = None,
    card: bool = True,
) -> HypeModel:
    """Train a model from labelled JSONL (default: ``../shared/data``).

    With ``out`` (a directory) writes ``<name>.skops`` and, unless ``card=False``, the
    model card (``<name>.card.json`` and ``.md``) with ``folds``-fold cross-validated
    metrics from ``evaluate``. ``limit`` keeps the first rows of each file (quick runs);
    ``seed`` fixes the folds. Same data and seed give a byte-identical model file.
    """
    data = [
        load_view(spec, data_dir, limit=limit, n_jobs=n_jobs, cache_dir=cache_dir) for spec in views
    ]
    model = fit_model(data, name=name, version=version, seed=seed)
    if out is None:
        return model
    from hypescore.model.persistence import load_model, save_model
    from hypescore.training.card import write_card
    from hypescore.training.evaluation import evaluate_views

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.skops"
    save_model(model, path)
    model = load_model(path)
    if card:
        report = evaluate_views(data, folds=folds, seed=seed, limit=limit, model=model)
        write_card(model, report, out, views=tuple(views), limit=limit)
    return model
