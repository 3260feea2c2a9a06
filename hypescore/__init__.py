"""hypescore: score news articles for media hype versus real impact."""

from hypescore.article import Article
from hypescore.features import FeatureMatrix, feature_names, featurize, iter_featurize
from hypescore.transformer import HypeFeaturizer

__version__ = "0.1.0"

__all__ = [
    "Article",
    "FeatureMatrix",
    "HypeFeaturizer",
    "__version__",
    "feature_names",
    "featurize",
    "iter_featurize",
]
