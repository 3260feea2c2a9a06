"""Input records to results, one result per record, in input order.

Records that could not be read (bad UTF-8, malformed JSON, no text in the HTML) still
travel through ``hypescore.score_many`` as empty placeholders, so the library keeps order
and parallelism and memory stays bounded by its read-ahead; their results then carry the
reader's message instead of the library's.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hypescore.io.readers import InputRecord

if TYPE_CHECKING:
    from hypescore.scoring import ScoreOptions


@dataclass(frozen=True)
class Outcome:
    """A record and its result, kept together so evidence offsets can be quoted."""

    record: InputRecord
    result: Any

    @property
    def ok(self) -> bool:
        return self.result.error is None

    def to_dict(self) -> dict[str, Any]:
        """``Result.to_dict()``; evidence spans already quote their text (the library's)."""
        return self.result.to_dict()


def score_records(records: Iterable[InputRecord], options: ScoreOptions) -> Iterator[Outcome]:
    """Score lazily; the n-th outcome belongs to the n-th record."""
    from hypescore.article import Article
    from hypescore.scoring import score_many

    pending: deque[InputRecord] = deque()

    def articles() -> Iterator[Article]:
        for record in records:
            pending.append(record)
            if record.article is not None:
                yield record.article
            else:
                yield Article(text="", id=record.id)

    results = score_many(articles(), options=options)
    for result in results:
        record = pending.popleft()
        if result.id != record.id:
            raise RuntimeError(f"result for {result.id!r} arrived in place of {record.id!r}")
        if record.error is not None:
            result = _as_error(result, record.error)
        yield Outcome(record, result)


def _as_error(result: Any, message: str) -> Any:
    """An error result like the library's own: same id and model, every score left unset."""
    return type(result)(id=result.id, model=result.model, error=message)


@dataclass(frozen=True)
class Thresholds:
    """``--fail-above/--fail-below`` on one metric."""

    metric: str = "verdict"
    above: float | None = None
    below: float | None = None

    def breached_by(self, result: Any) -> bool:
        value = getattr(result, self.metric, None)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return False
        return (self.above is not None and value > self.above) or (
            self.below is not None and value < self.below
        )


@dataclass
class Tally:
    """Running counts for the summary line and the exit code."""

    thresholds: Thresholds = field(default_factory=Thresholds)
    scored: int = 0
    errors: int = 0
    breaches: int = 0
    skipped: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.scored += 1
            self.breaches += self.thresholds.breached_by(outcome.result)
        else:
            self.errors += 1

    @property
    def total(self) -> int:
        return self.scored + self.errors

    def exit_code(self, *, strict: bool) -> int:
        from hypescore.cli.errors import EXIT_FAILED_CHECK, EXIT_OK

        return EXIT_FAILED_CHECK if self.breaches or (strict and self.errors) else EXIT_OK

    def summary(self) -> str:
        parts = [f"{self.total:,} record{'s' if self.total != 1 else ''}"]
        parts.append(f"{self.scored:,} scored")
        parts.append(f"{self.errors:,} error{'s' if self.errors != 1 else ''}")
        if self.skipped:
            parts.append(f"{self.skipped:,} already done")
        if self.breaches:
            parts.append(f"{self.breaches:,} over the threshold")
        return ", ".join(parts)


def thresholds_from(params: dict[str, Any]) -> Thresholds:
    return Thresholds(params["fail_metric"], params["fail_above"], params["fail_below"])
