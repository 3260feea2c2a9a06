"""Shared fixtures: the project's own test texts and the labelled data beside the project."""

from __future__ import annotations

import json
import os
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
