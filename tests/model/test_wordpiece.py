import pickle

import numpy as np
import pytest

from hypescore._engine import kernel
from hypescore.model import wordpiece
from hypescore.model.wordpiece import (
    PieceTable,
    WordPieces,
    basic_words,
    mean_rows,
    on_value_grid,
)
from tests._engine.conftest import engine_path, select_path  # noqa: F401 - a fixture

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


# ---------------------------------------------------------------- the shipped piece table


def grid_values(n: int, seed: int = 0) -> np.ndarray:
    return on_value_grid(np.random.default_rng(seed).normal(size=n))


def test_piece_table_means_are_the_mean_value_of_each_sentences_pieces(pieces):
    values = grid_values(len(VOCAB))
    table = PieceTable(VOCAB, values)
    texts = ["The cafe, so shocking!", "", "unbelievable unbelievable the"]
    expected = mean_rows(values.astype(np.float64), *pieces.batch_ids(texts), len(texts))
    assert table.means(texts).tolist() == expected.tolist()
    assert table.means(texts)[1] == 0.0


def test_piece_values_must_sit_on_the_grid_and_match_the_vocabulary():
    with pytest.raises(ValueError, match="multiples"):
        PieceTable(VOCAB, np.full(len(VOCAB), 0.1))  # 0.1 is not a multiple of 2**-16
    with pytest.raises(ValueError, match="multiples"):
        PieceTable(VOCAB, np.full(len(VOCAB), 300.0))
    with pytest.raises(ValueError, match="pieces"):
        PieceTable(VOCAB, grid_values(len(VOCAB) - 1))


def test_piece_table_round_trips_through_plain_arrays():
    table = PieceTable(VOCAB, grid_values(len(VOCAB)))
    raw = table.vocab_bytes()
    assert raw.dtype == np.uint8
    assert PieceTable.from_arrays(raw, table.values) == table
    with pytest.raises(ValueError, match="uint8"):
        PieceTable.from_arrays(raw.astype(np.int64), table.values)
    with pytest.raises(ValueError):  # invalid UTF-8
        PieceTable.from_arrays(np.r_[raw, np.uint8(0xFF)], table.values)


@pytest.mark.usefixtures("engine_path")
def test_the_word_cache_is_bounded_and_does_not_change_the_result(monkeypatch):
    table = PieceTable(VOCAB, grid_values(len(VOCAB)))
    texts = ["the cafe", "so shocking", "a £12", "( unbelievable )", "the cafe"]
    unbounded = [table.means([text]).tolist() for text in texts]
    small = PieceTable(VOCAB, table.values)
    monkeypatch.setattr(wordpiece, "MAX_CACHED_WORDS", 4)
    for text, expected in zip(texts, unbounded, strict=True):
        assert small.means([text]).tolist() == expected
        assert len(small._words.rows) <= 4  # the batch mark and at most three words
        assert len(small._tokens.rows) <= 4
    # A batch whose new keys overflow the cache keeps the ones it already knew.
    assert small.means(texts).tolist() == table.means(texts).tolist()


def reference_means(vocab: list[str], values: np.ndarray, texts: list[str]) -> list[float]:
    """Piece-by-piece means over the reference tokeniser."""
    return mean_rows(values.astype(np.float64), *WordPieces(vocab).batch_ids(texts), len(texts))


def test_whitespace_tokens_give_the_words_of_the_whole_text():
    """Cached per whitespace token: casing in context (final sigma, İ), accents, every
    Unicode space, and U+0085, the one space basic tokenisation drops (so "a\x85b" is the
    one word "ab": that text is split into basic words instead)."""
    values = grid_values(len(VOCAB))
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    texts = [
        "ΑΣ ΟΔΟΣ. ΣΑΣ σας",
        "The Café,so-so! İ",
        "un\u0301believable the\u200bcafe",
        *(f"the{space}cafe shocking{space}" for space in spaces),
        "so\x85shocking",
        "",
    ]
    table = PieceTable(VOCAB, values)
    assert table.means(texts).tolist() == reference_means(VOCAB, values, texts).tolist()
    for text in texts:  # alone: the token path, unless the text holds U+0085
        alone = PieceTable(VOCAB, values).means([text]).tolist()
        assert alone == reference_means(VOCAB, values, [text]).tolist(), repr(text)
    assert basic_words("so\x85shocking") == ["soshocking"]


def test_u0085_is_the_only_space_basic_tokenisation_does_not_keep():
    """What ``_DROPPED_SPACES`` says, over every code point: each other whitespace
    character stays whitespace through accent stripping (so words never span it)."""
    dropped = [
        chr(c)
        for c in range(0x110000)
        if chr(c).isspace() and basic_words(f"a{chr(c)}b") != ["a", "b"]
    ]
    assert tuple(dropped) == wordpiece._DROPPED_SPACES


@pytest.fixture(scope="module")
def shipped() -> PieceTable:
    from hypescore.training.subjectivity import PIECES_PATH

    with np.load(PIECES_PATH) as stored:
        return PieceTable.from_arrays(stored["vocab_utf8"], stored["values"])


def real_sentences() -> list[str]:
    from hypescore.model.body_language import body_sentences
    from hypescore.training.data import DEFAULT_DATA_DIR
    from hypescore.training.subjectivity import DATA_PATH, load_splits

    from ..conftest import read_jsonl

    if not (DEFAULT_DATA_DIR / DATA_PATH).is_file():
        pytest.skip(f"NewsSD not found under {DEFAULT_DATA_DIR}")
    newssd = [t for split in load_splits(DEFAULT_DATA_DIR).values() for t in split.texts]
    path = DEFAULT_DATA_DIR / "semeval19-hyperpartisan" / "articles-train.jsonl"
    semeval = [
        record["text"][start:end]
        for record in read_jsonl(path, 100)
        for start, end in body_sentences(record["text"])
    ]
    return newssd + semeval


@pytest.mark.usefixtures("engine_path")
def test_shipped_table_equals_the_reference_tokeniser_path_bit_for_bit(shipped):
    """Cached per-token sums (new words split and sentences totalled in Python or compiled)
    against piece-by-piece means over the reference tokeniser, on every NewsSD sentence
    and the body sentences of 100 SemEval articles."""
    sentences = real_sentences()
    assert len(sentences) > 2_000
    ids, row = WordPieces(shipped.vocab).batch_ids(sentences)
    reference = mean_rows(shipped.values.astype(np.float64), ids, row, len(sentences))
    table = PieceTable(shipped.vocab, shipped.values)  # empty caches: every word is new
    assert np.array_equal(table.means(sentences), reference)
    assert np.array_equal(table.means(sentences), reference)  # again, from the cache


def odd_words() -> list[str]:
    """Words no vocabulary holds whole: long, accented, ideographs, unknown characters,
    "#" inside and in front, the length limit either side, the empty word."""
    return [
        "", "#", "##", "###", "a##b", "##ing", "##ingx", "x" * 100, "x" * 101, "a" * 250,
        "unbelievablyshocking", "naïveté", "東京都", "\U0001f600ok", "q\u0301", "zzqx",
        "straße", "ǆemal", "١٢٣", "𝔘𝔫𝔦", "shocking" * 13,
    ]  # fmt: skip


def test_the_compiled_split_of_new_words_equals_the_reference_split(shipped):
    """The compiled split's piece counts and value sums against ``split``'s ids: every
    basic word of the real sentences and odd words, with the shipped vocabulary and the
    small one (skipped where the compiled kernel is not built)."""
    words = sorted({w for s in real_sentences() for w in basic_words(s)}) + odd_words()
    assert len(words) > 10_000
    before = kernel.active()
    try:
        select_path("kernel")
        compiled = wordpiece.compiled_pieces()
        assert compiled is not None, "the kernel is built without _engine/_pieces"
        for vocab, values in ((shipped.vocab, shipped.values), (VOCAB, grid_values(len(VOCAB)))):
            pieces = WordPieces(vocab)
            value_of = np.asarray(values, dtype=np.float64).tolist()
            reference = [pieces.split(w) for w in words]
            sums, counts = pieces.compiled_sums(compiled, words, value_of)
            assert counts == [len(ids) for ids in reference]
            assert sums == [sum([value_of[i] for i in ids]) for ids in reference]
    finally:
        kernel.use(before is not None)


def odd_ascii_tokens() -> list[str]:
    """ASCII tokens whose basic words are not the token: capitals, punctuation runs and
    punctuation between words, "#" and "##" inside, control characters, underscores (a
    word character to the regex, no punctuation to BERT), the length limit either side."""
    return [
        "!", "!!!", "(a)", "U.S.", "--x--", "Shock#ing", "##ing", "a##b", "##", "x\x01y",
        "\x7f", "_", "__init__", "e-mail", "DON'T", "[UNK]", "A" * 100, "A" * 101,
        "a." * 60, "b" * 99 + "!", "unbelievABLY,", "{}", "~`^|", "@home", "12:30pm",
    ]  # fmt: skip


def test_the_compiled_split_of_new_tokens_equals_the_reference_words(shipped):
    """Each ASCII whitespace token's value sum and piece count, lowercased and cut into
    basic words in C, against the Python token rows (lowercase, ``basic_words``, each
    word's split): every ASCII token of the real sentences and odd ones, with the
    shipped vocabulary and the small one; a batch mixing in non-ASCII tokens is split
    in C and in Python and gives the same rows."""
    tokens = sorted({t for s in real_sentences() for t in s.split() if t.isascii()})
    tokens += odd_ascii_tokens()
    assert len(tokens) > 10_000
    wide = ["naïveté", "東京都", "ΑΣ.", "Straße!", "ſhock", "\u212aic"]
    before = kernel.active()
    try:
        for vocab, values in ((shipped.vocab, shipped.values), (VOCAB, grid_values(len(VOCAB)))):
            select_path("python")
            reference = PieceTable(vocab, values)
            expected = reference._token_rows(tokens)
            expected_mixed = reference._token_rows(wide + tokens[:500] + wide)
            select_path("kernel")
            compiled = wordpiece.compiled_pieces()
            assert compiled is not None, "the kernel is built without _engine/_pieces"
            table = PieceTable(vocab, values)
            rows = np.full((len(tokens), 2), np.nan)
            assert table._pieces.compiled_token_rows(compiled, tokens, table._value_of, rows) == []
            assert rows[:, 1].tolist() == expected[:, 1].tolist()
            assert rows[:, 0].tolist() == expected[:, 0].tolist()
            mixed = table._token_rows(wide + tokens[:500] + wide)
            assert mixed.tolist() == expected_mixed.tolist()
            some = np.zeros((3, 2))  # the non-ASCII tokens' rows are left to the caller
            assert table._pieces.compiled_token_rows(
                compiled, ["naïve", "the", "東京"], table._value_of, some
            ) == [0, 2]
            assert some[[0, 2]].tolist() == [[0.0, 0.0], [0.0, 0.0]] and some[1, 1] >= 1
    finally:
        kernel.use(before is not None)


def test_the_compiled_pieces_runs_with_the_compiled_kernel(engine_path):  # noqa: F811
    """One switch: the compiled table loops run exactly when the compiled kernel does."""
    expected = engine_path == "kernel" and wordpiece._COMPILED is not None
    assert (wordpiece.compiled_pieces() is not None) == expected
    assert wordpiece.describe_pieces().startswith("compiled" if expected else "pure Python")


def test_a_subjective_word_raises_the_tables_term_over_its_sober_twin(shipped):
    twins = [
        ("The committee's decision to close the library was outrageous.",
         "The committee's decision to close the library was announced."),
        ("Residents said the new bridge is a wonderful addition to the town.",
         "Residents said the new bridge is a recent addition to the town."),
        ("This ridiculous plan will cost the city 40 million dollars.",
         "This transport plan will cost the city 40 million dollars."),
    ]  # fmt: skip
    for loaded, sober in twins:
        assert shipped.means([loaded])[0] > shipped.means([sober])[0], loaded


def test_a_sentence_holding_the_batch_mark_takes_the_reference_path(pieces):
    values = grid_values(len(VOCAB))
    texts = ["the\x00cafe", "so shocking"]
    expected = mean_rows(values.astype(np.float64), *pieces.batch_ids(texts), len(texts))
    assert PieceTable(VOCAB, values).means(texts).tolist() == expected.tolist()
    assert PieceTable(VOCAB, values).means([]).shape == (0,)


@pytest.mark.usefixtures("engine_path")
def test_a_table_that_split_new_words_pickles_for_parallel_workers():
    """The compiled tries stay behind (rebuilt on first use); the means do not change."""
    values = grid_values(len(VOCAB))
    table = PieceTable(VOCAB, values)
    texts = ["The cafe, so shocking!", "unbelievable unbelievably"]
    before = table.means(texts).tolist()
    copy = pickle.loads(pickle.dumps(table))
    assert copy.means(texts).tolist() == before
    assert (
        copy.means(["shocking unbelievably new"]).tolist()
        == reference_means(VOCAB, values, ["shocking unbelievably new"]).tolist()
    )


def test_the_compiled_token_rows_find_exactly_the_tokens_the_cache_knows():
    """``TokenRows`` (the compiled twin of the token cache's dict) against the dict: every
    known token of the real sentences at its row, across table growth; a token's prefix,
    extension, same-length neighbour or wider-character twin is unknown."""
    compiled = wordpiece.compiled_pieces() if kernel.active() is not None else None
    if compiled is None:
        pytest.skip("the compiled kernel is not built")
    known = sorted({t for s in real_sentences() for t in s.split()}) + [
        "naïveté", "東京都", "\U0001f600ok", "ſ", "ǅ",
    ]  # fmt: skip
    assert len(known) > 10_000  # the table grows from 1,024 slots many times over
    rows = compiled.TokenRows()
    rows.add(known, 1)
    values = np.array([[0.0, 0.0], *([float(k), 1.0] for k in range(1, len(known) + 1))])
    unknown = ["naïvet", "naïvetéé", "naïvetá", "東京", "\U0001f600o", "ſſ", "Ǆ", "thex", "th"]
    assert not set(unknown) & set(known)
    text = " \x00 ".join([" ".join(known[:5000]), " ".join(unknown), " ".join(known[5000:])])
    totals, counts = np.zeros(3), np.zeros(3)
    missing, runs = rows.totals(text, values, totals, counts)
    assert (missing, runs) == (unknown, [1] * len(unknown))
    assert counts.tolist() == [5000.0, 0.0, len(known) - 5000.0]
    assert totals.tolist() == [sum(range(1, 5001)), 0.0, sum(range(5001, len(known) + 1))]
    with pytest.raises(ValueError):  # rows must follow the ones already there
        rows.add(["new"], 1)
