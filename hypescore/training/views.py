"""The labelled views of hype: which dataset, which field, which target, which scope.

Each view is one human-labelled angle on hype (clickbait strength of a teaser, clickbait
headlines, hyperpartisan articles); none is "hype" by itself, so the model learns one
classifier per view and combines their probabilities (see ``HypeModel``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from hypescore.analysis import analyse, headline_of
from hypescore.article import Article, record_id
from hypescore.extractors import filler
from hypescore.model.hypemodel import HEADLINE

# A view that reads the whole article (the headline views read the headline alone).
ARTICLE = "article"

SOFT = "soft"
BINARY = "binary"


T = TypeVar("T")


def evenly_spaced(items: list[T], limit: int | None) -> list[T]:
    """All ``items``, or ``limit`` of them evenly spaced (data files may be sorted by
    label, so the first rows would not do)."""
    if limit is None or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


@dataclass(frozen=True)
class ViewSpec:
    """How to read one labelled JSONL file into (article, target) pairs.

    ``scope`` is ``"headline"`` when records are teasers or headlines: they are fed as
    ``Article(text=headline, title=headline)``, exactly as ``headline_article`` feeds an
    article's headline at scoring time. ``kind`` is ``"soft"`` for a 0..1 target (mean
    of judgements) and ``"binary"`` for a true/false label. ``exclude`` lists features the
    view must not use (their weight stays zero), with the reason next to the spec.
    """

    name: str
    path: str
    text_field: str
    target_field: str
    kind: str
    scope: str
    weight: float
    title_field: str | None = None
    url_field: str | None = None
    C: float = 1.0
    class_field: str | None = None
    positive_class: str = ""
    exclude: tuple[str, ...] = ()
    citation: str = ""
    licence: str = ""
    measures: str = ""

    def records(self, data_dir: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Every record, or ``limit`` of them evenly spaced through the file (files may be
        sorted by label, so the first rows would not do)."""
        with (Path(data_dir) / self.path).open(encoding="utf-8") as handle:
            lines = handle.readlines()
        for line in evenly_spaced(lines, limit):
            yield json.loads(line)

    def article(self, record: dict[str, Any]) -> Article:
        text = record[self.text_field]
        if self.scope == HEADLINE:
            return Article(text=text, title=text, id=record_id(record))
        return Article(
            text=text,
            title=record.get(self.title_field) if self.title_field else None,
            url=record.get(self.url_field) if self.url_field else None,
            id=record_id(record),
        )

    def columns(self, names: tuple[str, ...]) -> list[int]:
        """Indices of the features this view uses."""
        return [i for i, name in enumerate(names) if name not in self.exclude]

    def target(self, record: dict[str, Any]) -> float:
        return float(record[self.target_field])

    def target_class(self, record: dict[str, Any]) -> int:
        """The binary class accuracy is measured against (soft views: their class field)."""
        if self.class_field is None:
            return int(bool(record[self.target_field]))
        return int(record[self.class_field] == self.positive_class)


SITE_CHROME = tuple(f"{filler.FAMILY}.{name}" for name in filler.FEATURES)

DEFAULT_VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec(
        name="teaser_clickbait",
        path="webis-clickbait-17/posts-train.jsonl",
        text_field="post_text",
        target_field="truth_mean",
        kind=SOFT,
        scope=HEADLINE,
        weight=0.3,
        # On a bare headline the word count is already ``promotion.headline_words``.
        exclude=("factual.log_words",),
        class_field="truth_class",
        positive_class="clickbait",
        citation=(
            'Potthast et al., "Crowdsourcing a Large Corpus of Clickbait on Twitter", '
            "COLING 2018 (Webis Clickbait Corpus 2017)"
        ),
        licence="CC BY 4.0",
        measures="clickbait strength of a teaser or headline (mean of 5 crowd judgements)",
    ),
    ViewSpec(
        name="headline_clickbait",
        path="stop-clickbait/headlines.jsonl",
        text_field="headline",
        target_field="clickbait",
        kind=BINARY,
        scope=HEADLINE,
        weight=0.2,
        exclude=("factual.log_words",),
        citation=(
            'Chakraborty et al., "Stop Clickbait: Detecting and Preventing Clickbaits in '
            'Online News Media", ASONAM 2016'
        ),
        licence="MIT",
        measures="clickbait headline, labelled by the site it came from",
    ),
    ViewSpec(
        name="article_hyperpartisan",
        path="semeval19-hyperpartisan/articles-train.jsonl",
        text_field="text",
        target_field="hyperpartisan",
        kind=BINARY,
        scope=ARTICLE,
        weight=0.5,
        # 645 articles and six collinear readability formulas: shrink harder.
        C=0.1,
        # Site chrome (tag clouds, share/comment boilerplate) in these scraped pages says
        # which sites were crawled, not how partisan an article is; it would teach the
        # view that filler means "not hyped". Filler counts against impact instead.
        exclude=SITE_CHROME,
        title_field="title",
        url_field="url",
        citation=(
            'Kiesel et al., "SemEval-2019 Task 4: Hyperpartisan News Detection", '
            "SemEval 2019 (by-article training set)"
        ),
        licence="CC BY 4.0",
        measures="hyperpartisan full article, hand-labelled",
    ),
)


def headline_article(article: Article) -> Article:
    """The headline fed to headline views, the same way their training records were."""
    text = headline_of(article, analyse(article))[0]
    return Article(text=text, title=text, id=article.id)
