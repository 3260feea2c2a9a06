import pytest

from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import readability
from tests._textstat_offline import use_offline_cmudict


def values(doc):
    return dict(zip(readability.FEATURES, readability.extract(doc), strict=True))


def test_opinion_reads_easier_than_wire(wire, opinion):
    w, o = values(wire), values(opinion)
    assert o["flesch_reading_ease"] > w["flesch_reading_ease"]
    for name in ("flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall"):
        assert o[name] < w[name], name


def test_empty_is_zero():
    assert values(analyse(Article(text=""))) == dict.fromkeys(readability.FEATURES, 0.0)


def test_parity_with_textstat(varied_texts):
    """Each metric equals textstat's own function on the same text, exactly.

    hypescore computes them itself (textstat is not imported at run time); the formulas
    follow textstat term by term, so the floating-point results are identical.
    """
    textstat = pytest.importorskip("textstat")
    use_offline_cmudict()
    functions = {
        "flesch_reading_ease": textstat.flesch_reading_ease,
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
        "gunning_fog": textstat.gunning_fog,
        "smog_index": textstat.smog_index,
        "dale_chall": textstat.dale_chall_readability_score,
        "coleman_liau_index": textstat.coleman_liau_index,
    }
    for text in varied_texts:
        doc = analyse(Article(text=text))
        ours = values(doc)
        for name, function in functions.items():
            assert ours[name] == float(function(doc.norm)), name
