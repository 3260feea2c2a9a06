"""hypescore: score news articles for media hype versus real impact.

A verdict from 1 (hype) to 10 (substance), ``hype`` and ``impact`` in 0..1, a label,
the reasons with the text behind them, and warnings when the input is too thin to judge.

    >>> import hypescore
    >>> result = hypescore.score({"title": "Grid link approved", "text": "The regulator said ..."})
    >>> result.verdict, result.label, result.warnings          # doctest: +SKIP
    (7, 'substantive', ())
    >>> results = list(hypescore.score_many(["text one", "text two"], n_jobs=2))
    >>> scored = hypescore.score_frame(df, text_col="body")    # a pandas DataFrame, same index

Accepted inputs: ``str`` (the article text), ``hypescore.Article``, a mapping with
``text`` and optional ``title``, ``url``, ``id``, or a pandas row; for HTML pages,
``hypescore.read_html(html, url=None)`` gives the Article. Main functions: ``score``,
``score_many``, ``score_frame``, ``read_html``, ``featurize``, ``load_model``,
``train``, ``evaluate``. Command line: ``hypescore --help``.

Names are imported on first use (PEP 562), so ``import hypescore`` stays cheap for a
one-article command line run and for worker processes.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from hypescore._version import __version__

_EXPORTS = {
    "Article": "hypescore.article",
    "FeatureMatrix": "hypescore.features",
    "feature_names": "hypescore.features",
    "featurize": "hypescore.features",
    "iter_featurize": "hypescore.features",
    "HypeFeaturizer": "hypescore.featurizer",
    "HypeModel": "hypescore.model",
    "ModelLoadError": "hypescore.model",
    "UntrustedModelError": "hypescore.model",
    "evaluate": "hypescore.training",
    "load_model": "hypescore.model",
    "ScoreOptions": "hypescore.scoring",
    "score": "hypescore.scoring",
    "score_many": "hypescore.scoring",
    "score_frame": "hypescore.frame",
    "train": "hypescore.training",
    "read_html": "hypescore.io.html",
    "ModelInfo": "hypescore.result",
    "Reason": "hypescore.result",
    "Result": "hypescore.result",
    "RecordError": "hypescore.records",
    "Span": "hypescore.evidence",
}

# The same names as ``_EXPORTS`` plus ``__version__``; tests/test_public_api.py checks
# that this list, the lazy map and the TYPE_CHECKING imports below never drift apart.
__all__ = [
    "Article",
    "FeatureMatrix",
    "HypeFeaturizer",
    "HypeModel",
    "ModelInfo",
    "ModelLoadError",
    "Reason",
    "RecordError",
    "Result",
    "ScoreOptions",
    "Span",
    "UntrustedModelError",
    "__version__",
    "evaluate",
    "feature_names",
    "featurize",
    "iter_featurize",
    "load_model",
    "read_html",
    "score",
    "score_frame",
    "score_many",
    "train",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'hypescore' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from hypescore.article import Article
    from hypescore.evidence import Span
    from hypescore.features import FeatureMatrix, feature_names, featurize, iter_featurize
    from hypescore.featurizer import HypeFeaturizer
    from hypescore.frame import score_frame
    from hypescore.io.html import read_html
    from hypescore.model import HypeModel, ModelLoadError, UntrustedModelError, load_model
    from hypescore.records import RecordError
    from hypescore.result import ModelInfo, Reason, Result
    from hypescore.scoring import ScoreOptions, score, score_many
    from hypescore.training import evaluate, train
