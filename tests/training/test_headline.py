import numpy as np
import pytest

from hypescore.article import Article
from hypescore.features import feature_names, featurize
from hypescore.training import headline
from hypescore.training.data import DEFAULT_DATA_DIR
from hypescore.training.views import headline_article

LIMIT = 200


@pytest.fixture(scope="module")
def stop():
    spec = headline.VIEWS["headline_clickbait"]
    if not (DEFAULT_DATA_DIR / spec.path).is_file():
        pytest.skip(f"Stop Clickbait not found under {DEFAULT_DATA_DIR}")
    return headline.load(spec, DEFAULT_DATA_DIR, LIMIT)


def test_cross_validation_is_seeded_and_beats_chance(stop):
    config = headline.HeadlineConfig(C=1.0)
    first = headline.cross_validate(config, stop)
    assert first == headline.cross_validate(config, stop)
    assert first["accuracy"] > 0.7


def test_headline_model_scores_a_headline_as_the_runtime_feeds_it(stop):
    model = headline.fit_final(headline.HeadlineConfig(), stop)
    bait = headline_article(Article(text="x", title="You Won't Believe What This Cat Did Next"))
    news = headline_article(Article(text="x", title="Senate Passes Budget Bill After Long Debate"))
    values = featurize([bait, news]).values
    columns = [feature_names().index(n) for n in model.dense.names]
    p = model.proba([bait.text, news.text], values[:, columns])
    assert p[0] > p[1]
    assert np.all((p > 0) & (p < 1))
