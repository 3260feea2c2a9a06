from hypescore.analysis import analyse
from hypescore.article import Article
from hypescore.extractors import promotion
from hypescore.extractors.promotion import is_keyword_list


def values(doc):
    return dict(zip(promotion.FEATURES, promotion.extract(doc), strict=True))


def spans_by_kind(doc, kind):
    sink = []
    promotion.extract(doc, sink)
    source = {"text": doc.text, "title": doc.title}
    return [source[s.field][s.start : s.end] for s in sink if s.kind == kind]


def test_filler_article_scores_far_above_wire_and_opinion(hype, wire, opinion):
    h, w, o = values(hype), values(wire), values(opinion)
    for name in (
        "tag_list_lines",
        "viral_phrase_blocks",
        "hashtags_per_1k",
        "hashtag_runs",
        "calls_to_action_per_1k",
        "boilerplate_hits",
        "hype_words_per_1k",
        "hype_phrases_per_1k",
        "superlatives_per_1k",
        "filler_share",
    ):
        assert h[name] > w[name], name
        assert h[name] > o[name] or name == "superlatives_per_1k", name
    assert w["filler_share"] == 0.0
    assert 0.2 < h["filler_share"] < 0.6


def test_tag_block_spans_cover_the_tag_lines_only(hype):
    tag_lines = spans_by_kind(hype, "tag_list")
    assert tag_lines[0].startswith("offshore wind, power grid")
    assert tag_lines[1].startswith("game changer, shocking news")
    assert "#energy #wind #breaking #viral #mustread" in tag_lines
    assert all("Leave a Reply" not in line for line in tag_lines)
    assert spans_by_kind(hype, "viral_block") == ["Tags & Viral Phrases"]


def test_boilerplate_and_hype_spans_hit_the_phrases(hype):
    boilerplate = spans_by_kind(hype, "boilerplate")
    assert "Leave a Reply" in boilerplate
    assert "Your email address will not be published" in boilerplate
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


def test_keyword_list_shape():
    assert is_keyword_list("Brexit, Theresa May, EU summit, customs union, backstop")
    assert is_keyword_list("news | politics | election 2024 | polls")
    assert not is_keyword_list("The minister met unions, employers, students and nurses on Monday.")
    assert not is_keyword_list("apples, pears")


def test_empty_and_one_word_are_zero():
    for text in ("", "Hello"):
        v = values(analyse(Article(text=text)))
        assert v["filler_share"] == 0.0
        assert v["hype_words_per_1k"] == 0.0
