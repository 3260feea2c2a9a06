"""The reliability ledger: each test records the bad-input classes it tried.

A plain ``python -m pytest`` only checks; ``python -m tests.reliability.report`` runs this
folder and, when every test file in it was collected and every test passed, writes the
table to ``docs/reliability.md``, so the published table is always one the suite produced
and the test suite itself never rewrites a tracked file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).parent
TABLE = HERE.parents[1] / "docs" / "reliability.md"
TABLE_ENV = "HYPESCORE_RELIABILITY_TABLE"
"""Set (to the path to write) by ``tests.reliability.report``; unset, nothing is written."""


@dataclass(frozen=True)
class Entry:
    input_class: str
    cases: int
    outcome: str


class Ledger:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.expected = 0
        self.passed = 0
        self.files: set[str] = set()

    def record(self, input_class: str, cases: int, outcome: str) -> None:
        self.entries[input_class] = Entry(input_class, cases, outcome)

    def table(self) -> str:
        lines = [
            "# Reliability: bad input tried by the test suite",
            "",
            "Written by `python -m tests.reliability.report` (it runs tests/reliability)"
            " when all of its tests pass; do not edit by hand.",
            "",
            "| input class | cases | outcome |",
            "|---|---:|---|",
        ]
        for entry in sorted(self.entries.values(), key=lambda e: e.input_class):
            lines.append(f"| {entry.input_class} | {entry.cases:,} | {entry.outcome} |")
        return "\n".join(lines) + "\n"


_LEDGER = Ledger()


@pytest.fixture(scope="session")
def ledger() -> Ledger:
    return _LEDGER


def _in_this_folder(item: pytest.Item) -> bool:
    return HERE in Path(str(item.fspath)).parents


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    ours = [item for item in items if _in_this_folder(item)]
    _LEDGER.expected = len(ours)
    _LEDGER.files = {Path(str(item.fspath)).name for item in ours}


def _whole_folder_collected() -> bool:
    return _LEDGER.files == {path.name for path in HERE.glob("test_*.py")}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed and "tests/reliability/" in report.nodeid:
        _LEDGER.passed += 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    target = os.environ.get(TABLE_ENV)
    complete = _whole_folder_collected() and _LEDGER.passed == _LEDGER.expected > 0
    if target and _LEDGER.entries and complete:
        Path(target).write_text(_LEDGER.table(), encoding="utf-8")
