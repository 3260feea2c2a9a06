"""A one-line progress display on stderr, for people; silent when stderr is not a terminal."""

from __future__ import annotations

import threading
import time
from typing import TextIO

REFRESH_SECONDS = 0.2
FIRST_BURST_SECONDS = 0.5


class Progress:
    """Counts records and bytes; shows percent and ETA when the input size is known.

    Rates are measured from the first finished records on (a burst arriving together,
    as a parallel chunk does, counts as the start), so the one-off warm-up of the first
    chunk (lexicons, worker start) does not make the early ETA absurd.
    """

    def __init__(self, stream: TextIO, *, enabled: bool, total_bytes: int | None = None) -> None:
        self._stream = stream
        self._enabled = enabled
        self._total = total_bytes or None
        self._width = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self._first: tuple[float, int, int] | None = None  # time, records, bytes
        self._first_seen: float | None = None
        self.records = 0
        self.errors = 0
        self.skipped = 0
        self.bytes = 0
        if enabled:
            self._ticker = threading.Thread(target=self._tick, name="progress", daemon=True)
            self._ticker.start()

    def advance(
        self, nbytes: int, *, error: bool = False, skipped: bool = False, now: float | None = None
    ) -> None:
        now = time.monotonic() if now is None else now
        self.bytes += nbytes
        if skipped:
            self.skipped += 1
        else:
            self.records += 1
            self.errors += error
            if self._first_seen is None:
                self._first_seen = now
            if now - self._first_seen < FIRST_BURST_SECONDS:
                self._first = (now, self.records, self.bytes)

    def _tick(self) -> None:
        """Redraw on a clock, not per record: parallel results arrive in bursts."""
        while not self._stop.wait(REFRESH_SECONDS):
            self._draw(time.monotonic())

    def line(self, now: float | None = None) -> str:
        now = time.monotonic() if now is None else now
        text = f"{self.records:,} records, {self.errors:,} errors"
        rate = byte_rate = None
        first = self._first
        if first is not None and now - first[0] >= 1.0 and self.records > first[1]:
            elapsed = now - first[0]
            rate = (self.records - first[1]) / elapsed
            byte_rate = (self.bytes - first[2]) / elapsed
            text += f", {rate:,.1f}/s"
        if self.skipped:
            text += f", {self.skipped:,} already done"
        if self._total:
            fraction = min(self.bytes / self._total, 1.0)
            filled = int(fraction * 20)
            text = f"[{'#' * filled}{'.' * (20 - filled)}] {fraction:4.0%} {text}"
            if byte_rate and fraction < 1:
                text += f", ETA {_clock((self._total - self.bytes) / byte_rate)}"
        return text

    def _draw(self, now: float) -> None:
        with self._lock:
            text = self.line(now)
            padding = " " * max(self._width - len(text), 0)
            self._width = len(text)
            self._stream.write(f"\r{text}{padding}")
            self._stream.flush()

    def finish(self) -> None:
        """Leave the final figures on screen and move to a fresh line."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
            self._ticker = None
        if self._enabled:
            self._draw(time.monotonic())
            self._stream.write("\n")
            self._stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
