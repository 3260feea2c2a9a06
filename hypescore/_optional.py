"""Import an optional part (an extra) and say what is really wrong when it cannot load.

"Not installed" and "installed but broken" need different fixes: the first an install
hint, the second the import error itself (a missing dependency of the part, a version
clash), because re-running the install hint changes nothing then.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType


class OptionalPartMissing(ImportError):
    """The optional part is not installed, or cannot be loaded; the message says which."""


def is_installed(module: str) -> bool:
    """Whether ``module`` is present, without importing it (a broken one counts as present)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package missing or blocked
        return False


def import_optional(module: str, extra: str, needed_for: str) -> ModuleType:
    """``module``, or :class:`OptionalPartMissing` with the install hint or the real cause."""
    if not is_installed(module):
        raise OptionalPartMissing(f"{needed_for} needs {module}: pip install 'hypescore[{extra}]'")
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise OptionalPartMissing(
            f"{needed_for} needs {module}, which is installed but fails to import: "
            f"{type(exc).__name__}: {' '.join(str(exc).split())}"
        ) from exc
