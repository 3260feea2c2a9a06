import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import sentiment


def values(doc):
    return dict(zip(sentiment.FEATURES, sentiment.extract(doc), strict=True))


def test_shouting_moves_with_hype(hype, wire, opinion):
    h, w, o = values(hype), values(wire), values(opinion)
    assert h["exclamations_per_1k"] > w["exclamations_per_1k"] == o["exclamations_per_1k"] == 0
    assert h["allcaps_per_1k"] > w["allcaps_per_1k"]
    assert o["positive_share"] > w["positive_share"]
    assert o["max_intensity"] > w["max_intensity"]


def test_spans_point_at_caps_exclamations_and_polar_sentences(hype):
    sink = []
    sentiment.extract(hype, sink)
    caps = {hype.text[s.start : s.end] for s in sink if s.kind == "allcaps"}
    assert caps == {"HUGE", "EVER"}
    assert all(hype.text[s.start : s.end].startswith("!") for s in sink if s.kind == "exclamation")
    polar = [hype.text[s.start : s.end] for s in sink if s.kind == "polar_sentence"]
    assert polar and all(
        abs(SentimentIntensityAnalyzer().polarity_scores(p)["compound"]) >= 0.5 for p in polar
    )


def test_empty_and_one_word():
    assert values(analyse(Article(text=""))) == dict.fromkeys(sentiment.FEATURES, 0.0)
    v = values(analyse(Article(text="Hello")))
    assert v["mean_compound"] == 0.0 and v["strong_polar_share"] == 0.0


def test_parity_with_vader_per_sentence(varied_texts):
    """Every sentence score equals vaderSentiment's own output on that sentence.

    hypescore scores sentences with its own re-implementation (hypescore._engine.vader); the
    comparison is exact equality with the real library.
    """
    analyzer = SentimentIntensityAnalyzer()
    checked = 0
    for text in varied_texts:
        doc = analyse(Article(text=text))
        ours = sentiment.sentence_compounds(doc)
        theirs = [analyzer.polarity_scores(doc.norm[s:e])["compound"] for s, e in doc.sentences]
        assert ours == theirs
        checked += len(ours)
        if ours:
            assert sentiment.extract(doc)[0] == pytest.approx(sum(theirs) / len(theirs))
    assert checked > 2000
