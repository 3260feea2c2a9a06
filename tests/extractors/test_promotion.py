import pytest

from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import promotion


def values(doc):
    return dict(zip(promotion.FEATURES, promotion.extract(doc), strict=True))


def spans_by_kind(doc, kind):
    sink = []
    promotion.extract(doc, sink)
    source = {"text": doc.text, "title": doc.title}
    return [source[s.field][s.start : s.end] for s in sink if s.kind == kind]


def test_hyped_article_scores_far_above_wire_and_opinion(hype, wire, opinion):
    h, w, o = values(hype), values(wire), values(opinion)
    for name in ("hype_words_per_1k", "hype_phrases_per_1k", "superlatives_per_1k"):
        assert h[name] > w[name], name
        assert h[name] > o[name] or name == "superlatives_per_1k", name


def test_hashtags_in_the_body_count_but_a_hashtag_tag_line_is_filler(hype):
    # The fixture's "#energy #wind ..." line is a tag list: cut from the body, not counted.
    assert values(hype)["hashtags_per_1k"] == 0.0
    doc = analyse(Article(text="Crowds gathered in the square #protest as police watched."))
    assert values(doc)["hashtags_per_1k"] > 0
    assert spans_by_kind(doc, "hashtag") == ["#protest"]


def test_hype_spans_hit_the_phrases(hype):
    assert {"stunning", "game-changing", "massive", "HUGE"} <= set(spans_by_kind(hype, "hype_word"))
    assert "stakes have never been higher" in spans_by_kind(hype, "hype_phrase")


def test_headline_patterns():
    def headline(title):
        return values(analyse(Article(text="Body text here.", title=title)))

    assert headline("You Won't Believe What This Dog Did")["headline_clickbait_phrases"] >= 1
    assert headline("17 Photos That Prove Cats Rule")["headline_number_first"] == 1
    assert headline("Is this the end of cheap flights?")["headline_question"] == 1
    assert headline("This Is What Happens When You Skip Breakfast")["headline_teaser"] == 1
    plain = headline("Senate passes $1.2 trillion infrastructure bill 69-30")
    assert plain["headline_clickbait_phrases"] == plain["headline_question"] == 0
    assert plain["headline_teaser"] == plain["headline_number_first"] == 0


def test_headline_falls_back_to_first_sentence_with_offsets():
    doc = analyse(Article(text="  You won't believe this. Then facts follow."))
    sink = []
    promotion.extract(doc, sink)
    clickbait = [s for s in sink if s.kind == "clickbait"]
    assert [doc.text[s.start : s.end] for s in clickbait] == ["You won't believe"]
    assert clickbait[0].field == "text"


def test_empty_and_one_word_are_zero():
    for text in ("", "Hello"):
        v = values(analyse(Article(text=text)))
        assert v["hype_words_per_1k"] == 0.0


@pytest.mark.parametrize(
    "crumb",
    [
        "World NewsPoliticsElectionsTrending",
        "Home > World > Europe",
        "BusinessMarketsEnergy",
        "Home / News / Business",
    ],
)
def test_a_breadcrumb_line_is_not_the_headline(crumb):
    text = f"{crumb}\nSenate passes 1.2 trillion bill after a long night.\nBody follows here."
    doc = analyse(Article(text=text))
    v = values(doc)
    assert v["headline_words"] == 9  # "Senate passes ... night."
    sink = []
    promotion.extract(doc, sink)
    assert all(not doc.text[s.start : s.end].startswith(crumb[:5]) for s in sink)
