"""What an earlier, interrupted ``batch`` run already finished, read back from its output."""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypescore.io.writers import csv_text


class NotResumable(ValueError):
    """The output file is not one this format could have written (usage error)."""


@dataclass
class FinishedIds:
    """Ids already in the output, counted, so duplicated input ids are skipped only as often
    as they were written and nothing is dropped or repeated."""

    counts: Counter[str] = field(default_factory=Counter)
    csv_header: list[str] | None = None

    def __len__(self) -> int:
        return sum(self.counts.values())

    def take(self, record_id: str) -> bool:
        """True (once per finished occurrence) when this record is already in the output."""
        if self.counts[record_id] > 0:
            self.counts[record_id] -= 1
            return True
        return False


def finished_ids(path: Path, output_format: str) -> FinishedIds:
    """Read the ids in ``path``; an absent or empty file means nothing is finished."""
    if not path.exists() or path.stat().st_size == 0:
        return FinishedIds()
    if output_format == "csv":
        return _csv_ids(path)
    return _jsonl_ids(path)


def _jsonl_ids(path: Path) -> FinishedIds:
    done = FinishedIds()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise NotResumable(f"{path}: line {number} is not JSON ({exc.msg})") from exc
            if not isinstance(record, dict) or "id" not in record:
                raise NotResumable(f"{path}: line {number} is not a hypescore result")
            done.counts[str(record["id"])] += 1
    return done


def _csv_ids(path: Path) -> FinishedIds:
    done = FinishedIds()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header or header[0] != "id":
            raise NotResumable(f"{path}: not a hypescore CSV (first column is not 'id')")
        done.csv_header = header
        for row in reader:
            if row:
                done.counts[csv_text(row[0])] += 1
    return done
