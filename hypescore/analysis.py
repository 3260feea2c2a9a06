"""One analysis pass per article, shared by every extractor.

Normalisation maps characters one-to-one (curly quotes to straight, odd spaces to a
space), so every offset found in the normalised text is an offset into the input text.
Promotional filler (``hypescore.filler``) is then blanked out of the body with spaces of
the same length: extractors measure the body only, and their offsets still point into
the input text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hypescore._engine import kernel
from hypescore._engine.index import WORD_RUN_RE, TextIndex
from hypescore.article import Article
from hypescore.filler import FillerBlock, blank_out, find_filler

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

# (character, replacement) pairs of the fold; only non-ASCII text needs the whole table.
_FOLD_PAIRS = tuple((chr(code), target) for code, target in _SAME_LENGTH_FOLD.items())

WORD_RE = re.compile(r"\w+(?:['-]\w+)*")
# An apostrophe or hyphen between word characters: it joins two runs into one word.
_JOINER_RE = re.compile(r"['-](?<=\w['-])(?=\w)")
# A terminal run ends a sentence when whitespace follows and the next word is not lower case.
# Same as ``[.!?]+[\"')\]]*(?=\s++(?![a-z])|\s*+\Z)|\n``, written to start with a character
# class so the regex engine can skip ahead to candidates instead of trying every position.
# A line break also takes the whitespace after it: the cuts that skips would only have
# delimited blank pieces, which are dropped anyway.
_TERMINALS = ".!?"
_CLOSERS = "\"')]"  # closing quotes and brackets a terminal run may carry
_BOUNDARY_RE = re.compile(
    rf"[{re.escape(_TERMINALS)}\n](?:(?<=\n)\s*|(?<=[{re.escape(_TERMINALS)}])"
    rf"[{re.escape(_TERMINALS)}]*[{re.escape(_CLOSERS)}]*(?=\s++(?![a-z])|\s*+\Z))"
)
# Words after which a lone "." ends no sentence (nor does it after a single capital).
# Each starts with a letter and is at most _ABBREVIATION_WINDOW characters long: the
# check looks that far back from the dot.
_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Rev",
    "Inc", "Corp", "Ltd", "Co", "No", "vs", "etc", "approx", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "e.g", "i.e", "U.S", "U.K",
)  # fmt: skip
_ABBREVIATION_WINDOW = 6
_ABBREVIATION_RE = re.compile(rf"(?:\b[A-Z]|\b(?:{'|'.join(map(re.escape, _ABBREVIATIONS))}))$")
_LINE_RE = re.compile(r"[^\n]+")


@dataclass(slots=True)
class AnalysedArticle:
    """Everything extractors share: computed once, read many times."""

    text: str
    norm: str
    """The body: the normalised text with filler blocks blanked out (same length)."""
    title: str
    url: str | None
    word_chars: int
    """How many ``\\w`` characters the body holds (all of them are in its runs)."""
    n_words: int
    sentences: list[tuple[int, int]]
    """Sentences of the body."""
    lines: list[tuple[int, int]] = field(default_factory=list)
    """Non-empty lines of the body."""
    full_norm: str = ""
    """The normalised text with its filler, where filler blocks were found."""
    filler: list[FillerBlock] = field(default_factory=list)
    _runs: list[str] | None = field(default=None, repr=False, compare=False)
    index: TextIndex = field(init=False, repr=False, compare=False)
    """Tokens, word runs and lower-cased text, each built on first use and shared. A
    plain attribute, not a property: extractors read it some twenty times a document,
    and an empty index costs no more to make than a property call."""

    def __post_init__(self) -> None:
        self.index = TextIndex(self.norm, self._runs)

    @property
    def runs(self) -> list[str]:
        """Every ``\\w+`` run; a word (``WORD_RE``) is runs joined by ``'`` or ``-``.
        Kept from the analysis on the pure-Python path, found on request otherwise
        (the kernel counts the runs without making them)."""
        if self._runs is None:
            return WORD_RUN_RE.findall(self.norm)
        return self._runs

    @property
    def words(self) -> list[str]:
        """The words (``WORD_RE`` matches), found on request; their count is ``n_words``."""
        return WORD_RE.findall(self.norm)

    def release_index(self) -> None:
        """Drop what the index built once every extractor has read it (it is built again
        if asked for): a chunk keeps its analysed articles until it is assembled, and
        their indexes are most of the objects the garbage collector would walk meanwhile."""
        self.index = TextIndex(self.norm, self._runs)

    def per_1k_words(self, count: float) -> float:
        """Rate per 1,000 words; zero for an empty text, so short texts stay finite."""
        return 1000.0 * count / self.n_words if self.n_words else 0.0


def normalise(text: str) -> str:
    """Fold typographic variants without changing the length of the text.

    ``str.translate`` with this table is slow on non-ASCII text (a dictionary lookup per
    character), so only the characters present are replaced, each by one C-speed pass.
    """
    if text.isascii():
        if "\t" in text or "\r" in text or "\x00" in text:
            return text.replace("\t", " ").replace("\r", "\n").replace("\x00", " ")
        return text
    for char, target in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, target)
    return text


def split_sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence spans on terminal punctuation or line breaks, skipping abbreviations.

    One left-to-right scan: linear in the length of the text. The compiled kernel
    (``kernel.active``) matches the boundaries over the code points instead.
    """
    compiled = kernel.active()
    if compiled is not None:
        return compiled.sentence_spans(
            norm, _TERMINALS, _CLOSERS, _ABBREVIATIONS, _ABBREVIATION_WINDOW
        )
    spans: list[tuple[int, int]] = []
    start = 0
    abbreviation = _ABBREVIATION_RE.search
    for match in _BOUNDARY_RE.finditer(norm):
        end = match.end()
        dot = end - 1
        if (
            dot == match.start()
            and norm[dot] == "."
            and abbreviation(norm, max(0, dot - _ABBREVIATION_WINDOW), dot)
        ):
            continue
        # _append_trimmed, inlined: this loop runs once per sentence and line break.
        left = norm[start:end].lstrip()
        if left:
            first = end - len(left)
            spans.append((first, first + len(left.rstrip())))
        start = end
    _append_trimmed(spans, norm, start, len(norm))
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    left = piece.lstrip()
    if left:
        spans.append((end - len(left), end - (len(left) - len(left.rstrip()))))


def line_spans(norm: str) -> list[tuple[int, int]]:
    """Non-empty lines (trimmed), where tag lists and boilerplate live."""
    spans: list[tuple[int, int]] = []
    for match in _LINE_RE.finditer(norm):
        _append_trimmed(spans, norm, match.start(), match.end())
    return spans


def headline(doc: AnalysedArticle) -> tuple[str, int, int]:
    """Where the headline is: ``(field, start, end)``, the one rule for every user.

    The title when it has words; otherwise the first sentence of the body (a bare teaser
    or headline is its own first sentence). Body sentences skip filler, so a breadcrumb
    or category line run together ("World NewsPoliticsElections") is never the headline.
    """
    if doc.title.strip():
        return "title", 0, len(doc.title)
    if doc.sentences:
        start, end = doc.sentences[0]
        return "text", start, end
    return "text", 0, 0


def headline_of(article: Article, doc: AnalysedArticle) -> tuple[str, str, int]:
    """The headline as it stands in the input, the field it is in and its offset there."""
    field, start, end = headline(doc)
    source = (article.title or "") if field == "title" else article.text
    return source[start:end], field, start


def analyse(article: Article) -> AnalysedArticle:
    """Run the single shared pass over one article."""
    full = normalise(article.text)
    lines = line_spans(full)
    filler = find_filler(full, lines)
    norm = blank_out(full, filler)
    if filler:
        lines = _outside(lines, filler)
    # Words are counted as runs less joiners: cheaper than matching WORD_RE itself.
    compiled = kernel.active()
    runs: list[str] | None = None
    if compiled is not None:
        n_runs, word_chars, joiners = compiled.word_run_stats(norm)
    else:
        runs = WORD_RUN_RE.findall(norm)
        n_runs, word_chars, joiners = len(runs), len("".join(runs)), len(_JOINER_RE.findall(norm))
    return AnalysedArticle(
        text=article.text,
        norm=norm,
        title=normalise(article.title or ""),
        url=article.url,
        word_chars=word_chars,
        n_words=n_runs - joiners,
        sentences=split_sentences(norm),
        lines=lines,
        full_norm=full,
        filler=filler,
        _runs=runs,
    )


def _outside(lines: list[tuple[int, int]], blocks: list[FillerBlock]) -> list[tuple[int, int]]:
    """The lines that lie in no block (blocks are whole lines, in order)."""
    kept: list[tuple[int, int]] = []
    k = 0
    for start, end in lines:
        while k < len(blocks) and blocks[k].end <= start:
            k += 1
        if k == len(blocks) or end <= blocks[k].start:
            kept.append((start, end))
    return kept
