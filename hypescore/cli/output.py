"""Writing formatted outcomes to a text stream as they arrive."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from hypescore.cli.run import Outcome, Tally
from hypescore.io.writers import Formatter


def stream_outcomes(
    outcomes: Iterable[Outcome], formatter: Formatter, out: TextIO, tally: Tally
) -> None:
    """Header, one entry per outcome (flushed, so pipes see results as they come), footer."""
    out.write(formatter.header())
    for outcome in outcomes:
        out.write(formatter.record(outcome.to_dict()))
        out.flush()
        tally.add(outcome)
    out.write(formatter.footer())
    out.flush()
