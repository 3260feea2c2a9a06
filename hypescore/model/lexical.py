"""Lexical linear models: hashed word / character n-grams (+ dense hand features) -> logit.

A fitted model is plain data: the parameters of each ``HashingVectorizer`` block (they
fully define the hashed feature space, nothing is learned there), the non-zero weights of
each block as sorted ``int32`` indices and ``float64`` values, and optional dense hand
features with their standardisation. So it round-trips through the safe model file
(``to_payload`` / ``from_payload``) without pickle or scikit-learn objects, and scoring
imports no scikit-learn at all (``hypescore.model._hashing`` hashes exactly as
``HashingVectorizer`` does).

``decision(texts, dense)`` is exactly the logit a scikit-learn ``LogisticRegression``
gives on ``hstack([block.transform(texts) for block], z(dense))`` with the same weights
(``z`` = clip((dense - mean) / scale, +-clip)); ``proba`` is its sigmoid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from hypescore.model import _hashing
from hypescore.model._rows import row_sums
from hypescore.model.wordpiece import PieceTable, compiled_pieces

FORMAT = "hypescore-lexical"
FORMAT_VERSION = 1
# Vectorizer parameters a block may set; anything else in a file is refused.
VECTORIZER_KEYS = (
    "analyzer",
    "ngram_range",
    "n_features",
    "lowercase",
    "alternate_sign",
    "norm",
    "binary",
    "token_pattern",
)
ANALYZERS = ("word", "char", "char_wb")
NORMS = ("l1", "l2", None)
MAX_FEATURES = 1 << 24
TOKEN_PATTERN = r"(?u)\b\w+\b"  # keeps one-letter words ("I", "a"): they carry tone


class LexicalModelError(ValueError):
    """A lexical model payload that cannot be used; the message says why."""


@dataclass(frozen=True)
class HashedBlock:
    """One hashed n-gram block and its learned weights (non-zero ones only)."""

    analyzer: str = "word"
    ngram_range: tuple[int, int] = (1, 2)
    n_features: int = 1 << 18
    lowercase: bool = True
    alternate_sign: bool = False
    norm: str | None = "l2"
    binary: bool = False
    token_pattern: str = TOKEN_PATTERN
    indices: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    values: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))

    def __post_init__(self) -> None:
        _check_block(self)

    def params(self) -> dict[str, Any]:
        """The vectorizer parameters, JSON-ready."""
        return {
            "analyzer": self.analyzer,
            "ngram_range": [int(self.ngram_range[0]), int(self.ngram_range[1])],
            "n_features": int(self.n_features),
            "lowercase": bool(self.lowercase),
            "alternate_sign": bool(self.alternate_sign),
            "norm": self.norm,
            "binary": bool(self.binary),
            "token_pattern": self.token_pattern,
        }

    def transform(self, texts: Sequence[str]) -> Any:
        """Hashed sparse rows (CSR), equal to ``HashingVectorizer(**params).transform``
        (``hypescore.model._hashing``: no scikit-learn import at run time)."""
        params = self.params()
        params["ngram_range"] = tuple(params["ngram_range"])
        return _hashing.transform(list(texts), **params)

    def scores(self, rows: Any) -> np.ndarray:
        """Dot products of hashed rows with the weights, one per row: each stored column
        is looked up in the sorted indices, or, for a batch with many columns stored, in
        a table of the weights over the whole hashed space (same weights either way); by
        the compiled twin when it runs (``_pieces.weighted_sums``: a table kept zeroed
        between calls, no search and no table allocated per call)."""
        rows = rows.tocsr()
        n_rows = rows.shape[0]
        if not len(self.indices) or not rows.nnz:
            return np.zeros(n_rows)
        compiled = compiled_pieces()
        if (
            compiled is not None
            and self.n_features <= compiled.MAX_TABLE_FEATURES
            and _hashing.plain_csr(rows)
        ):
            return compiled.weighted_sums(
                rows.indptr,
                rows.indices,
                rows.data,
                np.ascontiguousarray(self.indices, dtype=np.int32),
                np.ascontiguousarray(self.values, dtype=np.float64),
                self.n_features,
            )
        if rows.nnz * 8 > self.n_features:  # many rows: one table over the space beats a search
            table = np.zeros(self.n_features)
            table[self.indices] = self.values
            weights = table[rows.indices]
        else:
            positions = np.searchsorted(self.indices, rows.indices)
            positions[positions == len(self.indices)] = 0
            found = self.indices[positions] == rows.indices
            weights = np.where(found, self.values[positions], 0.0)
        row_of = np.repeat(np.arange(n_rows), np.diff(rows.indptr))
        return np.bincount(row_of, weights=rows.data * weights, minlength=n_rows)


def _check_block(block: HashedBlock) -> None:
    if block.analyzer not in ANALYZERS:
        raise LexicalModelError(f"unknown analyzer {block.analyzer!r}")
    if block.norm not in NORMS:
        raise LexicalModelError(f"unknown norm {block.norm!r}")
    low, high = block.ngram_range
    if not (1 <= low <= high <= 8):
        raise LexicalModelError(f"ngram_range {block.ngram_range!r} outside 1..8")
    if not (1 <= block.n_features <= MAX_FEATURES):
        raise LexicalModelError(f"n_features {block.n_features} outside 1..{MAX_FEATURES}")
    indices, values = block.indices, block.values
    if indices.ndim != 1 or values.ndim != 1 or len(indices) != len(values):
        raise LexicalModelError("weight indices and values must be 1-D and of equal length")
    if len(indices) and (
        indices[0] < 0 or indices[-1] >= block.n_features or np.any(np.diff(indices) <= 0)
    ):
        raise LexicalModelError("weight indices must be strictly increasing within n_features")
    if not np.all(np.isfinite(values)):
        raise LexicalModelError("weight values must be finite")


@dataclass(frozen=True)
class DenseFeatures:
    """Hand features beside the n-grams: standardised, clipped, weighted."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    clip: float = 3.0
    squash: str = "none"  # "arcsinh": squash heavy-tailed rates first, as HypeModel views do

    def __post_init__(self) -> None:
        n = len(self.names)
        for name in ("mean", "scale", "coef"):
            if np.shape(getattr(self, name)) != (n,):
                raise LexicalModelError(f"dense {name} must hold one value per feature ({n})")
        if self.squash not in ("none", "arcsinh"):
            raise LexicalModelError(f"unknown squash {self.squash!r}")
        if np.any(np.asarray(self.scale) <= 0):
            raise LexicalModelError("dense scales must be positive")

    def z(self, values: np.ndarray) -> np.ndarray:
        values = np.asarray(values, dtype=np.float64)
        if self.squash == "arcsinh":
            values = np.arcsinh(values)
        return np.clip((values - self.mean) / self.scale, -self.clip, self.clip)

    def terms(self, values: np.ndarray) -> np.ndarray:
        """Per-feature logit terms ``coef * z``."""
        return self.coef * self.z(np.atleast_2d(values))


@dataclass(frozen=True)
class HashedLinearModel:
    """A linear classifier over hashed n-gram blocks and optional dense features."""

    name: str
    blocks: tuple[HashedBlock, ...]
    intercept: float
    dense: DenseFeatures | None = None
    threshold: float = 0.5
    info: dict = field(default_factory=dict)
    pieces: PieceTable | None = None  # a wordpiece table's mean, one more linear term

    def decision(self, texts: Sequence[str], dense: np.ndarray | None = None) -> np.ndarray:
        """Logits, one per text; ``dense`` rows (one per text) when the model has them."""
        texts = list(texts)
        if not texts:
            return np.zeros(0)
        matrices = [b.transform(texts) for b in self.blocks]
        return self.decision_from_matrices(matrices, dense, texts)

    def decision_from_matrices(
        self,
        matrices: Sequence[Any],
        dense: np.ndarray | None = None,
        texts: Sequence[str] | None = None,
    ) -> np.ndarray:
        """Logits from already hashed rows, one matrix per block (hash once, score many);
        ``texts``, the rows' texts, when the model has a wordpiece table."""
        n_rows = matrices[0].shape[0] if matrices else len(np.atleast_2d(dense))
        logits = np.full(n_rows, float(self.intercept))
        for block, matrix in zip(self.blocks, matrices, strict=True):
            logits += block.scores(matrix)
        if self.pieces is not None:
            if texts is None or len(texts) != n_rows:
                raise LexicalModelError(f"model {self.name!r} reads the rows' texts")
            logits += self.pieces.means(texts)
        if self.dense is not None:
            if dense is None:
                raise LexicalModelError(f"model {self.name!r} needs dense features")
            dense = np.atleast_2d(np.asarray(dense, dtype=np.float64))
            if dense.shape != (n_rows, len(self.dense.names)):
                raise LexicalModelError(
                    f"dense features of shape {dense.shape}, expected "
                    f"({n_rows}, {len(self.dense.names)})"
                )
            logits += row_sums(self.dense.terms(dense))
        return logits

    def proba(self, texts: Sequence[str], dense: np.ndarray | None = None) -> np.ndarray:
        return sigmoid(self.decision(texts, dense))

    @property
    def n_weights(self) -> int:
        """Stored non-zero n-gram weights (the model's size, besides dense features)."""
        return sum(len(block.indices) for block in self.blocks)


def sigmoid(logits: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(logits, -500, 500)))


# ---------------------------------------------------------------- from scikit-learn


def prune(
    weights: np.ndarray, tolerance: float = 0.0, max_weights: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted ``int32`` indices and ``float64`` values of the weights above ``tolerance``,
    at most ``max_weights`` of them (the largest in magnitude)."""
    weights = np.asarray(weights, dtype=np.float64).ravel()
    keep = np.flatnonzero(np.abs(weights) > tolerance)
    if max_weights is not None and len(keep) > max_weights:
        order = np.argsort(-np.abs(weights[keep]), kind="stable")[:max_weights]
        keep = np.sort(keep[order])
    keep = keep.astype(np.int32)
    return keep, weights[keep]


def from_coefficients(
    name: str,
    blocks: Sequence[HashedBlock],
    coef: np.ndarray,
    intercept: float,
    dense: DenseFeatures | None = None,
    *,
    tolerance: float = 0.0,
    max_weights: int | None = None,
    threshold: float = 0.5,
    info: dict | None = None,
) -> HashedLinearModel:
    """Split one coefficient vector over ``hstack(blocks..., dense)`` into a model.

    ``blocks`` carry their vectorizer parameters (their weights are replaced); dense
    coefficients are the tail of ``coef``, applied to ``dense.z``. ``max_weights`` keeps
    the largest weights of each block (an L2 fit leaves every seen n-gram non-zero).
    """
    coef = np.asarray(coef, dtype=np.float64).ravel()
    built, offset = [], 0
    for block in blocks:
        indices, values = prune(coef[offset : offset + block.n_features], tolerance, max_weights)
        built.append(_with_weights(block, indices, values))
        offset += block.n_features
    if dense is not None:
        tail = coef[offset:]
        if len(tail) != len(dense.names):
            raise LexicalModelError(f"{len(tail)} dense coefficients for {len(dense.names)} names")
        dense = DenseFeatures(dense.names, dense.mean, dense.scale, tail, dense.clip, dense.squash)
    elif offset != len(coef):
        raise LexicalModelError(f"{len(coef)} coefficients for {offset} hashed features")
    return HashedLinearModel(name, tuple(built), float(intercept), dense, threshold, info or {})


def _with_weights(block: HashedBlock, indices: np.ndarray, values: np.ndarray) -> HashedBlock:
    params = block.params()
    params["ngram_range"] = tuple(params["ngram_range"])
    return HashedBlock(**params, indices=indices, values=values)


# ---------------------------------------------------------------- payload (safe file)


def to_payload(model: HashedLinearModel) -> dict[str, Any]:
    """Plain data for the safe model file: JSON scalars, lists and numeric arrays only."""
    payload: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": model.name,
        "intercept": float(model.intercept),
        "threshold": float(model.threshold),
        "blocks": [
            {
                **block.params(),
                "indices": np.asarray(block.indices, dtype=np.int32),
                "values": np.asarray(block.values, dtype=np.float64),
            }
            for block in model.blocks
        ],
        "info": dict(model.info),
    }
    if model.dense is not None:
        payload["dense"] = {
            "names": list(model.dense.names),
            "mean": np.asarray(model.dense.mean, dtype=np.float64),
            "scale": np.asarray(model.dense.scale, dtype=np.float64),
            "coef": np.asarray(model.dense.coef, dtype=np.float64),
            "clip": float(model.dense.clip),
            "squash": model.dense.squash,
        }
    if model.pieces is not None:
        payload["pieces"] = {
            "vocab_utf8": model.pieces.vocab_bytes(),
            "values": np.asarray(model.pieces.values, dtype=np.float32),
        }
    return payload


def from_payload(payload: Any, source: str = "<payload>") -> HashedLinearModel:
    """Rebuild a model from ``to_payload``'s data, refusing anything malformed."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise LexicalModelError(f"{source}: not a lexical model (no {FORMAT!r} format tag)")
    if payload.get("format_version") != FORMAT_VERSION:
        raise LexicalModelError(
            f"{source}: lexical model version {payload.get('format_version')!r}, "
            f"this hypescore reads {FORMAT_VERSION}"
        )
    try:
        blocks = tuple(_block(raw) for raw in payload["blocks"])
        dense = None
        if payload.get("dense") is not None:
            raw = payload["dense"]
            dense = DenseFeatures(
                names=tuple(str(n) for n in raw["names"]),
                mean=np.asarray(raw["mean"], dtype=np.float64),
                scale=np.asarray(raw["scale"], dtype=np.float64),
                coef=np.asarray(raw["coef"], dtype=np.float64),
                clip=float(raw["clip"]),
                squash=str(raw["squash"]),
            )
        return HashedLinearModel(
            name=str(payload["name"]),
            blocks=blocks,
            intercept=float(payload["intercept"]),
            dense=dense,
            threshold=float(payload["threshold"]),
            info=dict(payload.get("info") or {}),
            pieces=_pieces(payload.get("pieces")),
        )
    except LexicalModelError as exc:
        raise LexicalModelError(f"{source}: {exc}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise LexicalModelError(f"{source}: malformed lexical model ({exc!r})") from exc


def _pieces(raw: Any) -> PieceTable | None:
    """The wordpiece table, if the model has one (checked by ``PieceTable.from_arrays``)."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"vocab_utf8", "values"}:
        raise LexicalModelError("pieces must hold exactly vocab_utf8 and values")
    try:
        return PieceTable.from_arrays(raw["vocab_utf8"], raw["values"])
    except (UnicodeDecodeError, ValueError) as exc:
        raise LexicalModelError(f"pieces: {exc}") from exc


def _block(raw: dict[str, Any]) -> HashedBlock:
    unknown = set(raw) - set(VECTORIZER_KEYS) - {"indices", "values"}
    if unknown:
        raise LexicalModelError(f"unknown vectorizer parameters {sorted(unknown)}")
    indices = np.asarray(raw["indices"])
    if indices.dtype.kind not in "iu":
        raise LexicalModelError("weight indices must be integers")
    norm = raw["norm"]
    return HashedBlock(
        analyzer=str(raw["analyzer"]),
        ngram_range=(int(raw["ngram_range"][0]), int(raw["ngram_range"][1])),
        n_features=int(raw["n_features"]),
        lowercase=bool(raw["lowercase"]),
        alternate_sign=bool(raw["alternate_sign"]),
        norm=None if norm is None else str(norm),
        binary=bool(raw["binary"]),
        token_pattern=str(raw["token_pattern"]),
        indices=indices.astype(np.int64).astype(np.int32),
        values=np.asarray(raw["values"], dtype=np.float64),
    )
