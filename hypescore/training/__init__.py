"""Training lifecycle: fitting, cross-validated evaluation, the model card and the data
catalogue (the labelled "views" and their readers). Never imported when scoring.
"""

from hypescore.training.evaluation import evaluate
from hypescore.training.fit import train

__all__ = ["evaluate", "train"]
