"""Output formats as pure text formatters: header, one record, footer.

Formatters only build strings; where they go (stdout, a checkpointed file) is the caller's
business, so ``score`` and ``batch`` share them and tests can check them directly.

Machine formats are stable:

- ``jsonl``: one JSON object per line, the shape of ``Result.to_dict()``; evidence spans
  also carry ``text`` (the quoted characters) when reasons were asked for.
- ``json``: the same objects in one JSON array.
- ``csv``: the columns in :data:`CSV_COLUMNS`, then one column per feature (named as in
  ``hypescore.feature_names()``) when features were asked for. Cells holding several
  items (``views``, ``reasons``, ``evidence``) separate them with ``"; "``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, Protocol

import click

MACHINE_FORMATS = ("json", "jsonl", "csv")
OUTPUT_FORMATS = ("table", *MACHINE_FORMATS)
CSV_COLUMNS = (
    "id",
    "verdict",
    "hype",
    "impact",
    "label",
    "error",
    "views",
    "reasons",
    "evidence",
    "model",
    "model_version",
    "schema_version",
)
REASON_SEPARATOR = "; "


class Formatter(Protocol):
    def header(self) -> str: ...

    def record(self, result: dict[str, Any]) -> str: ...

    def footer(self) -> str: ...


class JsonlFormatter:
    def header(self) -> str:
        return ""

    def record(self, result: dict[str, Any]) -> str:
        return json.dumps(result, ensure_ascii=False, allow_nan=False) + "\n"

    def footer(self) -> str:
        return ""


class JsonFormatter:
    """A JSON array written as it goes, so even ``--format json`` streams."""

    def __init__(self) -> None:
        self._first = True

    def header(self) -> str:
        return "["

    def record(self, result: dict[str, Any]) -> str:
        separator = "\n" if self._first else ",\n"
        self._first = False
        return separator + json.dumps(result, ensure_ascii=False, allow_nan=False, indent=2)

    def footer(self) -> str:
        return "]\n" if self._first else "\n]\n"


class CsvFormatter:
    """Flat rows: reasons and their evidence folded into one cell each."""

    def __init__(self, feature_names: Sequence[str] = ()) -> None:
        self.columns = (*CSV_COLUMNS, *feature_names)
        self._features = tuple(feature_names)

    def header(self) -> str:
        return self._row(self.columns)

    def record(self, result: dict[str, Any]) -> str:
        features = result.get("features") or {}
        reasons = result.get("reasons") or []
        model = result.get("model") or {}
        cells = [
            result.get("id"),
            result.get("verdict"),
            result.get("hype"),
            result.get("impact"),
            result.get("label"),
            result.get("error"),
            REASON_SEPARATOR.join(f"{k}={v}" for k, v in (result.get("views") or {}).items()),
            REASON_SEPARATOR.join(_reason_cell(r) for r in reasons),
            REASON_SEPARATOR.join(_evidence_cell(r) for r in reasons if r.get("evidence")),
            model.get("name"),
            model.get("version"),
            result.get("schema_version"),
            *(features.get(name) for name in self._features),
        ]
        return self._row(cells)

    def footer(self) -> str:
        return ""

    @staticmethod
    def _row(cells: Sequence[Any]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(["" if c is None else c for c in cells])
        return buffer.getvalue()


def _reason_cell(reason: dict[str, Any]) -> str:
    cell = f"{reason['feature']} {reason['contribution']:+.3f}"
    return f"{cell} ({reason['summary']})" if reason.get("summary") else cell


def _evidence_cell(reason: dict[str, Any]) -> str:
    quotes = " | ".join(span.get("text", "") for span in reason["evidence"])
    return f"{reason['feature']}: {quotes}"


class TableFormatter:
    """A readable, fixed-width table for people at a terminal; not a stable format."""

    ID_WIDTH = 28
    LABEL_WIDTH = 21  # "hyped-but-significant"
    REASONS_COLUMN = ID_WIDTH + 24 + LABEL_WIDTH + 2
    REASONS_SHOWN = 3

    def __init__(self, *, explain: int = 0, color: bool = False, width: int | None = None) -> None:
        self._explain = explain
        self._color = color
        self._width = width

    def header(self) -> str:
        columns = f"{'id':<{self.ID_WIDTH}} {'verdict':>7} {'hype':>5} {'impact':>6}"
        columns += f"  {'label':<{self.LABEL_WIDTH}}"
        return self._style(columns + "  top reasons", bold=True) + "\n"

    def record(self, result: dict[str, Any]) -> str:
        record_id = _shorten_left(str(result.get("id")), self.ID_WIDTH)
        if result.get("error"):
            message = self._style(f"error: {result['error']}", fg="red")
            return f"{record_id:<{self.ID_WIDTH}} {'-':>7} {'-':>5} {'-':>6}  {message}\n"
        verdict = result["verdict"]
        colour = "green" if verdict >= 7 else "yellow" if verdict >= 4 else "red"
        reasons = result.get("reasons") or []
        top = ", ".join(_reason_tag(r) for r in reasons[: self.REASONS_SHOWN])
        if self._width:
            top = _shorten(top, max(self._width - self.REASONS_COLUMN, 10))
        label = f"{result.get('label') or '':<{self.LABEL_WIDTH}}"
        line = (
            f"{record_id:<{self.ID_WIDTH}} {self._style(f'{verdict:>7}', fg=colour, bold=True)}"
            f" {result['hype']:>5.2f} {result['impact']:>6.2f}"
            f"  {self._style(label, fg=colour)}  {top}\n"
        )
        if self._explain:
            line += "".join(self._explanation(r) for r in reasons[: self._explain])
        return line

    def footer(self) -> str:
        return ""

    def _explanation(self, reason: dict[str, Any]) -> str:
        head = (
            f"    {_reason_tag(reason)}  ({reason.get('scope', 'body')}, {reason['feature']}"
            f" {reason['value']:.3g}, contribution {reason['contribution']:+.3f})\n"
        )
        quotes = [span.get("text", "") for span in reason.get("evidence", [])]
        if not quotes:
            return head
        shown = ", ".join(f'"{_shorten(q, 60)}"' for q in quotes[:4])
        more = f" and {len(quotes) - 4} more" if len(quotes) > 4 else ""
        return head + self._style(f"        {shown}{more}", dim=True) + "\n"

    def _style(self, text: str, **styles: Any) -> str:
        return click.style(text, **styles) if self._color else text


def _reason_tag(reason: dict[str, Any]) -> str:
    """``+`` or ``-`` and the reason's summary without its quotes (the feature name for
    results written before schema 1.3)."""
    sign = "+" if reason["contribution"] >= 0 else "-"
    summary = str(reason.get("summary") or "").split(": ", 1)[0]
    return f"{sign}{summary or reason['feature']}"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _shorten_left(text: str, width: int) -> str:
    """Keep the end of long ids: for paths, the file name is the telling part."""
    text = " ".join(text.split())
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def make_formatter(
    name: str,
    *,
    explain: int = 0,
    feature_names: Sequence[str] = (),
    color: bool = False,
    width: int | None = None,
) -> Formatter:
    """The formatter for an ``--format`` value."""
    if name == "jsonl":
        return JsonlFormatter()
    if name == "json":
        return JsonFormatter()
    if name == "csv":
        return CsvFormatter(feature_names)
    if name == "table":
        return TableFormatter(explain=explain, color=color, width=width)
    raise ValueError(f"unknown output format {name!r}")
