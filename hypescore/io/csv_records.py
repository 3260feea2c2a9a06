"""CSV input: each row after the header is one record, its fields named by the header.

The same field options as JSONL apply (``--text-field`` and the rest); a row without an
id is named ``SOURCE:LINE``, LINE being where the row starts. A row with bad UTF-8 is one
error record; a row that cannot be parsed (a field over the size limit) ends that file
with one error record, because CSV cannot be resynchronised after a broken row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from hypescore.io.census import FieldCensus
    from hypescore.io.readers import InputRecord, ReadOptions, SkipCheck
    from hypescore.io.sources import Source

_UTF8_BOM = b"\xef\xbb\xbf"


def read_csv(
    source: Source,
    stream: BinaryIO,
    options: ReadOptions,
    skip: SkipCheck | None,
    census: FieldCensus | None,
) -> Iterator[InputRecord]:
    """Rows as records, lazily: memory stays bounded by one row."""
    from hypescore.io.readers import InputRecord, record_from_fields

    lines = _Lines(stream, options.max_line_bytes)
    previous_limit = csv.field_size_limit(options.max_line_bytes)
    try:
        rows = csv.reader(lines)
        try:
            header = next(rows, None)
            if header is None:
                return
            line = rows.line_num + 1
            for cells in rows:
                start, line = line, rows.line_num + 1
                fallback_id = f"{source.label}:{start}"
                if not any(cell.strip() for cell in cells):
                    continue  # blank lines are not records
                nbytes = sum(len(cell) for cell in cells)
                bad = lines.undecodable(start, line)
                if bad:
                    yield InputRecord(fallback_id, None, bad, nbytes)
                    continue
                record = _row(header, cells)
                if census is not None:
                    census.observe(record)
                yield record_from_fields(record, fallback_id, start, nbytes, options, skip)
        except csv.Error as exc:
            message = f"CSV cannot be read from line {line} on: {exc}"
            yield InputRecord(f"{source.label}:{line}", None, message)
    finally:
        csv.field_size_limit(previous_limit)


class _Lines:
    """The stream's lines as text for ``csv.reader``, decoded one line at a time.

    A line that is not UTF-8 is passed on with replacement characters and remembered, so
    only the row holding it becomes an error record.
    """

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self._stream, self._limit = stream, limit
        self._number = 0
        self._bad: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        while line := self._stream.readline(self._limit + 1):
            self._number += 1
            if self._number == 1:
                line = line.removeprefix(_UTF8_BOM)
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError as exc:
                where = f"byte {exc.start} of line {self._number}"
                self._bad[self._number] = f"invalid UTF-8 at {where}"
                yield line.decode("utf-8", errors="replace")

    def undecodable(self, first: int, after: int) -> str | None:
        """The decoding error of a line in ``[first, after)``, if any (then forgotten)."""
        found = [self._bad.pop(n) for n in range(first, after) if n in self._bad]
        return found[0] if found else None


def _row(header: list[str], cells: list[str]) -> Mapping[str, str | None]:
    """Header names to cells; an empty cell is a missing value, as JSON's null would be."""
    pairs = zip(header, cells, strict=False)  # a short row lacks its last fields
    return {name: (cell if cell != "" else None) for name, cell in pairs}
