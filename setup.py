"""Build of the optional compiled kernel (everything else is in pyproject.toml).

``hypescore/_engine/_kernel.pyx`` (the token loops) and ``hypescore/_engine/_pieces.pyx``
(the loops of the wordpiece table and of the hashed rows) are compiled with Cython when
Cython and a working C compiler are there (pyproject's [build-system] asks for Cython).
Any failure along the way (no Cython, no compiler, a compile error) is reported and
skipped: the install still succeeds and hypescore runs its pure-Python reference path
(``hypescore info`` says which path runs). ``HYPESCORE_NO_KERNEL=1`` skips the build on
purpose.
"""

from __future__ import annotations

import os
import sys

from setuptools import Extension, setup

KERNEL_SOURCES = {
    "hypescore._engine._kernel": "hypescore/_engine/_kernel.pyx",
    "hypescore._engine._pieces": "hypescore/_engine/_pieces.pyx",
}
# No fused multiply-add: a*b+c must round twice, as CPython's float arithmetic does, or
# scores would differ in the last bit on CPUs with FMA (aarch64, x86-64 with -march).
FLOAT_FLAGS = [] if sys.platform == "win32" else ["-ffp-contract=off"]


def _warn(message: str) -> None:
    print(f"hypescore: {message}; the pure-Python path will be used", file=sys.stderr)


def kernel_extensions() -> list[Extension]:
    if os.environ.get("HYPESCORE_NO_KERNEL", "") not in ("", "0"):
        _warn("HYPESCORE_NO_KERNEL is set, compiled kernel skipped")
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        _warn("Cython is not installed, compiled kernel skipped")
        return []
    try:
        extensions = cythonize(
            [Extension(name, [source]) for name, source in KERNEL_SOURCES.items()],
            compiler_directives={"language_level": "3"},
            quiet=True,
        )
    except Exception as exc:
        _warn(f"Cython could not translate the kernel ({exc})")
        return []
    for extension in extensions:  # set after cythonize, which drops "optional"
        extension.optional = True  # setuptools reports a failed compile and goes on
        extension.extra_compile_args = FLOAT_FLAGS
    return extensions


setup(ext_modules=kernel_extensions())
