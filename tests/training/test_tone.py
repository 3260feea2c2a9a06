import numpy as np
import pytest

from hypescore.model.lexical import from_payload, to_payload
from hypescore.training import lexical_fit, tone
from hypescore.training.data import DEFAULT_DATA_DIR

LIMIT = 90


@pytest.fixture(scope="module")
def articles():
    if not (DEFAULT_DATA_DIR / tone.DATA_PATH).is_file():
        pytest.skip(f"SemEval not found under {DEFAULT_DATA_DIR}")
    return tone.load_articles(DEFAULT_DATA_DIR, LIMIT)


def _cv(articles):
    config = tone.ToneConfig()
    matrices = lexical_fit.hashed((config.block,), articles.texts)
    p = tone.out_of_fold(config, matrices, articles.y, None, tone.folds(articles.y, n_folds=3))
    return p, tone.binary_metrics(articles.y, p)


def test_cross_validation_is_seeded_and_better_than_chance(articles):
    p, figures = _cv(articles)
    again, same = _cv(articles)
    np.testing.assert_array_equal(p, again)
    assert figures == same
    assert figures["auc"] > 0.6


def test_the_tone_model_reads_text_only_and_round_trips(articles):
    model = tone.fit_final(tone.ToneConfig(), articles, None)
    assert model.n_weights <= tone.ToneConfig().max_weights
    assert model.dense is None  # nothing but the words: no URL, no publisher
    text = tone.tone_text(articles.titles[0], articles.bodies[0])
    restored = from_payload(to_payload(model))
    assert restored.proba([text])[0] == model.proba([text])[0]
    assert tone.tone_text(None, "Body only.") == "Body only."
