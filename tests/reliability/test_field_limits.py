"""Every record field is bounded, not only ``text``: title, url and id have limits.

Sizes are generated around each limit (at it, one over, and random sizes up to
2.5 MB) and the over-long field is filled with generated content. At or under the
limit the record scores; over it the record becomes an error naming the field, in the
library and in the CLI, and an over-long id is replaced by SOURCE:LINE so even the
error record stays small.
"""

from __future__ import annotations

import json
import random

import pytest

import hypescore
from hypescore.article import Article
from hypescore.records import FIELD_LIMITS

from ..cli.conftest import jsonl, run_cli

TEXT = "Officials said on Monday that 40% of the 2,000 sites reopened after the storm."
FILLERS = ("a", "Hype! ", "www.a.com", "\u00e9\u4e2d", "1,")


def sizes(field: str) -> list[int]:
    limit = FIELD_LIMITS[field]
    rng = random.Random(field)
    return [limit, limit + 1, *(rng.randrange(limit + 2, 2_500_000) for _ in range(3))]


def filled(size: int, seed: int) -> str:
    unit = FILLERS[seed % len(FILLERS)]
    return (unit * (size // len(unit) + 1))[:size]


CASES = [(field, size) for field in FIELD_LIMITS for size in sizes(field)]


@pytest.mark.parametrize(("field", "size"), CASES)
def test_library_refuses_fields_over_their_limit(field, size):
    value = filled(size, size)
    result = hypescore.score(Article(text=TEXT, **{field: value}), explain=2)
    if size <= FIELD_LIMITS[field]:
        assert result.error is None, result.error
    else:
        assert result.error == (
            f"{field} is {size:,} characters, over the limit of {FIELD_LIMITS[field]:,}"
        )


def test_cli_bounds_every_field_and_keeps_one_result_per_record(tmp_path, ledger):
    records = [
        {"id": f"r{n}", "text": TEXT, field: filled(size, n)}
        for n, (field, size) in enumerate(CASES)
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = run_cli("score", "-f", "jsonl", source)
    assert result.exit_code == 0
    results = jsonl(result.stdout_bytes)
    assert len(results) == len(records)
    for line, (record, (field, size), out) in enumerate(
        zip(records, CASES, results, strict=True), 1
    ):
        over = size > FIELD_LIMITS[field]
        assert (out["error"] is not None) == over, (field, size, out["error"])
        if over:
            assert field in out["error"] and f"{FIELD_LIMITS[field]:,}" in out["error"]
        assert out["id"] == (f"{source}:{line}" if field == "id" and over else record["id"])
        assert len(json.dumps(out)) < 20_000  # the error record itself stays small
    ledger.record(
        "over-long title, url and id (at the limit, one over, up to 2.5 MB)",
        len(CASES),
        "over the limit: an error record naming the field, its id bounded; at the limit: scored",
    )
