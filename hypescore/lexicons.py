"""Word lists shipped as data files, each with its origin and licence in a header."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from hypescore._engine.finders import PhraseFinder


@cache
def load_lexicon(name: str) -> tuple[str, ...]:
    """Entries of ``hypescore/data/<name>.txt``: one per line, ``#`` starts a comment."""
    raw = resources.files("hypescore.data").joinpath(f"{name}.txt").read_text("utf-8")
    entries = []
    for line in raw.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


@cache
def lexicon_pattern(
    name: str, *, flags: int = re.IGNORECASE, run_together: bool = False
) -> re.Pattern[str]:
    """One alternation over a lexicon's phrases, longest first, matched on word boundaries.

    Phrases are escaped literals, so the pattern has no nested quantifiers and runs in
    linear time. ``run_together``: a phrase's spaces are optional and no boundary follows
    it, for labels that scraping runs into each other ("Font Size50%", "TextColorWhite").
    """
    phrases = sorted(load_lexicon(name), key=len, reverse=True)
    space, after = (r"\s*", "") if run_together else (r"\s+", r"(?!\w)")
    body = "|".join(re.escape(p).replace(r"\ ", space) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{body}){after}", flags)


@cache
def lexicon_finder(name: str) -> PhraseFinder:
    """Exact matches and counts of :func:`lexicon_pattern`, found from the words present."""
    return PhraseFinder(
        lexicon_pattern(name),
        load_lexicon(name),
        ignorecase=True,
        spaces_flexible=True,
        word_bounded=True,
    )
