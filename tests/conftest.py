"""Shared fixtures: the project's own test texts and the labelled data beside the project."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest

from hypescore.analysis import AnalysedArticle, analyse
from hypescore.article import Article

FIXTURES = Path(__file__).parent / "fixtures"
# HYPESCORE_DATA, as for the library, when the data is not beside the checkout.
SHARED_DATA = Path(
    os.environ.get("HYPESCORE_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data")
)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def fixture_article(name: str) -> Article:
    """A fixture file as an article: first line is the title, the rest the body."""
    title, _, body = fixture_text(name).partition("\n")
    return Article(text=body.strip("\n"), title=title)


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in islice(handle, limit):
            yield json.loads(line)


@pytest.fixture(scope="session")
def subjectivity_lexical():
    """The lexical sentence model fitted on NewsSD's train split (no wordpiece table)."""
    from hypescore.training import subjectivity

    if not (SHARED_DATA / subjectivity.DATA_PATH).is_file():
        pytest.skip(f"NewsSD not found under {SHARED_DATA}")
    splits = subjectivity.load_splits(SHARED_DATA)
    return subjectivity.train_model(splits["train"], subjectivity.SubjectivityConfig())


@pytest.fixture(scope="session")
def wire() -> AnalysedArticle:
    return analyse(fixture_article("wire_report.txt"))


@pytest.fixture(scope="session")
def hype() -> AnalysedArticle:
    return analyse(fixture_article("hype_rewrite.txt"))


@pytest.fixture(scope="session")
def opinion() -> AnalysedArticle:
    return analyse(fixture_article("opinion_piece.txt"))


@pytest.fixture(scope="session")
def varied_texts() -> list[str]:
    """A few hundred real, varied texts: full articles, teasers and headlines."""
    articles = [
        r["text"]
        for r in read_jsonl(SHARED_DATA / "semeval19-hyperpartisan" / "articles-train.jsonl", 150)
    ]
    teasers = [
        r["post_text"]
        for r in read_jsonl(SHARED_DATA / "webis-clickbait-17" / "posts-train.jsonl", 100)
    ]
    headlines = [
        r["headline"] for r in read_jsonl(SHARED_DATA / "stop-clickbait" / "headlines.jsonl", 100)
    ]
    return articles + teasers + headlines


# The suite must leave the checkout as it found it: any tracked file changed or untracked
# file left behind (outside .gitignore) by a run fails that run, naming the files.
ROOT = Path(__file__).resolve().parents[1]
_CHECKOUT_BEFORE: list[set[str] | None] = []


def checkout_state(root: Path = ROOT) -> set[str] | None:
    """``git status --porcelain`` lines of ``root`` plus each tracked file's mtime.

    The mtimes catch a rewrite of a file that was already modified (or rewritten with
    the same bytes). None outside a git checkout.
    """
    status = _git(root, "status", "--porcelain", "--untracked-files=all")
    tracked = _git(root, "ls-files", "-z")
    if status is None or tracked is None:
        return None
    state = {f"status {line}" for line in status.splitlines()}
    for name in filter(None, tracked.split("\0")):
        with contextlib.suppress(OSError):
            state.add(f"mtime {(root / name).stat().st_mtime_ns} {name}")
    return state


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _expected_writes() -> set[str]:
    """The one file a run may write on purpose: the table ``tests.reliability.report`` asks for."""
    target = os.environ.get("HYPESCORE_RELIABILITY_TABLE")
    if not target:
        return set()
    try:
        return {Path(target).resolve().relative_to(ROOT).as_posix()}
    except ValueError:
        return set()


def pytest_sessionstart(session: pytest.Session) -> None:
    _CHECKOUT_BEFORE.append(checkout_state())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = _CHECKOUT_BEFORE[0] if _CHECKOUT_BEFORE else None
    after = checkout_state() if before is not None else None
    if before is None or after is None:
        return
    allowed = _expected_writes()
    changed = {line for line in after - before if line.rsplit(" ", 1)[-1] not in allowed}
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = "the test run changed the checkout (tests must write to tmp_path only):\n"
        message += "\n".join(f"  {line}" for line in sorted(changed))
        if reporter is not None:
            reporter.write_line(message, red=True, bold=True)
        else:
            print(message, file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
