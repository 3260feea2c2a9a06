"""The batch fast paths of scoring against the straightforward per-sentence and
per-document computations they replace, bit for bit, on real articles and odd text."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32 as sklearn_murmur

from hypescore._engine import kernel
from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.model import _hashing, body_language, wordpiece
from hypescore.model.body_language import (
    EVALUATIVE_SUFFIXES,
    SENTENCE_FEATURES,
    SHARE_BLOCK,
    WORD_BLOCK,
    aggregate,
    aggregate_in_numpy,
    body_language_many,
    body_sentences,
    hash_bodies,
    sentence_features,
    sentence_matrices,
)
from hypescore.model.persistence import load_model
from hypescore.model.wordpiece import PieceTable
from hypescore.scoring import ScoreOptions, parts_of, prepare, score_many
from tests._engine.conftest import engine_path, select_path  # noqa: F401 - a fixture
from tests.conftest import SHARED_DATA, read_jsonl

SEMEVAL = SHARED_DATA / "semeval19-hyperpartisan" / "articles-train.jsonl"
# Our own odd sentences: casing that changes length (İ), final sigma, the Kelvin sign,
# long s, superscript digits, titlecase letters, bare punctuation, NUL characters, blanks.
ODD = [
    "",
    "   ",
    "!!!",
    "\"'",
    'FAMOUS İous xİc ΑΣ ΟΔΟΣ. Kelvin \u212aic ſly TOTALLY." 2025 ²x Éclair ǅavid',
    "a\x00b \x00 c and NUL characters inside a sentence",
    "ly IC! ABLE), “Quoted” words; ‘single’ ones? Yes!",
    "ΑΣ'Β ΑΣ.Β ΣΑΣ σας Straße",
    "x" * 150 + " followed by a very-long-token-" + "y" * 90,
]


def per_sentence_features(sentences: list[str]) -> np.ndarray:
    """``sentence_features`` as first written: one Python loop per sentence and token."""
    rows = np.zeros((len(sentences), len(SENTENCE_FEATURES)))
    for i, sentence in enumerate(sentences):
        tokens = sentence.split()
        n = max(len(tokens), 1)
        capitalised = numbers = evaluative = adverbs = 0
        for token in tokens[1:]:
            if token[:1].isupper():
                capitalised += 1
            elif token[:1].isdigit():
                numbers += 1
        for token in tokens:
            word = token.rstrip(".,;:!?\"')\u201d").lower()
            if word.endswith(EVALUATIVE_SUFFIXES):
                evaluative += 1
            elif word.endswith("ly"):
                adverbs += 1
        rows[i] = (
            any(q in sentence for q in ('"', "\u201c", "\u201d")),
            "!" in sentence,
            "?" in sentence,
            math.log1p(len(tokens)),
            capitalised / n,
            numbers / n,
            evaluative / n,
            adverbs / n,
        )
    return rows


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    if not SEMEVAL.is_file():
        pytest.skip(f"SemEval articles not found at {SEMEVAL}")
    return [
        Article(text=r["text"], title=r.get("title"), url=r.get("url"), id=str(i))
        for i, r in enumerate(read_jsonl(SEMEVAL, 120))
        if r.get("text")
    ]


@pytest.fixture(scope="module")
def body_pieces(articles) -> list[str]:
    docs = [analyse(a) for a in articles]
    return hash_bodies([d.norm for d in docs], [d.sentences for d in docs]).pieces + ODD


def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and bool((a.view(np.int64) == b.view(np.int64)).all())


@pytest.mark.usefixtures("engine_path")
def test_body_sentences_sliced_once_equal_the_spans_then_slices(articles):
    """``body_pieces`` (one slice a sentence) against the spans as first written, a
    comprehension over the word test, then each span sliced again: real articles, with and
    without their analysed sentences, and our odd texts (blank, NUL, four and five words)."""
    texts = [(d.norm, d.sentences) for d in map(analyse, articles)]
    texts += [(t, None) for t in (*ODD, "one two three four", "one two three four five")]
    texts += [(d.norm, None) for d in map(analyse, articles[:20])]
    for text, sentences in texts:
        every = (
            sentences
            if sentences is not None
            else body_language.split_sentences(body_language.normalise(text))
        )
        spans = [
            (start, end)
            for start, end in every
            if len(text[start:end].split()) >= body_language.MIN_SENTENCE_WORDS
        ]
        assert body_language.body_pieces(text, sentences) == (
            spans,
            [text[start:end] for start, end in spans],
        )
        assert body_sentences(text, sentences) == spans
    assert sum(len(body_sentences(t, s)) for t, s in texts) > 1000


@pytest.mark.usefixtures("engine_path")
def test_sentence_features_equal_the_per_sentence_loop(body_pieces):
    assert same_bits(sentence_features(body_pieces), per_sentence_features(body_pieces))
    for one in ODD:  # alone too: the first token of a batch and empty batches of tokens
        assert same_bits(sentence_features([one]), per_sentence_features([one]))


def test_sentence_blocks_equal_hashing_vectorizer_sentence_by_sentence(body_pieces):
    for block, matrix in zip(
        (WORD_BLOCK, SHARE_BLOCK), sentence_matrices(body_pieces), strict=True
    ):
        params = block.params()
        params["ngram_range"] = tuple(params["ngram_range"])
        expected = HashingVectorizer(**params).transform(body_pieces)
        assert (matrix.indptr == expected.indptr).all()
        assert (matrix.indices == expected.indices).all()
        assert same_bits(matrix.data, expected.data)


@pytest.mark.parametrize(
    "params",
    [
        dict(analyzer="char_wb", ngram_range=(2, 5)),
        dict(analyzer="char_wb", ngram_range=(1, 3), lowercase=False),
        dict(analyzer="word", ngram_range=(1, 2)),
        dict(analyzer="word", ngram_range=(1, 1), token_pattern=r"(?u)\b\w\w+\b"),
    ],
)
def test_headline_blocks_equal_hashing_vectorizer(articles, params):
    """Titles (short, many per batch, one batch of only blank ones) as the headline
    models and the tone model hash them."""
    params = {
        "n_features": 1 << 18,
        "norm": "l2",
        "lowercase": True,
        "alternate_sign": False,
        "binary": False,
        "token_pattern": r"(?u)\b\w+\b",
        **params,
    }
    for texts in ([a.title or "" for a in articles] + ODD, ["", "  "]):
        ours = _hashing.transform(texts, **params)
        sklearn_params = dict(params)
        if params["analyzer"] != "word":
            sklearn_params.pop("token_pattern")
        expected = HashingVectorizer(**sklearn_params).transform(texts)
        assert (ours.indptr == expected.indptr).all()
        assert (ours.indices == expected.indices).all()
        assert same_bits(ours.data, expected.data)


def test_murmur_of_spans_equals_scikit_learn():
    rng = np.random.default_rng(1)
    buffer = bytes(rng.integers(0, 256, 600, dtype=np.uint8))
    starts = rng.integers(0, 500, 400)
    lengths = rng.integers(0, 100, 400)
    expected = [
        sklearn_murmur(buffer[s : s + n], seed=0) for s, n in zip(starts, lengths, strict=True)
    ]
    np.testing.assert_array_equal(_hashing.murmurhash3_spans(buffer, starts, lengths), expected)


def test_a_chunk_scores_each_article_as_it_scores_alone(articles):
    """Parts, scores and contributions of a 60-article batch, bit for bit, and every
    field of the Results with reasons and spans, equal those of each article alone."""
    model = load_model()
    options = ScoreOptions(model=model, explain=3, spans=True)
    chunk = articles[:60] + [Article(text=ODD[4] + " " + ODD[7] + " more words here.", id="odd")]
    prepared = [prepare(a, options) for a in chunk]
    together = parts_of(model, prepared)
    assessed = model.assess_many(
        [together[id(p)] for p in prepared], np.array([p.values for p in prepared])
    )
    for p, assessment in zip(prepared, assessed, strict=True):
        alone = parts_of(model, [p])[id(p)]
        assert repr(together[id(p)]) == repr(alone)
        assert repr(assessment) == repr(model.assess(alone, p.values))
    batched = [r.to_dict() for r in score_many(chunk, options=options, chunk_size=60)]
    single = [r.to_dict() for r in score_many(chunk, options=options, chunk_size=1)]
    assert batched == single
    assert all(r["error"] is None for r in batched)


def test_a_headline_repeated_in_a_chunk_is_scored_as_alone(articles):
    """Headlines featurized once per chunk: real titles put on other bodies and bodies
    without titles (the first sentence is the headline), each repeated in one chunk, give
    the Results each record gets alone, reasons and spans included."""
    options = ScoreOptions(model=load_model(), explain=3, spans=True)
    reused = [
        Article(text=body.text, title=head.title, id=f"{head.id}-{body.id}")
        for head in articles[:4]
        for body in articles[10:14]
    ]
    untitled = [Article(text=a.text, id=f"{a.id}-{k}") for a in articles[20:23] for k in (0, 1)]
    chunk = reused + untitled + articles[:4]
    together = [repr(r) for r in score_many(chunk, options=options, chunk_size=len(chunk))]
    alone = [repr(r) for r in score_many(chunk, options=options, chunk_size=1)]
    assert together == alone


@pytest.mark.parametrize("lowercase", [True, False])
@pytest.mark.parametrize("pattern", [r"(?u)\b\w+\b", r"(?u)\b\w\w+\b"])
@pytest.mark.parametrize("pairs", [True, False])
def test_compiled_word_hashes_equal_the_numpy_reference(
    articles, body_pieces, lowercase, pattern, pairs
):
    """The kernel's tokenising and hashing of word grams (what the body sentences, the
    tone model's titles and the headline models read) against the numpy code, hash for
    hash and row for row: real sentences, titles, odd casing and blank batches."""
    batches = [body_pieces, [a.title or "" for a in articles] + ODD, ["", " "], [], ODD[4:5]]
    before = kernel.active()
    try:
        for texts in batches:
            select_path("python")
            expected = _hashing.word_pair_hashes(texts, lowercase, pattern, pairs)
            select_path("kernel")
            found = _hashing.word_pair_hashes(texts, lowercase, pattern, pairs)
            for ours, reference in zip(found, expected, strict=True):
                np.testing.assert_array_equal(ours, reference)
    finally:
        kernel.use(before is not None)


def test_body_aggregate_in_python_equals_numpy(articles):
    """The per-article aggregate of sentence probabilities in plain Python against the
    numpy formula, bit for bit: every real article's probabilities, short lists (one to
    four sentences: the mean's summing order), ties at the threshold and a NaN."""
    model = load_model()
    subjectivity = model.lexical["sentence_subjectivity"]
    docs = [analyse(a) for a in articles]
    bodies = body_language_many(subjectivity, [d.norm for d in docs], [d.sentences for d in docs])
    rng = np.random.default_rng(3)
    lists = [list(b.probabilities) for b in bodies]
    lists += [rng.random(k).tolist() for k in (1, 2, 3, 4, 5, 9) for _ in range(200)]
    lists += [[], [subjectivity.threshold] * 3, [0.2, math.nan, 0.9]]
    assert sum(len(p) for p in lists) > 5_000
    for p in lists:
        ours = aggregate(p, subjectivity.threshold)
        reference = aggregate_in_numpy(np.array(p, dtype=np.float64), subjectivity.threshold)
        assert same_bits(np.array(ours), np.array(reference)), p


def test_wordpiece_means_through_the_compiled_token_table_equal_the_python_cache(
    body_pieces, monkeypatch
):
    """The shipped table's per-sentence means, compiled (known tokens found in
    ``TokenRows`` by their code points) against the Python token cache, bit for bit:
    real body sentences in chunks from empty caches, so tokens are learned mid-batch and
    the compiled table grows, and again with a cache small enough to be emptied (and
    the compiled table rebuilt) between chunks."""
    table = load_model().lexical["sentence_subjectivity"].pieces
    chunks = [body_pieces[k : k + 400] for k in range(0, len(body_pieces), 400)]
    before = kernel.active()
    try:
        for bound in (None, 3_000):
            if bound is not None:
                monkeypatch.setattr(wordpiece, "MAX_CACHED_WORDS", bound)
            select_path("python")
            reference = PieceTable(table.vocab, table.values)
            expected = [reference.means(chunk) for chunk in chunks * 2]
            select_path("kernel")
            compiled = PieceTable(table.vocab, table.values)
            found = [compiled.means(chunk) for chunk in chunks * 2]
            if bound is None:  # (a bounded cache may end emptied, its twin not yet remade)
                assert compiled._tokens._compiled_rows is not None, "no compiled scan ran"
            else:
                assert len(compiled._tokens.rows) <= bound
            for ours, theirs in zip(found, expected, strict=True):
                assert same_bits(ours, theirs)
    finally:
        kernel.use(before is not None)


def bincount_sums(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``_hashing.sums_by_key`` as first written: ``np.unique``'s inverse and a bincount."""
    unique, inverse = np.unique(keys, return_inverse=True)
    return unique, np.bincount(inverse, weights=values, minlength=len(unique))


def test_sums_by_key_add_each_keys_values_in_input_order(articles):
    """The packed-sort sums against the bincount, bit for bit: the tone rows' keys and
    values of real articles (sentence rows, then the titles), and values whose sum
    depends on the order they are added in (1e16 + 1 - 1e16), signed zeros, NaN and
    infinities under unsorted and repeated keys, one key, none, and keys too wide to
    pack beside their positions."""
    docs = [analyse(a) for a in articles]
    hashed = hash_bodies([d.norm for d in docs], [d.sentences for d in docs])
    titles = WORD_BLOCK.transform([d.title for d in docs])
    counts = np.fromiter(map(len, hashed.spans_of), dtype=np.int64, count=len(docs))
    groups = [np.repeat(np.arange(len(docs)), counts), np.arange(len(docs))]
    keys = np.concatenate(
        [
            np.repeat(g, np.diff(m.indptr)) * WORD_BLOCK.n_features + m.indices
            for m, g in zip([hashed.word, titles], groups, strict=True)
        ]
    )
    values = np.concatenate([hashed.word.data, titles.data])
    rng = np.random.default_rng(7)
    odd_values = np.array([1e16, 1.0, -1e16, -0.0, 0.0, -0.0, np.nan, np.inf, -np.inf, 3.5] * 50)
    cases = [
        (keys, values),
        (rng.integers(0, 12, 500), odd_values),
        (rng.integers(0, 3, 500), rng.permutation(odd_values)),
        (np.zeros(4, dtype=np.int64), np.array([-0.0, -0.0, 1e16, 1.0])),
        (np.zeros(0, dtype=np.int64), np.zeros(0)),
        (np.array([2**60, 5, 2**60, 5]), np.array([1e16, 1.0, 1.0, -1e16])),  # too wide
    ]
    for case_keys, case_values in cases:
        found_keys, found = _hashing.sums_by_key(case_keys, case_values)
        expected_keys, expected = bincount_sums(case_keys, case_values)
        assert np.array_equal(found_keys, expected_keys)
        assert same_bits(found, expected)
    summed = _hashing.sum_rows([hashed.word, titles], groups, len(docs))
    assert summed.nnz == len(np.unique(keys)) and summed.has_sorted_indices


def same_csr(a, b) -> bool:
    """Equal CSR matrices, storage and dtypes included (what the models read)."""
    return (
        a.shape == b.shape
        and a.indptr.dtype == b.indptr.dtype
        and a.indices.dtype == b.indices.dtype
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and same_bits(a.data, b.data)
    )


def on_both_paths(compute):
    """``compute()`` on the numpy reference, then on the compiled loops."""
    before = kernel.active()
    try:
        select_path("python")
        expected = compute()
        select_path("kernel")
        return expected, compute()
    finally:
        kernel.use(before is not None)


@pytest.mark.parametrize("norm", ["l2", "l1", None])
@pytest.mark.parametrize("binary", [False, True])
def test_compiled_hashed_rows_equal_the_numpy_reference(body_pieces, norm, binary):
    """``matrix_of_hashes`` counted by ``_pieces.hashed_counts`` against the numpy sort,
    matrix for matrix: the word grams of real body sentences (and our odd ones), the
    same hashes in shuffled order into a small space (collisions, rows interleaved),
    -2**31 and its neighbours, empty rows and an empty batch."""
    unigrams, unigram_rows, bigrams, bigram_rows = _hashing.word_pair_hashes(
        body_pieces, True, WORD_BLOCK.token_pattern
    )
    hashes = np.concatenate([unigrams, bigrams])
    rows = np.concatenate([unigram_rows, bigram_rows])
    shuffled = np.random.default_rng(5).permutation(len(hashes))
    edge = np.array([-(2**31), 2**31 - 1, -(2**31) + 1, 0, -7, 7], dtype=np.int32)
    cases = [
        (hashes, rows, len(body_pieces), WORD_BLOCK.n_features),
        (hashes[shuffled], rows[shuffled], len(body_pieces), 1_000),
        (edge, np.array([0, 0, 3, 3, 1, 1]), 5, WORD_BLOCK.n_features),
        (edge, np.array([4, 0, 3, 3, 1, 0]), 5, 3),
        (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64), 3, 16),
    ]
    for case_hashes, case_rows, n_rows, n_features in cases:
        expected, found = on_both_paths(
            lambda h=case_hashes, r=case_rows, n=n_rows, f=n_features: _hashing.matrix_of_hashes(
                h, r, n, f, False, norm, binary
            )
        )
        assert same_csr(found, expected)


def test_compiled_row_sums_equal_the_numpy_reference(articles):
    """``sum_rows`` by ``_pieces.grouped_sums`` against the packed sort, and
    ``normalise_rows`` by ``_pieces.normalised`` against numpy: the tone rows of real
    articles (sentence rows by article, then the titles), the same rows in groups out of
    order, and values whose sum depends on their order (1e16 + 1 - 1e16), signed zeros,
    NaN and infinities."""
    docs = [analyse(a) for a in articles]
    hashed = hash_bodies([d.norm for d in docs], [d.sentences for d in docs])
    titles = WORD_BLOCK.transform([d.title for d in docs])
    counts = np.fromiter(map(len, hashed.spans_of), dtype=np.int64, count=len(docs))
    rng = np.random.default_rng(11)
    odd = titles.copy()
    odd.data = rng.choice([1e16, 1.0, -1e16, -0.0, 0.0, np.nan, np.inf, -np.inf], odd.nnz)
    zeros = titles.copy()
    zeros.data[:] = -0.0
    cases = [
        ([hashed.word, titles], [np.repeat(np.arange(len(docs)), counts), np.arange(len(docs))]),
        (
            [hashed.word, odd],
            [rng.integers(0, 9, hashed.word.shape[0]), rng.integers(0, 9, len(docs))],
        ),
        ([odd, odd, odd], [np.zeros(len(docs), dtype=np.int64), np.arange(len(docs)) % 2] * 2),
        ([zeros], [np.arange(len(docs)) + 1]),  # every norm 0, and an empty first row
    ]
    for matrices, groups in cases:
        n_groups = int(max(g.max() for g in groups)) + 1
        expected, found = on_both_paths(
            lambda m=matrices, g=groups, n=n_groups: _hashing.sum_rows(m, g[: len(m)], n)
        )
        assert same_csr(found, expected)
        for norm in ("l2", "l1"):  # and each sum normalised (NaN, infinite and 0 norms)
            normalised = on_both_paths(
                lambda m=expected, k=norm: _hashing.normalise_rows(m.copy(), k)
            )
            assert same_csr(*normalised)


def test_compiled_block_scores_equal_the_numpy_reference(articles, body_pieces):
    """``HashedBlock.scores`` by ``_pieces.weighted_sums`` against numpy's two lookups
    (the sorted indices for a few rows, a table of the space for many), bit for bit:
    every shipped block on what it reads (body sentences, titles, headlines, one row
    alone), the same rows with values whose sum depends on their order, signed zeros,
    NaN and infinities, and rows with no stored value."""
    lexical = load_model().lexical
    headlines = [a.title or "" for a in articles]
    sentences = sentence_matrices(body_pieces)
    odd = sentences[0].copy()
    rng = np.random.default_rng(13)
    odd.data = rng.choice([1e16, 1.0, -1e16, -0.0, 0.0, np.nan, np.inf, -np.inf], odd.nnz)
    checked = 0
    for model in lexical.values():
        for block in model.blocks:
            batches = [block.transform(headlines), block.transform(headlines[:1])]
            batches.append(block.transform(["", *headlines[:3], ""]))
            if block.params() in (WORD_BLOCK.params(), SHARE_BLOCK.params()):
                batches += [*sentences, odd]
            for rows in batches:
                with np.errstate(invalid="ignore"):  # inf x 0: NaN on both paths
                    expected, found = on_both_paths(lambda b=block, m=rows: b.scores(m))
                assert same_bits(found, expected)
                checked += 1
    assert checked >= 20


def test_compiled_suffix_test_packed_equals_letter_by_letter(body_pieces):
    """The kernel's sentence counts with the suffixes packed into one integer (what the
    shipped suffixes take) against its letter-by-letter test (taken when a suffix does
    not fit: here one of nine letters that no word ends in), on real body sentences
    and our odd ones."""
    if kernel.compiled() is None:
        pytest.skip("compiled kernel not built")
    compiled = kernel.compiled()
    rest = (body_language.ADVERB_SUFFIX, body_language._STRIPPED, "".join(body_language._QUOTES))
    packed = compiled.sentence_counts(body_pieces, EVALUATIVE_SUFFIXES, *rest)
    by_letter = compiled.sentence_counts(body_pieces, (*EVALUATIVE_SUFFIXES, "q" * 9), *rest)
    np.testing.assert_array_equal(packed, by_letter)
    assert packed[:, 6].sum() > 1_000 and packed[:, 7].sum() > 100
