"""Main text and title of an HTML page, boilerplate removed (trafilatura, imported lazily)."""

from __future__ import annotations

import re
from typing import Any

INSTALL_HINT = "reading HTML needs trafilatura: pip install 'hypescore[html]'"


class HtmlSupportMissing(RuntimeError):
    """trafilatura is not installed; every HTML record would fail, so this stops the run."""


class NoMainText(ValueError):
    """The page parsed but holds no article text (or did not parse at all)."""


# Parsing cost grows with the number of tags and of attributes (lxml slows down sharply
# on one tag with tens of thousands of them, and holds every one in memory); bounding
# tags, attributes per tag and attributes per page bounds the work on any page. The
# limits apply to the markup as parsed: decompressed, and with quoted values read whole
# (a ">" inside a quoted value does not end the tag, for lxml or for us).
MAX_TAGS = 100_000
MAX_TAG_CHARS = 16_384
MAX_TAG_ATTRIBUTES = 256
MAX_PAGE_ATTRIBUTES = 200_000
DEFAULT_MAX_BYTES = 32_000_000
_TAG_RE = re.compile(r"<([A-Za-z][\w:-]{0,64}+)((?:[^<>\"']++|\"[^\"]*+\"|'[^']*+')*+)>")
_ATTRIBUTE_RE = re.compile(r"[^\s\"'<>/=]++(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s\"'<>]*+))?+")


def defuse_html(html: str) -> str:
    """Bound the parser's work: refuse tag floods, strip the attributes of giant tags, of
    tags with hundreds of attributes, and of every tag once a page has spent its budget.

    Such attributes are almost always inline data or an attack; they never carry article
    text, so dropping them keeps the page readable.
    """
    tags = html.count("<")
    if tags > MAX_TAGS:
        raise NoMainText(f"HTML has {tags:,} tags, over the limit of {MAX_TAGS:,}")
    budget = MAX_PAGE_ATTRIBUTES

    def bounded(tag: re.Match[str]) -> str:
        nonlocal budget
        attributes = tag.group(2)
        if not attributes or attributes.isspace():
            return tag.group()
        count = sum(1 for _ in _ATTRIBUTE_RE.finditer(attributes))
        if len(tag.group()) > MAX_TAG_CHARS or count > min(MAX_TAG_ATTRIBUTES, budget):
            return f"<{tag.group(1)}>"
        budget -= count
        return tag.group()

    return _TAG_RE.sub(bounded, html)


def decode_html(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The page as text, decompressed (gzip, zstd, brotli, deflate) within ``max_bytes``
    and decoded by its own encoding; a text, so nothing downstream decompresses again."""
    from trafilatura.utils import decode_file

    return decode_file(data, max_size=max_bytes)


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise HtmlSupportMissing(INSTALL_HINT) from exc
    return trafilatura


def extract_html(
    html: str | bytes, url: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[str, str | None, str | None]:
    """``(text, title, url)`` of the page's main content.

    Navigation, footers, share buttons and comments are dropped; the title comes from the
    page's metadata so headline features still see it. Compressed pages may unpack to at
    most ``max_bytes``.
    """
    trafilatura = _trafilatura()
    if isinstance(html, bytes):
        html = decode_html(html, max_bytes)
    if len(html) > max_bytes:
        raise NoMainText(f"HTML unpacks to over {max_bytes:,} characters")
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
