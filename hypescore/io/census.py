"""Which fields the records of a run had, so a wrong ``--text-field`` is named, not guessed.

Every record missing the text field is already its own error record; when *no* record
had it, the field name is wrong for the whole input and the run says so once, with the
field names it did see.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

MAX_NAMES = 30


@dataclass
class FieldCensus:
    text_field: str
    records: int = 0
    with_text_field: int = 0
    names: dict[str, None] = field(default_factory=dict)  # an ordered set, first seen first

    def observe(self, names: Iterable[object]) -> None:
        """Count one structured record (a JSON object or a CSV row) by its field names."""
        self.records += 1
        seen = [str(name) for name in names]
        if self.text_field in seen:
            self.with_text_field += 1
        for name in seen:
            if len(self.names) >= MAX_NAMES:
                break
            self.names.setdefault(name, None)

    def hint(self) -> str | None:
        """The message for a run in which no record had the text field, else None."""
        if self.records == 0 or self.with_text_field:
            return None
        seen = ", ".join(self.names) or "none"
        return (
            f"no record has the text field {self.text_field!r} (fields seen: {seen}); "
            "name the field holding the article text with --text-field NAME"
        )
