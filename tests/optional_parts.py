"""Tests of an optional part skip only when it is absent, and fail when it is broken.

``pytest.importorskip`` skips on any ImportError, so an installed but broken part (say
trafilatura without ``lxml_html_clean``) would pass as a skip. :func:`require` skips only
when the module is not installed at all, and otherwise imports it, so its real error
fails the run.
"""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

from hypescore._optional import is_installed


def require(module: str, extra: str) -> ModuleType:
    """``module`` imported; skip the calling test module when it is not installed."""
    if not is_installed(module):
        pytest.skip(
            f"{module} is not installed: pip install 'hypescore[{extra}]'", allow_module_level=True
        )
    return importlib.import_module(module)
