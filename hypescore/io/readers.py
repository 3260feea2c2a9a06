"""Input records from sources: one article per text/HTML file, one per JSONL line or CSV row.

Every record the user can count comes out exactly once, in order, either as an
:class:`~hypescore.Article` or as an error message; a bad record never stops the stream.
Every record gets a stable id (its own id field, else ``source:line`` or the file name) so
results can be matched to inputs and ``batch --resume`` can skip finished work.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from hypescore.article import Article
from hypescore.article import record_id as own_id
from hypescore.io.census import FieldCensus
from hypescore.io.csv_records import read_csv
from hypescore.io.encodable import encodable, encodable_or_none
from hypescore.io.html import NoMainText, read_html
from hypescore.io.normalized import normalized
from hypescore.io.sources import Source, format_from_name, peek, sniff_format
from hypescore.records import DEFAULT_MAX_CHARS, FIELD_LIMITS, over_limit

_UTF8_BOM = b"\xef\xbb\xbf"
_DRAIN_BLOCK = 1 << 20


@dataclass(frozen=True)
class ReadOptions:
    """How to turn bytes into articles; mirrors the CLI's input options."""

    input_format: str = "auto"
    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    id_field: str = "id"
    first_line_title: bool = False
    max_chars: int = DEFAULT_MAX_CHARS

    @property
    def max_file_bytes(self) -> int:
        """UTF-8 needs at most 4 bytes a character: anything larger is surely over the limit."""
        return 4 * self.max_chars + len(_UTF8_BOM)

    @property
    def max_html_bytes(self) -> int:
        """Markup, scripts and styles outweigh the text; allow generously before refusing."""
        return 16 * self.max_chars

    @property
    def max_line_bytes(self) -> int:
        """JSON escapes a character in up to 6 bytes (``\\uXXXX``); other fields need room."""
        return 6 * self.max_chars + (1 << 16)


@dataclass(frozen=True)
class InputRecord:
    """One input unit: an article to score, or the reason it cannot be scored."""

    id: str
    article: Article | None
    error: str | None = None
    nbytes: int = 0
    skipped: bool = False


SkipCheck = Callable[[str], bool]
"""Asked once per record id; True means the record is already done (``batch --resume``)."""


def read_records(
    sources: Iterable[Source],
    options: ReadOptions,
    skip: SkipCheck | None = None,
    census: FieldCensus | None = None,
) -> Iterator[InputRecord]:
    """Records of every source in turn, lazily: memory stays bounded by one record.

    Records that ``skip`` claims come out marked ``skipped`` (for counting), unparsed
    where possible, so resuming does not redo expensive work such as HTML extraction.
    ``census`` counts the field names of JSONL and CSV records (see ``FieldCensus``).
    """
    for source in sources:
        yield from read_source(source, options, skip, census)


def read_source(
    source: Source,
    options: ReadOptions,
    skip: SkipCheck | None = None,
    census: FieldCensus | None = None,
) -> Iterator[InputRecord]:
    if skip is not None and _is_whole_file(source, options) and skip(source.label):
        yield InputRecord(source.label, None, None, source.size() or 0, skipped=True)
        return
    try:
        raw = source.open()
    except OSError as exc:
        yield InputRecord(source.label, None, f"cannot read {source.label}: {exc.strerror}")
        return
    try:
        stream = normalized(raw)
        input_format = resolve_format(source, stream, options.input_format)
        if input_format == "jsonl":
            yield from _read_jsonl(source, stream, options, skip, census)
        elif input_format == "csv":
            yield from read_csv(source, stream, options, skip, census)
        elif input_format == "html":
            yield _read_html(source, stream, options)
        else:
            yield _read_text(source, stream, options)
    finally:
        if not source.is_stdin:
            raw.close()


def _is_whole_file(source: Source, options: ReadOptions) -> bool:
    """A named text or HTML file is one record whose id is its name, known before reading."""
    if source.is_stdin:
        return False
    input_format = options.input_format
    if input_format == "auto":
        input_format = format_from_name(source.name) or "unknown"
    return input_format in ("text", "html")


def resolve_format(source: Source, stream: BinaryIO, requested: str) -> str:
    """The explicit format, else the file extension, else a look at the first bytes."""
    if requested != "auto":
        return requested
    by_name = None if source.is_stdin else format_from_name(source.name)
    return by_name or sniff_format(peek(stream))


def _read_capped(stream: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` bytes and whether the stream had more (the rest is left unread)."""
    data = stream.read(limit + 1)
    return data[:limit], len(data) > limit


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"invalid UTF-8 at byte {exc.start}{where}") from exc


def _read_text(source: Source, stream: BinaryIO, options: ReadOptions) -> InputRecord:
    data, truncated = _read_capped(stream, options.max_file_bytes)
    if truncated:
        return InputRecord(source.label, None, _too_large(options), len(data))
    try:
        text = _decode(data.removeprefix(_UTF8_BOM), "")
    except ValueError as exc:
        return InputRecord(source.label, None, str(exc), len(data))
    title = None
    if options.first_line_title:
        first, _, rest = text.lstrip("\r\n").partition("\n")
        title, text = first.strip() or None, rest.strip("\r\n")
    return InputRecord(
        source.label, Article(text=text, title=title, id=source.label), None, len(data)
    )


def _read_html(source: Source, stream: BinaryIO, options: ReadOptions) -> InputRecord:
    data, truncated = _read_capped(stream, options.max_html_bytes)
    if truncated:
        message = f"HTML is over {options.max_html_bytes:,} bytes (16 x --max-chars)"
        return InputRecord(source.label, None, message, len(data))
    try:
        article = read_html(data, id=source.label, max_bytes=options.max_html_bytes)
    except NoMainText as exc:
        return InputRecord(source.label, None, str(exc), len(data))
    return InputRecord(source.label, _encodable_article(article, source.label), None, len(data))


def _too_large(options: ReadOptions) -> str:
    return (
        f"input is over {options.max_file_bytes:,} bytes, so over --max-chars {options.max_chars:,}"
    )


def _read_jsonl(
    source: Source,
    stream: BinaryIO,
    options: ReadOptions,
    skip: SkipCheck | None,
    census: FieldCensus | None,
) -> Iterator[InputRecord]:
    limit = options.max_line_bytes
    line_number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        line_number += 1
        fallback_id = f"{source.label}:{line_number}"
        if len(line) > limit and not line.endswith(b"\n"):
            nbytes = len(line) + _drain_line(stream)
            if skip is not None and skip(fallback_id):
                yield InputRecord(fallback_id, None, None, nbytes, skipped=True)
                continue
            message = f"line {line_number} is over {limit:,} bytes, so over --max-chars"
            yield InputRecord(fallback_id, None, message, nbytes)
            continue
        if line_number == 1:
            line = line.removeprefix(_UTF8_BOM)
        if not line.strip():
            continue  # blank lines separate nothing and are not records
        yield _parse_jsonl_line(line, fallback_id, line_number, options, skip, census)


def _drain_line(stream: BinaryIO) -> int:
    """Skip the rest of an oversized line without holding it in memory."""
    skipped = 0
    while True:
        block = stream.readline(_DRAIN_BLOCK)
        skipped += len(block)
        if not block or block.endswith(b"\n"):
            return skipped


def _parse_jsonl_line(
    line: bytes,
    fallback_id: str,
    line_number: int,
    options: ReadOptions,
    skip: SkipCheck | None,
    census: FieldCensus | None = None,
) -> InputRecord:
    nbytes = len(line)
    try:
        record = json.loads(_decode(line.rstrip(b"\r\n"), f" of line {line_number}"))
    except (ValueError, RecursionError) as exc:
        error = str(exc) if isinstance(exc, ValueError) else "JSON is nested too deeply"
        if isinstance(exc, json.JSONDecodeError):
            error = f"malformed JSON on line {line_number}: {exc.msg} (column {exc.colno})"
        if skip is not None and skip(fallback_id):
            return InputRecord(fallback_id, None, None, nbytes, skipped=True)
        return InputRecord(fallback_id, None, error, nbytes)
    if census is not None and isinstance(record, dict):
        census.observe(record)
    return record_from_fields(record, fallback_id, line_number, nbytes, options, skip)


def record_from_fields(
    record: object,
    fallback_id: str,
    line_number: int,
    nbytes: int,
    options: ReadOptions,
    skip: SkipCheck | None,
) -> InputRecord:
    """A parsed record (JSON object, CSV row) to an article, by the field options."""
    record_id = encodable(own_id(record, options.id_field) or fallback_id)
    if len(record_id) > FIELD_LIMITS["id"]:  # a bounded id even for the error record
        error = f"line {line_number}: {over_limit('id', len(record_id))}"
        if skip is not None and skip(fallback_id):
            return InputRecord(fallback_id, None, None, nbytes, skipped=True)
        return InputRecord(fallback_id, None, error, nbytes)
    if skip is not None and skip(record_id):
        return InputRecord(record_id, None, None, nbytes, skipped=True)
    try:
        article = Article.from_record(
            record,
            text_field=options.text_field,
            title_field=options.title_field,
            url_field=options.url_field,
            id_field=options.id_field,
        )
    except ValueError as exc:
        return InputRecord(record_id, None, f"line {line_number}: {exc}", nbytes)
    return InputRecord(record_id, _encodable_article(article, record_id), None, nbytes)


def _encodable_article(article: Article, record_id: str) -> Article:
    """The article with every field writable as UTF-8 and its id settled."""
    return dataclasses.replace(
        article,
        text=encodable(article.text),
        title=encodable_or_none(article.title),
        url=encodable_or_none(article.url),
        id=record_id,
    )
