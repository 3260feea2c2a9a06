"""Command-line input arguments (paths, globs, ``-``) resolved into concrete sources."""

from __future__ import annotations

import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STDIN = "-"
# What a source can hold; ``auto`` picks one by extension or by sniffing stdin.
INPUT_FORMATS = ("auto", "text", "html", "jsonl", "csv")

_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
}
_SNIFF_BYTES = 4096


class SourceError(Exception):
    """An input argument that cannot be used at all (exit code 2, not a per-record error)."""


@dataclass(frozen=True)
class Source:
    """One input: a file path or standard input (``name == "-"``)."""

    name: str
    alias: str | None = None
    """The label to use instead of the name's own (``batch --resume``: the first run's)."""

    @property
    def is_stdin(self) -> bool:
        return self.name == STDIN

    @property
    def label(self) -> str:
        """How ids and messages refer to this source: one spelling per path
        (``./in.jsonl`` and ``in.jsonl`` give the same ids)."""
        if self.alias is not None:
            return self.alias
        return "<stdin>" if self.is_stdin else os.path.normpath(self.name)

    def size(self) -> int | None:
        """Bytes in the source when knowable up front (for progress), else None."""
        if self.is_stdin:
            return None
        try:
            return os.path.getsize(self.name)
        except OSError:
            return None

    def open(self) -> BinaryIO:
        if self.is_stdin:
            return sys.stdin.buffer
        return open(self.name, "rb")  # noqa: SIM115 - caller closes it


def expand_sources(arguments: tuple[str, ...] | list[str]) -> list[Source]:
    """Turn PATH|GLOB|DIR|- arguments into sources, in the order given.

    A glob expands to its matches sorted by name (stable ids and output order); a directory
    to the files directly inside it. Anything matching nothing is a usage error, because
    silently scoring nothing hides typos.
    """
    sources: list[Source] = []
    for argument in arguments:
        if argument == STDIN:
            sources.append(Source(STDIN))
            continue
        path = Path(argument)
        if path.is_dir():
            files = sorted(str(p) for p in path.iterdir() if p.is_file())
            if not files:
                raise SourceError(f"directory {argument!r} has no files")
            sources.extend(Source(f) for f in files)
        elif path.exists():
            sources.append(Source(argument))
        elif glob.has_magic(argument):
            matches = sorted(m for m in glob.glob(argument, recursive=True) if os.path.isfile(m))
            if not matches:
                raise SourceError(f"pattern {argument!r} matches no files")
            sources.extend(Source(m) for m in matches)
        else:
            raise SourceError(f"no such file: {argument!r}")
    return sources


def format_from_name(name: str) -> str | None:
    """The input format a file name implies, or None when the name does not say."""
    return _EXTENSIONS.get(Path(name).suffix.lower())


def sniff_format(head: bytes) -> str:
    """Guess the format of unnamed input (stdin, odd extensions) from its first bytes."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    lowered = stripped[:_SNIFF_BYTES].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered:
        return "html"
    return "text"


def peek(stream: BinaryIO, size: int = _SNIFF_BYTES) -> bytes:
    """First bytes of a stream without consuming them (stdin cannot be rewound)."""
    peeker = getattr(stream, "peek", None)
    if peeker is not None:
        return peeker(size)[:size]
    position = stream.tell()
    head = stream.read(size)
    stream.seek(position)
    return head
