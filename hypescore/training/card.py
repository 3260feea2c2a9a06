"""The model card: what the model was trained on, how, and how well (JSON and Markdown)."""

from __future__ import annotations

import json
import platform
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from hypescore.model.hypemodel import FORMAT_VERSION, Z_CLIP, HypeModel
from hypescore.model.impact import IMPACT_TERMS
from hypescore.training.evaluation import Evaluation
from hypescore.training.views import DEFAULT_VIEWS, ViewSpec

LIBRARIES = ("numpy", "scikit-learn", "scipy", "skops", "vaderSentiment", "textstat", "pyphen")
DOMAIN_QUALITY_CITATION = (
    'Lin et al., "High level of correspondence across different news domain quality '
    'rating sets", PNAS Nexus 2023 (reuse invited by the authors)'
)


def card_dict(
    model: HypeModel,
    evaluation: Evaluation,
    *,
    views: tuple[ViewSpec, ...] = DEFAULT_VIEWS,
    limit: int | None = None,
    out: str = "hypescore/models",
) -> dict[str, Any]:
    specs = {spec.name: spec for spec in views}
    options = f"out={out!r}" + ("" if limit is None else f", limit={limit}")
    options += f", seed={evaluation.seed}, folds={evaluation.folds}"
    command = f'python -c "import hypescore; hypescore.train({options})"'
    return {
        "name": model.name,
        "version": model.version,
        "file": f"{model.name}.skops",
        "checksum_sha256": model.checksum,
        "format_version": FORMAT_VERSION,
        "trained_on": datetime.now(timezone.utc).date().isoformat(),
        "reproduce": {
            "train": command,
            "evaluate": (
                'python -c "import hypescore; print(hypescore.evaluate('
                + ("" if limit is None else f"limit={limit}, ")
                + f'seed={evaluation.seed}, folds={evaluation.folds}).format())"'
            ),
            "seed": evaluation.seed,
            "folds": evaluation.folds,
        },
        "datasets": [
            {
                "view": v.name,
                "path": f"../shared/data/{specs[v.name].path}" if v.name in specs else None,
                "rows": next(
                    (t["rows"] for t in model.training.get("views", []) if t["name"] == v.name),
                    None,
                ),
                "sha256": next(
                    (
                        t["data_sha256"]
                        for t in model.training.get("views", [])
                        if t["name"] == v.name
                    ),
                    None,
                ),
                "measures": specs[v.name].measures if v.name in specs else "",
                "citation": specs[v.name].citation if v.name in specs else "",
                "licence": specs[v.name].licence if v.name in specs else "",
            }
            for v in model.views
        ],
        "feature_sources": [
            {
                "what": "outlet and domain quality (sourcing.* features); a feature, never a label",
                "citation": DOMAIN_QUALITY_CITATION,
            }
        ],
        "views": [
            {
                "name": v.name,
                "scope": v.scope,
                "target": v.kind,
                "weight_in_hype": v.weight,
                "C": specs[v.name].C if v.name in specs else None,
                "excluded_features": list(specs[v.name].exclude) if v.name in specs else [],
                "intercept": round(v.intercept, 4),
                "top_weights": _top_weights(model, v),
            }
            for v in model.views
        ],
        "estimator": (
            f"per view: arcsinh -> StandardScaler -> clip to +-{Z_CLIP:g} -> "
            "LogisticRegression (L2, lbfgs); soft targets fitted as fractional labels"
        ),
        "hype": "weighted mean of the view probabilities (weights above)",
        "impact": {
            "formula": "weighted mean of reference percentiles (flipped where more is worse)",
            "terms": [{"feature": f, "direction": d, "weight": w} for f, d, w in IMPACT_TERMS],
            "reference": "the article view's training articles",
            "trained_on_a_label": False,
        },
        "verdict": "s = (impact + 1 - hype) / 2; verdict = min(10, 1 + floor(10 * s))",
        "labels": {
            "thresholds": {"hype": model.hype_threshold, "impact": model.impact_threshold},
            "quadrants": {
                "substantive": "hype < threshold, impact >= threshold",
                "hyped-but-significant": "hype >= threshold, impact >= threshold",
                "overhyped": "hype >= threshold, impact < threshold",
                "thin": "hype < threshold, impact < threshold",
            },
        },
        "feature_names": list(model.feature_names),
        "libraries": {"python": platform.python_version()} | _versions(),
        "metrics": evaluation.to_dict(),
    }


def _top_weights(model: HypeModel, view: Any, n: int = 8) -> dict[str, float]:
    """The largest standardised coefficients: what the view leans on most."""
    order = sorted(range(len(view.coef)), key=lambda j: -abs(view.coef[j]))[:n]
    return {model.feature_names[j]: round(float(view.coef[j]), 4) for j in order}


def _versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def write_card(
    model: HypeModel,
    evaluation: Evaluation,
    out: Path,
    *,
    views: tuple[ViewSpec, ...] = DEFAULT_VIEWS,
    limit: int | None = None,
) -> dict[str, Any]:
    """Write ``<name>.card.json`` and ``<name>.card.md`` next to the model file."""
    card = card_dict(model, evaluation, views=views, limit=limit, out=_display(out))
    (out / f"{model.name}.card.json").write_text(
        json.dumps(card, indent=2) + "\n", encoding="utf-8"
    )
    (out / f"{model.name}.card.md").write_text(card_markdown(card, evaluation), "utf-8")
    return card


def _display(path: Path) -> str:
    """The output directory as the user would type it: relative when under the cwd."""
    try:
        return Path(path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def card_markdown(card: dict[str, Any], evaluation: Evaluation) -> str:
    lines = [
        f"# Model card: {card['name']} {card['version']}",
        "",
        f"- File: `{card['file']}` (skops archive, plain data only), sha256 "
        f"`{card['checksum_sha256']}`",
        f"- Trained on {card['trained_on']} with seed {card['reproduce']['seed']}: "
        f"`{card['reproduce']['train']}`; metrics: `{card['reproduce']['evaluate']}`",
        f"- Estimator: {card['estimator']}",
        f"- hype: {card['hype']}; impact: {card['impact']['formula']} (not trained on a "
        "label); verdict: " + card["verdict"],
        "",
        "## Data",
        "",
        "| view | rows | measures | source | licence |",
        "|---|---|---|---|---|",
    ]
    for d in card["datasets"]:
        lines.append(
            f"| {d['view']} | {d['rows']} | {d['measures']} | {d['citation']} | {d['licence']} |"
        )
    for source in card["feature_sources"]:
        lines.append(f"\nFeature source: {source['what']}. {source['citation']}.")
    lines += [
        "",
        "## Views",
        "",
        "| view | scope | target | weight in hype | C | excluded features |",
        "|---|---|---|---|---|---|",
    ]
    for v in card["views"]:
        excluded = ", ".join(f"`{f}`" for f in v["excluded_features"]) or "-"
        lines.append(
            f"| {v['name']} | {v['scope']} | {v['target']} | {v['weight_in_hype']} | "
            f"{v['C']} | {excluded} |"
        )
    lines += ["", "Largest standardised weights (> 0: towards the view's positive class):", ""]
    for v in card["views"]:
        weights = ", ".join(f"`{k}` {w:+.2f}" for k, w in v["top_weights"].items())
        lines.append(f"- {v['name']}: {weights}")
    lines += ["", "## Impact terms", "", "| feature | direction | weight |", "|---|---|---|"]
    for t in card["impact"]["terms"]:
        lines.append(f"| `{t['feature']}` | {t['direction']:+d} | {t['weight']} |")
    lines += [
        "",
        "## Cross-validated metrics",
        "",
        "```",
        evaluation.format(),
        "```",
        "",
        "## Libraries",
        "",
        ", ".join(f"{k} {v}" for k, v in card["libraries"].items()),
        "",
        "## Features",
        "",
        ", ".join(f"`{name}`" for name in card["feature_names"]),
        "",
    ]
    return "\n".join(lines)
