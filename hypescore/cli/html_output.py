"""Writing an HTML report file whole or not at all, for ``explain --html`` and ``story``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypescore.cli.errors import CliIOError
from hypescore.io.encodable import ENCODE_ERRORS


def write_page(path: str | os.PathLike[str], page: str) -> Path:
    """Write ``page`` to ``path`` atomically: a crash never leaves half a report behind."""
    target = Path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as exc:
        raise CliIOError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", errors=ENCODE_ERRORS) as handle:
            handle.write(page)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide it from a server
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CliIOError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
