"""The trained model: training, safe persistence, scoring, evaluation and the model card.

Importing this package stays light (numpy only): scikit-learn and skops are imported
inside ``train``/``evaluate``, never on the scoring path.
"""

from hypescore.model.evaluation import evaluate
from hypescore.model.hypemodel import HypeModel
from hypescore.model.persistence import ModelLoadError, UntrustedModelError, load_model
from hypescore.model.scoring import score, score_many
from hypescore.model.training import train

__all__ = [
    "HypeModel",
    "ModelLoadError",
    "UntrustedModelError",
    "evaluate",
    "load_model",
    "score",
    "score_many",
    "train",
]
