"""The unit of work: one article as the user hands it to us."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """An article to score. Only ``text`` is required; ``title`` feeds headline features.

    ``warnings`` are what reading the input noticed (e.g. ``read_html`` keeping almost
    nothing of a page); they travel into the ``Result.warnings`` of its score.
    """

    text: str
    title: str | None = None
    url: str | None = None
    id: str | None = None
    warnings: tuple[str, ...] = ()

    @classmethod
    def from_record(
        cls,
        record: Mapping[str, Any],
        *,
        text_field: str = "text",
        title_field: str = "title",
        url_field: str = "url",
        id_field: str = "id",
    ) -> Article:
        """Build an article from a mapping such as a parsed JSONL line.

        Raises ``ValueError`` with a message naming the missing or mistyped field, so the
        caller can turn it into a per-record error.
        """
        if not isinstance(record, Mapping):
            raise ValueError(f"record must be a JSON object, got {type(record).__name__}")
        text = record.get(text_field)
        if not isinstance(text, str):
            raise ValueError(f"field {text_field!r} is missing or not a string")
        return cls(
            text=text,
            title=_optional_str(record, title_field),
            url=_optional_str(record, url_field),
            id=_optional_id(record, id_field),
        )


def as_article(item: Article | str | Mapping[str, Any]) -> Article:
    """Accept what callers naturally have: an Article, a bare string, a record, or a
    pandas row (``df.iloc[i]``, a Series with ``text`` and optional ``title``/``url``/``id``)."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    if isinstance(item, Mapping):
        return Article.from_record(item)
    if _is_pandas_row(item):
        return Article.from_record({k: plain_value(v) for k, v in item.items()})
    raise TypeError(f"cannot make an Article from {type(item).__name__}")


def _is_pandas_row(item: object) -> bool:
    """A pandas Series, told apart without importing pandas."""
    kind = type(item)
    return kind.__name__ == "Series" and kind.__module__.startswith("pandas")


def plain_value(value: Any) -> Any:
    """pandas' missing values (NaN, None, NA, NaT) as None; numpy scalars as Python ones."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _optional_str(record: Mapping[str, Any], field: str) -> str | None:
    value = record.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {field!r} must be a string, got {type(value).__name__}")
    return value


def _optional_id(record: Mapping[str, Any], field: str) -> str | None:
    if record.get(field) is None:
        return None
    value = record_id(record, field)
    if value is None:
        raise ValueError(f"field {field!r} must be a string or integer")
    return value


def record_id(record: object, id_field: str = "id") -> str | None:
    """A record's own id when usable (a string or integer), so even a rejected record
    keeps its name; the one rule for every reader of records."""
    if not isinstance(record, Mapping):
        return None
    value = record.get(id_field)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value)
