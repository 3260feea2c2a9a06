import numpy as np
import pytest

from hypescore.model.body_language import (
    SENTENCE_FEATURES,
    aggregate,
    body_language,
    body_sentences,
    sentence_features,
    sentence_proba,
)

# Our own sentences, same topic: the writer's judgement against plain reporting.
OPINION = [
    "Frankly, this reckless plan is a shameful betrayal of everyone who trusted the council.",
    "We should all be outraged that our leaders keep wasting money on such absurd schemes.",
    "It is simply unbelievable how badly this whole affair has been handled.",
]
REPORT = [
    "The council approved the transport budget on Tuesday by a vote of seven to two.",
    "The plan allocates 4.2 million dollars to road repairs in the 2025 financial year.",
    "Mayor Ana Ruiz said the first contracts would be signed in March.",
]


@pytest.fixture(scope="module")
def model(subjectivity_lexical):
    return subjectivity_lexical


def test_opinion_sentences_score_above_report_sentences(model):
    p_opinion = sentence_proba(model, OPINION)
    p_report = sentence_proba(model, REPORT)
    assert p_opinion.min() > p_report.max()


def test_folded_word_lists_equal_the_fitted_columns(model):
    """The share block holds the word-list weights: a sentence of list words only scores
    through it, and a sentence with none of them gets nothing from it."""
    share = model.blocks[1]
    listed = share.scores(share.transform(["we should really"]))[0]
    unlisted = share.scores(share.transform(["council budget tuesday"]))[0]
    assert listed != 0.0
    assert abs(unlisted) < abs(listed)


def test_article_aggregate_flags_the_loaded_sentences_with_their_offsets(model):
    text = " ".join(REPORT[:2] + OPINION[:1] + REPORT[2:])
    result = body_language(model, text)
    assert result.sentences == 4
    flagged = [text[s.start : s.end] for s in result.flagged]
    assert OPINION[0] in flagged
    assert all(REPORT[0] != f for f in flagged)
    loaded = body_language(model, " ".join(OPINION + REPORT[:1]))
    assert loaded.score > result.score


def test_aggregate_formula_and_empty_bodies():
    score, share, top = aggregate(np.array([0.9, 0.2, 0.1, 0.8]), 0.5)
    assert share == 0.5
    assert top == pytest.approx((0.9 + 0.8 + 0.2) / 3)
    assert score == pytest.approx(0.5 * share + 0.5 * top)
    assert aggregate(np.zeros(0), 0.5) == (0.0, 0.0, 0.0)


def test_headings_and_fragments_are_not_body_sentences():
    text = "Latest News\n\nThe council approved the budget on Tuesday night.\nShare this"
    spans = body_sentences(text)
    assert [text[s:e] for s, e in spans] == ["The council approved the budget on Tuesday night."]


def test_sentence_features_read_quotes_names_and_numbers():
    rows = sentence_features(['"Why?" she asked Mayor Ruiz about the 2025 plan!'])
    named = dict(zip(SENTENCE_FEATURES, rows[0], strict=True))
    assert named["has_quote"] == 1 and named["has_question"] == 1
    assert named["has_exclamation"] == 1
    assert named["capitalised_share"] > 0 and named["number_share"] > 0


def test_one_tokenization_gives_both_blocks_as_hashed_separately():
    from hypescore.model.body_language import SHARE_BLOCK, WORD_BLOCK, sentence_matrices

    texts = OPINION + REPORT + ["One.", "Two words"]
    word, share = sentence_matrices(texts)
    np.testing.assert_array_equal(word.toarray(), WORD_BLOCK.transform(texts).toarray())
    np.testing.assert_array_equal(share.toarray(), SHARE_BLOCK.transform(texts).toarray())


def test_a_batch_gives_each_article_what_it_gets_alone(model):
    from hypescore.model.body_language import body_language_many

    texts = [" ".join(REPORT), " ".join(OPINION), "Too short.", ""]
    batch = body_language_many(model, texts)
    assert [b.score for b in batch] == [body_language(model, t).score for t in texts]
    assert batch[2].sentences == 0 and batch[2].score == 0.0
    assert len(batch) == len(texts)
