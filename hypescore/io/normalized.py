"""Input bytes as the readers expect them: UTF-8, lines ending in ``\\n``.

Files from other tools arrive as UTF-16 or UTF-32 with a byte-order mark (Windows
editors, PowerShell's ``>``) or with classic Mac line endings (a lone ``\\r``). Both are
recognised from the first bytes and converted while streaming, so the readers keep one
job each and memory stays bounded. A lone ``\\r`` never occurs inside valid JSON (it
must be escaped there), so turning it into ``\\n`` cannot change a record.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable
from typing import BinaryIO

from hypescore.io.sources import peek

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEAD = 1 << 16
_BLOCK = 1 << 16


class _Transformed(io.RawIOBase):
    """A readable stream of ``transform(block)`` for each block of another stream."""

    def __init__(self, stream: BinaryIO, transform: Callable[[bytes, bool], bytes]) -> None:
        self._stream = stream
        self._transform = transform
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            block = self._stream.read(_BLOCK)
            self._done = not block
            self._pending = self._transform(block, self._done)
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


def _transcoder(encoding: str) -> Callable[[bytes, bool], bytes]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="surrogatepass")

    def transcode(block: bytes, final: bool) -> bytes:
        # lone surrogates pass through as bytes that are not UTF-8: a per-record error later
        return decoder.decode(block, final).encode("utf-8", "surrogatepass")

    return transcode


def _cr_to_lf(block: bytes, final: bool) -> bytes:
    return block.replace(b"\r", b"\n")


def normalized(stream: BinaryIO) -> BinaryIO:
    """``stream``, or a converting view of it when it is not UTF-8 with ``\\n`` lines."""
    head = peek(stream, _HEAD)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            stream = io.BufferedReader(_Transformed(stream, _transcoder(encoding)))
            head = peek(stream, _HEAD)
            break
    if b"\r" in head and b"\n" not in head:  # classic Mac line endings
        stream = io.BufferedReader(_Transformed(stream, _cr_to_lf))
    return stream
