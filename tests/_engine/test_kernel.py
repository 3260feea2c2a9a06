"""The compiled kernel and the pure-Python reference give the very same numbers.

Each example runs both paths from empty caches (fresh scorer and counter, syllable
cache cleared) on text built from the words VADER's rules and textstat's counts react
to, and compares every output exactly. ``hypescore info`` says which path runs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hypescore._engine import kernel, syllables
from hypescore._engine.index import TextIndex
from hypescore._engine.readability import ReadabilityCounter
from hypescore._engine.syllables import hyphenator
from hypescore._engine.vader import CompoundScorer, read_emojis, read_lexicon
from hypescore.analysis import _JOINER_RE, normalise, split_sentences
from hypescore.extractors import factual, sentiment
from tests._engine.conftest import select_path
from tests._engine.test_token_caches import corpus, features
from tests._engine.test_vader import RULE_WORDS

LEXICON = read_lexicon()
EMOJIS = read_emojis()
AWKWARD = [
    "don't", "IT'S", "U.S.", "rock'n'roll", "'tis", "o'clock", "\u02bc", "\ufb01", "\u03a3",
    "\u0130", "\u00e9t\u00e9", "2019", "3.5", '"', "...", "!?", "e-mail", "x_y", "\u0661",
    "internationalization", "supercalifragilistic", "zyxwvut", "Hello!", "said.",
]  # fmt: skip
WORDS = st.one_of(
    st.sampled_from(RULE_WORDS + AWKWARD),
    st.sampled_from(sorted(LEXICON)),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz'-.!?\u00e9", min_size=1, max_size=25),
)
SEPARATORS = st.sampled_from([" ", "  ", "\n", ". ", "! ", "? ", " but "])


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, max_size=90))
    return "".join(w + draw(SEPARATORS) for w in words)


def outputs(path: str, text: str, ragged: list[tuple[int, int]] = ()) -> tuple:
    """Everything the hot loops compute for ``text``, on ``path``, from empty caches.

    ``ragged`` spans (cutting tokens, empty, past the end) are scored over the document's
    tokens as the sentiment extractor scores sentences.
    """
    select_path(path)
    syllables._counted.clear()
    vader = CompoundScorer(LEXICON, EMOJIS)
    counter = ReadabilityCounter()
    tokens = text.split()
    new = set(tokens)
    counter.learn_new(new)
    vader.learn_new(new)
    plain = text if not vader.has_emoji(text) else vader._spell_out_emojis(text)
    spans, start = [], 0
    for part in plain.split("."):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    vader.learn([token for start, end in spans for token in plain[start:end].split()])
    vader.learn([token for start, end in ragged for token in plain[start:end].split()])
    index = TextIndex(plain, [])
    compiled_tokens = index.compiled_tokens()
    if compiled_tokens is not None:  # the kernel's tokens are the text's, in order
        assert compiled_tokens.tokens == plain.split()
        assert sorted(compiled_tokens.new_tokens({})) == sorted(set(plain.split()))
    plain_index = TextIndex(text, [])
    letters = len(re.findall(r"\w", text))
    return (
        vader.compound(text),
        vader.score_spans(plain, spans),
        vader.score_spans(plain, spans, compiled_tokens),
        vader.score_spans(plain, list(ragged), compiled_tokens),
        counter.scores(text, tokens),
        counter.scores(text),
        counter.index_scores(plain_index, letters),
        [hyphenator().positions(word) for word in tokens[:20]],
        dict(vader._tokens),
        dict(counter.known),
    )


@pytest.fixture(autouse=True)
def restore_default_path():
    before = kernel.active()
    yield
    kernel.use(before is not None)


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts(), data=st.data())
def test_kernel_equals_pure_python(text, data):
    bound = len(text) + 3
    ragged = data.draw(st.lists(st.tuples(st.integers(-3, bound), st.integers(-3, bound))))
    assert outputs("kernel", text, ragged) == outputs("python", text, ragged)


def test_features_equal_on_both_paths():
    """Every feature value and evidence span of whole articles, kernel against Python."""
    if kernel.compiled() is None:
        select_path("kernel")  # skips, or fails under HYPESCORE_REQUIRE_KERNEL
    articles = corpus()
    select_path("python")
    expected = [features(article) for article in articles]
    select_path("kernel")
    assert [features(article) for article in articles] == expected


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
@settings(max_examples=300, deadline=None)
@given(word=st.text(alphabet="abcdefghijklmnopqrstuvwxyz'-\u00e9\u00fc.0", max_size=40))
def test_kernel_hyphenation_equals_pure_python(word):
    select_path("kernel")
    compiled = hyphenator().positions(word)
    select_path("python")
    assert compiled == hyphenator().positions(word)


# Pieces of text the sentence boundary rule reacts to: terminals, closers, line breaks,
# other whitespace (non-breaking, ideographic, NEL), abbreviations (and the word
# characters that may touch one: "_", digits, letters of other scripts), lower and upper case.
SENTENCE_PIECES = st.sampled_from(
    [".", "!", "?", "...", "?!", '"', "'", ")", "]", " ", "  ", "\n", "\n\n", "\t", "\u3000",
     "\x85", "\u00a0", "Mr", "Dr", "U.S", "e.g", "A", "word", "Word", "x", "\u00e9t\u00e9",
     "\u0130", "2019", "-", "*", "Mrs", "approx", "Sept", "i.e", "vs", "No", "_", "\u0661",
     "Z", "\u00c9", "U", "S", "\x1c", "\u2028"]
)  # fmt: skip


def both_paths_sentences(text: str) -> tuple[list, list]:
    select_path("kernel")
    compiled = split_sentences(text)
    select_path("python")
    return compiled, split_sentences(text)


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(SENTENCE_PIECES, max_size=60))
def test_kernel_sentences_equal_pure_python(pieces):
    compiled, reference = both_paths_sentences("".join(pieces))
    assert compiled == reference


def test_kernel_sentences_equal_pure_python_on_real_texts(varied_texts):
    if kernel.compiled() is None:
        select_path("kernel")  # skips, or fails under HYPESCORE_REQUIRE_KERNEL
    texts = [normalise(text) for text in varied_texts] + varied_texts
    pairs = [both_paths_sentences(text) for text in texts]
    assert sum(len(reference) for _, reference in pairs) > 5000
    for (compiled, reference), text in zip(pairs, texts, strict=True):
        assert compiled == reference, text[:80]


# Pieces readability's sentence count reacts to: its separators, tokens with and without
# a \w character (punctuation, "_", digits of other scripts, superscripts, combining and
# modifier letters), separators inside tokens (the segment then starts mid-token),
# whitespace of every kind.
COUNT_PIECES = st.sampled_from(
    [".", "!", "?", "...", "?!", " ", "  ", "\n", "\t", "\u3000", "\x85", "\u00a0", "\x1c",
     "word", "Word", "a", "I", "-", "--", '"', "'", "'s", "''", "_", "x_y", "2019", "3.5",
     "U.S.", "e.g.", "\u0661", "\u00b2", "\u2163", "\u02bc", "\u0301", "\u00e9t\u00e9",
     "\u0130", "\u4e2d", "\U0001d400", "\u2014", "\u00bf", "*"]
)  # fmt: skip


def _sentence_counts(text: str) -> tuple[int, int, int]:
    """The kernel's count from the text and from its tokens, and the reference's with
    every token learned (its shortcut through known words runs too)."""
    select_path("kernel")
    compiled = kernel.compiled()
    from_tokens = TextIndex(text, []).compiled_tokens().count_sentences()
    select_path("python")
    counter = ReadabilityCounter()
    counter.learn_new(set(text.split()))
    return compiled.count_sentences(text), from_tokens, counter._count_sentences(text)


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
@settings(max_examples=800, deadline=None)
@given(pieces=st.lists(COUNT_PIECES, max_size=50))
def test_kernel_sentence_count_equals_pure_python(pieces):
    text = "".join(pieces)
    counts = _sentence_counts(text)
    assert len(set(counts)) == 1, (text, counts)


def test_kernel_sentence_count_equals_pure_python_on_real_texts(varied_texts):
    if kernel.compiled() is None:
        select_path("kernel")  # skips, or fails under HYPESCORE_REQUIRE_KERNEL
    texts = [normalise(text) for text in varied_texts] + varied_texts
    counts = [_sentence_counts(text) for text in texts]
    assert sum(reference for _, _, reference in counts) > 5000
    for (compiled, from_tokens, reference), text in zip(counts, texts, strict=True):
        assert compiled == from_tokens == reference, text[:80]


def test_kernel_lower_runs_equal_pure_python(varied_texts):
    """Word counts (lower case, in order of first occurrence) on both paths: real
    texts, and words whose lower case is longer (İ), context-dependent (final sigma) or
    an ASCII letter only IGNORECASE knows (ı, ſ, the Kelvin sign)."""
    if kernel.compiled() is None:
        select_path("kernel")  # skips, or fails under HYPESCORE_REQUIRE_KERNEL
    odd = "İstanbul ΟΔΟΣ ΣΑΣ σας ΑΣ_Β ıs ſo \u212aelvin ǅavid Straße NASA nasa Nasa x_Y 2019"
    texts = [normalise(text) for text in varied_texts] + [odd, odd.lower(), ""]
    for text in texts:
        runs = re.findall(r"\w+", text)
        select_path("python")
        expected = TextIndex(text, runs).lower_runs
        select_path("kernel")
        counted = TextIndex(text, runs).lower_runs
        assert list(counted.items()) == list(expected.items()), text[:80]


RUN_PIECES = st.sampled_from(
    ["word", "Word", "WORD", "'", "-", "--", "'-", "_", "x_Y", " ", "  ", "\n", "\t", ".",
     "2019", "\u0661", "\u00e9", "\u00c9t\u00e9", "Stra\u00dfe", "\u0130", "\u0131s",
     "\u017f", "\u212a", "\u03a3\u0391\u03a3", "\u4e2d\u6587", "\u00b2", "\u2163", "\u02bc",
     "\U0001d400", "\ufb01", "don't", "e-mail", "k", "K", "s", "So", "so", "kelvin"]
)  # fmt: skip


def _runs_both_ways(text: str) -> None:
    """The kernel's run counts and lower-case run counts, straight from the text,
    against the regexes and the reference ``TextIndex`` over the found runs."""
    runs = re.findall(r"\w+", text)
    expected = (len(runs), len("".join(runs)), len(_JOINER_RE.findall(text)))
    assert kernel.compiled().word_run_stats(text) == expected, text[:80]
    select_path("python")
    reference = TextIndex(text, runs).lower_runs
    select_path("kernel")
    counted = TextIndex(text).lower_runs
    assert list(counted.items()) == list(reference.items()), text[:80]


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(RUN_PIECES, max_size=40))
def test_kernel_runs_from_the_text_equal_the_regex(pieces):
    _runs_both_ways("".join(pieces))


def test_kernel_runs_from_the_text_equal_the_regex_on_real_texts(varied_texts):
    if kernel.compiled() is None:
        select_path("kernel")  # skips, or fails under HYPESCORE_REQUIRE_KERNEL
    # ASCII runs counted in the kernel's own table and folded runs that join them
    # ("ſo" folds to "so", the Kelvin sign to "k"), before and after their first use;
    # then enough distinct runs, in both cases, for the table to grow; and the real
    # texts widened to 2 and 4 bytes a code point (the kernel scans each width apart).
    merged = "so SO \u017fo So \u212a k K \u212aelvin kelvin KELVIN \u017f s S"
    growing = " ".join(f"w{k} W{k % 700}" for k in range(3000))
    texts = [normalise(text) for text in varied_texts] + varied_texts + ["", merged, growing]
    widened = [text + " \u4e2d" for text in texts[:40]] + ["\U0001d400 " + t for t in texts[:40]]
    for text in texts + widened:
        _runs_both_ways(text)


TOKEN_PIECES = st.sampled_from(
    ["word", "Word", "WORD", "w\u00f6rd", "W\u00d6RD", "\u4e2d", "\U0001d400", "'", "-", "_",
     "The", "the", "THE", "tHe", "s", "S", "\u017f", "\u0130", "\u212a", "2019", ".", "don't"]
)  # fmt: skip
SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u3000"])


def _tokens_and_runs_both_ways(text: str) -> None:
    """The kernel's distinct tokens and run counts against ``str.split`` and the
    reference, with the kernel's shared strings in play."""
    compiled = kernel.compiled()
    assert compiled.DocumentTokens(text).distinct == list(dict.fromkeys(text.split()))
    _runs_both_ways(text)


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
@settings(max_examples=400, deadline=None)
@given(documents=st.lists(st.lists(st.tuples(TOKEN_PIECES, SPACES), max_size=30), max_size=4))
def test_kernel_shared_strings_keep_tokens_and_runs_exact(documents):
    # The same words in every case and width, document after document: a word met
    # before comes from the shared table and must still be exactly the text's.
    for pieces in documents:
        _tokens_and_runs_both_ways("".join(piece + space for piece, space in pieces))


# In a fresh process, so the shared table is empty at the start whatever ran before.
_SHARED_REUSE = """
from hypescore._engine import kernel
compiled = kernel.compiled()
first = compiled.DocumentTokens("Shared words, shared WORDS").distinct
again = compiled.DocumentTokens("\\u4e2d shared WORDS").distinct
assert again[1] is first[2] and again[2] is first[3], (first, again)
runs = {}
compiled.count_text_runs("SHARED Words", runs, str.lower)
assert list(runs) == ["shared", "words"] and next(iter(runs)) is first[2], runs
compiled.DocumentTokens(" ".join(f"q{k}Z" for k in range(70_000)))
assert compiled.shared_string_count() == 1 << 16, compiled.shared_string_count()
late = compiled.DocumentTokens("late late").distinct[0]
assert compiled.DocumentTokens("late").distinct[0] is not late
"""


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
def test_kernel_shared_strings_are_reused_and_bounded():
    done = subprocess.run(
        [sys.executable, "-c", _SHARED_REUSE], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    # Far more distinct words than the table holds: every document stays exact.
    many = " ".join(f"q{k}Z" for k in range(70_000))
    _tokens_and_runs_both_ways(many)
    assert kernel.compiled().shared_string_count() == 1 << 16
    _tokens_and_runs_both_ways(many.upper() + " Shared shared")


SHOUT_PIECES = st.sampled_from(
    ["NASA", "WOW", "ABCDE", "A", "x", "s", "'", "_", "-", " ", "\n", "!", "2019", "\u00c9",
     "\u0130", "\u212a", "\u00e9", "\u02bc", "\U0001d400", "BREAKING", "Ok", "NASA's"]
)  # fmt: skip


DIGIT_PIECES = st.sampled_from(
    ["1", "2019", "x", "X", "_", ".", ",", " ", "\n", "-", "'", "\u0661", "\u00b2", "\u2163",
     "\u00bd", "\u0966", "\U0001d7ce", "\u00e9", "\u0130", "\uff11", "a1", "$"]
)  # fmt: skip
# Kernel scans that replace a regex scan: the regex, the kernel's match starts, pieces to
# stitch texts from, and how many matches the real texts must hold at least.
START_SCANS = {
    "shouted words": (
        sentiment._ALLCAPS_RE,
        lambda compiled, text: compiled.shouted_starts(text, sentiment._SHOUTED_LENGTH),
        SHOUT_PIECES,
        50,
    ),
    "number starts": (
        factual._DIGIT_WORD_START_RE,
        lambda compiled, text: compiled.digit_word_starts(text),
        DIGIT_PIECES,
        1000,
    ),
}


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
@pytest.mark.parametrize("scan", sorted(START_SCANS))
@settings(max_examples=600, deadline=None)
@given(data=st.data())
def test_kernel_match_starts_equal_the_regex(scan, data):
    pattern, starts, pieces, _ = START_SCANS[scan]
    text = "".join(data.draw(st.lists(pieces, max_size=40)))
    assert starts(kernel.compiled(), text) == [m.start() for m in pattern.finditer(text)]


@pytest.mark.parametrize("scan", sorted(START_SCANS))
def test_kernel_match_starts_equal_the_regex_on_real_texts(varied_texts, scan):
    if kernel.compiled() is None:
        select_path("kernel")  # skips, or fails under HYPESCORE_REQUIRE_KERNEL
    pattern, starts, _, at_least = START_SCANS[scan]
    found = 0
    for text in [normalise(text) for text in varied_texts] + varied_texts:
        expected = [m.start() for m in pattern.finditer(text)]
        assert starts(kernel.compiled(), text) == expected, text[:80]
        found += len(expected)
    assert found > at_least


NAME_PIECES = st.sampled_from(
    ["Bank", "of", "the", "England", "van", "Gogh", "al", "Assad", "bin", "de", "la", "von",
     "vo", "theory", " ", "  ", "\n", "-", "'", "_", "'s", "O'Neil", "Jean-Luc", "x", "NASA",
     "A", "\u00c9mile", "\u00e9", "Stra\u00dfe", "2019", "3M", ".", ",", "\u0130", "\u212a"]
)  # fmt: skip


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(NAME_PIECES, max_size=40), spaced=st.booleans())
def test_kernel_capitalised_runs_equal_the_regex(pieces, spaced):
    text = (" " if spaced else "").join(pieces)
    expected = [m.span() for m in factual._CAPITALISED_RUN_RE.finditer(text)]
    assert kernel.compiled().capitalised_runs(text, factual._PARTICLE_WORDS) == expected


def test_kernel_capitalised_runs_equal_the_regex_on_real_texts(varied_texts):
    if kernel.compiled() is None:
        select_path("kernel")  # skips, or fails under HYPESCORE_REQUIRE_KERNEL
    total = 0
    for text in varied_texts:
        expected = [m.span() for m in factual._CAPITALISED_RUN_RE.finditer(text)]
        assert kernel.compiled().capitalised_runs(text, factual._PARTICLE_WORDS) == expected
        total += len(expected)
    assert total > 5000


def info_engine(**env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "hypescore", "info", "-f", "json"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return json.loads(result.stdout)["engine"]


def test_info_says_which_path_runs():
    assert info_engine(HYPESCORE_PURE_PYTHON="1").startswith("pure Python")
    expected = "compiled kernel" if kernel.compiled() is not None else "pure Python"
    assert info_engine(HYPESCORE_PURE_PYTHON="0").startswith(expected)


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
def test_kernel_is_upper_equals_str_isupper_for_every_code_point():
    """VADER's capital checks read ``str.isupper`` from the code points: every code
    point alone, doubled, and beside a cased and an uncased character."""
    is_upper = kernel.compiled().is_upper
    assert not is_upper("") and not "".isupper()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        for text in (char, char + char, char + "a", "A" + char, char + "1", "\u01c5" + char):
            assert is_upper(text) == text.isupper(), repr(text)


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=12) | st.sampled_from(AWKWARD + ["NASA's", "U.S.", "ǅ", "ǄA"]))
def test_kernel_is_upper_equals_str_isupper(text):
    assert kernel.compiled().is_upper(text) == text.isupper()


@pytest.mark.skipif(kernel.compiled() is None, reason="compiled kernel not built")
def test_kernel_non_ascii_digit_check_equals_the_regex_for_every_code_point():
    """``factual``'s "any decimal digit but 0-9?" check (dates fall back to a scan then),
    for every code point after an ASCII text, on real texts and with one such digit."""
    has = kernel.compiled().has_non_ascii_decimal
    regex = factual._NON_ASCII_DIGIT_RE
    for code in range(sys.maxunicode + 1):
        text = "in 2019 " + chr(code)
        assert has(text) == (regex.search(text) is not None), hex(code)


def test_kernel_non_ascii_digit_check_equals_the_regex_on_real_texts(varied_texts):
    if kernel.compiled() is None:
        select_path("kernel")  # skips, or fails under HYPESCORE_REQUIRE_KERNEL
    has = kernel.compiled().has_non_ascii_decimal
    regex = factual._NON_ASCII_DIGIT_RE
    texts = [normalise(text) for text in varied_texts] + [""]
    texts += [text + " \u0663" for text in texts[:20]] + ["\U0001d7ce " + t for t in texts[:20]]
    assert sum(regex.search(text) is not None for text in texts) >= 40
    for text in texts:
        assert has(text) == (regex.search(text) is not None), text[:80]
