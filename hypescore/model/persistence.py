"""Saving and safely loading models: skops archives holding plain data only.

Files are written with ``skops.io`` and can be audited or loaded with it
(``skops.io.load(path, trusted=TRUSTED_TYPES)``). Loading here never imports skops:
its import alone enumerates every scikit-learn estimator and costs more CPU than the
rest of a one-article run. Instead ``load_model`` audits the archive's schema against
an explicit allow-list of node types first and refuses anything else, then rebuilds
the plain payload (dicts, lists, JSON scalars, numeric arrays via
``numpy.load(allow_pickle=False)``). No pickle, no code from the file ever runs.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import zipfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from hypescore.features import feature_names
from hypescore.model.array_schema import (
    COMBINATION_ARRAYS,
    IMPACT_ARRAYS,
    REFERENCE_PART_ARRAYS,
    THRESHOLD_ARRAYS,
    VERDICT_MAP_ARRAYS,
    InvalidArray,
    read_arrays,
)
from hypescore.model.combination import LEARNED_PARTS, PARTS, HypeCombination
from hypescore.model.hypemodel import FORMAT, FORMAT_VERSION, REQUIRED_PARTS, HypeModel
from hypescore.model.impact import ImpactSpec
from hypescore.model.lexical import LexicalModelError
from hypescore.model.lexical import from_payload as lexical_from_payload
from hypescore.model.lexical import to_payload as lexical_to_payload
from hypescore.model.verdict_map import VerdictMap

DEFAULT_MODEL_NAME = "hypescore-default.skops"
# (module, class, skops loader) of every node a hypescore model file may contain.
ALLOWED_NODES = frozenset(
    {
        ("builtins", "dict", "DictNode"),
        ("builtins", "list", "ListNode"),
        ("builtins", "tuple", "TupleNode"),
        ("builtins", "str", "JsonNode"),
        ("builtins", "str", "TypeNode"),
        ("numpy", "ndarray", "NdArrayNode"),
    }
)
TRUSTED_TYPES = [
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "builtins.str",
    "numpy.ndarray",
]
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# A model is tens of KB unpacked; a file claiming far more is hostile or not a model.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_FILE_BYTES = MAX_UNPACKED_BYTES  # deflate never makes plain data bigger, bar headers
MAX_SCHEMA_BYTES = 4 * 1024 * 1024  # the shipped schema is 25 KB


class ModelLoadError(ValueError):
    """The file is not a loadable hypescore model; the message says why."""


class UntrustedModelError(ModelLoadError):
    """The file contains object types outside the allow-list; nothing was built from it."""


# ---------------------------------------------------------------- payload <-> model


def to_payload(model: HypeModel) -> dict[str, Any]:
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": model.name,
        "version": model.version,
        "feature_names": list(model.feature_names),
        "lexical": {name: lexical_to_payload(m) for name, m in model.lexical.items()},
        "combination": {p: float(model.combination.weights[p]) for p in LEARNED_PARTS},
        "verdict_map": np.asarray(model.verdict_map.cuts, dtype=np.float64),
        "reference_parts": {p: float(model.reference_parts[p]) for p in PARTS},
        "impact": {
            "features": list(model.impact.features),
            "weights": np.asarray(model.impact.weights, dtype=np.float64),
            "scales": np.asarray(model.impact.scales, dtype=np.float64),
            "reference": np.asarray(model.impact.reference, dtype=np.float64),
        },
        "thresholds": {"hype": model.hype_threshold, "impact": model.impact_threshold},
        "training": model.training,
    }
    return payload


def from_payload(payload: Any, checksum: str, source: str) -> HypeModel:
    """Check format, version and feature names, then build the model."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelLoadError(f"{source}: not a hypescore model (no {FORMAT!r} format tag)")
    version = payload.get("format_version")
    if version != FORMAT_VERSION:
        raise ModelLoadError(
            f"{source}: model format version {version!r}, but this hypescore reads version "
            f"{FORMAT_VERSION}; retrain with `hypescore train` or use a matching hypescore"
        )
    _check_feature_names(payload.get("feature_names"), source)
    try:
        impact = _impact(payload["impact"])
        thresholds = read_arrays(payload["thresholds"], THRESHOLD_ARRAYS, {}, "thresholds")
        weights = read_arrays(payload["combination"], COMBINATION_ARRAYS, {}, "combination")
        cuts = read_arrays({"cuts": payload["verdict_map"]}, VERDICT_MAP_ARRAYS, {}, "verdict_map")
        reference = read_arrays(
            payload["reference_parts"], REFERENCE_PART_ARRAYS, {}, "reference_parts"
        )
        return HypeModel(
            name=str(payload["name"]),
            version=str(payload["version"]),
            feature_names=tuple(payload["feature_names"]),
            impact=impact,
            lexical=_lexical_parts(payload.get("lexical"), source),
            combination=HypeCombination({p: float(weights[p]) for p in LEARNED_PARTS}),
            verdict_map=VerdictMap(cuts=cuts["cuts"]),
            reference_parts={p: float(reference[p]) for p in PARTS},
            hype_threshold=float(thresholds["hype"]),
            impact_threshold=float(thresholds["impact"]),
            training=dict(payload.get("training") or {}),
            checksum=checksum,
        )
    except ModelLoadError:
        raise
    except InvalidArray as exc:
        raise ModelLoadError(f"{source}: {exc}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelLoadError(f"{source}: malformed model payload ({exc!r})") from exc


def _lexical_parts(raw: Any, source: str) -> dict:
    """The learned lexical parts by name: every part hype reads must be there."""
    if not isinstance(raw, dict):
        raise ModelLoadError(f"{source}: lexical parts must be a mapping by name")
    missing = [name for name in REQUIRED_PARTS if name not in raw]
    if missing:
        raise ModelLoadError(f"{source}: model lacks the learned parts {missing}")
    try:
        return {
            str(name): lexical_from_payload(part, f"{source}[{name}]") for name, part in raw.items()
        }
    except LexicalModelError as exc:
        raise ModelLoadError(str(exc)) from exc


def _impact(node: Any) -> ImpactSpec:
    """The impact formula, checked against :data:`IMPACT_ARRAYS`, on known features only."""
    features = node["features"]
    if not isinstance(features, list) or not features:
        raise InvalidArray("impact.features: the impact formula needs at least one feature")
    unknown = set(map(str, features)) - set(feature_names())
    if unknown or not all(isinstance(f, str) for f in features):
        raise InvalidArray(f"impact.features: unknown features {sorted(unknown)}")
    arrays = read_arrays(node, IMPACT_ARRAYS, {"terms": len(features)}, "impact")
    return ImpactSpec(features=tuple(features), **arrays)


def _check_feature_names(names: Any, source: str) -> None:
    expected = list(feature_names())
    if names == expected:
        return
    if not isinstance(names, list):
        raise ModelLoadError(f"{source}: model has no feature name list")
    missing = [n for n in expected if n not in names]
    extra = [n for n in names if n not in expected]
    detail = f"missing {missing}, unexpected {extra}" if missing or extra else "order differs"
    raise ModelLoadError(
        f"{source}: the model's feature names do not match this featurizer ({detail}); "
        "retrain the model with `hypescore train`"
    )


# ---------------------------------------------------------------- writing


def model_bytes(model: HypeModel) -> bytes:
    """The model as a skops archive with reproducible bytes (same model, same checksum)."""
    import skops.io as sio

    return _canonical_archive(sio.dumps(to_payload(model)))


def save_model(model: HypeModel, path: str | Path) -> str:
    """Write the model file; returns its sha256 checksum."""
    data = model_bytes(model)
    Path(path).write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def _canonical_archive(data: bytes) -> bytes:
    """Number skops's object ids (memory addresses) by order of appearance, one per node,
    and fix zip timestamps and member order, so equal models give byte-identical files.

    Every node gets its own id: which equal values happen to share one Python object
    must not change the file. The payload is plain data, so no sharing is lost.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        schema = json.loads(archive.read("schema.json"))
        members = {name: archive.read(name) for name in archive.namelist()}
    counter = iter(range(1, 1 << 31))
    files: dict[str, bytes] = {}

    def renumber(node: Any) -> None:
        if isinstance(node, dict):
            if "__id__" in node:
                node["__id__"] = next(counter)
            if isinstance(node.get("file"), str):
                new_name = f"{node['__id__']}.npy"
                files[new_name] = members[node["file"]]
                node["file"] = new_name
            for key in sorted(node):  # key order, as written: insertion order must not matter
                renumber(node[key])
        elif isinstance(node, list):
            for value in node:
                renumber(value)

    renumber(schema)
    files["schema.json"] = json.dumps(schema, sort_keys=True).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return out.getvalue()


# ---------------------------------------------------------------- reading


def default_model_path() -> Path:
    return Path(str(resources.files("hypescore").joinpath("models", DEFAULT_MODEL_NAME)))


def load_model(path: str | Path | None = None) -> HypeModel:
    """Load a model file (``None``: the default model shipped in the package).

    Accepts a ``str`` or ``pathlib.Path`` to a ``.skops`` file, or None.

    >>> import hypescore
    >>> model = hypescore.load_model()                 # the shipped model
    >>> result = hypescore.score("Some text ...", model=model)

    Refuses, with a ``ModelLoadError`` saying why: garbage or truncated files, object
    types outside the allow-list (``UntrustedModelError``), other format versions, and
    models whose feature names differ from this featurizer's.
    """
    if path is None:
        return _default_model()
    return _load(Path(path))


@cache
def _default_model() -> HypeModel:
    return _load(default_model_path())


def _load(path: Path) -> HypeModel:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ModelLoadError(f"{path}: cannot read model file ({exc.strerror or exc})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise ModelLoadError(
            f"{path}: over the {MAX_FILE_BYTES:,}-byte limit for a model file; not a model"
        )
    return load_model_bytes(data, source=str(path))


def load_model_bytes(data: bytes, source: str = "<bytes>") -> HypeModel:
    return from_payload(_payload(data, source), hashlib.sha256(data).hexdigest(), source)


def load_model_parts(path: str | Path) -> dict:
    """The learned lexical parts of any hypescore model file that has them (also of
    format-2 files, where they were an additive key): for retraining around them."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelLoadError(f"{path}: cannot read model file ({exc.strerror or exc})") from exc
    payload = _payload(data, str(path))
    if not isinstance(payload, dict):
        raise ModelLoadError(f"{path}: not a hypescore model")
    return _lexical_parts(payload.get("lexical"), str(path))


def _payload(data: bytes, source: str) -> Any:
    """The audited plain payload of a model archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_unpacked_size(archive, source)
            budget = _ReadBudget(MAX_UNPACKED_BYTES, source)
            schema = json.loads(budget.read(archive, "schema.json", MAX_SCHEMA_BYTES))
            audit_schema(schema, source)
            return _build(schema, archive, budget)
    except ModelLoadError:
        raise
    except RecursionError as exc:
        raise ModelLoadError(f"{source}: model schema is nested too deeply to be a model") from exc
    except Exception as exc:  # the zip and JSON parsers raise many types on a corrupt file
        raise ModelLoadError(
            f"{source}: not a readable hypescore model file (corrupt, truncated or not a "
            f"skops archive: {exc})"
        ) from exc


def _check_unpacked_size(archive: zipfile.ZipFile, source: str) -> None:
    """Refuse archives that would unpack to more than any model needs (zip bombs)."""
    declared = sum(info.file_size for info in archive.infolist())
    if declared > MAX_UNPACKED_BYTES:
        raise ModelLoadError(
            f"{source}: archive unpacks to {declared:,} bytes, over the "
            f"{MAX_UNPACKED_BYTES:,}-byte limit for a model file"
        )


def audit_schema(schema: Any, source: str = "<bytes>") -> None:
    """Refuse the file if any node is outside ``ALLOWED_NODES``; builds nothing."""
    foreign: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "__loader__" in node or "__class__" in node:
                key = (node.get("__module__"), node.get("__class__"), node.get("__loader__"))
                if key not in ALLOWED_NODES or (
                    key[2] == "NdArrayNode" and node.get("type") != "numpy"
                ):
                    foreign.add(f"{key[0]}.{key[1]} ({key[2]})")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    if foreign:
        raise UntrustedModelError(
            f"{source}: refusing to load: the file contains types outside hypescore's "
            f"allow-list: {', '.join(sorted(foreign))}"
        )


class _ReadBudget:
    """Bytes actually decompressed, counted across members: a member's declared size can
    lie (zipfile would inflate all of it before cutting to the declared size)."""

    def __init__(self, limit: int, source: str) -> None:
        self.left = limit
        self.source = source

    def read(self, archive: zipfile.ZipFile, name: str, limit: int | None = None) -> bytes:
        cap = min(self.left, limit if limit is not None else self.left)
        with archive.open(name) as handle:
            data = handle.read(cap + 1)  # a bounded read inflates at most cap + 1 bytes
        if len(data) > cap:
            raise ModelLoadError(
                f"{self.source}: member {name!r} unpacks to over {cap:,} bytes, more than "
                "any model needs"
            )
        self.left -= len(data)
        return data


def _build(node: dict[str, Any], archive: zipfile.ZipFile, budget: _ReadBudget) -> Any:
    loader = node["__loader__"]
    if loader == "DictNode":
        return {key: _build(value, archive, budget) for key, value in node["content"].items()}
    if loader == "ListNode":
        return [_build(value, archive, budget) for value in node["content"]]
    if loader == "TupleNode":
        return tuple(_build(value, archive, budget) for value in node["content"])
    if loader == "JsonNode":
        return json.loads(node["content"])
    if loader == "NdArrayNode":
        return _numeric_array(budget.read(archive, node["file"]), node["file"])
    raise UntrustedModelError(f"unexpected node {loader}")  # audit_schema stops this first


def _numeric_array(data: bytes, name: str) -> np.ndarray:
    """A .npy member whose header promises exactly the bytes present, of a plain numeric
    dtype; numpy would otherwise allocate whatever size the header claims first."""
    stream = io.BytesIO(data)
    major, _minor = np.lib.format.read_magic(stream)
    read_header = (
        np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
    )
    shape, _fortran, dtype = read_header(stream)
    if dtype.hasobject or dtype.kind not in "biuf":
        raise ValueError(f"array {name} holds {dtype}, not plain numbers")
    expected = math.prod(shape) * dtype.itemsize
    if expected != len(data) - stream.tell():
        raise ValueError(f"array {name} claims {expected:,} bytes but holds {len(data):,}")
    stream.seek(0)
    return np.load(stream, allow_pickle=False)
