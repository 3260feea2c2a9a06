"""Turn SIGTERM/SIGINT into an orderly stop that keeps every finished record."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType


class Interrupted(BaseException):
    """A stop signal arrived; ``signum`` says which.

    A ``BaseException``, like ``KeyboardInterrupt``: code that turns any ``Exception`` in
    one record into an error record (as scoring does) must not swallow a stop request.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.signum = signum


class StopSignals:
    """Raises :class:`Interrupted` on SIGTERM/SIGINT, except inside :meth:`critical`
    sections (an output commit), where the stop waits until the section is done."""

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __init__(self) -> None:
        self.received: int | None = None
        self._depth = 0
        self._previous: dict[int, object] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._depth == 0:
            raise Interrupted(signum)
        self.received = signum

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if self._depth == 0 and self.received is not None:
            signum, self.received = self.received, None
            raise Interrupted(signum)

    def ignore(self) -> None:
        """Hold further signals off while the last finished records are saved."""
        for signum in self._previous:
            signal.signal(signum, signal.SIG_IGN)

    def __enter__(self) -> StopSignals:
        for signum in self.SIGNALS:
            with contextlib.suppress(ValueError):  # only the main thread may set handlers
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
