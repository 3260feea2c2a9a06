import dataclasses
import io
import json
import zipfile

import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

from hypescore.model.hypemodel import REQUIRED_PARTS
from hypescore.model.lexical import (
    DenseFeatures,
    HashedBlock,
    HashedLinearModel,
    LexicalModelError,
    from_coefficients,
    from_payload,
    to_payload,
)
from hypescore.model.persistence import (
    ModelLoadError,
    load_model,
    load_model_bytes,
    model_bytes,
)
from hypescore.model.wordpiece import PieceTable, on_value_grid

# Our own sentences: loaded, judging wording against plain reporting.
LOADED = [
    "This is an outrageous, shameful betrayal and we should be furious about it.",
    "What a stunning, unbelievable disaster this reckless plan truly is!",
    "Frankly, the whole thing is a ridiculous waste of everyone's time.",
    "I think this terrible decision will haunt us for years.",
]
PLAIN = [
    "The council approved the budget on Tuesday by a vote of seven to two.",
    "The company reported revenue of 4.2 billion dollars for the third quarter.",
    "The bridge will be closed from 9 p.m. until 5 a.m. for repairs, officials said.",
    "The agency published the figures in its annual report on March 3.",
]
WORD = HashedBlock(analyzer="word", ngram_range=(1, 2), n_features=1 << 12, norm="l2")
CHAR = HashedBlock(analyzer="char_wb", ngram_range=(2, 4), n_features=1 << 12, norm="l2")


def _sklearn_matrix(texts):
    from scipy import sparse

    word = HashingVectorizer(
        analyzer="word",
        ngram_range=(1, 2),
        n_features=1 << 12,
        norm="l2",
        alternate_sign=False,
        token_pattern=r"(?u)\b\w+\b",
    )
    char = HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 4), n_features=1 << 12, norm="l2", alternate_sign=False
    )
    return sparse.hstack([word.transform(texts), char.transform(texts)], format="csr")


def _dense(texts):
    return np.array([[len(t.split()), t.count("!")] for t in texts], dtype=float)


@pytest.fixture(scope="module")
def fitted():
    """A model exported from a scikit-learn fit, and that fit's own decision values."""
    texts, y = LOADED + PLAIN, np.r_[np.ones(4), np.zeros(4)]
    dense = _dense(texts)
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    stats = DenseFeatures(("words", "bangs"), mean, scale, np.zeros(2))
    from scipy import sparse

    X = sparse.hstack([_sklearn_matrix(texts), stats.z(dense)], format="csr")
    estimator = LogisticRegression(C=10.0, max_iter=2000).fit(X, y)
    model = from_coefficients(
        "toy", (WORD, CHAR), estimator.coef_[0], estimator.intercept_[0], stats, threshold=0.4
    )
    return model, estimator, texts, dense


def test_decision_equals_sklearn_on_the_same_hashed_features(fitted):
    model, estimator, _, _ = fitted
    probe = ["We should be furious about this shameful plan.", "Officials said the road reopened."]
    from scipy import sparse

    X = sparse.hstack([_sklearn_matrix(probe), model.dense.z(_dense(probe))], format="csr")
    np.testing.assert_allclose(
        model.decision(probe, _dense(probe)), estimator.decision_function(X), rtol=1e-10, atol=1e-10
    )


def test_weights_are_pruned_to_sorted_nonzero_int32_indices(fitted):
    model = fitted[0]
    for block in model.blocks:
        assert block.indices.dtype == np.int32
        assert np.all(np.diff(block.indices) > 0)
        assert np.all(block.values != 0)
    assert 0 < model.n_weights < 2 * (1 << 12)


def test_payload_round_trip_keeps_every_number(fitted):
    model, _, texts, dense = fitted
    again = from_payload(to_payload(model))
    np.testing.assert_array_equal(again.decision(texts, dense), model.decision(texts, dense))
    assert again.threshold == 0.4
    assert again.blocks[1].analyzer == "char_wb"


def test_round_trip_through_the_safe_model_file(tmp_path, fitted):
    model, _, texts, dense = fitted
    hype_model = dataclasses.replace(load_model(), lexical={**load_model().lexical, "toy": model})
    data = model_bytes(hype_model)
    assert data == model_bytes(hype_model)  # reproducible bytes
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        schema = archive.read("schema.json").decode()
    assert "sklearn" not in schema and "HashingVectorizer" not in schema
    loaded = load_model_bytes(data)
    np.testing.assert_array_equal(
        loaded.lexical["toy"].decision(texts, dense), model.decision(texts, dense)
    )
    assert set(load_model_bytes(model_bytes(load_model())).lexical) == set(REQUIRED_PARTS)


def test_a_tampered_lexical_part_is_refused_with_a_reason(fitted):
    model = fitted[0]
    payload = to_payload(model)
    payload["blocks"][0]["analyzer"] = "callable"
    with pytest.raises(LexicalModelError, match="unknown analyzer"):
        from_payload(payload)
    payload = to_payload(model)
    payload["blocks"][0]["indices"] = payload["blocks"][0]["indices"][::-1].copy()
    with pytest.raises(LexicalModelError, match="strictly increasing"):
        from_payload(payload)
    payload = to_payload(model)
    payload["blocks"][0]["preprocessor"] = "eval"
    with pytest.raises(LexicalModelError, match="unknown vectorizer parameters"):
        from_payload(payload)
    hype_model = dataclasses.replace(load_model(), lexical={**load_model().lexical, "toy": model})
    data = model_bytes(hype_model)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    schema = json.loads(members["schema.json"])
    part = schema["content"]["lexical"]["content"]["toy"]["content"]
    part["format"]["content"] = json.dumps("something-else")
    members["schema.json"] = json.dumps(schema).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    with pytest.raises(ModelLoadError, match="not a lexical model"):
        load_model_bytes(out.getvalue())


PIECE_VOCAB = ["[UNK]", "the", "council", "shame", "##ful", "outrageous", ",", "."]


def _with_pieces(model):
    values = on_value_grid(np.linspace(-1.0, 2.0, len(PIECE_VOCAB)))
    return dataclasses.replace(model, pieces=PieceTable(PIECE_VOCAB, values))


def test_a_piece_table_adds_its_mean_and_is_stored_as_plain_arrays(fitted):
    model, _, texts, dense = fitted
    stacked = _with_pieces(model)
    np.testing.assert_allclose(
        stacked.decision(texts, dense),
        model.decision(texts, dense) + stacked.pieces.means(texts),
        rtol=1e-12,
    )
    hype_model = dataclasses.replace(load_model(), lexical={**load_model().lexical, "toy": stacked})
    data = model_bytes(hype_model)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        schema = json.loads(archive.read("schema.json"))
        pieces = schema["content"]["lexical"]["content"]["toy"]["content"]["pieces"]["content"]
        arrays = {k: np.load(io.BytesIO(archive.read(v["file"]))) for k, v in pieces.items()}
    assert arrays["vocab_utf8"].dtype == np.uint8 and arrays["values"].dtype == np.float32
    loaded = load_model_bytes(data).lexical["toy"]
    assert loaded.pieces == stacked.pieces
    np.testing.assert_array_equal(loaded.decision(texts, dense), stacked.decision(texts, dense))
    with pytest.raises(LexicalModelError, match="texts"):
        stacked.decision_from_matrices([b.transform(texts) for b in stacked.blocks], dense)


def test_a_tampered_piece_table_is_refused_with_a_reason(fitted):
    stacked = _with_pieces(fitted[0])
    payload = to_payload(stacked)
    payload["pieces"]["values"] = payload["pieces"]["values"][:-1]
    with pytest.raises(LexicalModelError, match="piece values for"):
        from_payload(payload)
    payload = to_payload(stacked)
    payload["pieces"]["values"] = payload["pieces"]["values"] + np.float32(0.1)
    with pytest.raises(LexicalModelError, match="multiples"):
        from_payload(payload)
    payload = to_payload(stacked)
    payload["pieces"]["vocab_utf8"] = np.r_[payload["pieces"]["vocab_utf8"], np.uint8(0xFF)]
    with pytest.raises(LexicalModelError, match="pieces"):
        from_payload(payload)
    payload = to_payload(stacked)
    payload["pieces"]["code"] = "eval"
    with pytest.raises(LexicalModelError, match="exactly"):
        from_payload(payload)


def test_dense_features_are_required_with_the_right_shape(fitted):
    model = fitted[0]
    with pytest.raises(LexicalModelError, match="needs dense features"):
        model.decision(["A sentence."])
    with pytest.raises(LexicalModelError, match="expected"):
        model.decision(["A sentence."], np.zeros((1, 3)))
    assert model.decision([], None).shape == (0,)


def test_a_model_without_dense_features_scores_text_alone():
    texts, y = LOADED + PLAIN, np.r_[np.ones(4), np.zeros(4)]
    word = HashingVectorizer(
        n_features=1 << 12, norm="l2", alternate_sign=False, token_pattern=r"(?u)\b\w+\b"
    )
    estimator = LogisticRegression(C=10.0).fit(word.transform(texts), y)
    block = HashedBlock(n_features=1 << 12, ngram_range=(1, 1))
    model = from_coefficients("words", (block,), estimator.coef_[0], estimator.intercept_[0])
    assert isinstance(model, HashedLinearModel)
    probe = ["A shameful, outrageous betrayal.", "The council approved the budget."]
    p = model.proba(probe)
    np.testing.assert_allclose(p, estimator.predict_proba(word.transform(probe))[:, 1])
    assert p[0] > p[1]


def test_scoring_imports_no_scikit_learn():
    """Cold start: hashing and scoring run on numpy/scipy.sparse alone."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "import numpy as np\n"
        "from hypescore.model.lexical import HashedBlock, from_coefficients\n"
        "block = HashedBlock(analyzer='char_wb', ngram_range=(2, 5), n_features=1 << 12)\n"
        "model = from_coefficients('m', (block,), np.ones(1 << 12), 0.0)\n"
        "model.proba(['A headline to score'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'pandas')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
