"""Word lists shipped as data files, each with its origin and licence in a header."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from hypescore._engine.finders import PhraseFinder
from hypescore._engine.index import WORD_RUN_RE, case_fold


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
def _leading_runs(name: str) -> re.Pattern[str] | None:
    """A search for any phrase's lower-case first ``\\w`` run after a space; None when a
    phrase is not ASCII or does not start with a word character (nothing is ruled out)."""
    firsts = set()
    for phrase in load_lexicon(name):
        run = WORD_RUN_RE.match(phrase)
        if not phrase.isascii() or run is None:
            return None
        firsts.add(run.group().lower())
    return re.compile(" (?:" + "|".join(map(re.escape, sorted(firsts))) + ")")


@lru_cache(maxsize=16)
def _spaced_runs(text: str) -> str:
    """Every ``\\w+`` run of ``text`` case-folded, each after a space (a line is asked
    about by several lexicons in a row)."""
    return case_fold(" " + " ".join(WORD_RUN_RE.findall(text)))


def may_match(name: str, text: str) -> bool:
    """False when :func:`lexicon_pattern` (either form, any flags) cannot match in ``text``.

    Every match starts after no word character with a phrase's first run, so some
    ``\\w+`` run of ``text`` starts with it, in the case IGNORECASE folds to
    (``case_fold``). Checking that is a literal-led search of the runs, where the
    pattern's own scan tries its look-behind and every alternative at every position
    (most of a headline's filler check).
    """
    firsts = _leading_runs(name)
    return firsts is None or firsts.search(_spaced_runs(text)) is not None


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
