"""The HTML limits hold on what is actually parsed, not on what the file looks like.

Generated variants of the three ways around them: hostile pages compressed (gzip,
deflate, and brotli or zstd where installed) so the file is small but unpacks big; ``>``
and ``<`` inside quoted attribute values of giant tags, so a tag scanner that stops at
``>`` sees small tags; and grids of many tags times many attributes, each tag under the
giant-tag size. Each page runs in a fresh interpreter within the same CPU and memory
bounds as the other hostile pages: 10x the CPU time, 3x the memory of an ordinary page.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import random
import subprocess
import sys
import zlib

import pytest

from .test_hostile_html import ONE, PROBE, ordinary_page

pytest.importorskip("trafilatura")


def probe_bytes(data: bytes) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], input=data, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return json.loads(done.stdout)


def compressors() -> dict[str, object]:
    found = {"gzip": gzip.compress, "deflate": zlib.compress}
    if importlib.util.find_spec("brotli"):
        import brotli

        found["brotli"] = brotli.compress
    if importlib.util.find_spec("zstandard"):
        import zstandard

        found["zstd"] = zstandard.ZstdCompressor().compress
    return found


def tag_flood(rng: random.Random) -> str:
    tag = rng.choice(["<b>", "<i>", "<span>", "<p>a", "<div><div>"])
    return "<html><body>" + tag * rng.randrange(400_000, 1_200_000) + ONE + "</body></html>"


def attribute_flood(rng: random.Random) -> str:
    tag = "<div " + " ".join(f"a{i}=v{i}" for i in range(rng.randrange(300, 800))) + ">"
    return "<html><body>" + (tag + ONE + "</div>") * rng.randrange(500, 1000) + "</body></html>"


def quoted_brackets(rng: random.Random) -> str:
    """One giant tag whose values hold '>' and '<', so it never looks long to a naive scan."""
    quote = rng.choice(['"', "'"])
    value = rng.choice([">", "><", "a>b", "<>", "> <"])
    attributes = " ".join(
        f"a{i}={quote}{value * rng.randrange(1, 4)}{quote}"
        for i in range(rng.randrange(100_000, 250_000))
    )
    return f"<html><body><div {attributes}>{ONE}</div></body></html>"


def grid(tags: int, attributes: int) -> str:
    tag = "<p " + " ".join(f"data-k{i}=v" for i in range(attributes)) + ">"
    return "<html><body>" + (tag + ONE[3:]) * tags + "</body></html>"


def variants() -> dict[str, bytes]:
    rng = random.Random(13)
    found: dict[str, bytes] = {}
    for name, compress in compressors().items():
        found[f"{name}: tag flood"] = compress(tag_flood(rng).encode())
        found[f"{name}: attribute flood"] = compress(attribute_flood(rng).encode())
    for n in range(3):
        found[f"quoted brackets #{n + 1}"] = quoted_brackets(rng).encode()
    for tags, attributes in ((2000, 1500), (20_000, 150), (200, 15_000), (40_000, 60)):
        found[f"{tags:,} tags x {attributes:,} attributes"] = grid(tags, attributes).encode()
    return found


def test_pages_that_walk_around_the_limits_are_bounded(ledger):
    reference = probe_bytes(ordinary_page().encode())
    assert reference["outcome"] == "extracted"
    cpu_limit = max(10 * reference["cpu"], 2.0)
    rss_limit = 3 * reference["rss_mb"] + 200
    pages = variants()
    outcomes = {}
    for name, data in pages.items():
        result = probe_bytes(data)
        assert result["cpu"] <= cpu_limit, (name, len(data), result, reference)
        assert result["rss_mb"] <= rss_limit, (name, len(data), result, reference)
        outcomes[name] = result["outcome"].split(":")[0]
        if "tag flood" in name:
            assert "tags, over the limit" in result["outcome"], (name, result)
    refused = sum(o == "error" for o in outcomes.values())
    ledger.record(
        "HTML built to get around the limits (compressed floods, '>' inside quoted values, "
        "many tags x many attributes)",
        len(pages),
        f"all within 10x the CPU time and 3x the memory of an ordinary 2 MB page; "
        f"{len(pages) - refused} extracted, {refused} refused with a per-record error",
    )
