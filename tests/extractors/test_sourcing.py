import pytest

from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import sourcing
from hypescore.outlets import domain_quality, host_of, outlet_context, outlet_scores


def values(doc):
    return dict(zip(sourcing.FEATURES, sourcing.extract(doc), strict=True))


def kinds(doc):
    sink = []
    sourcing.extract(doc, sink)
    out = {}
    for s in sink:
        out.setdefault(s.kind, []).append(doc.text[s.start : s.end])
    return out


def test_named_versus_anonymous(wire, hype, opinion):
    w, h, o = values(wire), values(hype), values(opinion)
    assert w["named_sources_per_1k"] > 0 == h["named_sources_per_1k"]
    assert h["anonymous_sources_per_1k"] > w["anonymous_sources_per_1k"] == 0
    assert h["anonymous_share"] == 1.0 and w["anonymous_share"] == 0.0
    assert w["attributions_per_1k"] > h["attributions_per_1k"]
    assert w["quotes_per_1k"] > 0 == h["quotes_per_1k"] == o["quotes_per_1k"]
    assert w["cited_outlets"] == 1 and w["cited_outlet_quality"] == outlet_scores()["Reuters"]


def test_spans(wire, hype):
    w = kinds(wire)
    assert "said Sarah Whitfield" in w["named_source"]
    assert w["outlet"] == ["Reuters"]
    assert all(q.startswith('"') and q.endswith('"') for q in w["quote"])
    assert "Sources familiar with" in kinds(hype)["anonymous_source"]


def test_links_are_rated_and_the_article_url_is_not_read():
    text = "Read the filing at https://www.reuters.com/business/x and www.infowars.com/y today."
    doc = analyse(Article(text=text, url="https://video.apnews.com/article/abc"))
    v = values(doc)
    assert v["links_per_1k"] > 0
    expected = (domain_quality("reuters.com") + domain_quality("infowars.com")) / 2
    assert v["link_quality"] == expected
    for url in (None, "https://no-such-site.example/x", "http://infowars.com/b"):
        assert values(analyse(Article(text=text, url=url))) == v


def test_outlet_context_names_the_rated_publisher():
    context = outlet_context("https://video.apnews.com/article/abc")
    assert context is not None
    assert context["domain"] == "apnews.com" and context["name"] == "AP"
    assert context["quality"] == domain_quality("apnews.com")
    assert outlet_context("https://no-such-site.example/x") is None
    assert outlet_context(None) is None and outlet_context("") is None


def test_domain_quality_orders_outlets():
    assert domain_quality("https://apnews.com/a") > domain_quality("http://infowars.com/b")
    assert host_of("https://WWW.BBC.co.uk/news") == "bbc.co.uk"
    assert domain_quality("not a url at all") is None


def test_empty_and_one_word():
    assert values(analyse(Article(text=""))) == dict.fromkeys(sourcing.FEATURES, 0.0)
    assert values(analyse(Article(text="Hello")))["attributions_per_1k"] == 0.0


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("One insider told the paper the deal was close.", "One insider"),
        ("A person familiar with the talks said they stalled.", "person familiar"),
        ("An aide, who asked not to be named, confirmed it.", "who asked not to be named"),
        ("He spoke on condition of anonymity.", "on condition of anonymity"),
        ("People close to the board said it would vote.", "People close to"),
        ("The official was not authorized to speak publicly.", "not authorized to speak"),
    ],
)
def test_anonymous_phrasings(text, phrase):
    found = kinds(analyse(Article(text=text)))["anonymous_source"]
    assert any(phrase.lower() in span.lower() for span in found), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Smith, a senior lecturer at Imperial College London, told the BBC.", "Smith"),
        ("Jane Smith, a senior lecturer at Imperial College London, told the BBC.", "Jane Smith"),
        ("Ruiz, the head of the Port of Bilbao, said so.", "Ruiz"),
    ],
)
def test_a_source_with_a_role_at_an_institution_names_the_person(text, name):
    (source,) = kinds(analyse(Article(text=text)))["named_source"]
    assert source.startswith(name + ",")
