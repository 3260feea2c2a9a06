"""Untrusted model files: every malformed or hostile file is refused with a clear
ModelLoadError, never another exception, and nothing from the file executes."""

from __future__ import annotations

import io
import json
import random
import zipfile

import pytest

from hypescore.model.persistence import (
    ModelLoadError,
    UntrustedModelError,
    default_model_path,
    load_model_bytes,
)


@pytest.fixture(scope="module")
def shipped() -> bytes:
    return default_model_path().read_bytes()


def repack(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def hostile_variants(shipped: bytes) -> dict[str, bytes]:
    members = members_of(shipped)
    schema = json.loads(members["schema.json"])
    code_node = {
        "__class__": "system",
        "__module__": "os",
        "__loader__": "FunctionNode",
        "content": {"module_path": "os", "function": "system"},
        "__id__": 999_999,
    }
    with_code = json.loads(json.dumps(schema))
    with_code["content"]["name"] = code_node
    pickled = dict(members)
    pickled["schema.json"] = json.dumps(
        {**schema, "__loader__": "ObjectNode", "__class__": "Popen", "__module__": "subprocess"}
    ).encode()
    deep = "[" * 100_000 + "]" * 100_000
    bomb = dict(members)
    bomb["padding.bin"] = b"\0" * 300_000_000
    return {
        "empty file": b"",
        "random bytes": random.Random(0).randbytes(4096),
        "truncated archive": shipped[: len(shipped) // 2],
        "zip without schema": repack({"other.txt": b"hello"}),
        "schema not JSON": repack({**members, "schema.json": b"{not json"}),
        "schema nested 100,000 deep": repack({**members, "schema.json": deep.encode()}),
        "function node (os.system)": repack(
            {**members, "schema.json": json.dumps(with_code).encode()}
        ),
        "object node (subprocess.Popen)": repack(pickled),
        "300 MB zero-filled member (zip bomb)": repack(bomb),
        "pickle bytes instead of an archive": b"\x80\x04\x95" + b"cos\nsystem\n" + b"." * 40,
    }


def test_hostile_files_are_refused_with_model_load_errors(shipped, ledger):
    variants = hostile_variants(shipped)
    for name, data in variants.items():
        with pytest.raises(ModelLoadError) as caught:
            load_model_bytes(data, source=name)
        assert name in str(caught.value), name
    with pytest.raises(UntrustedModelError, match=r"os\.system"):
        load_model_bytes(variants["function node (os.system)"], source="f")
    ledger.record(
        "hostile model files (garbage, truncated, foreign types, pickle, zip bomb, deep JSON)",
        len(variants),
        "each refused with a ModelLoadError naming the file; nothing built or executed",
    )


def test_random_byte_flips_load_or_are_refused_cleanly(shipped, ledger):
    rng = random.Random(1)
    refused = loaded = 0
    for _ in range(300):
        data = bytearray(shipped)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            model = load_model_bytes(bytes(data), source="flipped")
        except ModelLoadError:
            refused += 1
        else:
            loaded += 1  # flips landed in bytes the archive does not read
            assert model.feature_names
    ledger.record(
        "model files with random byte flips",
        refused + loaded,
        f"{refused} refused with a ModelLoadError, {loaded} unaffected; no other exception",
    )
