"""Text every UTF-8 writer accepts: lone surrogates replaced, one character for one.

JSON can spell a lone surrogate (``"\\ud800"``) and Python decodes it into a string that
no UTF-8 file or terminal can hold. Records are cleaned as they are read (so ids match
on ``--resume`` and evidence offsets stay valid), and every output stream encodes with
:data:`ENCODE_ERRORS`, so text from anywhere else (command-line arguments, library
callers) cannot stop a writer either.
"""

from __future__ import annotations

import codecs
import re

REPLACEMENT = "\ufffd"
ENCODE_ERRORS = "hypescore-replace"
"""Codec error handler for output streams: each unencodable character becomes U+FFFD
(``?`` where the encoding has no U+FFFD, such as ASCII)."""

_SURROGATES = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with every surrogate code point replaced by U+FFFD (same length)."""
    if text.isascii():
        return text
    return _SURROGATES.sub(REPLACEMENT, text)


def encodable_or_none(text: str | None) -> str | None:
    return None if text is None else encodable(text)


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unicode_codec = error.encoding.replace("-", "").lower().startswith("utf")
    return (REPLACEMENT if unicode_codec else "?") * (error.end - error.start), error.end


codecs.register_error(ENCODE_ERRORS, _replace)
