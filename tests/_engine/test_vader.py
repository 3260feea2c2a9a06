"""hypescore._engine.vader gives vaderSentiment's own compound scores, bit for bit."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment import vaderSentiment as vs

from hypescore._engine.index import TextIndex
from hypescore._engine.vader import (
    B_DECR,
    B_INCR,
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    CompoundScorer,
    but_rule,
    read_emojis,
    read_lexicon,
)

ANALYZER = vs.SentimentIntensityAnalyzer()

# Words that trigger VADER's rules: negation, "no", boosters and dampeners, "but",
# "least", "kind of", "never so", "without doubt", idioms, capitals, punctuation, emoji.
RULE_WORDS = [
    "no", "No", "NO", "but", "BUT", "But", "kind", "of", "least", "at", "very", "never",
    "so", "this", "without", "doubt", "or", "nor", "not", "isn't", "can't", "the", "bomb",
    "shit", "yeah", "right", "kiss", "death", "to", "die", "for", "beating", "heart", "bad",
    "ass", "bus", "stop", "sort", "just", "enough", "KIND", "OF", "Least", "good", "great",
    "GOOD", "Bad", "hate", "love", "LOVE", "ok", ":)", ":(", "!!!", "?", "??", "...", "-",
    '"good"', "good!", "(bad)", "'", "\U0001f601", "\U0001f498", "a", "i", "I", "said",
    "he", "it", "was.", "and,",
]  # fmt: skip
DEMO_SENTENCES = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as \U0001f498 and \U0001f48b and \U0001f601",
    "Not bad at all",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "It was one of the worst movies I've seen, despite good reviews.",
]


def vader(text: str) -> float:
    return ANALYZER.polarity_scores(text)["compound"]


def rule_sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lexicon = list(ANALYZER.lexicon)
    plain = ["the", "a", "cat", "dog", "said", "he", "she", "it", "is", "was", "was.", "and,"]
    sentences = []
    for _ in range(count):
        words = []
        for _ in range(rng.choice([1, 2, 3, 5, 8, 15, 30, 70])):
            r = rng.random()
            word = rng.choice(RULE_WORDS if r < 0.5 else lexicon if r < 0.8 else plain)
            if rng.random() < 0.1:
                word = word.upper()
            if rng.random() < 0.1:
                word += rng.choice("!?.,;:\"')")
            words.append(word)
        sentences.append(" ".join(words))
    return sentences


def test_rule_constants_and_tables_are_vaders():
    assert (B_INCR, B_DECR, C_INCR, N_SCALAR) == (vs.B_INCR, vs.B_DECR, vs.C_INCR, vs.N_SCALAR)
    assert set(vs.NEGATE) == NEGATE
    assert vs.BOOSTER_DICT == BOOSTER_DICT
    assert vs.SPECIAL_CASES == SPECIAL_CASES
    assert read_lexicon() == ANALYZER.lexicon
    assert read_emojis() == ANALYZER.emojis


def test_compound_equals_vader_on_demo_and_rule_sentences(engine_path):
    scorer = CompoundScorer(read_lexicon(), read_emojis())
    for sentence in DEMO_SENTENCES + rule_sentences(4000, seed=1):
        assert scorer.compound(sentence) == vader(sentence), sentence


def test_spans_of_a_learned_document_equal_vader(engine_path):
    scorer = CompoundScorer(read_lexicon(), read_emojis())
    sentences = rule_sentences(300, seed=2)
    text = " ".join(s for s in sentences if not scorer.has_emoji(s))
    spans, start = [], 0
    for sentence in sentences:
        if scorer.has_emoji(sentence):
            continue
        spans.append((start, start + len(sentence)))
        start += len(sentence) + 1
    scorer.learn(text.split())
    expected = [vader(text[s:e]) for s, e in spans]
    assert scorer.score_spans(text, spans) == expected
    # the kernel's interned tokens of the document (None on the Python path)
    assert scorer.score_spans(text, spans, TextIndex(text, []).compiled_tokens()) == expected
    # again: the kernel now reads its remembered roundings of these sums
    assert scorer.score_spans(text, spans, TextIndex(text, []).compiled_tokens()) == expected
    # spans that cut tokens, or are empty, or reach past the text
    rng = random.Random(4)
    ragged = [
        (a, a + rng.randint(-2, 90)) for a in (rng.randint(-3, len(text)) for _ in range(300))
    ]
    scorer.learn([token for s, e in ragged for token in text[s:e].split()])
    compiled_tokens = TextIndex(text, []).compiled_tokens()
    assert scorer.score_spans(text, ragged, compiled_tokens) == [
        vader(text[s:e]) for s, e in ragged
    ]


def vader_but_check(values: list[float], but_index: int) -> list[float]:
    words = ["x"] * len(values)
    words[but_index] = "but"
    return vs.SentimentIntensityAnalyzer._but_check(words, list(values))


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(
        st.sampled_from([0, 0.0, 1.5, -1.5, 2.0, 0.75, 3.0, -0.74, 1.125]), max_size=80
    ),
    data=st.data(),
)
def test_but_rule_replays_vaders_list_index_quirk(values, data):
    """Equal values make VADER scale the first equal one; both code paths agree."""
    if not values:
        return
    but_index = data.draw(st.integers(0, len(values) - 1))
    expected = [v for v in vader_but_check(values, but_index) if v]
    positions = [i for i, v in enumerate(values) if v]
    ours = [values[i] for i in positions]
    but_rule(ours, positions, but_index)
    assert ours == expected
    assert sum(ours) == sum(vader_but_check(values, but_index))


def test_real_sentences_equal_vader(engine_path, varied_texts):
    """Sentences of real articles, teasers and headlines, many of them walked by the
    rules (a negation, booster, "but" or capitals near a lexicon word)."""
    from hypescore.analysis import normalise, split_sentences

    scorer = CompoundScorer(read_lexicon(), read_emojis())
    sentences = [
        text[start:end]
        for text in map(normalise, varied_texts[:60] + varied_texts[150:])
        for start, end in split_sentences(text)
    ]
    walked = 0
    for sentence in sentences:
        assert scorer.compound(sentence) == vader(sentence), sentence
        tokens = sentence.split()
        if not scorer._hits.isdisjoint(tokens) and not (
            scorer._modifiers.isdisjoint(tokens)
            and scorer._buts.isdisjoint(tokens)
            and scorer._upper_hits.isdisjoint(tokens)
        ):
            walked += 1
    assert walked > 300
