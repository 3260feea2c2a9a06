"""Cross-validated metrics per labelled view, calibration of ``hype``, checks of impact.

Each dataset measures one view only: Webis teasers measure clickbait strength of a
headline (MSE against the mean judgement, accuracy against its class), Stop Clickbait
measures clickbait headlines, SemEval measures hyperpartisan articles. ``hype`` as a
whole has no label; its calibration is checked on the only article-level label there
is (hyperpartisan), with headline views trained on their own datasets and the article
view out of fold. Impact has no label at all; it is checked against the publisher's
domain quality (left out of the impact formula on purpose).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from hypescore.model.hypemodel import HypeModel
from hypescore.model.impact import ImpactSpec
from hypescore.training.data import ViewData, load_view
from hypescore.training.views import ARTICLE, DEFAULT_VIEWS, HEADLINE, SOFT, ViewSpec

N_BINS = 10
DIGITS = 4
# Best published figures, for context only: other splits, other test sets.
REFERENCES = {
    "teaser_clickbait": {
        "mse": 0.033,
        "note": "Clickbait Challenge 2017 best MSE, on the challenge's own test set",
    },
    "article_hyperpartisan": {
        "accuracy": 0.822,
        "accuracy_feature_based": 0.820,
        "note": "SemEval-2019 Task 4 best by-article accuracy (feature-based best 0.820), "
        "on the task's held-out test set",
    },
}


@dataclass(frozen=True)
class Evaluation:
    """Metrics as plain data (``to_dict``), and as a readable table (``format``)."""

    folds: int
    seed: int
    limit: int | None
    views: dict[str, dict[str, Any]]
    hype: dict[str, Any] = field(default_factory=dict)
    impact: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "folds": self.folds,
            "seed": self.seed,
            "limit": self.limit,
            "views": self.views,
            "hype": self.hype,
            "impact": self.impact,
        }

    def format(self) -> str:
        lines = [f"{self.folds}-fold cross-validation, seed {self.seed}"]
        if self.limit is not None:
            lines[0] += f", {self.limit} rows per dataset"
        for name, m in self.views.items():
            lines.append(f"\n{name}  ({m['dataset']}, n={m['n']}, measures: {m['measures']})")
            keys = ("mse", "mse_baseline", "accuracy", "f1", "roc_auc", "brier", "ece")
            lines.append("  " + "  ".join(f"{k}={m[k]}" for k in keys if k in m))
            if "reference" in m:
                ref = {k: v for k, v in m["reference"].items() if k != "note"}
                lines.append(f"  published: {ref} ({m['reference']['note']})")
            lines.append(_format_curve(m["reliability"]))
        if self.hype:
            h = self.hype
            lines.append(f"\nhype (combined) against {h['label']} (n={h['n']})")
            lines.append(
                f"  brier={h['brier']}  ece={h['ece']}  accuracy={h['accuracy']}  "
                f"roc_auc={h['roc_auc']}"
            )
            lines.append(_format_curve(h["reliability"]))
        if self.impact:
            i = self.impact
            lines.append(f"\nimpact (no label; sanity checks on {i['dataset']}, n={i['n']})")
            lines.append(
                f"  spearman with publisher domain quality: {i['spearman_publisher_quality']} "
                f"(n={i['n_rated_publishers']} rated publishers)"
            )
            lines.append(f"  mean impact by class: {i['mean_by_class']}")
            lines.append(f"  labels: {i['labels']}")
        return "\n".join(lines)


def _format_curve(curve: list[dict[str, float]]) -> str:
    cells = [f"{b['mean_predicted']:.2f}->{b['observed']:.2f} ({b['n']})" for b in curve]
    return "  reliability (predicted->observed (n)): " + ", ".join(cells)


def evaluate(
    data_dir: str | Path | None = None,
    *,
    views: Sequence[ViewSpec] = DEFAULT_VIEWS,
    folds: int = 5,
    seed: int = 0,
    limit: int | None = None,
    n_jobs: int | None = 1,
    cache_dir: str | Path | None = None,
    model: HypeModel | None = None,
) -> Evaluation:
    """K-fold cross-validated metrics per dataset from the raw labelled JSONL.

    Same data, ``folds``, ``seed`` and ``limit`` as ``train`` reproduce the metrics in
    the model card exactly. ``model`` (optional) supplies the view weights and
    thresholds for the combined ``hype`` and impact checks.
    """
    data = [
        load_view(spec, data_dir, limit=limit, n_jobs=n_jobs, cache_dir=cache_dir) for spec in views
    ]
    return evaluate_views(data, folds=folds, seed=seed, limit=limit, model=model)


def evaluate_views(
    data: Sequence[ViewData],
    *,
    folds: int = 5,
    seed: int = 0,
    limit: int | None = None,
    model: HypeModel | None = None,
) -> Evaluation:
    """Evaluate already featurized views (what ``train`` uses for the model card)."""
    from hypescore.training.fit import fit_model, fit_pipeline

    oof = {d.spec.name: _out_of_fold(d, folds, seed) for d in data}
    view_metrics = {d.spec.name: _view_metrics(d, oof[d.spec.name]) for d in data}
    hype: dict[str, Any] = {}
    impact: dict[str, Any] = {}
    article = next((d for d in data if d.spec.scope == ARTICLE), None)
    if article is not None:
        model = model if model is not None else fit_model(data, seed=seed)
        headline_p = {
            d.spec.name: fit_pipeline(d.spec, d.X, d.y).predict_proba(article.headline_X)[:, 1]
            for d in data
            if d.spec.scope == HEADLINE
        }
        hype_scores = _combined_hype(model, oof[article.spec.name], article, headline_p)
        hype = _probability_metrics(hype_scores, article.y_class)
        hype = {"label": f"{article.spec.name} ({article.spec.path})", "n": len(article.y)} | hype
        impact = _impact_checks(model, article, hype_scores)
    return Evaluation(
        folds=folds, seed=seed, limit=limit, views=view_metrics, hype=hype, impact=impact
    )


def _out_of_fold(d: ViewData, folds: int, seed: int) -> np.ndarray:
    from sklearn.model_selection import KFold, StratifiedKFold

    from hypescore.training.fit import fit_pipeline

    if d.spec.kind == SOFT:
        splits = KFold(folds, shuffle=True, random_state=seed).split(d.X)
    else:
        splits = StratifiedKFold(folds, shuffle=True, random_state=seed).split(d.X, d.y_class)
    predictions = np.zeros(len(d.y))
    for train_rows, test_rows in splits:
        pipeline = fit_pipeline(d.spec, d.X[train_rows], d.y[train_rows])
        predictions[test_rows] = pipeline.predict_proba(d.X[test_rows])[:, 1]
    return predictions


def _view_metrics(d: ViewData, p: np.ndarray) -> dict[str, Any]:
    out: dict[str, Any] = {
        "dataset": d.spec.path,
        "measures": d.spec.measures,
        "n": len(d.y),
        "positives": int(d.y_class.sum()),
        "dropped": d.dropped,
    }
    if d.spec.kind == SOFT:
        out["mse"] = _r(np.mean((p - d.y) ** 2))
        out["mse_baseline"] = _r(np.mean((d.y.mean() - d.y) ** 2))
    out |= _probability_metrics(p, d.y_class)
    if d.spec.kind == SOFT:
        # The view estimates the mean judgement: calibrate against that, not the class.
        out["reliability"] = reliability_curve(p, d.y)
        out["ece"] = _ece(out["reliability"], len(d.y))
    if d.spec.name in REFERENCES:
        out["reference"] = REFERENCES[d.spec.name]
    return out


def _probability_metrics(p: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

    predicted = p >= 0.5
    curve = reliability_curve(p, y)
    return {
        "accuracy": _r(np.mean(predicted == y)),
        "precision": _r(precision_score(y, predicted, zero_division=0)),
        "recall": _r(recall_score(y, predicted, zero_division=0)),
        "f1": _r(f1_score(y, predicted, zero_division=0)),
        "roc_auc": _r(roc_auc_score(y, p)) if 0 < y.sum() < len(y) else None,
        "brier": _r(np.mean((p - y) ** 2)),
        "ece": _ece(curve, len(y)),
        "reliability": curve,
    }


def _ece(curve: list[dict[str, Any]], n: int) -> float:
    """Expected calibration error: bin-size weighted gap between predicted and observed."""
    return _r(sum(b["n"] * abs(b["mean_predicted"] - b["observed"]) for b in curve) / n)


def reliability_curve(p: np.ndarray, y: np.ndarray, bins: int = N_BINS) -> list[dict[str, Any]]:
    """Mean predicted probability against observed frequency (or mean soft target) in
    equal-width bins."""
    index = np.minimum((p * bins).astype(int), bins - 1)
    curve = []
    for b in range(bins):
        rows = index == b
        if rows.any():
            curve.append(
                {
                    "bin": [b / bins, (b + 1) / bins],
                    "n": int(rows.sum()),
                    "mean_predicted": _r(p[rows].mean()),
                    "observed": _r(y[rows].mean()),
                }
            )
    return curve


def _combined_hype(
    model: HypeModel,
    article_oof: np.ndarray,
    article: ViewData,
    headline_p: dict[str, np.ndarray],
) -> np.ndarray:
    probs: dict[str, np.ndarray] = {}
    for view in model.views:
        if view.name == article.spec.name:
            probs[view.name] = article_oof
        elif view.name in headline_p:
            probs[view.name] = headline_p[view.name]
        else:  # a view evaluated without its data: use the model's own weights
            rows = article.headline_X if view.scope == HEADLINE else article.X
            probs[view.name] = view.proba(rows)
    return model.hype_of(probs)


def _impact_checks(model: HypeModel, article: ViewData, hype: np.ndarray) -> dict[str, Any]:
    from scipy.stats import spearmanr

    names = model.feature_names
    spec = ImpactSpec.fit(article.X, names)
    impact = spec.score(article.X[:, [names.index(f) for f in spec.features]])
    quality = article.publisher_quality
    rated = ~np.isnan(quality) if quality is not None else np.zeros(len(impact), dtype=bool)
    rho = spearmanr(impact[rated], quality[rated]).statistic if rated.sum() > 2 else None
    labels = [model.label(h, i) for h, i in zip(hype, impact, strict=True)]
    return {
        "dataset": article.spec.path,
        "n": len(impact),
        "n_rated_publishers": int(rated.sum()),
        "spearman_publisher_quality": None if rho is None else _r(rho),
        "mean_by_class": {
            "positive": _r(impact[article.y_class == 1].mean()),
            "negative": _r(impact[article.y_class == 0].mean()),
        },
        "labels": {name: labels.count(name) for name in sorted(set(labels))},
    }


def _r(value: float) -> float:
    return round(float(value), DIGITS)
