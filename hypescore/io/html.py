"""Main text and title of an HTML page, boilerplate removed (trafilatura, imported lazily)."""

from __future__ import annotations

import re
from typing import Any

INSTALL_HINT = "reading HTML needs trafilatura: pip install 'hypescore[html]'"


class HtmlSupportMissing(RuntimeError):
    """trafilatura is not installed; every HTML record would fail, so this stops the run."""


class NoMainText(ValueError):
    """The page parsed but holds no article text (or did not parse at all)."""


# Parsing cost grows with the number of tags, and lxml slows down sharply on one tag with
# tens of thousands of attributes; bounding both bounds the time any page can take.
MAX_TAGS = 100_000
MAX_TAG_CHARS = 16_384
_OVERLONG_TAG = rf"<([A-Za-z][\w:-]{{0,64}}+)[^<>]{{{MAX_TAG_CHARS},}}>"
_OVERLONG_TAG_RE = re.compile(_OVERLONG_TAG)
_OVERLONG_TAG_BYTES_RE = re.compile(_OVERLONG_TAG.encode())


def defuse_html(html: str | bytes) -> str | bytes:
    """Bound the parser's work: refuse tag floods, strip the attributes of giant tags.

    A giant tag is almost always an inline data URI or an attack; its attributes never
    carry article text, so dropping them keeps the page readable. Bytes stay bytes, so
    trafilatura still detects the page's own encoding.
    """
    if isinstance(html, bytes):
        tags = html.count(b"<")
        pattern, replacement = _OVERLONG_TAG_BYTES_RE, rb"<\1>"
    else:
        tags = html.count("<")
        pattern, replacement = _OVERLONG_TAG_RE, r"<\1>"
    if tags > MAX_TAGS:
        raise NoMainText(f"HTML has {tags:,} tags, over the limit of {MAX_TAGS:,}")
    return pattern.sub(replacement, html)


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise HtmlSupportMissing(INSTALL_HINT) from exc
    return trafilatura


def extract_html(html: str | bytes, url: str | None = None) -> tuple[str, str | None, str | None]:
    """``(text, title, url)`` of the page's main content.

    Navigation, footers, share buttons and comments are dropped; the title comes from the
    page's metadata so headline features still see it.
    """
    trafilatura = _trafilatura()
    html = defuse_html(html)
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # lxml raises many types on hostile input
        raise NoMainText(f"HTML could not be parsed: {exc}") from exc
    if document is None or not (document.text or "").strip():
        raise NoMainText("no main text found in the HTML page")
    title = (document.title or "").strip() or None
    return _without_repeated_title(document.text, title), title, document.url or url


def _without_repeated_title(text: str, title: str | None) -> str:
    """Pages repeat the headline as the first line (``<h1>``); it is already the title."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        return rest
    return text
