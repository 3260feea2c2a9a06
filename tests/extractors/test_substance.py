"""Substance counts: each kind of checkable content in varied phrasings, none in filler."""

from __future__ import annotations

import pytest

from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import substance


def values(text: str) -> dict[str, float]:
    return dict(zip(substance.FEATURES, substance.extract(analyse(Article(text))), strict=True))


def spans(text: str, kind: str) -> list[str]:
    sink = []
    substance.extract(analyse(Article(text)), sink)
    return [text[s.start : s.end] for s in sink if s.kind == kind]


def test_wire_report_has_substance_and_the_hyped_rewrite_little(wire, hype, opinion):
    w = dict(zip(substance.FEATURES, substance.extract(wire), strict=True))
    h = dict(zip(substance.FEATURES, substance.extract(hype), strict=True))
    for name in ("quantified_claims", "named_sources", "role_sources", "decisions", "dates"):
        assert w[name] > h[name], name
    assert h["anonymous_sources"] > w["anonymous_sources"]
    assert substance.extract(opinion)[substance.FEATURES.index("named_sources")] == 0


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The plant will employ 450 workers.", "450 workers"),
        ("Nvidia shipped 250,000 X9 processors.", "250,000 X9 processors"),
        ("The fund holds $2.5bn in bonds.", "$2.5bn"),
        ("Turnout was 61 percent.", "61 percent"),
        ("Sales were more than 40% higher.", "more than 40%"),
        ("Output doubled in a year.", "doubled"),
        ("Prices rose to 9 euros, up from 7 euros.", "up from 7 euros"),
    ],
)
def test_quantified_claims(text, claim):
    assert claim in spans(text, "quantified_claim")


def test_a_year_alone_is_not_a_quantified_claim():
    assert values("In 2019 prices rose and in 2020 officials resigned.")["quantified_claims"] == 0


@pytest.mark.parametrize(
    "text",
    [
        "Smith, a senior lecturer at Imperial College London, told the BBC it was early.",
        "Ana Ruiz, the city's transport director, said the line was on time.",
        "It was on time, said Ana Ruiz, the city's transport director.",
        "Health Minister Ana Ruiz said the line was on time.",
    ],
)
def test_sources_with_roles(text):
    v = values(text)
    assert v["named_sources"] == 1 and v["role_sources"] == 1


def test_role_source_names_the_person_not_the_institution():
    (span,) = spans(
        "The data were thin, Smith, a senior lecturer at Imperial College London, told the BBC.",
        "role_source",
    )
    assert span.startswith("Smith")


def test_a_named_source_without_a_role():
    v = values("Ana Ruiz said the line was on time.")
    assert v["named_sources"] == 1 and v["role_sources"] == 0


@pytest.mark.parametrize(
    "text",
    [
        "The European Commission approved the merger on Tuesday.",
        "A federal judge in Texas ruled in March that Acme must pay $5 million.",
        "Governor Ana Ruiz signed the bill into law last week.",
        "In Munich, Siemens announced 3 new plants in December.",
    ],
)
def test_decisions_need_who_and_when_or_how_much(text):
    assert values(text)["decisions"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "It was approved.",  # no actor, no when
        "The bill was signed by someone eventually.",
        "Officials approved it.",  # a sentence-initial word alone is no actor
    ],
)
def test_vague_actions_are_no_decisions(text):
    assert values(text)["decisions"] == 0


@pytest.mark.parametrize(
    "text",
    [
        "However, the sample was small.",
        "Critics say the plan is too costly.",
        "Dr Lee, who was not involved in the study, urged caution.",
        "The results, in mice, have not yet been peer-reviewed.",
        "It remains unclear whether the effect lasts.",
    ],
)
def test_caveats(text):
    assert values(text)["caveats"] >= 1


@pytest.mark.parametrize(
    "text",
    [
        "In a randomised controlled trial, 1,200 participants took the drug or a placebo.",
        "The meta-analysis was published in the journal Nature.",
    ],
)
def test_evidence_terms(text):
    assert values(text)["evidence_terms"] >= 2


@pytest.mark.parametrize(
    "text",
    [
        "One insider told the paper the deal was close.",
        "A person familiar with the talks said they had stalled.",
        "An official, who asked not to be named, confirmed it.",
        "He spoke on condition of anonymity.",
    ],
)
def test_anonymous_sources(text):
    assert values(text)["anonymous_sources"] >= 1


def test_filler_adds_no_substance():
    body = "Siemens announced 3 new plants in December, said Ana Ruiz, its chief executive."
    tail = (
        "\n\nTags: Siemens, plants, 2024 news, Ana Ruiz, December\n"
        "battery prices 95% lithium supply 90% electric cars 85% charging network 70%\n"
        "Related: Siemens approved 4 plants in May 2023\nRead more"
    )
    assert values(body + tail) == values(body)


def test_empty_text_is_all_zero():
    assert set(values("").values()) == {0.0}
