import io
import json
import zipfile

import numpy as np
import pytest

import hypescore
from hypescore.model.hypemodel import FORMAT_VERSION
from hypescore.model.persistence import (
    ModelLoadError,
    UntrustedModelError,
    default_model_path,
    load_model,
    model_bytes,
    to_payload,
)

from ..conftest import fixture_article


def _rewrite(data: bytes, edit) -> bytes:
    """Re-pack a model archive after ``edit(schema)`` changed its schema in place."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    schema = json.loads(members["schema.json"])
    edit(schema)
    members["schema.json"] = json.dumps(schema).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _field(schema: dict, key: str) -> dict:
    return schema["content"][key]


@pytest.fixture(scope="module")
def model_file() -> bytes:
    return default_model_path().read_bytes()


def test_default_model_ships_small_and_matches_its_card(model_file):
    # One file with the four learned parts (pruned hashed n-gram weights) inside.
    assert len(model_file) < 1_500_000
    card = json.loads(default_model_path().with_suffix(".card.json").read_text())
    model = load_model()
    assert card["checksum_sha256"] == model.checksum
    assert card["feature_names"] == list(hypescore.feature_names())
    assert load_model() is model  # cached: a process loads the default once


def test_file_is_a_skops_archive_that_skops_itself_accepts(tmp_path, model_file):
    skops_io = pytest.importorskip("skops.io")
    from hypescore.model.persistence import TRUSTED_TYPES

    assert skops_io.get_untrusted_types(data=model_file) == []
    via_skops = skops_io.loads(model_file, trusted=TRUSTED_TYPES)
    ours = to_payload(load_model())
    assert via_skops["feature_names"] == ours["feature_names"]
    np.testing.assert_array_equal(via_skops["verdict_map"], ours["verdict_map"])
    assert via_skops["combination"] == ours["combination"]
    assert set(via_skops["lexical"]) == set(ours["lexical"])


def test_round_trip_is_byte_identical(tmp_path, model_file):
    assert model_bytes(load_model()) == model_file


def test_foreign_type_is_refused_before_anything_is_built(tmp_path, model_file):
    def smuggle(schema):
        _field(schema, "name").update(
            {
                "__class__": "system",
                "__module__": "os",
                "__loader__": "FunctionNode",
                "content": {"module_path": "os", "function": "system"},
            }
        )

    path = tmp_path / "tampered.skops"
    path.write_bytes(_rewrite(model_file, smuggle))
    with pytest.raises(UntrustedModelError, match=r"outside hypescore's allow-list: os\.system"):
        load_model(path)


def test_object_arrays_are_refused(tmp_path, model_file):
    def objectify(schema):
        _field(schema, "verdict_map")["type"] = "json"

    path = tmp_path / "objects.skops"
    path.write_bytes(_rewrite(model_file, objectify))
    with pytest.raises(UntrustedModelError, match="numpy.ndarray"):
        load_model(path)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a model at all", b"PK\x03\x04garbage", "truncated"],
    ids=["empty", "text", "fake-zip", "truncated"],
)
def test_garbage_and_truncated_files_are_refused(tmp_path, model_file, content):
    if content == "truncated":
        content = model_file[: len(model_file) // 2]
    path = tmp_path / "bad.skops"
    path.write_bytes(content)
    with pytest.raises(ModelLoadError, match="not a readable hypescore model file"):
        load_model(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLoadError, match="cannot read model file"):
        load_model(tmp_path / "nope.skops")


def test_other_format_version_is_refused(tmp_path, model_file):
    future = FORMAT_VERSION + 1

    def bump(schema):
        _field(schema, "format_version")["content"] = str(future)

    path = tmp_path / "future.skops"
    path.write_bytes(_rewrite(model_file, bump))
    with pytest.raises(ModelLoadError, match=f"format version {future}, but this hypescore reads"):
        load_model(path)


def test_feature_name_mismatch_is_refused(tmp_path, model_file):
    def rename(schema):
        names = _field(schema, "feature_names")["content"]
        names[0]["content"] = json.dumps("sentiment.renamed")

    path = tmp_path / "renamed.skops"
    path.write_bytes(_rewrite(model_file, rename))
    with pytest.raises(ModelLoadError, match=r"feature names do not match.*sentiment\.renamed"):
        load_model(path)


def test_loaded_file_scores_like_the_default(tmp_path, model_file):
    path = tmp_path / "copy.skops"
    path.write_bytes(model_file)
    article = fixture_article("wire_report.txt")
    assert hypescore.score(article, model=load_model(path)) == hypescore.score(article)
