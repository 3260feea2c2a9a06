"""The learned parts of v2 hype, read from ``HypeModel.lexical``: one function each.

- ``headline_clickbait``: 0.6 x teaser model (Webis, soft) + 0.4 x Stop Clickbait model,
  the v1 view weights 0.3 / 0.2 renormalised; each reads the headline's hashed word and
  character n-grams and the headline's hand features (``HypeModel`` computes those anyway);
- ``body_language``: ``hypescore.model.body_language`` on the body (filler cut out first);
- ``one_sided_tone``: hyperpartisan probability from title and body text alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import numpy as np

from hypescore.features import feature_names
from hypescore.model.lexical import HashedLinearModel, sigmoid

HEADLINE_MODELS = (("teaser_clickbait", 0.6), ("headline_clickbait", 0.4))
SUBJECTIVITY = "sentence_subjectivity"
TONE = "one_sided_tone"


def headline_clickbait(
    models: Mapping[str, HashedLinearModel], headlines: list[str], headline_values: np.ndarray
) -> np.ndarray:
    """Clickbait of each headline; ``headline_values``: featurizer rows of the headlines as
    ``headline_article`` feeds them (every feature, featurizer order)."""
    values = np.nan_to_num(np.atleast_2d(headline_values))
    out = np.zeros(len(headlines))
    hashed: dict[str, Any] = {}  # both models read the same blocks: hash each once
    for name, weight in HEADLINE_MODELS:
        model = models[name]
        matrices = []
        for block in model.blocks:
            key = repr(block.params())
            if key not in hashed:
                hashed[key] = block.transform(headlines)
            matrices.append(hashed[key])
        dense = values[:, _columns(model.dense.names)]
        out += weight * sigmoid(model.decision_from_matrices(matrices, dense))
    return out


@cache
def _columns(names: tuple[str, ...]) -> list[int]:
    every = feature_names()
    return [every.index(n) for n in names]


def tone_text(title: str | None, body: str) -> str:
    """The text the tone model reads: title and body, nothing about where it came from."""
    return f"{title}\n\n{body}" if title else body


def one_sided_tone(model: HashedLinearModel, title: str | None, body: str) -> float:
    return float(one_sided_tone_many(model, [title], [body])[0])


def one_sided_tone_many(
    model: HashedLinearModel, titles: list[str | None], bodies: list[str]
) -> np.ndarray:
    """``one_sided_tone`` of each article, hashed in one pass."""
    return model.proba([tone_text(t, b) for t, b in zip(titles, bodies, strict=True)])
