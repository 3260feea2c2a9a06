"""The learned parts of v2 hype, read from ``HypeModel.lexical``: one function each.

- ``headline_clickbait``: 0.6 x teaser model (Webis, soft) + 0.4 x Stop Clickbait model,
  the v1 view weights 0.3 / 0.2 renormalised; each reads the headline's hashed word and
  character n-grams and the headline's hand features (``HypeModel`` computes those anyway);
- ``body_language``: ``hypescore.model.body_language`` on the body (filler cut out first);
- ``one_sided_tone``: hyperpartisan probability from title and body text alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np

from hypescore.features import feature_names
from hypescore.model import _hashing
from hypescore.model.body_language import (
    WORD_BLOCK,
    BodyLanguage,
    HashedBodies,
    body_language_many,
    hash_bodies,
)
from hypescore.model.lexical import HashedLinearModel, sigmoid

HEADLINE_MODELS = (("teaser_clickbait", 0.6), ("headline_clickbait", 0.4))
SUBJECTIVITY = "sentence_subjectivity"
TONE = "one_sided_tone"


def headline_models(
    models: Mapping[str, HashedLinearModel], headlines: list[str], headline_values: np.ndarray
) -> dict[str, np.ndarray]:
    """Each headline model's clickbait probability per headline; ``headline_values``:
    featurizer rows of the headlines as ``headline_article`` feeds them (every feature,
    featurizer order). Both models read the same blocks: each is hashed once."""
    values = np.nan_to_num(np.atleast_2d(headline_values))
    out: dict[str, np.ndarray] = {}
    hashed: dict[str, Any] = {}
    for name, _ in HEADLINE_MODELS:
        model = models[name]
        matrices = []
        for block in model.blocks:
            key = repr(block.params())
            if key not in hashed:
                hashed[key] = block.transform(headlines)
            matrices.append(hashed[key])
        dense = values[:, _columns(model.dense.names)]
        out[name] = sigmoid(model.decision_from_matrices(matrices, dense))
    return out


def headline_clickbait(
    models: Mapping[str, HashedLinearModel], headlines: list[str], headline_values: np.ndarray
) -> np.ndarray:
    """Clickbait of each headline: the headline models' probabilities by weight."""
    found = headline_models(models, headlines, headline_values)
    return sum(weight * found[name] for name, weight in HEADLINE_MODELS)


@cache
def _columns(names: tuple[str, ...]) -> list[int]:
    every = feature_names()
    return [every.index(n) for n in names]


def tone_text(title: str | None, body: str) -> str:
    """Title and body as one text (for display and for tests): the tone model itself reads
    ``tone_rows``, never the URL or the publisher."""
    return f"{title}\n\n{body}" if title else body


def tone_rows(titles: Sequence[str | None], hashed: HashedBodies) -> Any:
    """What the tone model reads: per article, the sum of its body sentences' and its
    title's ``WORD_BLOCK`` rows, l2-normalised (each sentence weighs the same, and the body
    is hashed once for body language and tone together)."""
    n = len(hashed.spans_of)
    counts = np.fromiter(map(len, hashed.spans_of), dtype=np.int64, count=n)
    titles_rows = WORD_BLOCK.transform([t or "" for t in titles])
    summed = _hashing.sum_rows(
        [hashed.word, titles_rows], [np.repeat(np.arange(n), counts), np.arange(n)], n
    )
    return _hashing.normalise_rows(summed, "l2")


def one_sided_tone_many(
    model: HashedLinearModel,
    titles: Sequence[str | None],
    bodies: Sequence[str],
    hashed: HashedBodies | None = None,
) -> np.ndarray:
    """Hyperpartisan probability of each article from its title and body text alone."""
    hashed = hashed or hash_bodies(bodies)
    return sigmoid(model.decision_from_matrices([tone_rows(titles, hashed)]))


def one_sided_tone(model: HashedLinearModel, title: str | None, body: str) -> float:
    return float(one_sided_tone_many(model, [title], [body])[0])


def body_and_tone(
    lexical: Mapping[str, HashedLinearModel],
    titles: Sequence[str | None],
    bodies: Sequence[str],
    sentences: Sequence[list[tuple[int, int]]] | None = None,
) -> tuple[list[BodyLanguage], np.ndarray]:
    """Body language and one-sided tone of a batch from one hashing pass."""
    hashed = hash_bodies(bodies, sentences)
    body = body_language_many(lexical[SUBJECTIVITY], bodies, hashed=hashed)
    return body, one_sided_tone_many(lexical[TONE], titles, bodies, hashed)
