"""Train hype's learned v2 parts, measure them, and write them beside the v1 model.

    python -m hypescore.training.v2_parts --data ../shared/data \\
        --out /tmp/parts.skops --figures docs/v2-models.json

Every figure in ``docs/v2-models.md`` comes from one run of this command (seeded: the same
data gives the same figures). ``--limit`` subsamples each dataset for a quick check.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from hypescore.features import feature_names, featurize
from hypescore.model.body_language import body_language_many
from hypescore.model.filler import filler_scores
from hypescore.model.lexical import HashedLinearModel
from hypescore.model.parts import headline_clickbait
from hypescore.training import combination, headline, subjectivity, tone
from hypescore.training.views import headline_article

TARGETS = {
    "teaser_spearman": (">=", 0.62),
    "teaser_mse": ("<=", 0.036),
    "stop_accuracy": (">=", 0.95),
    "subjectivity_test_macro_f1": (">=", 0.68),
    "tone_auc": (">=", 0.85),
    "tone_accuracy": (">=", 0.80),
}


def verdict(name: str, value: float) -> str:
    op, target = TARGETS[name]
    ok = value >= target if op == ">=" else value <= target
    return "PASS" if ok else "MISS"


def headline_parts(
    data_dir: Path, limit: int | None, figures: dict[str, Any]
) -> dict[str, HashedLinearModel]:
    models = {}
    for name in ("teaser_clickbait", "headline_clickbait"):
        started = time.process_time()
        data = headline.load(headline.VIEWS[name], data_dir, limit)
        config = headline.HeadlineConfig()
        figures[name] = {"rows": len(data.y), **headline.cross_validate(config, data)}
        models[name] = headline.fit_final(config, data)
        figures[name]["n_weights"] = models[name].n_weights
        figures[name]["cpu_s"] = round(time.process_time() - started, 1)
    return models


def headline_scores(models: dict[str, HashedLinearModel], titles: list[str]) -> np.ndarray:
    """The headline part of each title, as scoring computes it."""
    from hypescore.article import Article

    articles = [headline_article(Article(text=t or " ", title=t)) for t in titles]
    return headline_clickbait(models, [a.text for a in articles], featurize(articles).values)


def run(
    data_dir: Path, limit: int | None, out: Path | None, parts_path: Path | None = None
) -> dict[str, Any]:
    figures: dict[str, Any] = {"limit": limit, "seed": 0, "folds": 5}
    heads = headline_parts(data_dir, limit, figures)
    sub_model, figures["subjectivity"] = subjectivity.evaluate(data_dir)
    return tone_and_combination(data_dir, limit, figures, heads, sub_model, out, parts_path)


def update_tone(data_dir: Path, figures_path: Path, out: Path, parts_path: Path) -> dict[str, Any]:
    """Retrain only the tone part and redo the combination: the headline and sentence
    models are read back from ``out``, their SemEval scores from ``parts_path`` (both
    written by a full run, which gives the same numbers)."""
    from hypescore.model.persistence import load_model

    figures = json.loads(figures_path.read_text(encoding="utf-8"))
    lexical = load_model(out).lexical
    heads = {name: lexical[name] for name in ("teaser_clickbait", "headline_clickbait")}
    with np.load(parts_path) as stored:
        cached = {k: stored[k] for k in ("headline", "body", "filler")}
    return tone_and_combination(
        data_dir, figures.get("limit"), figures, heads, lexical["sentence_subjectivity"], out,
        parts_path, cached,
    )  # fmt: skip


def tone_and_combination(
    data_dir: Path,
    limit: int | None,
    figures: dict[str, Any],
    heads: dict[str, HashedLinearModel],
    sub_model: HashedLinearModel,
    out: Path | None,
    parts_path: Path | None,
    cached: dict[str, np.ndarray] | None = None,
) -> dict[str, Any]:
    articles = tone.load_articles(data_dir, limit)
    splits = tone.folds(articles.y)
    tone_model, p_tone = tone_part(articles, splits, figures)
    if cached is None:
        from hypescore.article import Article

        body = np.array([b.score for b in body_language_many(sub_model, articles.bodies)])
        values = featurize([Article(text=b) for b in articles.bodies]).values
        filler = filler_scores(np.nan_to_num(values), feature_names())
        cached = {
            "headline": headline_scores(heads, articles.titles),
            "body": body,
            "filler": filler,
        }
    parts = {**cached, "tone": p_tone}
    if parts_path is not None:  # scores and labels only, for re-fitting the combination
        np.savez(parts_path, y=articles.y, **parts)
    report = combination.nested(parts, articles.y, splits)
    figures["combination"] = dataclasses.asdict(report)
    figures["combination"]["stacked"] = combination.nested_stacked(parts, articles.y, splits)

    figures["acceptance"] = acceptance(figures)
    best_part = max(report.part_auc[p] for p in ("headline", "body", "tone"))
    figures["acceptance"]["combined_auc_not_below_best_part"] = {
        "value": report.combined_auc,
        "target": f">= {best_part}",
        "result": "PASS" if report.combined_auc >= best_part else "MISS",
    }
    if out is not None:
        from hypescore.model.persistence import load_model, save_model

        parts_model = dataclasses.replace(
            load_model(),
            lexical={
                "teaser_clickbait": heads["teaser_clickbait"],
                "headline_clickbait": heads["headline_clickbait"],
                "sentence_subjectivity": sub_model,
                "one_sided_tone": tone_model,
            },
            training={**load_model().training, "v2_parts": {"figures": "docs/v2-models.json"}},
        )
        figures["file"] = {"path": str(out), "sha256": save_model(parts_model, out)}
        figures["file"]["bytes"] = out.stat().st_size
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--figures", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--parts", type=Path, help="save SemEval part scores (.npz)")
    parser.add_argument(
        "--update-tone",
        action="store_true",
        help="retrain tone only (needs --out, --figures, --parts)",
    )
    args = parser.parse_args(argv)
    if args.update_tone:
        figures = update_tone(args.data, args.figures, args.out, args.parts)
    else:
        figures = run(args.data, args.limit, args.out, args.parts)
    text = json.dumps(figures, indent=2, sort_keys=True, default=float)
    if args.figures:
        args.figures.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()


def train_parts(data_dir: Path, limit: int | None = None) -> tuple[dict, dict[str, Any]]:
    """The four learned parts, trained now, and their cross-validated figures (what
    ``hypescore train`` runs without ``--parts-from``; about 18 CPU minutes)."""
    figures: dict[str, Any] = {"limit": limit, "seed": 0, "folds": 5}
    heads = headline_parts(data_dir, limit, figures)
    sub_model, figures["subjectivity"] = subjectivity.evaluate(data_dir)
    articles = tone.load_articles(data_dir, limit)
    tone_model, _ = tone_part(articles, tone.folds(articles.y), figures)
    figures["acceptance"] = acceptance(figures)
    lexical = {**heads, "sentence_subjectivity": sub_model, "one_sided_tone": tone_model}
    return lexical, figures


def tone_part(
    articles: tone.Articles, splits: list, figures: dict[str, Any]
) -> tuple[HashedLinearModel, np.ndarray]:
    """The tone model on all articles, its out-of-fold probabilities and figures."""
    config = tone.ToneConfig()
    p_tone = tone.out_of_fold(config, [tone.tone_matrix(articles)], articles.y, None, splits)
    tone_model = tone.fit_final(config, articles, None)
    figures["tone"] = {
        "rows": len(articles.y),
        **tone.binary_metrics(articles.y, p_tone),
        "n_weights": tone_model.n_weights,
        "C": config.C,
        "reads": "title + body sentences (tone_rows)",
    }
    return tone_model, p_tone


def acceptance(figures: dict[str, Any]) -> dict[str, Any]:
    checks = {
        "teaser_spearman": figures["teaser_clickbait"]["spearman"],
        "teaser_mse": figures["teaser_clickbait"]["mse"],
        "stop_accuracy": figures["headline_clickbait"]["accuracy"],
        "subjectivity_test_macro_f1": figures["subjectivity"]["test_macro_f1"],
        "tone_auc": figures["tone"]["auc"],
        "tone_accuracy": figures["tone"]["accuracy"],
    }
    return {
        k: {"value": v, "target": f"{TARGETS[k][0]} {TARGETS[k][1]}", "result": verdict(k, v)}
        for k, v in checks.items()
    }
