"""hypescore: score news articles for media hype versus real impact."""

__version__ = "0.1.0"

from hypescore.article import Article
from hypescore.features import FeatureMatrix, feature_names, featurize, iter_featurize
from hypescore.model import (
    HypeModel,
    ModelLoadError,
    UntrustedModelError,
    evaluate,
    load_model,
    score,
    score_many,
    train,
)
from hypescore.result import ModelInfo, Reason, Result
from hypescore.transformer import HypeFeaturizer

__all__ = [
    "Article",
    "FeatureMatrix",
    "HypeFeaturizer",
    "HypeModel",
    "ModelInfo",
    "ModelLoadError",
    "Reason",
    "Result",
    "UntrustedModelError",
    "__version__",
    "evaluate",
    "feature_names",
    "featurize",
    "iter_featurize",
    "load_model",
    "score",
    "score_many",
    "train",
]
