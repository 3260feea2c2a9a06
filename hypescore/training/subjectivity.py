"""Train the sentence-level subjectivity model (body language) on NewsSD-ENG.

Protocol: fit on the published ``train`` split, choose the decision threshold on ``val``
(macro-F1), report macro-F1 on ``test`` only (Antici et al., LREC-COLING 2024; CC BY 4.0).

Features (see ``hypescore.model.body_language``): hashed word 1-2-grams; word-list
shares (first/second-person pronouns, modals, intensifiers, attribution verbs, negation,
contrast, hype words, VADER lexicon hits / valences), fitted as standardised dense columns
and folded exactly into the l1 unigram block; four dense sentence features; and, when
``distant=True``, the logit of a word-n-gram model of "this sentence comes from a
hyperpartisan article" fitted on SemEval-2019 sentences (distant supervision: a loaded
sentence is likelier in a one-sided article), folded into the word block likewise.
Folding is exact because those columns are linear in their block and not clipped.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from hypescore.lexicons import load_lexicon
from hypescore.model.body_language import (
    SENTENCE_FEATURES,
    SHARE_BLOCK,
    WORD_BLOCK,
    sentence_features,
)
from hypescore.model.lexical import HashedLinearModel, from_coefficients
from hypescore.model.wordpiece import PieceTable
from hypescore.training import lexical_fit
from hypescore.training.lexical_fit import LexicalSpec

DATA_PATH = "newssd-eng-subjectivity/sentences.jsonl"
# The wordpiece table stacked on the lexical model (derived weights: all-MiniLM-L6-v2,
# Apache-2.0; written by ``tools/subjectivity_encoder_cv.py --fold``, no torch needed here).
PIECES_PATH = Path(__file__).resolve().parents[1] / "data" / "minilm_subjectivity_pieces.npz"
# The sentence model is a class-balanced logistic regression: p = 0.5 is its prior-neutral
# decision point, so no threshold is selected on any split (fourth round, docs/v2-models.md).
PRIOR_NEUTRAL_THRESHOLD = 0.5
SEMEVAL_PATH = "semeval19-hyperpartisan/articles-train.jsonl"
CITATION = (
    'Antici et al., "A Corpus for Sentence-Level Subjectivity Detection on English News '
    'Articles", LREC-COLING 2024 (NewsSD-ENG)'
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Word lists written for hypescore (MIT); unigrams as the hashing tokenizer sees them.
WORD_LISTS: dict[str, tuple[str, ...]] = {
    "first_person": _words("i we me us our my ours myself ourselves"),
    "second_person": _words("you your yours yourself yourselves"),
    "modal": _words("should must ought need needs cannot would could might may"),
    "intensifier": _words(
        "very really so too extremely truly absolutely totally utterly simply just even "
        "only clearly obviously indeed surely quite rather pretty entirely completely"
    ),
    "attribution": _words(
        "said says told according reported announced stated added noted explained"
    ),
    "negation": _words("not no never nothing nobody none neither nor"),
    "contrast": _words("but however yet although though while whereas instead"),
}
SHARE_NAMES = (
    *WORD_LISTS,
    "hype_word",
    "vader_hit",
    "vader_abs_valence",
    "vader_negative",
    "vader_positive",
)
_WORD_RE = re.compile(r"^\w+$")


@dataclass(frozen=True)
class Split:
    texts: list[str]
    y: np.ndarray


def load_splits(data_dir: str | Path) -> dict[str, Split]:
    """The published ``train``/``val``/``test`` splits (texts stay in memory only)."""
    groups: dict[str, tuple[list[str], list[int]]] = {}
    with (Path(data_dir) / DATA_PATH).open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts, labels = groups.setdefault(record["split"], ([], []))
            texts.append(record["text"])
            labels.append(int(bool(record["subjective"])))
    return {name: Split(texts, np.array(labels)) for name, (texts, labels) in groups.items()}


@cache
def share_matrix() -> sparse.csr_matrix:
    """``n_features x len(SHARE_NAMES)``: the weight of each hashed unigram in each share."""
    from hypescore._engine.vader import read_lexicon

    columns: list[dict[str, float]] = [dict.fromkeys(words, 1.0) for words in WORD_LISTS.values()]
    hype = [w.lower() for w in (*load_lexicon("hype_words"), *load_lexicon("superlatives"))]
    columns.append(dict.fromkeys((w for w in hype if _WORD_RE.match(w)), 1.0))
    vader = {w.lower(): v for w, v in read_lexicon().items() if _WORD_RE.match(w)}
    columns.append(dict.fromkeys(vader, 1.0))
    columns.append({w: abs(v) for w, v in vader.items()})
    columns.append({w: 1.0 for w, v in vader.items() if v < 0})
    columns.append({w: 1.0 for w, v in vader.items() if v > 0})
    vocabulary = sorted({w for column in columns for w in column})
    hashed = SHARE_BLOCK.transform(vocabulary)  # one column per word, l1 = 1
    word_column = dict(zip(vocabulary, hashed.indices[hashed.indptr[:-1]], strict=True))
    rows, cols, vals = [], [], []
    for j, column in enumerate(columns):
        for word, value in column.items():
            rows.append(word_column[word])
            cols.append(j)
            vals.append(value)
    return sparse.csr_matrix(
        (vals, (rows, cols)), shape=(SHARE_BLOCK.n_features, len(columns))
    )  # duplicates (hash collisions) add up, as they would in the block


@dataclass(frozen=True)
class Linear:
    """Standardised columns linear in one block: ``z = (X @ W + b - mean) / scale``."""

    weights: Any  # n_features x k (sparse or dense)
    offset: np.ndarray
    mean: np.ndarray
    scale: np.ndarray

    def z(self, X: Any) -> np.ndarray:
        raw = _dense(X @ self.weights).reshape(X.shape[0], -1) + self.offset
        return (raw - self.mean) / self.scale

    def fold(self, coef: np.ndarray) -> tuple[np.ndarray, float]:
        """Block weights and intercept change equal to ``coef @ z``."""
        per_column = coef / self.scale
        weights = _dense(self.weights @ per_column).ravel()
        return weights, float(per_column @ (self.offset - self.mean))


def _dense(value: Any) -> np.ndarray:
    return value.toarray() if sparse.issparse(value) else np.asarray(value)


def linear(weights: Any, offset: np.ndarray, X: Any) -> Linear:
    raw = _dense(X @ weights).reshape(X.shape[0], -1) + offset
    scale = raw.std(axis=0)
    scale[scale == 0] = 1.0
    return Linear(weights, offset, raw.mean(axis=0), scale)


def semeval_sentences(
    data_dir: str | Path, limit: int | None = None
) -> tuple[list[str], np.ndarray]:
    """Body sentences (>= 6 words) of SemEval articles, labelled by their article."""
    from hypescore.model.body_language import body_sentences

    texts, labels = [], []
    with (Path(data_dir) / SEMEVAL_PATH).open(encoding="utf-8") as handle:
        lines = handle.readlines()
    for line in lines[:limit]:
        record = json.loads(line)
        text = record["text"]
        for start, end in body_sentences(text):
            texts.append(text[start:end])
            labels.append(int(bool(record["hyperpartisan"])))
    return texts, np.array(labels)


def distant_weights(data_dir: str | Path, C: float = 0.3) -> tuple[np.ndarray, float]:
    """Word-block weights and intercept of the hyperpartisan-sentence model."""
    from sklearn.linear_model import LogisticRegression

    texts, labels = semeval_sentences(data_dir)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    model.fit(WORD_BLOCK.transform(texts), labels)
    return model.coef_[0], float(model.intercept_[0])


@dataclass(frozen=True)
class SubjectivityConfig:
    C: float = 0.3
    dense_weight: float = 1.0
    distant: bool = False
    distant_C: float = 0.3
    words: bool = True  # learn free word n-gram weights too (else only folded columns)
    refit_on_val: bool = False  # after choosing the threshold on val, refit on train + val


def macro_f1(y: np.ndarray, p: np.ndarray, threshold: float) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, p >= threshold, average="macro"))


def best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The macro-F1-best threshold on a grid of 0.15..0.85 (ties: the one nearest 0.5)."""
    grid = np.round(np.linspace(0.15, 0.85, 71), 2)
    scores = np.array([macro_f1(y, p, t) for t in grid])
    best = np.flatnonzero(scores == scores.max())
    return float(grid[best[np.argmin(np.abs(grid[best] - 0.5))]])


def train_model(
    train: Split,
    config: SubjectivityConfig,
    distant: tuple[np.ndarray, float] | None = None,
) -> HashedLinearModel:
    """Fit on ``train``; the model's threshold is 0.5 until ``with_threshold``."""
    from sklearn.linear_model import LogisticRegression

    Xw = WORD_BLOCK.transform(train.texts)
    Xs = SHARE_BLOCK.transform(train.texts)
    shares = linear(share_matrix(), np.zeros(len(SHARE_NAMES)), Xs)
    columns = [shares.z(Xs)]
    if config.distant:
        if distant is None:
            raise ValueError("distant=True needs the distant weights")
        distant_col = linear(distant[0][:, None], np.array([distant[1]]), Xw)
        columns.append(distant_col.z(Xw))
    spec = LexicalSpec("sentence_subjectivity", (WORD_BLOCK, SHARE_BLOCK), SENTENCE_FEATURES)
    stats = lexical_fit.dense_stats(spec, sentence_features(train.texts))
    dense_z = stats.z(sentence_features(train.texts))
    word_part = Xw if config.words else sparse.csr_matrix(Xw.shape)
    X = sparse.hstack(
        [word_part, sparse.csr_matrix(np.hstack(columns + [dense_z]) * config.dense_weight)],
        format="csr",
    )
    estimator = LogisticRegression(C=config.C, class_weight="balanced", max_iter=5000)
    estimator.fit(X, train.y)
    coef = estimator.coef_[0]
    n_words = WORD_BLOCK.n_features
    tail = coef[n_words:] * config.dense_weight
    word_weights = coef[:n_words].copy()
    share_weights, intercept = shares.fold(tail[: len(SHARE_NAMES)])
    intercept += float(estimator.intercept_[0])
    offset = len(SHARE_NAMES)
    if config.distant:
        extra, shift = distant_col.fold(tail[offset : offset + 1])
        word_weights += extra
        intercept += shift
        offset += 1
    stats = type(stats)(
        stats.names, stats.mean, stats.scale, tail[offset:], stats.clip, stats.squash
    )
    return from_coefficients(
        spec.name,
        (WORD_BLOCK, SHARE_BLOCK),
        np.r_[word_weights, share_weights, stats.coef],
        intercept,
        stats,
        tolerance=1e-6,
        info={"trained_on": DATA_PATH, "config": config.__dict__, "citation": CITATION},
    )


def with_threshold(model: HashedLinearModel, threshold: float) -> HashedLinearModel:
    return dataclasses.replace(model, threshold=threshold)


def with_pieces(model: HashedLinearModel, path: Path = PIECES_PATH) -> HashedLinearModel:
    """``model`` stacked with the wordpiece table: logit = ``lexical_weight`` x the lexical
    logit + the sentence's mean piece value + ``intercept``, all folded into one model."""
    with np.load(path, allow_pickle=False) as stored:
        fitted_on = json.loads(str(stored["lexical_config"]))
        if fitted_on != {k: model.info["config"][k] for k in fitted_on}:
            raise ValueError(f"{path} was stacked on lexical config {fitted_on}; refold it")
        pieces = PieceTable.from_arrays(stored["vocab_utf8"], stored["values"])
        weight, shift = float(stored["lexical_weight"]), float(stored["intercept"])
        source = str(stored["source"])
    blocks = tuple(dataclasses.replace(b, values=b.values * weight) for b in model.blocks)
    dense = model.dense and dataclasses.replace(model.dense, coef=model.dense.coef * weight)
    info = {**model.info, "pieces": {"source": source, "lexical_weight": weight}}
    return dataclasses.replace(
        model, blocks=blocks, dense=dense, intercept=model.intercept * weight + shift,
        info=info, pieces=pieces,
    )  # fmt: skip


def evaluate(
    data_dir: str | Path,
    config: SubjectivityConfig | None = None,
    pieces: Path | None = PIECES_PATH,
) -> tuple[HashedLinearModel, dict[str, Any]]:
    """Fit on train (stacked with the ``pieces`` table unless None), threshold 0.5,
    macro-F1 on test; the model and its figures."""
    from hypescore.model.body_language import sentence_proba

    config = config or SubjectivityConfig()
    splits = load_splits(data_dir)
    distant = distant_weights(data_dir, config.distant_C) if config.distant else None
    threshold = PRIOR_NEUTRAL_THRESHOLD

    def fit(split: Split) -> HashedLinearModel:
        model = train_model(split, config, distant)
        return with_threshold(model if pieces is None else with_pieces(model, pieces), threshold)

    model = fit(splits["train"])
    if config.refit_on_val:  # more data: val (55% subjective) is nearer test's prior
        model = fit(
            Split(
                splits["train"].texts + splits["val"].texts,
                np.r_[splits["train"].y, splits["val"].y],
            )
        )
    from sklearn.metrics import roc_auc_score

    p_val = sentence_proba(model, splits["val"].texts)
    p_test = sentence_proba(model, splits["test"].texts)
    figures = {
        "threshold": threshold,
        "pieces": None if pieces is None else pieces.name,
        "val_macro_f1": round(macro_f1(splits["val"].y, p_val, threshold), 4),
        "test_macro_f1": round(macro_f1(splits["test"].y, p_test, threshold), 4),
        "test_auc": round(float(roc_auc_score(splits["test"].y, p_test)), 4),
        "n_weights": model.n_weights,
        "config": config.__dict__,
    }
    return model, figures
