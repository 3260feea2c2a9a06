"""Rewrite ``docs/reliability.md`` from a fresh run of tests/reliability.

Usage: ``python -m tests.reliability.report [PATH]`` (default: docs/reliability.md).
The table is written only when every test in the folder ran and passed; otherwise the
file is left alone and the exit code is pytest's (or 1).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import HERE, TABLE, TABLE_ENV


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else TABLE
    before = target.stat().st_mtime_ns if target.exists() else None
    os.environ[TABLE_ENV] = str(target.resolve())
    code = pytest.main(["-q", "-p", "no:cacheprovider", str(HERE)])
    written = target.exists() and target.stat().st_mtime_ns != before
    if code != 0 or not written:
        print(f"reliability table NOT written (pytest exit {int(code)})", file=sys.stderr)
        return int(code) or 1
    print(f"reliability table written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
