import pytest

from hypescore.article import Article
from hypescore.features import extract_features
from hypescore.story import (
    Figure,
    StoryOutlet,
    actor_name,
    compare_story,
    parse_figure,
    same_figure,
)

from .conftest import fixture_article

STORY = ("wire", "regional", "viral")


def outlet(name: str, article: Article, impact: float | None = 0.5, error: str | None = None):
    _, spans = extract_features(article, with_spans=True)
    result = {"verdict": None, "hype": None, "impact": impact, "label": None, "error": error}
    return StoryOutlet(name, article, result, spans)


def story_outlets(impacts=(0.8, 0.6, 0.1)):
    return [
        outlet(name, fixture_article(f"story/{name}_desalination.txt"), impact)
        for name, impact in zip(STORY, impacts, strict=True)
    ]


@pytest.mark.parametrize(
    ("kind", "surface", "measure", "value"),
    [
        ("money", "$860 million", "money:USD", 860e6),
        ("money", "$860m", "money:USD", 860e6),
        ("money", "£1.4bn", "money:GBP", 1.4e9),
        ("money", "1.4 billion pounds", "money:GBP", 1.4e9),
        ("money", "US$5,000", "money:USD", 5000.0),
        ("percentage", "94 percent", "percent", 94.0),
        ("percentage", "3.5%", "percent", 3.5),
        ("quantity", "1.2 gigawatt", "qty:mw", 1200.0),
        ("quantity", "1,200 MW", "qty:mw", 1200.0),
        ("quantity", "150 million litres", "qty:l", 150e6),
        ("quantity", "600 workers", "count", 600.0),
    ],
)
def test_figures_parse_to_comparable_values(kind, surface, measure, value):
    figure = parse_figure(kind, surface)
    assert figure.measure == measure
    assert figure.value == pytest.approx(value)


def test_one_count_of_differently_named_things_is_one_fact_only_when_large_and_exact():
    jobs, people = parse_figure("quantity", "1,800 jobs"), parse_figure("quantity", "1,800 people")
    assert (jobs.noun, people.noun) == ("job", "people") and same_figure(jobs, people)
    cars = parse_figure("quantity", "400,000 cars")
    assert same_figure(cars, parse_figure("quantity", "400,000 electric cars"))
    assert not same_figure(jobs, parse_figure("quantity", "1,790 people"))
    plants, weeks = parse_figure("quantity", "3 plants"), parse_figure("quantity", "3 weeks")
    assert not same_figure(plants, weeks)
    assert same_figure(jobs, parse_figure("quantity", "1,790 jobs"))  # rounding, same thing


def test_rounded_figures_match_but_different_ones_do_not():
    assert same_figure(Figure("money:USD", 1.38e9), Figure("money:USD", 1.4e9))
    assert not same_figure(Figure("money:USD", 1e9), Figure("money:USD", 860e6))
    assert not same_figure(Figure("percent", 3.0), Figure("percent", 4.0))
    assert not same_figure(Figure("money:USD", 1e9), Figure("money:GBP", 1e9))


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("The Port Calder", "Port Calder"),
        ("Councillor Danuta Reyes", "Danuta Reyes"),
        ("National Grid's", "National Grid"),
        ("Dr. Mara Osei", "Mara Osei"),
    ],
)
def test_actor_names_lose_articles_titles_and_possessives(surface, name):
    assert actor_name(surface) == name


def test_story_fixtures_line_up_fact_by_fact():
    story = compare_story(story_outlets())
    labels = {f.label: f.key for f in story.facts}
    wire, regional, viral = 0, 1, 2
    # the same figure, spelt differently, is one fact carried by both serious outlets
    money = labels["$860 million"]
    assert story.carried_by(money) == [wire, regional]
    assert story.mentions[regional][money][0].surface == "$860m"
    # the viral outlet's round number is its own, uncorroborated fact
    assert [f.label for f in story.exclusive(viral)] == ["$1 billion"]
    assert labels["$1 billion"] not in story.corroborated
    # named actors: all three name the city; only the viral piece leaves out the people
    assert story.carried_by(labels["Port Calder"]) == [wire, regional, viral]
    for person in ("Mara Osei", "Danuta Reyes", "Halvorsen Water"):
        assert story.carried_by(labels[person]) == [wire, regional]
        assert story.facts[[f.key for f in story.facts].index(labels[person])] in story.omitted(
            viral
        )
    # the regional paper leaves out the wire's power figure
    assert labels["38 megawatts"] in {f.key for f in story.omitted(regional)}
    # keywords in the viral tag block, shouting and datelines are not facts
    assert not {"Viral Phrases", "YES", "FOREVER", "PORT", "CALDER"} & set(labels)
    # facts everyone carries come first
    assert story.facts[0].label == "Port Calder"


def test_story_impact_weights_outlets_by_the_facts_they_share():
    story = compare_story(story_outlets(impacts=(0.8, 0.6, 0.1)))
    weights = [sum(k in story.corroborated for k in m) for m in story.mentions]
    expected = sum(w * v for w, v in zip(weights, (0.8, 0.6, 0.1), strict=True)) / sum(weights)
    assert story.impact == pytest.approx(expected)
    assert weights[2] < weights[0] and weights[2] < weights[1]
    # the hype outlet barely moves the estimate: swap its impact and see
    swapped = compare_story(story_outlets(impacts=(0.8, 0.6, 0.9)))
    assert swapped.impact - story.impact == pytest.approx(0.8 * weights[2] / sum(weights))
    assert swapped.impact - story.impact < 0.05
    assert 0.6 < story.impact < 0.8


def test_surname_alone_still_carries_the_actor():
    a = Article("Councillor Danuta Reyes voted against the plan on Monday, records show.")
    b = Article("The vote was close. Later, opponents led by Reyes said they would appeal.")
    story = compare_story([outlet("a", a), outlet("b", b)])
    key = next(f.key for f in story.facts if f.label == "Danuta Reyes")
    assert story.carried_by(key) == [0, 1]
    assert story.mentions[1][key][0].surface == "Reyes"


def test_a_common_word_at_sentence_start_is_not_a_surname():
    a = Article("Analysts at Kestrel Point said the plan was sound, according to filings.")
    b = Article("Point by point, the council rebutted every objection raised at the meeting.")
    story = compare_story([outlet("a", a), outlet("b", b)])
    key = next(f.key for f in story.facts if f.label == "Kestrel Point")
    assert story.carried_by(key) == [0]


def test_no_shared_fact_means_no_estimate_and_errors_are_kept_in_place():
    a = Article("The mayor of Westbrook announced a $4 million park on Tuesday.")
    b = Article("Residents of Eastfield Valley will vote on a 12 percent levy.")
    failed = outlet("failed", Article("x"), impact=None, error="text is empty")
    story = compare_story([outlet("a", a), failed, outlet("b", b)])
    assert story.impact is None and "share no fact" in story.impact_basis
    assert [o.name for o in story.outlets] == ["a", "failed", "b"]
    assert story.to_dict()["outlets"][1]["error"] == "text is empty"


def test_a_story_needs_two_outlets():
    with pytest.raises(ValueError, match="at least two"):
        compare_story(story_outlets()[:1])


# --- where facts stand: headings, keyword lines, sentence openers, single words ----------


def labels_of(story):
    return {f.label: f.key for f in story.facts}


def story_of(*texts: str):
    """The story of a few one-paragraph outlets, named a, b, c..."""
    return compare_story([outlet("abcdef"[i], Article(t)) for i, t in enumerate(texts)])


def test_a_figure_in_a_heading_is_no_fact_but_one_in_a_bullet_is():
    story = story_of(
        "Market Outlook 2026: 35% Growth\nDemand is expected to rise, the report said.\n"
        "- Cost: $40 million\n",
        "Sales rose 35% last year and the plant cost $40 million, the company said.",
    )
    labels = labels_of(story)
    assert story.carried_by(labels["35%"]) == [1]
    assert story.carried_by(labels["$40 million"]) == [0, 1]
    assert "Market Outlook" not in labels


def test_heading_lines_name_no_actor():
    story = story_of(
        "Who Builds It\nThe lines come from Vanterra, a spokesperson said.",
        "The Numbers\nA contract went to Vanterra on Friday, officials said.",
    )
    assert set(labels_of(story)) == {"Vanterra"}


def test_a_title_case_headline_in_the_text_names_nobody():
    story = story_of(
        "This City Just Solved Drought Forever (And Nobody Saw It Coming!)\n"
        "The plan was approved on Monday, Reyes said.",
        "Councillor Danuta Reyes said the plan was approved.",
    )
    assert set(labels_of(story)) == {"Danuta Reyes"}
    assert story.carried_by(labels_of(story)["Danuta Reyes"]) == [0, 1]


def test_a_topic_cloud_adds_no_fact():
    wire = outlet("wire", fixture_article("story/wire_battery.txt"))
    trade = fixture_article("story/trade_battery.txt")
    body, _, cloud = trade.text.rpartition("Related topics")
    assert "95%" in cloud  # the fixture ends in a topic cloud
    without = Article(body.rstrip("\n"), title=trade.title)
    with_cloud = compare_story([wire, outlet("trade", trade)])
    without_cloud = compare_story([wire, outlet("trade", without)])
    assert labels_of(with_cloud) == labels_of(without_cloud)
    assert with_cloud.corroborated == without_cloud.corroborated
    assert not {"95%", "90%", "85%", "80%", "75%"} & set(labels_of(with_cloud))


def test_a_sentence_opener_is_not_part_of_a_name():
    story = story_of(
        "For Nvidia, the quarter was a record. As Chinese buyers returned, sales rose.",
        "Analysts said Nvidia had beaten forecasts again, the report showed.",
    )
    labels = labels_of(story)
    assert story.carried_by(labels["Nvidia"]) == [0, 1]
    assert not {"For Nvidia", "As Chinese", "Chinese", "As", "For"} & set(labels)


def test_single_word_organisations_are_actors_but_weekdays_and_nationalities_are_not():
    siemens = "A contract with Siemens was signed, officials said. Airbus declined to comment."
    story = story_of(
        "The turbines will come from Siemens, while British suppliers lost out on Monday.",
        siemens,
    )
    assert story.carried_by(labels_of(story)["Siemens"]) == [0, 1]
    assert labels_of(story).keys() == {"Siemens"}  # Airbus only opens a sentence here
    story = story_of(siemens, "Its rival Airbus said it would bid, a spokesperson told reporters.")
    assert story.carried_by(labels_of(story)["Airbus"]) == [0, 1]


def test_a_surname_once_introduced_is_the_same_actor():
    story = story_of(
        "The firm is led by Ines Marlow. The plan, Marlow said, is fully funded.",
        "The chief executive, Marlow, said the plan was funded, filings show.",
    )
    assert {f.label for f in story.facts} == {"Ines Marlow"}
    assert story.carried_by(story.facts[0].key) == [0, 1]


def test_battery_story_fixtures_line_up_with_single_word_actors():
    names = ("wire", "trade", "viral")
    story = compare_story([outlet(n, fixture_article(f"story/{n}_battery.txt")) for n in names])
    labels = labels_of(story)
    wire, trade, viral = 0, 1, 2
    for actor in ("Aldercell", "Vanterra", "Ines Marlow"):
        assert story.carried_by(labels[actor]) == [wire, trade], actor
    assert story.carried_by("actor:brennock") == [wire, trade, viral]  # "BRENNOCK" too
    assert story.carried_by(labels["$2.1 billion"]) == [wire, trade]
    # one count however each outlet names what is counted
    assert story.carried_by(labels["1,800 jobs"]) == [wire, trade]
    assert story.carried_by(labels["400,000 electric cars"]) == [wire, trade]
    # headings, the topic cloud, openers, nationalities and shouting are not facts
    excluded = {"Numbers", "The Numbers", "Builds It", "35%", "95%", "As Chinese", "European"}
    assert not (excluded | {"WORLD", "JACKPOT", "Market Outlook"}) & set(labels)
