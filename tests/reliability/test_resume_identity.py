"""``batch --resume`` continues only the work OUT was begun on, whatever the path spelling.

Spellings of the same input are generated (``./``, ``dir/..``, doubled slashes, the
absolute path, a symlink, another working directory); resuming a cut output with any of
them gives exactly the uninterrupted bytes. Inputs that differ (one byte changed, a
record appended, another file, a second input, swapped order) are refused with exit 2
and one clear line, and OUT is left untouched.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from ..cli.conftest import run_cli

TEXTS = [
    "Officials said on Monday that 40% of the 2,000 sites reopened after the storm.",
    "A stunning breakthrough will change everything, experts say.",
    "The council voted 7-2 to fund the bridge repairs, according to the minutes.",
]


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """``data/in.jsonl`` (no ids: they come from the path) in a working directory."""
    (tmp_path / "data" / "sub").mkdir(parents=True)
    lines = [json.dumps({"text": TEXTS[n % 3] + f" Item {n}."}) for n in range(12)]
    (tmp_path / "data" / "in.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "data" / "in.jsonl")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def spellings(root: Path, count: int, seed: int) -> list[tuple[str, str]]:
    """(working directory, path) pairs that all name data/in.jsonl."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        kind = rng.choice(["relative", "absolute", "symlink", "from data/", "from data/sub/"])
        if kind == "relative":
            parts = ["data", "in.jsonl"]
            if rng.random() < 0.5:
                parts.insert(1, "sub/..")
            prefix = rng.choice(["", "./", "././"])
            found.append((".", prefix + rng.choice(["/", "//"]).join(parts)))
        elif kind == "absolute":
            found.append((".", str(root / "data" / "sub" / ".." / "in.jsonl")))
        elif kind == "symlink":
            found.append((".", rng.choice(["link.jsonl", "./link.jsonl"])))
        elif kind == "from data/":
            found.append(("data", rng.choice(["in.jsonl", "./in.jsonl", "sub/../in.jsonl"])))
        else:
            found.append(("data/sub", rng.choice(["../in.jsonl", "..//in.jsonl"])))
    return found


def batch_in(directory: str, *args: object):
    here = os.getcwd()
    os.chdir(directory)
    try:
        return run_cli("batch", *args)
    finally:
        os.chdir(here)


def test_any_spelling_of_the_same_input_resumes_to_the_same_bytes(project, ledger):
    out = project / "out.jsonl"
    assert run_cli("batch", "data/in.jsonl", "-o", out, "-q").exit_code == 0
    canonical = out.read_bytes()
    cases = spellings(project, 16, seed=13)
    for number, (first_dir, first), (second_dir, second) in zip(
        range(len(cases)), cases, cases[1:] + cases[:1], strict=True
    ):
        target = project / f"cut-{number}.jsonl"
        assert batch_in(first_dir, first, "-o", target, "-q").exit_code == 0
        whole = target.read_bytes()
        if first_dir == "." and not first.startswith("/") and "link" not in first:
            assert whole == canonical, first  # one spelling of a relative path, one set of ids
        lines = whole.splitlines(keepends=True)
        target.write_bytes(b"".join(lines[: number % len(lines)]))  # as if stopped here
        result = batch_in(second_dir, second, "-o", target, "--resume", "-q")
        assert result.exit_code == 0, (first, second, result.output)
        assert target.read_bytes() == whole, (first_dir, first, second_dir, second)
    ledger.record(
        "resume with another spelling of the same input (./, dir/.., //, absolute, symlink, cwd)",
        len(cases),
        "ids unchanged; the resumed output is byte-identical to an uninterrupted run",
    )


def changed_inputs(project: Path) -> dict[str, tuple[str, ...]]:
    original = (project / "data" / "in.jsonl").read_bytes()
    rng = random.Random(6)
    flipped = bytearray(original)
    flipped[rng.randrange(len(flipped) - 1)] ^= 0x01
    (project / "flipped.jsonl").write_bytes(bytes(flipped))
    (project / "appended.jsonl").write_bytes(original + b'{"text": "one more"}\n')
    (project / "other.jsonl").write_bytes(b'{"text": "something else entirely"}\n')
    (project / "second.jsonl").write_bytes(original[: len(original) // 2].rsplit(b"\n", 1)[0])
    return {
        "one byte changed": ("flipped.jsonl",),
        "a record appended": ("appended.jsonl",),
        "another file": ("other.jsonl",),
        "a second input added": ("data/in.jsonl", "second.jsonl"),
        "inputs swapped": ("second.jsonl", "data/in.jsonl"),
    }


def test_resuming_with_other_inputs_is_refused_and_out_untouched(project, ledger):
    out = project / "out.jsonl"
    assert run_cli("batch", "data/in.jsonl", "-o", out, "-q").exit_code == 0
    two = project / "two.jsonl"
    variants = changed_inputs(project)
    assert run_cli("batch", "data/in.jsonl", "second.jsonl", "-o", two, "-q").exit_code == 0
    for name, inputs in variants.items():
        target = two if name == "inputs swapped" else out
        before = target.read_bytes()
        result = run_cli("batch", *inputs, "-o", target, "--resume", "-q")
        assert result.exit_code == 2, name
        message = [line for line in result.output.splitlines() if line.strip()]
        assert len(message) == 1 and "cannot resume" in message[0], (name, result.output)
        assert "--overwrite" in message[0]
        assert target.read_bytes() == before, name
    ledger.record(
        "resume with other inputs (a byte changed, record appended, other file, added, swapped)",
        len(variants),
        "refused: exit 2 and one line naming both inputs; OUT unchanged",
    )
