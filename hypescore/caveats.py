"""Why a verdict should not be trusted: inputs too thin to judge, flagged rather than scored.

A 24-word photo caption, a page whose "headline" is the site's breadcrumb trail, or an
HTML page from which extraction kept almost nothing all still get scores, but a score
of such input says little; ``Result.warnings`` carries these messages so callers can
filter or re-fetch. The thresholds are written once, here.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import filterfalse

from hypescore.lexicons import load_lexicon

MIN_WORDS = 80
"""Below this many words the features are too noisy to judge an article (a caption, a teaser)."""
THIN_SHARE = 0.10
MIN_PAGE_WORDS = 200
"""Extraction kept "almost nothing": under THIN_SHARE of a page of at least this many words."""
MAX_CRUMB_WORDS = 4

_CRUMB_SEPARATOR = re.compile(r" (?:[>»›/|]|::) |::")  # on whitespace-folded text
_ARROWS = (">", "»", "›", "/")


# A letter or digit: ``[^\W_]`` is ``str.isalnum``.
_WORD_CHAR = re.compile(r"[^\W_]")


def word_count(text: str, stop_at: int | None = None) -> int:
    """Whitespace-separated tokens holding a letter or digit; stops counting at ``stop_at``
    (splitting no further, so a caveat check on a long text is cheap).

    The text is split in growing pieces (``str.split`` with a limit, the limit doubling),
    so reaching ``stop_at`` costs a few C-speed splits and a long text without words is
    still read in linear time.
    """
    limit = max(stop_at, 1) if stop_at is not None else None
    count = 0
    rest, size = text, limit or -1  # -1: split the whole text at once
    while rest:
        tokens = rest.split(None, size)
        rest = tokens.pop() if 0 <= size < len(tokens) else ""
        start = 0
        while start < len(tokens):
            # A token adds one word at most: the next ``limit - count`` cannot overshoot.
            step = len(tokens) if limit is None else limit - count
            count += _holding_words(tokens[start : start + step])
            if count == limit:
                return count
            start += step
        size *= 2
    return count


def _holding_words(tokens: list[str]) -> int:
    """How many tokens hold a word character, counted in C: most are all letters or
    digits (``str.isalnum``); only the rest ("U.S.", "said,", "—") need the search."""
    others = list(filterfalse(str.isalnum, tokens))
    return len(tokens) - len(others) + len(list(filter(_WORD_CHAR.search, others)))


def too_short(text: str) -> str | None:
    words = word_count(text, stop_at=MIN_WORDS)
    if words >= MIN_WORDS:
        return None
    unit = "word" if words == 1 else "words"
    return f"too short to judge: {words} {unit} (scores mean little under {MIN_WORDS})"


def label_like_headline(title: str | None) -> str | None:
    """A breadcrumb trail ("News > Science") or a bare section label ("World news")."""
    if not title or not title.strip():
        return None
    shown = " ".join(title.split())
    parts = [p for p in _CRUMB_SEPARATOR.split(shown) if p.strip()]
    arrows = any(f" {arrow} " in f" {shown} " for arrow in _ARROWS)
    if len(parts) >= 2 and arrows and all(len(p.split()) <= MAX_CRUMB_WORDS for p in parts):
        return f"headline looks like a breadcrumb trail, not a headline: {shown!r}"
    words = [w.strip(".,:;!?'\"()-").lower() for w in shown.split()]
    if len(words) <= 3 and all(w in _section_words() for w in words if w):
        return f"headline looks like a section label, not a headline: {shown!r}"
    return None


@cache
def _section_words() -> frozenset[str]:
    return frozenset(load_lexicon("section_labels"))


def thin_extraction(kept_words: int, page_words: int) -> str | None:
    """HTML extraction kept under a tenth of a page's words: likely the wrong block."""
    if page_words < MIN_PAGE_WORDS or kept_words >= THIN_SHARE * page_words:
        return None
    return f"HTML extraction kept almost nothing: {kept_words:,} of the page's {page_words:,} words"


def article_caveats(text: str, title: str | None) -> tuple[str, ...]:
    """The warnings the article's own text and headline call for, in a fixed order."""
    return tuple(w for w in (too_short(text), label_like_headline(title)) if w)
