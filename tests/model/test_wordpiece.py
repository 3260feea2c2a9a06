import numpy as np
import pytest

from hypescore.model.wordpiece import WordPieces, basic_words, mean_rows

# A small vocabulary in BERT's conventions (id order; "##" marks a continuation).
VOCAB = [
    "[PAD]", "[UNK]", "the", "un", "##believ", "##able", "##ably", "cafe", "£", "£1",
    "##2", ",", ".", "!", "(", ")", "_", "a", "so", "-", "shock", "##ing", "東", "京",
]  # fmt: skip


@pytest.fixture
def pieces() -> WordPieces:
    return WordPieces(VOCAB)


def names(pieces: WordPieces, text: str) -> list[str]:
    return [VOCAB[i] for i in pieces.ids(text)]


def test_basic_words_lowercase_strip_accents_and_split_punctuation():
    assert basic_words("The Café, so-so!") == ["the", "cafe", ",", "so", "-", "so", "!"]
    assert basic_words("snake_case (x)") == ["snake", "_", "case", "(", "x", ")"]


def test_non_ascii_symbols_stay_in_the_word_but_punctuation_and_ideographs_split():
    assert basic_words("£12 million") == ["£12", "million"]
    assert basic_words("wait\u2014what\u201d") == ["wait", "\u2014", "what", "\u201d"]
    assert basic_words("東京 trip") == ["東", "京", "trip"]
    assert basic_words("zero\u200bwidth") == ["zerowidth"]  # format characters dropped


def test_whole_word_then_greedy_longest_match(pieces):
    assert names(pieces, "The") == ["the"]
    assert names(pieces, "unbelievable") == ["un", "##believ", "##able"]
    assert names(pieces, "unbelievably") == ["un", "##believ", "##ably"]
    assert names(pieces, "Shocking!") == ["shock", "##ing", "!"]
    assert names(pieces, "£12") == ["£1", "##2"]


def test_a_word_that_cannot_be_split_is_one_unknown(pieces):
    assert names(pieces, "unzip the") == ["[UNK]", "the"]
    assert names(pieces, "a" * 101) == ["[UNK]"]
    assert names(pieces, "") == []


def test_batch_ids_and_mean_rows_average_each_texts_pieces(pieces):
    ids, row = pieces.batch_ids(["the cafe", "", "shocking"])
    assert row.tolist() == [0, 0, 2, 2]
    table = np.arange(len(VOCAB), dtype=float)
    means = mean_rows(table, ids, row, 3)
    assert means.tolist() == [(2 + 7) / 2, 0.0, (20 + 21) / 2]
    wide = mean_rows(np.c_[table, -table], ids, row, 3)
    assert wide[:, 0].tolist() == means.tolist() and wide[:, 1].tolist() == (-means).tolist()


def test_vocabulary_needs_an_unknown_piece():
    with pytest.raises(ValueError, match="UNK"):
        WordPieces(["the", "a"])
