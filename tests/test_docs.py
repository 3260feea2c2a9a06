"""Every public function shows how it is called; ``help(hypescore)`` starts with an example."""

from __future__ import annotations

import inspect
import pydoc
from importlib import resources

import pytest

import hypescore

FUNCTIONS = [
    name
    for name in hypescore.__all__
    if not name.startswith("_")
    and callable(getattr(hypescore, name))
    and not inspect.isclass(getattr(hypescore, name))
]


def test_there_are_public_functions_to_check():
    assert {"score", "score_many", "score_frame", "read_html", "featurize"} <= set(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_each_public_function_docstring_has_an_example(name):
    doc = inspect.getdoc(getattr(hypescore, name)) or ""
    assert ">>> " in doc and f"hypescore.{name}(" in doc, name


def test_help_shows_an_example_and_the_accepted_inputs():
    text = pydoc.render_doc(hypescore, renderer=pydoc.plaintext)
    assert ">>> result = hypescore.score(" in text
    assert "Accepted inputs" in text and "pandas" in text


def test_the_package_is_marked_typed():
    assert resources.files("hypescore").joinpath("py.typed").is_file()


def test_feature_names_example_holds():
    assert hypescore.feature_names()[:2] == ("sentiment.mean_compound", "sentiment.std_compound")
