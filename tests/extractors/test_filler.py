"""The filler family: counts from the blocks the analysis cut, evidence on the blocks."""

from __future__ import annotations

from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import filler


def values(doc):
    return dict(zip(filler.FEATURES, filler.extract(doc), strict=True))


def test_filler_page_against_wire_and_opinion(hype, wire, opinion):
    h = values(hype)
    assert values(wire) == dict.fromkeys(filler.FEATURES, 0.0)
    assert values(opinion)["lines"] == 0.0
    assert h["blocks"] == 3 and h["kinds"] == 3
    assert h["tag_lines"] >= 4 and h["chrome_lines"] >= 5
    assert h["items"] >= 18
    assert 0.2 < h["share"] < 0.6


def test_evidence_spans_are_the_blocks(hype):
    sink = []
    filler.extract(hype, sink)
    texts = {s.kind: hype.text[s.start : s.end] for s in sink}
    assert texts["tag_list"].startswith("Tags & Viral Phrases")
    assert texts["tag_list"].endswith("#mustread")
    assert texts["boilerplate"].startswith("Leave a Reply")
    assert texts["call_to_action"].startswith("Don't forget to share")
    assert {s.feature for s in sink} == {"filler.lines"}


def test_link_lines_count_related_and_headings():
    text = (
        "Officials confirmed the closure on Monday. Repairs will take six weeks.\n"
        "Related: Bridge inspections delayed\nBridge fund doubles\n"
    )
    v = values(analyse(Article(text)))
    assert v["link_lines"] == 2 and v["tag_lines"] == 0


def test_empty_and_one_word_are_zero():
    for text in ("", "Hello"):
        assert set(values(analyse(Article(text))).values()) == {0.0}
