"""One analysis pass per article, shared by every extractor.

Normalisation maps characters one-to-one (curly quotes to straight, odd spaces to a
space), so every offset found in the normalised text is an offset into the input text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hypescore.article import Article

_SAME_LENGTH_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\t": " ",
        "\r": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\u0000": " ",
    }
)

WORD_RE = re.compile(r"\w+(?:['-]\w+)*")
# A terminal run ends a sentence when whitespace follows and the next word is not lower case.
_BOUNDARY_RE = re.compile(r"[.!?]+[\"')\]]*(?=\s++(?![a-z])|\s*+\Z)|\n")
_ABBREVIATION_RE = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Rev|Inc|Corp|Ltd|Co|No|vs"
    r"|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|U\.S|U\.K))$"
)
_LINE_RE = re.compile(r"[^\n]+")


@dataclass(slots=True)
class AnalysedArticle:
    """Everything extractors share: computed once, read many times."""

    text: str
    norm: str
    title: str
    url: str | None
    words: list[str]
    sentences: list[tuple[int, int]]
    lines: list[tuple[int, int]] = field(default_factory=list)

    @property
    def n_words(self) -> int:
        return len(self.words)

    def per_1k_words(self, count: float) -> float:
        """Rate per 1,000 words; zero for an empty text, so short texts stay finite."""
        return 1000.0 * count / len(self.words) if self.words else 0.0


def normalise(text: str) -> str:
    """Fold typographic variants without changing the length of the text."""
    return text.translate(_SAME_LENGTH_FOLD)


def split_sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence spans on terminal punctuation or line breaks, skipping abbreviations.

    One left-to-right scan: linear in the length of the text.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(norm):
        punct = match.group()
        if punct == "." and _ABBREVIATION_RE.search(norm, max(0, match.start() - 6), match.start()):
            continue
        _append_trimmed(spans, norm, start, match.end())
        start = match.end()
    _append_trimmed(spans, norm, start, len(norm))
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def line_spans(norm: str) -> list[tuple[int, int]]:
    """Non-empty lines (trimmed), where tag lists and boilerplate live."""
    spans: list[tuple[int, int]] = []
    for match in _LINE_RE.finditer(norm):
        _append_trimmed(spans, norm, match.start(), match.end())
    return spans


def analyse(article: Article) -> AnalysedArticle:
    """Run the single shared pass over one article."""
    norm = normalise(article.text)
    return AnalysedArticle(
        text=article.text,
        norm=norm,
        title=normalise(article.title or ""),
        url=article.url,
        words=WORD_RE.findall(norm),
        sentences=split_sentences(norm),
        lines=line_spans(norm),
    )
