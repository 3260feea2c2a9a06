"""Which inputs a ``batch`` output was made from, so ``--resume`` continues the same work.

Resuming skips the records already in OUT by id, so it is only sound on the same input.
Each run records its inputs beside OUT (``.OUT.hypescore-inputs.json``): every source's
resolved path, a SHA-256 fingerprint of its content and the label its ids were built
from. ``--resume`` refuses inputs whose paths or content differ, and reuses the recorded
labels, so ``./in.jsonl`` after ``in.jsonl`` (or from another directory) keeps the ids.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypescore.io.sources import Source

MANIFEST_VERSION = 1
_HASH_BLOCK = 1 << 20


class InputMismatch(ValueError):
    """``--resume`` with inputs other than those OUT was made from."""


@dataclass(frozen=True)
class InputIdentity:
    label: str
    path: str | None  # None for stdin, which has no identity to check
    sha256: str | None


def identify(source: Source) -> InputIdentity:
    """The source's resolved path and content fingerprint (read once, in blocks); an
    unreadable file has no fingerprint (its records become errors when read)."""
    if source.is_stdin:
        return InputIdentity(source.label, None, None)
    digest = hashlib.sha256()
    try:
        with open(source.name, "rb") as handle:
            while block := handle.read(_HASH_BLOCK):
                digest.update(block)
    except OSError:
        return InputIdentity(source.label, str(Path(source.name).resolve()), None)
    return InputIdentity(source.label, str(Path(source.name).resolve()), digest.hexdigest())


def manifest_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.hypescore-inputs.json")


def read_manifest(output: Path) -> list[InputIdentity] | None:
    """The recorded inputs, or None when OUT predates input records (or lost them)."""
    try:
        data = json.loads(manifest_path(output).read_text(encoding="utf-8"))
        if data.get("version") != MANIFEST_VERSION:
            return None
        return [InputIdentity(**entry) for entry in data["inputs"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def write_manifest(output: Path, identities: list[InputIdentity]) -> None:
    """Replace the record atomically; raises OSError when the directory takes no files."""
    target = manifest_path(output)
    text = json.dumps(
        {"version": MANIFEST_VERSION, "inputs": [dataclasses.asdict(i) for i in identities]},
        ensure_ascii=True,
        indent=1,
    )
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f"{target.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(text + "\n")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def resume_sources(
    output: Path, sources: list[Source], current: list[InputIdentity]
) -> list[Source]:
    """``sources`` labelled as when OUT was begun; InputMismatch when they are not the same."""
    recorded = read_manifest(output)
    if recorded is None:
        return sources
    same = len(recorded) == len(current) and all(
        (r.path, r.sha256) == (c.path, c.sha256) for r, c in zip(recorded, current, strict=True)
    )
    if not same:
        raise InputMismatch(
            f"{output} was made from {_describe(recorded)}, not {_describe(current)}; "
            "resume with the same input, or use --overwrite to start again"
        )
    return [
        dataclasses.replace(source, alias=r.label)
        for source, r in zip(sources, recorded, strict=True)
    ]


def _describe(identities: list[InputIdentity]) -> str:
    def one(i: InputIdentity) -> str:
        return "stdin" if i.path is None else f"{i.path} (sha256 {(i.sha256 or '-')[:12]})"

    shown = ", ".join(one(i) for i in identities[:3])
    return shown + (f" and {len(identities) - 3} more" if len(identities) > 3 else "")
