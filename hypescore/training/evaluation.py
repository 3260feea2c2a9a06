"""Figures of a v2 model on the SemEval-2019 training articles, its reference set.

The learned parts were each measured on their own data when they were trained
(``hypescore.training.v2_parts``; the figures travel with the model card). Here the
whole model is checked as it scores: hype against the only article-level label there is
(hyperpartisan; tone out of fold, the other parts trained on other data), the
combination against its best single part, impact against the publisher's domain quality
(left out of every score on purpose: an outside check only), and the spread of verdicts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypescore.model.hypemodel import HypeModel


@dataclass(frozen=True)
class Evaluation:
    """Figures as plain data (``to_dict``), and as readable lines (``format``)."""

    seed: int
    limit: int | None
    figures: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"seed": self.seed, "limit": self.limit, **self.figures}

    def format(self) -> str:
        f = self.figures
        combo, impact, verdicts = f["combination"], f["impact"], f["verdicts"]
        best = max(combo["part_auc"][p] for p in ("headline", "body", "tone"))
        lines = [
            f"SemEval-2019 training articles (n={f['n']}), seed {self.seed}"
            + ("" if self.limit is None else f", {self.limit} rows"),
            f"  tone out of fold as scored: {f['tone_out_of_fold_as_scored']}",
            f"  part AUC (tone out of fold): {combo['part_auc']}",
            f"  combined hype AUC (weights nested per fold): {combo['combined_auc']} "
            f"(best single part {best}); learned parts only {combo['learned_mean_auc']}",
            f"  combination weights: {combo['final_weights']} (fold choices "
            f"{combo['fold_weights']})",
            f"  impact Spearman with publisher domain quality: "
            f"{impact['spearman_publisher_quality']} (n={impact['n_rated_publishers']} rated)",
            f"  mean impact by class: {impact['mean_by_class']}",
            f"  verdicts: {verdicts['counts']} ({verdicts['distinct']} distinct, largest "
            f"share {verdicts['max_share']})",
            f"  labels: {f['labels']}",
        ]
        return "\n".join(lines)


def evaluate(
    data_dir: str | Path | None = None,
    *,
    model: HypeModel | None = None,
    seed: int = 0,
    limit: int | None = None,
) -> Evaluation:
    """Figures of ``model`` (default: the shipped one) on the SemEval training articles;
    ``limit`` keeps that many, evenly spaced (quick runs).

    >>> import hypescore
    >>> figures = hypescore.evaluate(limit=300)  # doctest: +SKIP
    """
    from hypescore.model.persistence import load_model
    from hypescore.training import combination
    from hypescore.training.data import DEFAULT_DATA_DIR
    from hypescore.training.fit import (
        load_reference,
        out_of_fold_tone,
        reference_figures,
        view_checks,
    )

    model = model if model is not None else load_model()
    data = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    reference = load_reference(data, model.lexical, limit)
    tone_oof, splits = out_of_fold_tone(reference, seed)
    oof_parts = {**reference.parts, "tone": tone_oof}
    report = combination.nested(
        oof_parts, reference.y, splits, view_checks(data, model.lexical, limit)
    )
    p = reference.parts
    hype = model.combination.hype(p["headline"], p["body"], p["filler"], p["tone"])
    columns = [model.feature_names.index(f) for f in model.impact.features]
    impact = model.impact.score(reference.values[:, columns])
    figures = reference_figures(model, reference, oof_parts, report, hype, impact)
    return Evaluation(seed=seed, limit=limit, figures=json.loads(json.dumps(figures)))
