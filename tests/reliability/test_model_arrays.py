"""Models that load must score: every array in a model file is checked at load time.

Variants are generated over every array the payload declares (impact weights, scales and
reference counts; the thresholds; the combination weights; the verdict map's cut points;
the reference parts; the learned parts check their own arrays, ``tests/model/test_lexical.py``):
NaN and infinities at any position, arbitrary floats, zeros, sign flips, wrong shapes
and dtypes. Each variant either raises ModelLoadError or loads a model that scores real
articles (explanations included) with finite numbers and no error records.
"""

from __future__ import annotations

import copy
import io
import math
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hypescore
from hypescore.model.array_schema import (
    COMBINATION_ARRAYS,
    IMPACT_ARRAYS,
    REFERENCE_PART_ARRAYS,
    THRESHOLD_ARRAYS,
)
from hypescore.model.persistence import (
    MAX_FILE_BYTES,
    ModelLoadError,
    _canonical_archive,
    load_model,
    load_model_bytes,
    to_payload,
)

from ..cli.conftest import run_subprocess
from ..conftest import fixture_article

ARTICLES = [fixture_article(name) for name in ("wire_report.txt", "hype_rewrite.txt")]
SHIPPED = to_payload(load_model())
ARRAY_PATHS = [
    *(("impact", name) for name in IMPACT_ARRAYS),
    *(("thresholds", name) for name in THRESHOLD_ARRAYS),
    *(("combination", name) for name in COMBINATION_ARRAYS),
    *(("reference_parts", name) for name in REFERENCE_PART_ARRAYS),
    ("verdict_map",),
]
OUTCOMES: Counter[str] = Counter()


def get(payload: dict, path: tuple) -> object:
    node = payload
    for key in path:
        node = node[key]
    return node


def put(payload: dict, path: tuple, value: object) -> None:
    get(payload, path[:-1])[path[-1]] = value


def as_model_file(payload: dict) -> bytes:
    return _canonical_archive(sio.dumps(payload))


def corrupt(value: object, kind: str, position: int, number: float) -> object:
    array = np.array(value, dtype=np.float64)
    flat = array.reshape(-1).copy()
    index = position % max(flat.size, 1)
    if kind in ("nan", "inf", "-inf", "number") and flat.size:
        flat[index] = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}.get(kind, number)
        return flat.reshape(array.shape) if array.ndim else float(flat[0])
    if kind == "zeros":
        return np.zeros_like(array) if array.ndim else 0.0
    if kind == "negated":
        return -array if array.ndim else -float(array)
    if kind == "empty":
        return np.zeros((0,))
    if kind == "extra axis":
        return array[None, ...]
    if kind == "one short":
        return array[..., :-1] if array.ndim else np.array([float(array)])
    if kind == "strings":
        return np.array(["1"] * max(flat.size, 1))
    return np.array(flat, dtype=np.complex128).reshape(array.shape)  # "complex"


KINDS = ("nan", "inf", "-inf", "number", "zeros", "negated", "empty", "extra axis", "one short")
KINDS += ("strings", "complex")


def loads_and_scores(data: bytes) -> bool:
    """False when refused with ModelLoadError; True when loaded and every score is sound."""
    try:
        model = load_model_bytes(data, source="variant")
    except ModelLoadError as exc:
        assert "variant" in str(exc)
        return False
    for result in hypescore.score_many(ARTICLES, model=model, explain=50):
        assert result.error is None, result.error
        assert 1 <= result.verdict <= 10
        assert all(math.isfinite(x) for x in (result.hype, result.impact))
        assert result.reasons and all(math.isfinite(r.contribution) for r in result.reasons)
    return True


@given(
    path=st.sampled_from(ARRAY_PATHS),
    kind=st.sampled_from(KINDS),
    position=st.integers(min_value=0, max_value=10_000),
    number=st.floats(allow_nan=False, allow_infinity=False, width=64),
)
@settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
def test_every_corrupted_array_is_refused_or_scores(ledger, path, kind, position, number):
    payload = copy.deepcopy(SHIPPED)
    put(payload, path, corrupt(get(payload, path), kind, position, number))
    OUTCOMES["loaded and scored" if loads_and_scores(as_model_file(payload)) else "refused"] += 1
    if kind in ("nan", "inf", "-inf", "empty", "extra axis", "strings", "complex"):
        assert OUTCOMES["refused"], "a non-finite or misshapen array was accepted"
    ledger.record(
        "model arrays corrupted (NaN, infinities, any float, zeros, sign flips, shapes, dtypes)",
        sum(OUTCOMES.values()),
        f"{OUTCOMES['refused']} refused with a ModelLoadError naming the file, "
        f"{OUTCOMES['loaded and scored']} loaded and scored with finite numbers",
    )


@pytest.mark.parametrize("kind", ["nan", "inf", "-inf", "empty", "extra axis", "strings"])
@pytest.mark.parametrize("path", ARRAY_PATHS, ids=lambda p: ".".join(map(str, p)))
def test_non_finite_and_misshapen_arrays_never_load(path, kind):
    payload = copy.deepcopy(SHIPPED)
    put(payload, path, corrupt(get(payload, path), kind, 7, 0.0))
    where = r"(impact|thresholds|combination|verdict_map|reference_parts|npy)"
    with pytest.raises(ModelLoadError, match=rf"variant: .*{where}"):
        load_model_bytes(as_model_file(payload), source="variant")


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.pop("lexical"),
        lambda p: p["lexical"].pop("one_sided_tone"),
        lambda p: p["impact"].update(features=[]),
        lambda p: p["impact"].update(scales=np.zeros_like(p["impact"]["scales"])),
        lambda p: p["combination"].update(tone=0.0),
        lambda p: p.update(verdict_map=p["verdict_map"][::-1].copy()),
    ],
    ids=[
        "no learned parts",
        "a learned part missing",
        "no impact terms",
        "zero impact scales",
        "combination weights not summing to 1",
        "descending verdict map",
    ],
)
def test_models_that_cannot_score_are_refused(change):
    payload = copy.deepcopy(SHIPPED)
    change(payload)
    with pytest.raises(ModelLoadError, match="variant"):
        load_model_bytes(as_model_file(payload), source="variant")


def replace_member(data: bytes, name: str, content: bytes, *, declared: int | None = None) -> bytes:
    """The archive with one member's content replaced, its declared size optionally faked."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members[name] = content
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, payload in members.items():
            archive.writestr(member, payload)
    raw = bytearray(out.getvalue())
    if declared is not None:  # patch the uncompressed size in both headers
        with zipfile.ZipFile(io.BytesIO(bytes(raw))) as archive:
            info = archive.getinfo(name)
        real = info.file_size.to_bytes(4, "little")
        fake = declared.to_bytes(4, "little")
        local = info.header_offset
        raw[local + 22 : local + 26] = fake
        central = bytes(raw).rfind(name.encode(), 0) - 46
        assert raw[central + 24 : central + 28] == real
        raw[central + 24 : central + 28] = fake
    return bytes(raw)


@pytest.mark.parametrize("megabytes", [8, 40, 200])
@pytest.mark.parametrize("member", ["schema.json", "array"])
def test_understated_member_sizes_are_read_with_a_bound(member, megabytes):
    """A member claiming 100 bytes but inflating to megabytes is cut off at the limit."""
    shipped = as_model_file(copy.deepcopy(SHIPPED))
    with zipfile.ZipFile(io.BytesIO(shipped)) as archive:
        name = "schema.json" if member == "schema.json" else archive.namelist()[0]
        original = archive.read(name)
    bulk = original + b" " * (megabytes << 20)
    data = replace_member(shipped, name, bulk, declared=len(original))
    with pytest.raises(ModelLoadError, match="variant"):
        load_model_bytes(data, source="variant")


@pytest.mark.parametrize("claimed", [10**6, 10**9, 10**12])
def test_array_headers_claiming_more_than_they_hold_are_refused(claimed):
    shipped = as_model_file(copy.deepcopy(SHIPPED))
    with zipfile.ZipFile(io.BytesIO(shipped)) as archive:
        name = archive.namelist()[0]
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buffer, {"descr": "<f8", "fortran_order": False, "shape": (claimed,)}
    )
    data = replace_member(shipped, name, buffer.getvalue() + b"\0" * 64)
    with pytest.raises(ModelLoadError, match="claims"):
        load_model_bytes(data, source="variant")


def test_oversized_model_files_are_refused_without_reading_them(tmp_path):
    big = tmp_path / "big.skops"
    with big.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(3 * 1024**3)
    with pytest.raises(ModelLoadError, match="limit"):
        load_model(big)
    assert big.stat().st_size > MAX_FILE_BYTES


@pytest.mark.parametrize("command", ["score", "explain"])
def test_cli_refuses_a_broken_model_in_one_line(tmp_path, command):
    payload = copy.deepcopy(SHIPPED)
    payload["impact"]["scales"][0] = math.inf
    model = tmp_path / "broken.skops"
    model.write_bytes(as_model_file(payload))
    article = Path(tmp_path / "a.txt")
    article.write_text("Officials said on Monday that 40% of the 2,000 sites reopened.\n")
    done = run_subprocess(command, "--model", model, article)
    assert done.returncode == 2
    message = done.stderr.decode()
    assert "Traceback" not in message
    last = message.strip().splitlines()[-1]
    assert last.startswith("Error:") and "broken.skops: impact.scales" in last
