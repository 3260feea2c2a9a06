import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hypescore._engine import kernel
from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import factual
from tests._engine.conftest import select_path


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


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Talks resume in mid-January.", "mid-January"),
        ("Talks resume in early March.", "early March"),
        ("The law took effect in December.", "December"),
        ("Shares fell last week.", "last week"),
        ("Output will rise next year.", "next year"),
        ("Earlier this month the plant closed.", "Earlier this month"),
        ("Yesterday the court ruled.", "Yesterday"),
        ("Demand peaked in the late 2010s.", "late 2010s"),
    ],
)
def test_named_and_relative_dates(text, date):
    assert date in found(text, "date")


def test_may_alone_is_not_a_date():
    assert found("Prices may fall. May I ask?", "date") == []


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Nvidia shipped 250,000 X9 processors.", "250,000 X9 processors"),
        ("The city bought 40 electric buses.", "40 electric buses"),
        ("Airbus delivered 735 jets.", "735 jets"),
        ("It installed 1.2 million smart meters.", "1.2 million smart meters"),
    ],
)
def test_counted_things_are_quantities(text, quantity):
    assert quantity in found(text, "quantity")


@pytest.mark.parametrize(
    "text",
    ["In 2019 prices rose.", "The fund holds 3 in reserve.", "He was 5 as well."],
)
def test_years_and_loose_numbers_are_no_quantities(text):
    assert found(text, "quantity") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("For Nvidia the quarter was strong.", ["Nvidia"]),
        ("As Chinese buyers hesitated, prices fell.", ["Chinese"]),
        ("In the Senate, the bill passed.", ["Senate"]),
        ("After Brexit the pound fell.", ["Brexit"]),
        ("Orders from Siemens and Airbus rose.", ["Siemens", "Airbus"]),
        ("The Bank of England held rates.", ["Bank of England"]),
    ],
)
def test_sentence_openers_are_not_part_of_names_and_single_words_are_names(text, names):
    assert found(text, "named") == names


def test_a_sentence_initial_word_alone_is_a_name_only_if_named_elsewhere():
    assert found("Officials met. Prices fell.", "named") == []
    assert found("Siemens fell. Orders at Siemens slowed.", "named") == ["Siemens", "Siemens"]


@pytest.mark.parametrize(
    "dateline",
    ["BRENNOCK, March 3, 2026 - ", "LONDON (Reuters) - ", "NEW YORK, Jan 5 (AP) \u2014 "],
)
def test_the_word_after_a_dateline_opens_the_report(dateline):
    names = found(f"{dateline}Battery maker Aldercell will build a plant.", "named")
    assert "Battery" not in names and "Aldercell" in names
    # the same word inside a sentence, or named again later, is still a name
    again = found(f"{dateline}Battery maker Aldercell sold it. Its rival Battery left.", "named")
    assert again.count("Battery") == 2


def test_months_and_weekdays_are_dates_not_names():
    assert found("The vote is on Monday in December.", "named") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("This is HUGE news for Acme.", ["Acme"]),
        ("Critics said WATCH the FBI closely.", ["FBI"]),
        ("Prices at Acme rose. EXCLUSIVE footage shows the raid.", ["Acme"]),
        ("Officials at NASA and NATO met.", ["NASA", "NATO"]),
        ("He met officials in the U.S. capital.", []),
    ],
)
def test_shouted_words_and_single_letters_are_no_names(text, names):
    assert found(text, "named") == names


@pytest.mark.parametrize(
    "text",
    ["Honestly, I'm tired of it.", "And I've said so, and I'll say it again as I'd said before."],
)
def test_the_first_person_and_its_contractions_are_no_names(text):
    assert found(text, "named") == []


def test_a_title_case_run_is_a_headline_not_a_name():
    text = "Read more: Senator Says New Tax Plan Will Hurt Local Farmers Badly\nIt rained."
    assert found(text, "named") == []


def test_a_lone_function_word_is_no_name_even_when_repeated():
    assert found("The vote was close. We know it. And We said so.", "named") == []


def test_an_actor_is_one_key_however_inflected():
    assert factual.actor_key("Paddock's") == factual.actor_key("Paddock") == "Paddock"


@pytest.mark.parametrize("path", ["python", "kernel"])
def test_remembered_names_equal_trimming_each_run(varied_texts, monkeypatch, path):
    """Names found with the per-run memo equal those trimmed run by run (pure Python,
    no memo), on real texts, on both paths (the kernel reads the memo itself), read
    twice (the second time from the memo) and with a memo bound small enough that it
    is emptied mid-document."""
    docs = [analyse(Article(text=text)) for text in varied_texts]
    monkeypatch.setattr(kernel, "_active", None)
    monkeypatch.setattr(factual, "_cached_trimmed_name", factual._trimmed_name)
    expected = [factual.named_entities(doc) for doc in docs]
    monkeypatch.undo()
    assert sum(map(len, expected)) > 1000
    monkeypatch.setattr(kernel, "_active", kernel.active())  # the path in use comes back
    select_path(path)
    factual._TRIMMED.clear()
    assert [factual.named_entities(doc) for doc in docs] == expected
    assert [factual.named_entities(doc) for doc in docs] == expected
    monkeypatch.setattr(factual, "_MAX_TRIMMED", 7)
    factual._TRIMMED.clear()
    assert [factual.named_entities(doc) for doc in docs] == expected
    assert len(factual._TRIMMED) <= 7


# The quantity pattern as written before the unit-start filter: the filter must change
# no match, so the two are compared wherever a number is followed by anything a unit,
# a scale or a counted noun could start with (letters IGNORECASE folds: K-sign, long s).
_UNFILTERED_QUANTITY_RE = re.compile(
    rf"(?<![\w.])(?:{factual._NUMBER}{factual._SCALE}\s?(?:{factual._UNITS})(?!\w)"
    rf"|{factual._COUNTED})",
    re.IGNORECASE,
)
_QUANTITY_PIECES = st.sampled_from(
    ["3", "250,000", "1,2", "2019", "3.5", ".", ",", " ", "  ", "\n", "\u00a0", "km", "Km",
     "KM", "km/h", "m", "M", "°", "°C", "°F", "\u212am", "mile", "miles", "\u017fquare",
     "square", "square miles", "million", "bn", "k", "b", "new", "big", "reactors", "X9",
     "processors", "the", "of", "people", "Jobs", "_", "-", "\u00e9", "\u0661", "s", "x"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(_QUANTITY_PIECES, max_size=30))
def test_quantity_unit_filter_changes_no_match(pieces):
    text = "".join(pieces)
    spans = [m.span() for m in factual._QUANTITY_RE.finditer(text)]
    assert spans == [m.span() for m in _UNFILTERED_QUANTITY_RE.finditer(text)]


def test_quantity_unit_filter_changes_no_match_on_real_texts(varied_texts):
    matched = 0
    for text in varied_texts:
        spans = [m.span() for m in factual._QUANTITY_RE.finditer(text)]
        assert spans == [m.span() for m in _UNFILTERED_QUANTITY_RE.finditer(text)], text[:80]
        matched += len(spans)
    assert matched > 100
