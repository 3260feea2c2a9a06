"""An output file that is only ever replaced whole, yet grows in cheap checkpoints.

``batch`` must leave a valid output after any interruption, SIGKILL included, so the
output is never written in place: each checkpoint builds the next version in a sibling
file and renames it over the output, an atomic step. Copying the whole file at every
checkpoint would cost quadratic time, so two files take turns: the *shadow* always holds
the output as of the checkpoint before last, and a checkpoint appends the last two
blocks to it, renames it over the output, and keeps the old output (through a hard link)
as the new shadow. Every record is written twice, and memory holds one block.

Opening the output always gives a whole committed version; a reader that keeps an old
version open may see it grow later, since its file is recycled as the shadow.

Leftover ``.NAME.hypescore-shadow`` and ``-swap`` siblings after a kill are harmless and
are cleared by the next run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from hypescore.io.encodable import ENCODE_ERRORS


class CheckpointedFile:
    """Append text; :meth:`commit` makes everything appended so far visible in ``path``.

    With ``keep_existing`` the current content of ``path`` is the starting point (resume);
    otherwise the first commit replaces it.
    """

    def __init__(self, path: str | os.PathLike[str], *, keep_existing: bool) -> None:
        self.path = Path(path)
        self._shadow = self.path.with_name(f".{self.path.name}.hypescore-shadow")
        self._swap = self.path.with_name(f".{self.path.name}.hypescore-swap")
        self._pending: list[str] = []
        self._owns_target = keep_existing and self.path.exists()
        self._rebuild_shadow()

    def _rebuild_shadow(self) -> None:
        """Shadow := the committed output, with no block owed to it."""
        self._swap.unlink(missing_ok=True)
        if self._owns_target:
            shutil.copyfile(self.path, self._shadow)
        else:
            self._shadow.write_bytes(b"")
        self._shadow_size = self._shadow.stat().st_size
        self._last_block = b""
        self._stale = False

    def write(self, text: str) -> None:
        """Queue text for the next commit; nothing reaches disk before it."""
        if text:
            self._pending.append(text)

    def commit(self) -> None:
        """Atomically make ``path`` hold everything written so far (durably, via fsync).

        Safe to call again after a failure: the shadow is cut back to its known size or
        rebuilt, so nothing is ever written twice.
        """
        if not self._pending:
            return
        if self._stale:
            self._rebuild_shadow()
        block = "".join(self._pending).encode("utf-8", ENCODE_ERRORS)
        with open(self._shadow, "r+b") as handle:
            handle.truncate(self._shadow_size)
            handle.seek(self._shadow_size)
            handle.write(self._last_block + block)
            handle.flush()
            os.fsync(handle.fileno())
        had_target = self._owns_target
        if had_target:
            self._swap.unlink(missing_ok=True)
            _second_name(self.path, self._swap)
        committed_size = self._shadow_size + len(self._last_block)
        os.replace(self._shadow, self.path)  # the commit point
        self._pending.clear()
        self._owns_target = True
        try:
            if had_target:
                os.replace(self._swap, self._shadow)
            else:
                self._shadow.write_bytes(b"")  # the output before this commit: nothing
        except OSError:
            self._stale = True
            raise
        self._shadow_size = committed_size
        self._last_block = block
        _sync_directory(self.path.parent)

    def close(self) -> None:
        """Commit what is left and remove the helper file; an empty run still leaves ``path``."""
        self.commit()
        if self._owns_target:
            self._shadow.unlink(missing_ok=True)
        else:
            os.replace(self._shadow, self.path)
            self._owns_target = True

    def __enter__(self) -> CheckpointedFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        with contextlib.suppress(OSError):  # leftovers are harmless; the next run clears them
            self._shadow.unlink(missing_ok=True)
            self._swap.unlink(missing_ok=True)


def _second_name(path: Path, name: Path) -> None:
    """Give the current output a second name so replacing it keeps its content."""
    try:
        os.link(path, name)
    except OSError:  # no hard links on this file system: a copy is slower but as safe
        shutil.copyfile(path, name)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
