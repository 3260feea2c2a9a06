"""Both implementations of the hot token loops: the parity tests run on each.

``engine_path`` runs a test once on the pure-Python reference and once on the compiled
kernel. Where the kernel is not built its runs are skipped, unless
``HYPESCORE_REQUIRE_KERNEL=1`` (set it where the build must have worked) makes them fail.
"""

from __future__ import annotations

import os

import pytest

from hypescore._engine import kernel

PATHS = ("python", "kernel")


def select_path(name: str) -> None:
    """Run the hot loops on ``name`` (one of :data:`PATHS`), or skip/fail if not built."""
    if name == "kernel" and kernel.compiled() is None:
        if os.environ.get("HYPESCORE_REQUIRE_KERNEL", "") not in ("", "0"):
            pytest.fail("HYPESCORE_REQUIRE_KERNEL is set but the compiled kernel is not built")
        pytest.skip("compiled kernel not built")
    kernel.use(name == "kernel")


@pytest.fixture(params=PATHS)
def engine_path(request: pytest.FixtureRequest):
    """The name of the path in use for this run of the test; the default comes back after."""
    before = kernel.active()
    select_path(request.param)
    yield request.param
    kernel.use(before is not None)
