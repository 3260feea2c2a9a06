"""HypeFeaturizer: the featurizer as a scikit-learn transformer (text in, numbers out)."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from hypescore.features import feature_names, featurize
from hypescore.records import DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS


class HypeFeaturizer(TransformerMixin, BaseEstimator):
    """Turn texts (or Articles, or records with a ``text`` field) into hypescore features.

    Stateless: ``fit`` only checks its input, so the transformer can sit first in a
    Pipeline. ``on_error="raise"`` stops at the first bad record with its position and
    message; ``"nan"`` keeps going and leaves a row of NaN.
    """

    def __init__(
        self,
        *,
        n_jobs: int | None = 1,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        max_chars: int = DEFAULT_MAX_CHARS,
        on_error: str = "raise",
    ) -> None:
        self.n_jobs = n_jobs
        self.chunk_size = chunk_size
        self.max_chars = max_chars
        self.on_error = on_error

    def fit(self, X: Any, y: Any = None) -> HypeFeaturizer:
        if self.on_error not in ("raise", "nan"):
            raise ValueError(f"on_error must be 'raise' or 'nan', got {self.on_error!r}")
        self.n_features_out_ = len(feature_names())
        return self

    def transform(self, X: Any) -> np.ndarray:
        matrix = featurize(
            _records(X), n_jobs=self.n_jobs, chunk_size=self.chunk_size, max_chars=self.max_chars
        )
        if self.on_error == "raise":
            for row, error in enumerate(matrix.errors):
                if error is not None:
                    raise ValueError(f"record {row}: {error}")
        return matrix.values

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray(feature_names(), dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags


def _records(X: Any) -> list[Any]:
    """Rows of a list, array, Series or a DataFrame with a ``text`` column."""
    if hasattr(X, "to_dict") and hasattr(X, "columns"):
        return X.to_dict(orient="records")
    if isinstance(X, str):
        raise ValueError("expected a sequence of texts, got a single string")
    return list(np.asarray(X, dtype=object).ravel()) if isinstance(X, np.ndarray) else list(X)
