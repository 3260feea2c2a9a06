"""Main text and title of an HTML page, boilerplate removed (trafilatura, imported lazily)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hypescore._optional import OptionalPartMissing, import_optional
from hypescore.article import Article
from hypescore.caveats import thin_extraction, word_count


class HtmlSupportMissing(RuntimeError):
    """trafilatura cannot be used; every HTML record would fail, so this stops the run.

    The message is the install hint when trafilatura is absent, the import error itself
    when it is installed but broken (e.g. lxml without its ``lxml_html_clean`` part).
    """


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
_VISIBLE_TEXT = (
    "//body//text()[not(ancestor::script) and not(ancestor::style)"
    " and not(ancestor::noscript) and not(ancestor::template)]"
)


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
        return import_optional("trafilatura", "html", "reading HTML")
    except OptionalPartMissing as exc:
        raise HtmlSupportMissing(str(exc)) from exc


def ensure_html_support() -> None:
    """Fail early, before any output, when HTML input cannot be read."""
    _trafilatura()


@dataclass(frozen=True)
class Extraction:
    """What extraction kept of a page, and how many words the page showed in all."""

    text: str
    title: str | None
    url: str | None
    page_words: int


def extract_page(
    html: str | bytes, url: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Extraction:
    """The page's main content, its title and the size of all its visible text.

    Navigation, footers, share buttons and comments are dropped; the title comes from the
    page's metadata so headline features still see it. Compressed pages may unpack to at
    most ``max_bytes``. Raises :class:`NoMainText`.
    """
    trafilatura = _trafilatura()
    if isinstance(html, bytes):
        html = decode_html(html, max_bytes)
    if len(html) > max_bytes:
        raise NoMainText(f"HTML unpacks to over {max_bytes:,} characters")
    html = defuse_html(html)
    try:
        tree = trafilatura.load_html(html)
        if tree is None:  # not HTML at all (a PDF, binary): nothing that reads as an article
            raise NoMainText("no main text found in the HTML page")
        page_words = word_count(" ".join(tree.xpath(_VISIBLE_TEXT)))
        document = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except NoMainText:
        raise
    except Exception as exc:  # lxml raises many types on hostile input
        raise NoMainText(f"HTML could not be parsed: {exc}") from exc
    if document is None or not (document.text or "").strip():
        raise NoMainText("no main text found in the HTML page")
    title = (document.title or "").strip() or None
    text = _without_repeated_title(document.text, title)
    return Extraction(text, title, document.url or url, page_words)


def extract_html(
    html: str | bytes, url: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[str, str | None, str | None]:
    """``(text, title, url)`` of the page's main content (see :func:`extract_page`)."""
    page = extract_page(html, url, max_bytes=max_bytes)
    return page.text, page.title, page.url


def read_html(
    html: str | bytes,
    url: str | None = None,
    *,
    id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """The article in an HTML page: main text, headline, URL, and warnings when thin.

    Accepts the page as ``str`` or as ``bytes`` (its own declared encoding is honoured).
    Raises :class:`HtmlSupportMissing` without a working trafilatura (``pip install
    'hypescore[html]'``) and :class:`NoMainText` (a ``ValueError``) for a page with no
    article text. When extraction kept almost nothing of a longer page, the article's
    ``warnings`` say so, and every Result scored from it carries that warning.

    >>> import hypescore
    >>> article = hypescore.read_html(open("page.html", "rb").read())  # doctest: +SKIP
    >>> hypescore.score(article).verdict  # doctest: +SKIP
    8
    """
    page = extract_page(html, url, max_bytes=max_bytes)
    thin = thin_extraction(word_count(page.text), page.page_words)
    warnings = (thin,) if thin else ()
    return Article(text=page.text, title=page.title, url=page.url, id=id, warnings=warnings)


def _without_repeated_title(text: str, title: str | None) -> str:
    """Pages repeat the headline as the first line (``<h1>``); it is already the title."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        return rest
    return text
