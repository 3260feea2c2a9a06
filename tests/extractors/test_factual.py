from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import factual


def values(doc):
    return dict(zip(factual.FEATURES, factual.extract(doc), strict=True))


def found(text, kind):
    doc = analyse(Article(text=text))
    sink = []
    factual.extract(doc, sink)
    return [text[s.start : s.end] for s in sink if s.kind == kind]


def test_wire_report_is_denser_than_filler_and_opinion(wire, hype, opinion):
    w, h, o = values(wire), values(hype), values(opinion)
    for name in (
        "numbers_per_1k",
        "quantities_per_1k",
        "money_per_1k",
        "percentages_per_1k",
        "dates_per_1k",
    ):
        assert w[name] > h[name] and w[name] > o[name], name
        assert h[name] == 0.0
    assert w["named_spans_per_1k"] > o["named_spans_per_1k"]


def test_spans_cover_the_figures(wire):
    sink = []
    factual.extract(wire, sink)
    text = wire.text
    by_kind = {}
    for s in sink:
        by_kind.setdefault(s.kind, []).append(text[s.start : s.end])
    assert by_kind["money"] == ["£1.4 billion", "£1.32 billion"]
    assert by_kind["percentage"] == ["94 percent", "3 percent", "4 percent"]
    assert {"220 km", "1.1 million homes", "450 workers"} <= set(by_kind["quantity"])
    assert "March 4, 2025" in by_kind["date"]
    assert {"Sarah Whitfield", "Tom Ellery", "National Grid"} <= set(by_kind["named"])


def test_formats():
    assert found("It cost $3.5bn and €200 million, or 40,000 dollars.", "money") == [
        "$3.5bn",
        "€200 million",
        "40,000 dollars",
    ]
    assert found("Up 12% or 3.4 per cent.", "percentage") == ["12%", "3.4 per cent"]
    assert found("On 2024-05-01 and 5 June 2023, since 1999.", "date") == [
        "2024-05-01",
        "5 June 2023",
        "since 1999",
    ]


def test_empty_and_one_word():
    assert values(analyse(Article(text=""))) == dict.fromkeys(factual.FEATURES, 0.0)
    v = values(analyse(Article(text="Hello")))
    assert v["numbers_per_1k"] == 0.0 and v["words_per_sentence"] == 1.0
