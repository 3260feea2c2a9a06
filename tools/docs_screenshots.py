"""Render the example reports and story view from our fixtures and screenshot them.

    python -m tools.docs_screenshots        # writes docs/examples/*.html and docs/*.png

Uses the shipped model and headless Chromium (Debian's chromium package).
"""

from __future__ import annotations

from pathlib import Path

import hypescore
from hypescore.article import Article
from hypescore.report import render_report, render_story
from hypescore.story import StoryOutlet, compare_story
from hypescore.story_verdict import SUMMARY_REASONS
from tools.chromium import screenshot

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "examples"


def fixture(name: str) -> Article:
    title, _, body = (FIXTURES / name).read_text(encoding="utf-8").partition("\n")
    return Article(text=body.strip("\n"), title=title, id=name)


def report(name: str, model: object) -> Path:
    article = fixture(name)
    options = hypescore.ScoreOptions(model=model, explain=10, spans=True)
    result = hypescore.score(article, options=options)
    spans = list(result.spans or ())
    page = EXAMPLES / f"report-{Path(name).stem}.html"
    page.write_text(render_report(article, result, spans), encoding="utf-8")
    return page


def story(model: object) -> Path:
    outlets = []
    for outlet in ("wire", "regional", "viral"):
        article = fixture(f"story/{outlet}_desalination.txt")
        options = hypescore.ScoreOptions(model=model, explain=SUMMARY_REASONS, spans=True)
        result = hypescore.score(article, options=options)
        outlets.append(StoryOutlet(outlet, article, result.to_dict(), list(result.spans or ())))
    page = EXAMPLES / "story-desalination.html"
    page.write_text(render_story(compare_story(outlets)), encoding="utf-8")
    return page


def main() -> None:
    EXAMPLES.mkdir(parents=True, exist_ok=True)
    model = hypescore.load_model()
    shots = [
        (report("hype_rewrite.txt", model), 1400, 1250),
        (report("wire_report.txt", model), 1400, 1050),
        (story(model), 1400, 2050),
    ]
    for page, width, height in shots:
        png = screenshot(page, DOCS / f"{page.stem}.png", width=width, height=height)
        print(f"{page.relative_to(ROOT)} -> {png.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
