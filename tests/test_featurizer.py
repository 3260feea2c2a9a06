"""HypeFeaturizer against scikit-learn's estimator checks.

``parametrize_with_checks`` runs every check scikit-learn can generate data for; a
transformer of text (``input_tags.string``, no 2-D numeric input) gets no generated data,
so scikit-learn skips the data checks itself (a SkipTestWarning) and runs the rest. The
API checks that need no data are run by name below, and the data checks' intent (fit
returns self, transform is deterministic, clone and pickle keep behaviour, names match
the output) is checked by hand on real texts. ``check_transformer_general`` and the other
numeric-input checks cannot apply: a float is not an article.
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.utils import estimator_checks
from sklearn.utils.estimator_checks import parametrize_with_checks

from hypescore import HypeFeaturizer, featurize

from .conftest import fixture_text

API_CHECKS = (
    "check_no_attributes_set_in_init",
    "check_get_params_invariance",
    "check_set_params",
    "check_parameters_default_constructible",
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_estimator_tags_renamed",
    "check_valid_tag_types",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_dont_overwrite_parameters",
    "check_fit_check_is_fitted",
)
TEXTS = [fixture_text("wire_report.txt"), fixture_text("hyped_breakthrough.txt"), "Short."]


@parametrize_with_checks([HypeFeaturizer()])
def test_sklearn_generated_checks(estimator, check):
    check(estimator)


@pytest.mark.parametrize("name", API_CHECKS)
def test_sklearn_api_checks(name):
    getattr(estimator_checks, name)("HypeFeaturizer", HypeFeaturizer())


def test_fit_returns_self_and_transform_is_featurize():
    featurizer = HypeFeaturizer()
    assert featurizer.fit(TEXTS) is featurizer
    out = featurizer.transform(TEXTS)
    np.testing.assert_array_equal(out, featurize(TEXTS).values)
    np.testing.assert_array_equal(HypeFeaturizer().fit_transform(TEXTS), out)
    assert out.shape == (3, featurizer.n_features_out_)
    assert len(featurizer.get_feature_names_out()) == out.shape[1]


def test_clone_and_pickle_keep_behaviour():
    featurizer = HypeFeaturizer(chunk_size=2).fit(TEXTS)
    expected = featurizer.transform(TEXTS)
    np.testing.assert_array_equal(clone(featurizer).fit(TEXTS).transform(TEXTS), expected)
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(featurizer)).transform(TEXTS), expected)


def test_numeric_input_is_refused_by_record():
    with pytest.raises(ValueError, match="record 0: cannot make an Article from float"):
        HypeFeaturizer().fit([[1.0, 2.0]]).transform(np.array([[1.0, 2.0]]))
