"""Which implementation runs the hot token loops: the compiled kernel or pure Python.

``hypescore._engine._kernel`` is an optional Cython extension (built by ``pip install``
where Cython and a C compiler work, skipped otherwise) that replays the loops of
``vader`` (token learning, sentence scores, the rules around a lexicon word),
``readability`` and ``syllables`` bit for bit, reads each document's tokens once
(``TextIndex.compiled_tokens``), and scans sentence boundaries
(``analysis.split_sentences``), capitalised runs and the names in them
(``factual.named_entities``), word runs and their counts (``analysis.analyse``,
``TextIndex.lower_runs``), number starts and words in capitals over the code points.
The Python code stays the reference and the fallback: it runs when the extension is not
built, when ``HYPESCORE_PURE_PYTHON=1`` is set, or after :func:`use` ``(False)`` (tests
run both).
"""

from __future__ import annotations

import os
from importlib import import_module
from types import ModuleType

PURE_PYTHON_ENV = "HYPESCORE_PURE_PYTHON"


def optional_extension(name: str) -> ModuleType | None:
    """The compiled module ``hypescore._engine.<name>``, or ``None`` when it was not
    built (every compiled module is optional: the Python code is the fallback)."""
    try:
        return import_module(f"hypescore._engine.{name}")
    except ImportError:
        return None


_compiled = optional_extension("_kernel")
_forced_pure = os.environ.get(PURE_PYTHON_ENV, "") not in ("", "0")
_active: ModuleType | None = None if _forced_pure else _compiled


def compiled() -> ModuleType | None:
    """The built extension, whether or not it is in use (``None`` when not built)."""
    return _compiled


def active() -> ModuleType | None:
    """The extension when the hot loops run compiled, ``None`` when they run in Python."""
    return _active


def use(enabled: bool) -> None:
    """Run the hot loops compiled (``True``; the extension must be built) or in Python."""
    global _active
    if enabled and _compiled is None:
        raise RuntimeError("the compiled kernel is not built (pip install a C compiler first)")
    _active = _compiled if enabled else None


def describe() -> str:
    """One line for ``hypescore info``: which path runs, and why."""
    if _active is not None:
        return f"compiled kernel (Cython, {os.path.basename(_active.__file__ or '_kernel')})"
    if _compiled is not None:
        how = f" by {PURE_PYTHON_ENV}=1" if _forced_pure else ""
        return f"pure Python (compiled kernel built, switched off{how})"
    return "pure Python (compiled kernel not built)"
