"""Training the v2 model: learned parts, impact reference, combination, verdict map.

``train`` builds the one shipped model file:

1. the four learned lexical parts (``hypescore.training.v2_parts``: Webis teasers, Stop
   Clickbait, NewsSD sentences, SemEval tone; about 18 CPU minutes), or, with
   ``parts_from``, the parts of an existing model file (the same seeded code gives the
   same weights, so this reproduces a full run's file in a minute);
2. the SemEval-2019 training articles scored exactly as ``score`` does (filler cut out
   of the body, one hashing pass for body and tone);
3. impact's saturation scales and reference article from their substance counts;
4. the combination weights chosen on those articles with the real ``filler_score`` and
   out-of-fold tone (``hypescore.training.combination``, nested for its figure);
5. the verdict map at the deciles of their substance ``s``, and the reference parts
   (medians) that contributions are measured from.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from hypescore._version import __version__
from hypescore.features import feature_names
from hypescore.model.combination import PARTS, HypeCombination
from hypescore.model.hypemodel import IMPACT_LABEL_QUANTILE, HypeModel, substance
from hypescore.model.impact import ImpactSpec
from hypescore.model.verdict_map import VERDICTS, VerdictMap
from hypescore.training.combination import ViewCheck
from hypescore.training.views import DEFAULT_VIEWS, ViewSpec, evenly_spaced

DEFAULT_NAME = "hypescore-default"
ARTICLE_VIEW: ViewSpec = next(
    spec for spec in DEFAULT_VIEWS if spec.name == "article_hyperpartisan"
)
TEASER_VIEW: ViewSpec = next(spec for spec in DEFAULT_VIEWS if spec.name == "teaser_clickbait")
TEASER_ROWS = 2000


@dataclass(frozen=True)
class Reference:
    """The SemEval training articles as scoring sees them."""

    ids: list[str]
    y: np.ndarray
    quality: np.ndarray  # publisher domain quality (NaN unrated): an outside check only
    values: np.ndarray
    titles: list[str]
    bodies: list[str]
    sentences: list[list[tuple[int, int]]]
    parts: dict[str, np.ndarray]  # in-sample parts as the shipped model computes them
    data_sha256: str
    dropped: int


def load_reference(
    data_dir: Path, lexical: dict, limit: int | None = None, chunk: int = 50
) -> Reference:
    """Analyse, featurize and score the parts of SemEval's training articles."""
    from hypescore.outlets import domain_quality
    from hypescore.training.data import file_sha256

    if not (data_dir / ARTICLE_VIEW.path).is_file():
        raise FileNotFoundError(
            f"reference articles (SemEval-2019) not found at {data_dir / ARTICLE_VIEW.path}"
        )
    records = list(ARTICLE_VIEW.records(data_dir, limit))
    articles = [ARTICLE_VIEW.article(r) for r in records]
    keep, ready, parts = _parts_of_articles(articles, lexical, chunk)
    quality = [domain_quality(a.url) if a.url else None for a in articles]
    return Reference(
        ids=[str(articles[i].id) for i in keep],
        y=np.array([ARTICLE_VIEW.target_class(records[i]) for i in keep]),
        quality=np.array([np.nan if quality[i] is None else quality[i] for i in keep]),
        values=np.array([p.values for p in ready]),
        titles=[p.doc.title for p in ready],
        bodies=[p.doc.norm for p in ready],
        sentences=[p.doc.sentences for p in ready],
        parts=parts,
        data_sha256=file_sha256(data_dir / ARTICLE_VIEW.path),
        dropped=len(articles) - len(keep),
    )


def _parts_of_articles(
    articles: list, lexical: dict, chunk: int = 50
) -> tuple[list[int], list, dict[str, np.ndarray]]:
    """Which articles could be scored, their prepared forms, and the four parts of each."""
    from hypescore.records import DEFAULT_MAX_CHARS, guarded
    from hypescore.scoring import ScoreOptions, parts_of, prepare

    options = ScoreOptions()
    prepared = [guarded(a, DEFAULT_MAX_CHARS, lambda a: prepare(a, options))[1] for a in articles]
    keep = [i for i, p in enumerate(prepared) if p is not None]
    ready = [prepared[i] for i in keep]
    provisional = _provisional(lexical)
    parts: dict[str, list[float]] = {p: [] for p in PARTS}
    for start in range(0, len(ready), chunk):
        group = ready[start : start + chunk]
        found = parts_of(provisional, group)
        for p in group:
            for name, value in found[id(p)].scores().items():
                parts[name].append(value)
    return keep, ready, {k: np.array(v) for k, v in parts.items()}


def load_teasers(data_dir: Path, lexical: dict, limit: int | None = None) -> ViewCheck:
    """``TEASER_ROWS`` Webis teasers, evenly spaced, with their parts: the headline view
    of the combination. The teaser model was fitted on all of them, so the headline
    part's own Spearman here is in-sample; the check compares hype with it, both alike."""
    rows = TEASER_ROWS if limit is None else min(limit, TEASER_ROWS)
    records = list(TEASER_VIEW.records(data_dir, rows))
    keep, _, parts = _parts_of_articles([TEASER_VIEW.article(r) for r in records], lexical)
    truth = np.array([TEASER_VIEW.target(records[i]) for i in keep])
    return ViewCheck("webis_teasers", "headline", parts, truth, "spearman")


def load_sentences(data_dir: Path, lexical: dict, limit: int | None = None) -> ViewCheck:
    """NewsSD-ENG's train and val sentences, each fed as a one-sentence text, with their
    parts: the body view of the combination. The sentence model was fitted on train, so
    (as with the teasers) the body part's figure is in-sample for hype and it alike; the
    test split stays for reporting the sentence model only."""
    from hypescore.article import Article
    from hypescore.training.subjectivity import load_splits

    splits = load_splits(data_dir)
    rows = [
        (text, label)
        for name in ("train", "val")
        for text, label in zip(splits[name].texts, splits[name].y, strict=True)
    ]
    rows = evenly_spaced(rows, limit)
    articles = [Article(text=text, id=f"newssd-{i}") for i, (text, _) in enumerate(rows)]
    keep, _, parts = _parts_of_articles(articles, lexical)
    return ViewCheck("newssd_sentences", "body", parts, np.array([rows[i][1] for i in keep]), "auc")


def view_checks(data_dir: Path, lexical: dict, limit: int | None = None) -> list[ViewCheck]:
    """The combination's checks beside SemEval: Webis teasers and NewsSD sentences."""
    return [load_teasers(data_dir, lexical, limit), load_sentences(data_dir, lexical, limit)]


def _provisional(lexical: dict) -> HypeModel:
    """A model that can score parts (its other numbers are fitted from them)."""
    names = feature_names()
    return HypeModel(
        name="provisional",
        version="",
        feature_names=names,
        impact=ImpactSpec.fit(np.zeros((1, len(names))), names),
        lexical=lexical,
        combination=HypeCombination(),
        verdict_map=VerdictMap(cuts=np.zeros(VERDICTS - 1)),
        reference_parts=dict.fromkeys(PARTS, 0.0),
    )


def out_of_fold_tone(reference: Reference, seed: int = 0) -> tuple[np.ndarray, list]:
    """Tone of each reference article from a tone model that never saw it (5 folds)."""
    from hypescore.model.body_language import hash_bodies
    from hypescore.model.parts import tone_rows
    from hypescore.training import tone

    rows = tone_rows(reference.titles, hash_bodies(reference.bodies, reference.sentences))
    splits = tone.folds(reference.y, seed=seed)
    return tone.out_of_fold(tone.ToneConfig(), [rows], reference.y, None, splits), splits


def fit_model(
    reference: Reference,
    lexical: dict,
    *,
    name: str = DEFAULT_NAME,
    version: str = __version__,
    seed: int = 0,
    training: dict | None = None,
    checks: Sequence[ViewCheck] = (),
) -> tuple[HypeModel, dict[str, Any]]:
    """The v2 model from scored reference articles (and the combination's other labelled
    views, ``view_checks``), and the figures of its fit."""
    from hypescore.training import combination

    names = feature_names()
    impact = ImpactSpec.fit(reference.values, names)
    tone_oof, splits = out_of_fold_tone(reference, seed)
    oof_parts = {**reference.parts, "tone": tone_oof}
    report = combination.nested(oof_parts, reference.y, splits, checks)
    combo = HypeCombination(report.final_weights)
    p = reference.parts
    hype = combo.hype(p["headline"], p["body"], p["filler"], p["tone"])
    columns = [names.index(f) for f in impact.features]
    impact_scores = np.asarray(impact.score(reference.values[:, columns]))
    verdict_map = VerdictMap.fit(substance(hype, impact_scores))
    model = HypeModel(
        name=name,
        version=version,
        feature_names=names,
        impact=impact,
        lexical=lexical,
        combination=combo,
        verdict_map=verdict_map,
        reference_parts={k: round(float(np.median(v)), 6) for k, v in p.items()},
        impact_threshold=round(float(np.quantile(impact_scores, IMPACT_LABEL_QUANTILE)), 6),
        training={
            "seed": seed,
            "reference": {
                "path": ARTICLE_VIEW.path,
                "rows": len(reference.y),
                "dropped": reference.dropped,
                "data_sha256": reference.data_sha256,
            },
            **(training or {}),
        },
    )
    figures = reference_figures(model, reference, oof_parts, report, hype, impact_scores)
    return model, figures


def reference_figures(
    model: HypeModel,
    reference: Reference,
    oof_parts: dict[str, np.ndarray],
    report: Any,
    hype: np.ndarray,
    impact: np.ndarray,
) -> dict[str, Any]:
    """Combination, impact and verdict figures on the reference articles."""
    import dataclasses

    from scipy.stats import spearmanr

    from hypescore.training.tone import binary_metrics

    rated = ~np.isnan(reference.quality)
    rho = spearmanr(impact[rated], reference.quality[rated]).statistic
    verdicts = model.verdict_map.verdicts(substance(hype, impact))
    counts = {str(v): int((verdicts == v).sum()) for v in range(1, VERDICTS + 1)}
    labels = [model.label(h, i) for h, i in zip(hype, impact, strict=True)]
    return {
        "n": len(reference.y),
        "tone_out_of_fold_as_scored": binary_metrics(reference.y, oof_parts["tone"]),
        "combination": dataclasses.asdict(report),
        "impact": {
            "n_rated_publishers": int(rated.sum()),
            "spearman_publisher_quality": round(float(rho), 4),
            "mean_by_class": {
                "hyperpartisan": round(float(impact[reference.y == 1].mean()), 4),
                "not": round(float(impact[reference.y == 0].mean()), 4),
            },
        },
        "verdicts": {
            "counts": counts,
            "distinct": sum(1 for c in counts.values() if c),
            "max_share": round(max(counts.values()) / len(verdicts), 4),
            "cuts": [round(float(c), 4) for c in model.verdict_map.cuts],
        },
        "labels": {name: labels.count(name) for name in sorted(set(labels))},
    }


def lexical_parts(
    data_dir: Path,
    parts_from: str | Path | None,
    parts_figures: str | Path | None,
    limit: int | None,
) -> tuple[dict, dict[str, Any]]:
    """The learned parts and their figures: trained now, or read from a model file
    (figures then from ``parts_figures``, the JSON the parts' training run wrote)."""
    if parts_from is None:
        from hypescore.training.v2_parts import train_parts

        return train_parts(data_dir, limit)
    from hypescore.model.persistence import load_model_parts

    lexical = load_model_parts(parts_from)
    figures: dict[str, Any] = {}
    if parts_figures is not None:
        figures = json.loads(Path(parts_figures).read_text(encoding="utf-8"))
    return lexical, figures


def train(
    data_dir: str | Path | None = None,
    *,
    out: str | Path | None = None,
    name: str = DEFAULT_NAME,
    version: str = __version__,
    seed: int = 0,
    limit: int | None = None,
    parts_from: str | Path | None = None,
    parts_figures: str | Path | None = None,
    card: bool = True,
) -> HypeModel:
    """Train the v2 model from labelled JSONL (default: ``../shared/data``).

    With ``out`` (a directory) writes ``<name>.skops`` and, unless ``card=False``, the
    model card (``<name>.card.json`` and ``.md``). ``limit`` keeps that many rows of
    each file, evenly spaced (quick runs); ``seed`` fixes the folds. ``parts_from``: reuse
    the learned parts of that model file instead of retraining them. Same data and seed
    give a byte-identical model file.

    >>> import hypescore
    >>> model = hypescore.train(limit=300, parts_from="hypescore/models/hypescore-default.skops",
    ...                         out="models/")  # doctest: +SKIP
    >>> hypescore.score("Some text ...", model=model).verdict       # doctest: +SKIP
    """
    from hypescore.training.data import DEFAULT_DATA_DIR

    data = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    lexical, part_figures = lexical_parts(data, parts_from, parts_figures, limit)
    reference = load_reference(data, lexical, limit)
    checks = view_checks(data, lexical, limit)
    training = {"parts": "trained" if parts_from is None else "reused from a model file"}
    model, figures = fit_model(
        reference,
        lexical,
        name=name,
        version=version,
        seed=seed,
        training=training,
        checks=checks,
    )
    figures = {"parts": part_figures, "reference": figures, "limit": limit, "seed": seed}
    model = replace(model, training={**model.training, "figures": _summary(figures)})
    if out is None:
        return model
    from hypescore.model.persistence import load_model, save_model
    from hypescore.training.card import write_card

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.skops"
    save_model(model, path)
    model = load_model(path)
    if card:
        write_card(
            model, figures, out, limit=limit, parts_from=parts_from, parts_figures=parts_figures
        )
    return model


def _summary(figures: dict[str, Any]) -> dict[str, Any]:
    """The acceptance figures kept inside the model file (``hypescore info`` shows them)."""
    ref = figures["reference"]
    return {
        "combined_hype_auc": ref["combination"]["combined_auc"],
        "part_auc": ref["combination"]["part_auc"],
        "impact_spearman_publisher_quality": ref["impact"]["spearman_publisher_quality"],
        "verdict_counts": ref["verdicts"]["counts"],
    }
