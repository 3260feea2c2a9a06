"""The runtime model: what scoring needs (the model, its safe persistence, impact).

Importing this package stays light (numpy only): training, evaluation and the model card
live in ``hypescore.training``; scikit-learn and skops are never imported on this path.
"""

from hypescore.model.hypemodel import HypeModel
from hypescore.model.persistence import ModelLoadError, UntrustedModelError, load_model

__all__ = ["HypeModel", "ModelLoadError", "UntrustedModelError", "load_model"]
