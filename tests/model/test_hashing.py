import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32 as sklearn_murmur

from hypescore.model import _hashing

# Our own texts: punctuation, accents, emoji, long and one-letter tokens, blank ones.
TEXTS = [
    "The council approved the budget on Tuesday, 7 votes to 2.",
    "WOW!!! You won't BELIEVE what happened next... 😱 #viral",
    "Café naïve façade — “quoted” words and a-very-long-hyphenated-compound-token-here",
    "",
    "   ",
    "I",
    "x" * 300 + " tail",
    "Line one\nLine two\tTabbed  double  spaced",
]


def test_murmurhash_equals_scikit_learn_on_many_lengths():
    rng = np.random.default_rng(0)
    keys = [bytes(rng.integers(0, 256, n, dtype=np.uint8)) for n in range(0, 90)]
    keys += [t.encode("utf-8") for t in TEXTS]
    expected = [sklearn_murmur(k, seed=0) for k in keys]
    np.testing.assert_array_equal(_hashing.murmurhash3_32(keys), expected)


@pytest.mark.parametrize(
    "params",
    [
        dict(analyzer="word", ngram_range=(1, 2), norm="l2", token_pattern=r"(?u)\b\w+\b"),
        dict(analyzer="word", ngram_range=(1, 1), norm="l1", token_pattern=r"(?u)\b\w\w+\b"),
        dict(analyzer="word", ngram_range=(2, 3), norm=None, token_pattern=r"(?u)\b\w+\b"),
        dict(analyzer="char_wb", ngram_range=(2, 5), norm="l2"),
        dict(analyzer="char_wb", ngram_range=(1, 3), norm=None, binary=True),
        dict(analyzer="char", ngram_range=(1, 4), norm="l2", lowercase=False),
        dict(analyzer="word", ngram_range=(1, 2), norm="l2", alternate_sign=True),
    ],
)
def test_transform_equals_hashing_vectorizer(params):
    full = {
        "n_features": 1 << 10,
        "lowercase": True,
        "alternate_sign": False,
        "binary": False,
        "token_pattern": r"(?u)\b\w\w+\b",
        **params,
    }
    sklearn_params = dict(full)
    if full["analyzer"] != "word":
        sklearn_params.pop("token_pattern")
    expected = HashingVectorizer(**sklearn_params).transform(TEXTS).toarray()
    ours = _hashing.transform(TEXTS, **full).toarray()
    np.testing.assert_allclose(ours, expected, rtol=1e-12, atol=1e-15)
