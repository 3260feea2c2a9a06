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
        "Side effects included nausea in one patient in ten.",
        "The treatment would cost about $400 per dose, out-of-pocket.",
        "Doctors warn of the risk of false positives and overdiagnosis.",
    ],
)
def test_harms_and_costs_of_a_claimed_benefit(text):
    assert values(text)["harms_and_costs"] >= 1


def test_a_benefit_told_without_its_harms_or_costs_weighs_none():
    assert values("The new drug works wonders for patients, doctors said.")["harms_and_costs"] == 0


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


def test_a_figure_repeated_is_one_claim():
    text = "Acme will cut 1,800 jobs. The 1,800 people affected work in Leeds."
    assert values(text)["quantified_claims"] == 1


def test_small_counts_of_different_things_are_different_claims():
    assert values("Acme shut 3 plants and 3 offices.")["quantified_claims"] == 2


@pytest.mark.parametrize(
    "text",
    ["Amendment 1 protects consumers.", "Voters backed Proposition 64 thanks to ads."],
)
def test_a_number_that_labels_a_thing_is_no_count(text):
    assert values(text)["quantified_claims"] == 0


@pytest.mark.parametrize("text", ["About 40 people came.", "Some 200 firms left."])
def test_a_count_after_a_sentence_opener_is_a_claim(text):
    assert values(text)["quantified_claims"] == 1


def test_shouted_words_are_no_named_actors():
    assert values("This is HUGE. WATCH what Acme does.")["named_actors"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Acme's plans grew. Later Ruiz said the line was on time.",
        '"The line is on time," Ruiz says of the Acme plan.',
        '"The line is on time," said Ruiz of the Acme plan.',
        "The Acme plan was late, Ruiz, the transport director, told reporters.",
    ],
)
def test_a_surname_that_speaks_is_a_named_source(text):
    assert values(text)["named_sources"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "He said the line was on time.",  # a pronoun names nobody
        "Officials said the line was on time.",  # a sentence-initial word alone
        "The Acme line said nothing about Ruiz.",  # Ruiz does not speak
    ],
)
def test_pronouns_and_non_speakers_are_no_named_sources(text):
    assert values(text)["named_sources"] == 0


def test_a_source_counted_by_its_full_name_is_not_counted_again_by_its_surname():
    assert values("Ana Ruiz said the line was on time.")["named_sources"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Storm Ciara killed 4 people in Wales on Sunday.",
        "A fire at the Acme plant injured 12 workers last week.",
        "The flood damaged 300 homes in Leeds in March.",
        "On Monday, Acme laid off 1,800 workers.",
    ],
)
def test_harms_and_costs_with_who_and_when_are_concrete_events(text):
    assert values(text)["decisions"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Something killed the mood.",  # no actor, no when, no figure
        "Many were injured, it seems.",
    ],
)
def test_vague_harms_are_no_events(text):
    assert values(text)["decisions"] == 0


@pytest.mark.parametrize(
    "text",
    [
        "Acme could not be reached for comment.",
        "Acme did not return a request for comment.",
        "The minister countered that the figures were old.",
        "The data were self-reported.",
    ],
)
def test_right_of_reply_and_limitations_are_caveats(text):
    assert values(text)["caveats"] >= 1


def test_a_plain_report_has_no_caveat():
    assert values("Acme opened a plant in Leeds on Monday.")["caveats"] == 0


def test_evidence_of_a_controlled_study():
    text = "Patients were randomly assigned to the drug or a control group."
    assert values(text)["evidence_terms"] == 2


def test_checkable_share_counts_sentences_with_any_checkable_item():
    text = (
        "Acme shut 3 plants. The mood was grim. Later, Ruiz said it was sad. "
        "It happened on Monday. Everyone is talking about it. "
        '"We will rebuild," the union wrote. The town, however, may never recover.'
    )
    assert values(text)["checkable_share"] == pytest.approx(5 / 7)


def test_a_sentence_with_several_checkable_items_counts_once():
    assert values("On Monday Ruiz said Acme shut 3 plants.")["checkable_share"] == 1.0


def test_comment_without_facts_has_no_checkable_share():
    text = "This is a disgrace. Nobody trusts them anymore. What a week for the country!"
    assert values(text)["checkable_share"] == 0.0


def _named_sources_tried_everywhere(doc) -> list[tuple[int, int]]:
    """The rule of ``_named_sources`` with both speech patterns tried at every actor."""
    norm = doc.norm
    found = [m.span() for m in substance.sourcing.NAMED_SOURCES.matches(doc.index)]
    taken = list(found)
    for start, end, _ in substance.factual.named_entities_of(doc):
        if any(s < end and start < e for s, e in taken):
            continue
        after = substance._SPEAKS_AFTER_RE.match(norm, end)
        if after:
            found.append((start, after.end()))
        elif substance._SPEAKS_BEFORE_RE.search(norm, max(0, start - 16), start):
            found.append((start, end))
    return sorted(found)


def test_named_sources_skip_only_actors_no_verb_can_reach(varied_texts):
    """Actors are tried against the speech patterns only near a speech verb: the same
    sources as trying every actor, on real texts and on clauses up to the bound."""
    clause = "x" * substance._CLAUSE_CHARS
    edge = [
        f"Ann Lee, {clause}, said so. Bo Li, {clause}x, said no. said Obama, and Obama said.",
        "Kroft, the host, said it. Reuters said. unsaid Smith; said  Jones. saidJones",
    ]
    texts = varied_texts[:150] + edge
    counted = 0
    for text in texts:
        doc = analyse(Article(text))
        expected = _named_sources_tried_everywhere(doc)
        assert substance._named_sources(doc) == expected, text[:80]
        counted += len(expected)
    assert counted > 200
