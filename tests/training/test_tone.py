import numpy as np
import pytest
from sklearn.preprocessing import normalize

from hypescore.model.body_language import WORD_BLOCK, body_sentences, hash_bodies
from hypescore.model.lexical import from_payload, to_payload
from hypescore.model.parts import body_and_tone, one_sided_tone, tone_rows
from hypescore.training import tone
from hypescore.training.data import DEFAULT_DATA_DIR

LIMIT = 90


@pytest.fixture(scope="module")
def articles():
    if not (DEFAULT_DATA_DIR / tone.DATA_PATH).is_file():
        pytest.skip(f"SemEval not found under {DEFAULT_DATA_DIR}")
    return tone.load_articles(DEFAULT_DATA_DIR, LIMIT)


def _cv(articles):
    config = tone.ToneConfig()
    splits = tone.folds(articles.y, n_folds=3)
    p = tone.out_of_fold(config, [tone.tone_matrix(articles)], articles.y, None, splits)
    return p, tone.binary_metrics(articles.y, p)


def test_cross_validation_is_seeded_and_better_than_chance(articles):
    p, figures = _cv(articles)
    again, same = _cv(articles)
    np.testing.assert_array_equal(p, again)
    assert figures == same
    assert figures["auc"] > 0.6


def test_tone_rows_are_the_normalised_sum_of_title_and_body_sentence_rows():
    titles = ["Council Passes Budget", None]
    bodies = [
        "The council approved the budget on Tuesday. Seven members voted for the plan.",
        "Critics say the reckless plan is a shameful waste of public money. Short one.",
    ]
    rows = tone_rows(titles, hash_bodies(bodies)).toarray()
    expected = []
    for title, body in zip(titles, bodies, strict=True):
        sentences = [body[s:e] for s, e in body_sentences(body)]
        summed = WORD_BLOCK.transform(sentences).toarray().sum(axis=0)
        expected.append(summed + WORD_BLOCK.transform([title or ""]).toarray()[0])
    np.testing.assert_allclose(rows, normalize(np.array(expected)), atol=1e-12)


def test_the_tone_model_reads_text_only_and_round_trips(articles):
    model = tone.fit_final(tone.ToneConfig(), articles, None)
    assert model.n_weights <= tone.ToneConfig().max_weights
    assert model.dense is None  # nothing but the words: no URL, no publisher
    restored = from_payload(to_payload(model))
    title, body = articles.titles[0], articles.bodies[0]
    assert one_sided_tone(restored, title, body) == one_sided_tone(model, title, body)
    assert tone.tone_text(None, "Body only.") == "Body only."


def test_body_and_tone_share_one_pass_and_equal_separate_calls(articles):
    from hypescore.model.body_language import body_language
    from hypescore.training import subjectivity

    model = tone.fit_final(tone.ToneConfig(), articles, None)
    splits = subjectivity.load_splits(DEFAULT_DATA_DIR)
    sentences = subjectivity.train_model(splits["train"], subjectivity.SubjectivityConfig())
    lexical = {"one_sided_tone": model, "sentence_subjectivity": sentences}
    titles, bodies = articles.titles[:3], articles.bodies[:3]
    body, tones = body_and_tone(lexical, titles, bodies)
    assert [b.score for b in body] == [body_language(sentences, b).score for b in bodies]
    np.testing.assert_allclose(
        tones, [one_sided_tone(model, t, b) for t, b in zip(titles, bodies, strict=True)]
    )
