"""Per-record rules shared by featurizing and scoring: the size limit, what an
unusable record is, its id, and the guard that turns any failure into that record's error.

A leaf module (no feature code), so readers and the CLI can use the limit cheaply.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from hypescore.article import Article, as_article, record_id

DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_CHUNK_SIZE = 256
FIELD_LIMITS = {"title": 2_000, "url": 8_192, "id": 8_192}
"""Characters allowed in each field besides ``text`` (whose limit is ``max_chars``): far
above any real headline, URL (RFC 9110 asks for 8,000) or id (a file path and line
number), far below a way around the text limit."""

T = TypeVar("T")


class RecordError(ValueError):
    """A record that cannot be featurized; the message says why, the batch goes on."""


def check_article(article: Article, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Refuse what cannot be scored meaningfully, with a message fit for an error record."""
    if len(article.text) > max_chars:
        raise RecordError(
            f"text is {len(article.text):,} characters, over the limit of {max_chars:,}"
        )
    for name in FIELD_LIMITS:
        value = getattr(article, name)
        if value is not None and len(value) > FIELD_LIMITS[name]:
            raise RecordError(over_limit(name, len(value)))
    if not article.text.strip():
        raise RecordError("text is empty")


def over_limit(field: str, length: int) -> str:
    """The message for a field over its limit in :data:`FIELD_LIMITS`."""
    return f"{field} is {length:,} characters, over the limit of {FIELD_LIMITS[field]:,}"


def guarded(
    item: Any, max_chars: int, work: Callable[[Article], T]
) -> tuple[str | None, T | None, str | None]:
    """``(id, work(article), None)`` for a usable record, else ``(id, None, message)``.

    The one per-record error guard: a bad record, an oversized one or an unexpected
    exception in ``work`` becomes that record's error, never the end of the batch.
    """
    try:
        article = as_article(item)
    except (TypeError, ValueError) as exc:
        return record_id(item), None, str(exc)
    try:
        check_article(article, max_chars)
        return article.id, work(article), None
    except RecordError as exc:
        return article.id, None, str(exc)
    except Exception as exc:  # one odd record must not sink a batch of millions
        return article.id, None, f"{type(exc).__name__}: {exc}"


__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_MAX_CHARS",
    "FIELD_LIMITS",
    "RecordError",
    "check_article",
    "guarded",
    "over_limit",
    "record_id",
]
