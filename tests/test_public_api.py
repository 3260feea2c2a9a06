import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

import hypescore
from hypescore import Article, HypeFeaturizer, feature_names, featurize, iter_featurize

from .conftest import fixture_article, fixture_text
from .optional_parts import require


def test_all_names_exist():
    for name in hypescore.__all__:
        assert hasattr(hypescore, name), name


def test_feature_names_are_namespaced_and_unique():
    names = feature_names()
    assert len(names) == len(set(names))
    families = {n.split(".")[0] for n in names}
    assert families == {
        "sentiment",
        "promotion",
        "filler",
        "factual",
        "sourcing",
        "substance",
        "readability",
    }


def test_featurize_accepts_strings_articles_records_and_generators():
    wire = fixture_article("wire_report.txt")
    items = (x for x in [wire, wire.text, {"text": wire.text, "title": wire.title, "id": 7}])
    matrix = featurize(items)
    assert matrix.values.shape == (3, len(feature_names()))
    assert matrix.ids == [None, None, "7"]
    assert matrix.errors == [None, None, None]
    np.testing.assert_array_equal(matrix.values[0], matrix.values[2])


def test_bad_records_keep_their_place():
    items = ["A fine sentence about 3 things.", "", {"title": "no text"}, 42, "   ", "Fine again."]
    matrix = featurize(items, chunk_size=2)
    assert len(matrix) == 6
    assert matrix.errors[0] is None and matrix.errors[5] is None
    assert matrix.errors[1] == "text is empty"
    assert "'text' is missing" in matrix.errors[2]
    assert "cannot make an Article from int" in matrix.errors[3]
    assert matrix.errors[4] == "text is empty"
    assert np.isnan(matrix.values[1]).all() and np.isfinite(matrix.values[0]).all()
    assert matrix.ok.tolist() == [True, False, False, False, False, True]


def test_oversized_record_gets_a_clear_error():
    matrix = featurize(["word " * 100], max_chars=100)
    assert matrix.errors[0] == "text is 500 characters, over the limit of 100"


def test_iter_featurize_streams_in_chunks():
    stream = iter_featurize((f"Article number {i} said 5 things." for i in range(10)), chunk_size=4)
    sizes = [len(chunk) for chunk in stream]
    assert sizes == [4, 4, 2]


def test_parallel_equals_serial():
    texts = [fixture_text(n) for n in ("wire_report.txt", "hype_rewrite.txt", "opinion_piece.txt")]
    texts = texts * 4
    serial = featurize(texts)
    parallel = featurize(texts, n_jobs=2, chunk_size=3)
    np.testing.assert_array_equal(serial.values, parallel.values)


def test_transformer_follows_sklearn_conventions():
    pd = require("pandas", "dev")
    texts = [fixture_text("wire_report.txt"), fixture_text("hype_rewrite.txt")]
    featurizer = HypeFeaturizer(chunk_size=1)
    assert clone(featurizer).get_params() == featurizer.get_params()
    out = featurizer.fit_transform(texts)
    assert out.shape == (2, len(feature_names()))
    assert list(featurizer.get_feature_names_out()) == list(feature_names())
    frame = HypeFeaturizer().set_output(transform="pandas").fit_transform(texts)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(feature_names())
    series = HypeFeaturizer().fit_transform(pd.Series(texts))
    np.testing.assert_array_equal(series, out)


def test_transformer_in_a_pipeline_and_errors():
    texts = [fixture_text("wire_report.txt"), fixture_text("hype_rewrite.txt")] * 3
    pipe = make_pipeline(HypeFeaturizer(), LogisticRegression(max_iter=1000))
    pipe.fit(texts, [1, 0] * 3)
    assert pipe.predict(texts).tolist() == [1, 0] * 3
    with pytest.raises(ValueError, match="record 1: text is empty"):
        HypeFeaturizer().fit_transform(["fine text", ""])
    out = HypeFeaturizer(on_error="nan").fit_transform(["fine text", ""])
    assert np.isnan(out[1]).all()


def test_featurize_works_with_no_network(tmp_path):
    """Run in a fresh interpreter where every socket connection fails and NLTK has no data."""
    script = textwrap.dedent(
        """
        import json, socket, sys
        def refuse(*args, **kwargs):
            raise OSError("network disabled for this test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        import nltk
        nltk.data.path[:] = [sys.argv[1]]
        import hypescore
        import numpy
        m = hypescore.featurize([sys.argv[2]])
        print(json.dumps({"errors": m.errors, "finite": bool(numpy.isfinite(m.values).all())}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), fixture_text("wire_report.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"errors": [None], "finite": True}


def test_article_from_record_validates():
    with pytest.raises(ValueError, match="'title' must be a string"):
        Article.from_record({"text": "x", "title": 3})
    assert Article.from_record({"body": "x", "id": 5}, text_field="body").id == "5"


def test_exports_are_lazy_and_complete():
    import hypescore as package

    assert set(package.__all__) == {*package._EXPORTS, "__version__"}
    script = "import sys, hypescore; print('sklearn' in sys.modules, 'textstat' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_public_face_is_one_list():
    """``__all__``, the lazy map and the type-checking imports name the same things."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(hypescore.__file__).read_text(encoding="utf-8"))
    checked: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom)
                checked.update({alias.name: stmt.module for alias in stmt.names})
    assert sorted(hypescore.__all__) == sorted([*hypescore._EXPORTS, "__version__"])
    assert checked == hypescore._EXPORTS
    for name, module in hypescore._EXPORTS.items():
        assert getattr(hypescore, name).__module__.startswith(module), name


def test_runtime_layers_do_not_load_training():
    probe = (
        "import sys, hypescore.model, hypescore.scoring, hypescore.features;"
        "print(sorted(m for m in sys.modules if m.startswith(('hypescore.training',"
        " 'sklearn'))))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
