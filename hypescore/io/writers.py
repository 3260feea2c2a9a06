"""Output formats as pure text formatters: header, one record, footer.

Formatters only build strings; where they go (stdout, a checkpointed file) is the caller's
business, so ``score`` and ``batch`` share them and tests can check them directly.

Machine formats are stable:

- ``jsonl``: one JSON object per line, the shape of ``Result.to_dict()``; evidence spans
  also carry ``text`` (the quoted characters) when reasons were asked for.
- ``json``: the same objects in one JSON array.
- ``csv``: the columns in :data:`CSV_COLUMNS`, then one column per feature (named as in
  ``hypescore.feature_names()``) when features were asked for. Cells holding several
  items (``views``, ``reasons``, ``evidence``) separate them with ``"; "``. Text cells
  that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return, as OWASP lists) get a leading ``'``, as does a text cell that
  already starts with ``'``; :func:`csv_text` reads a cell back exactly.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
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
    "warnings",
)
REASON_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def spreadsheet_safe(cell: Any) -> Any:
    """A text cell no spreadsheet runs as a formula (CSV injection); numbers unchanged."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_text(cell: str) -> str:
    """The text a :func:`spreadsheet_safe` cell was made from."""
    return cell[1:] if cell.startswith("'") else cell


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
            REASON_SEPARATOR.join(result.get("warnings") or ()),
            *(features.get(name) for name in self._features),
        ]
        return self._row(cells)

    def footer(self) -> str:
        return ""

    @staticmethod
    def _row(cells: Sequence[Any]) -> str:
        buffer = io.StringIO()
        row = ["" if c is None else spreadsheet_safe(c) for c in cells]
        # "\r\n" makes the writer quote cells holding either character; rows end in "\n"
        csv.writer(buffer, lineterminator="\r\n").writerow(row)
        return buffer.getvalue()[:-2] + "\n"


def _reason_cell(reason: dict[str, Any]) -> str:
    cell = f"{reason['feature']} {reason['contribution']:+.3f}"
    return f"{cell} ({reason['summary']})" if reason.get("summary") else cell


def _evidence_cell(reason: dict[str, Any]) -> str:
    quotes = " | ".join(span.get("text", "") for span in reason["evidence"])
    return f"{reason['feature']}: {quotes}"


class TableFormatter:
    """A readable, fixed-width table for people at a terminal; not a stable format.

    Every line fits ``width`` columns (80 when unknown). The reasons shown are the ones the
    result carries (``--explain N``), as in every other format: in a "top reasons" column
    when the terminal is wide enough, and always one line each, with evidence, below.
    """

    DEFAULT_WIDTH = 80
    LABEL_WIDTH = 21  # "hyped-but-significant"
    SCORES_WIDTH = 1 + 7 + 1 + 5 + 1 + 6 + 2  # " verdict  hype impact  "
    MIN_ID_WIDTH, ID_WIDTH = 16, 28
    MIN_REASONS_WIDTH = 30

    def __init__(self, *, explain: int = 0, color: bool = False, width: int | None = None) -> None:
        self._explain = explain
        self._color = color
        self._width = max(width or self.DEFAULT_WIDTH, 40)
        fixed = self.SCORES_WIDTH + self.LABEL_WIDTH
        room = self._width - fixed - self.ID_WIDTH - 2
        self._reasons_width = room if explain and room >= self.MIN_REASONS_WIDTH else 0
        spare = self._width - fixed - (self._reasons_width + 2 if self._reasons_width else 0)
        self._id_width = max(self.MIN_ID_WIDTH, min(spare, 40))

    def header(self) -> str:
        columns = f"{'id':<{self._id_width}} {'verdict':>7} {'hype':>5} {'impact':>6}"
        columns += f"  {'label':<{self.LABEL_WIDTH}}"
        if self._reasons_width:
            columns += "  top reasons"
        return self._style(columns.rstrip(), bold=True) + "\n"

    def record(self, result: dict[str, Any]) -> str:
        record_id = shorten_middle(str(result.get("id")), self._id_width)
        if result.get("error"):
            error = " ".join(str(result["error"]).split())
            row = f"{record_id:<{self._id_width}} {'-':>7} {'-':>5} {'-':>6}  "
            if len(row) + len(error) + 7 <= self._width:
                return row + self._style(f"error: {error}", fg="red") + "\n"
            wrapped = textwrap.wrap(error, self._width - 4, break_on_hyphens=False)
            below = "".join(f"    {self._style(line, fg='red')}\n" for line in wrapped)
            return row + self._style("error:", fg="red") + "\n" + below
        verdict = result["verdict"]
        colour = "green" if verdict >= 7 else "yellow" if verdict >= 4 else "red"
        reasons = result.get("reasons") or []
        label = f"{result.get('label') or '':<{self.LABEL_WIDTH}}"
        line = (
            f"{record_id:<{self._id_width}} {self._style(f'{verdict:>7}', fg=colour, bold=True)}"
            f" {result['hype']:>5.2f} {result['impact']:>6.2f}  {self._style(label, fg=colour)}"
        )
        if self._reasons_width:
            top = ", ".join(_reason_tag(r) for r in reasons)
            line += f"  {_shorten(top, self._reasons_width)}"
        line = line.rstrip() + "\n"
        notes = "".join(
            self._style(_fit(f"    ! {warning}", self._width), fg="yellow") + "\n"
            for warning in result.get("warnings") or ()
        )
        return line + notes + "".join(self._explanation(r) for r in reasons)

    def footer(self) -> str:
        return ""

    def _explanation(self, reason: dict[str, Any]) -> str:
        sign = "+" if reason["contribution"] >= 0 else "-"
        head = (
            f"    {sign}{reason['feature']}  ({reason.get('scope', 'body')}, value"
            f" {reason['value']:.3g}, contribution {reason['contribution']:+.3f})"
            + (f" {reason['summary']}" if reason.get("summary") else "")
        )
        head = _fit(head, self._width) + "\n"
        quotes = [span.get("text", "") for span in reason.get("evidence", [])]
        if not quotes:
            return head
        shown = ", ".join(f'"{_shorten(q, 60)}"' for q in quotes[:4])
        more = f" and {len(quotes) - 4} more" if len(quotes) > 4 else ""
        return head + self._style(_fit(f"        {shown}{more}", self._width), dim=True) + "\n"

    def _style(self, text: str, **styles: Any) -> str:
        return click.style(text, **styles) if self._color else text


def _reason_tag(reason: dict[str, Any]) -> str:
    """``+`` or ``-`` and the reason's summary without its quotes (the feature name for
    results written before schema 1.3)."""
    sign = "+" if reason["contribution"] >= 0 else "-"
    summary = str(reason.get("summary") or "").split(": ", 1)[0]
    return f"{sign}{summary or reason['feature']}"


def _shorten(text: str, width: int) -> str:
    """One line of at most ``width`` characters: whitespace runs folded, then :func:`_fit`."""
    return _fit(" ".join(text.split()), width)


def _fit(text: str, width: int) -> str:
    """At most ``width`` characters, the cut marked with an ellipsis."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def shorten_middle(text: str, width: int) -> str:
    """Long ids lose their middle: a path keeps its start and its telling file name."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    tail = (width - 1) * 3 // 5
    head = width - 1 - tail
    return text[:head] + "…" + text[len(text) - tail :]


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
