"""Filler blocks: each kind found in varied shapes, prose left alone, offsets exact."""

from __future__ import annotations

import pytest

from hypescore.analysis import analyse, line_spans, normalise
from hypescore.article import Article
from hypescore.features import extract_features, feature_names
from hypescore.filler import blank_out, find_filler, is_breadcrumb, is_keyword_list, promotional

BODY = (
    "The city council approved a 4.5 million euro budget for the tram line on Tuesday.\n\n"
    "Mayor Ana Ruiz said the first section would open in 2027. Critics said the cost was "
    "too high.\n"
)


def blocks(text: str):
    norm = normalise(text)
    return find_filler(norm, line_spans(norm))


def kinds(text: str) -> list[str]:
    return [b.kind for b in blocks(text)]


@pytest.mark.parametrize(
    "tail",
    [
        "Tags & Viral Phrases\nbudget\ntram\ncity news\ntransport\nmust read\nviral",
        "Tags: tram, budget, city council, transport, Ana Ruiz",
        "Keywords - tram | budget | city council | transport",
        "tram, budget, city council, transport, Ana Ruiz, local news",
        "#tram #budget #citynews #transport #viral",
        "Filed under:\ntransport\nlocal politics\nbudgets",
    ],
)
def test_tag_lists_in_many_shapes(tail):
    found = blocks(BODY + "\n" + tail)
    assert [b.kind for b in found] == ["tag_list"]
    assert found[0].items >= 3


@pytest.mark.parametrize(
    "cloud",
    [
        "battery prices 95% lithium supply 90% electric cars 85% charging network 70%",
        "tram budget 40% city council 35% transport plan 20%",
        "tram budget city council transport plan light rail Ana Ruiz euro funding "
        "urban mobility bus lanes",
    ],
)
def test_keyword_clouds_with_and_without_percentages(cloud):
    assert kinds(BODY + "\n" + cloud) == ["keyword_cloud"]


@pytest.mark.parametrize(
    ("tail", "kind"),
    [
        ("Leave a Reply\nYour email address will not be published.\nPost Comment", "boilerplate"),
        ("Share this:\nFacebook\nTwitter\nEmail", "boilerplate"),
        ("Comments are closed.", "boilerplate"),
        ("Subscribe to our newsletter for daily updates!", "call_to_action"),
        ("Follow us on Twitter and Facebook.", "call_to_action"),
        ("Don't forget to share this story with your friends!", "call_to_action"),
        ("Related: Council delays tram vote again\nRead more", "related_links"),
        (
            "You may also like\nTram fares to rise in 2026\nBus lanes extended downtown",
            "related_links",
        ),
        ("Read more: https://example.com/tram-budget", "related_links"),
    ],
)
def test_chrome_calls_to_action_and_related_links(tail, kind):
    assert kind in kinds(BODY + "\n" + tail)


def test_headings_only_summary_after_the_body():
    tail = "Tram budget approved\nFirst section opens in 2027\nCritics question the cost"
    found = blocks(BODY + "\n" + tail)
    assert [(b.kind, b.lines) for b in found] == [("headings", 3)]


@pytest.mark.parametrize(
    "tail",
    [
        "Born: 12 May 1961\nBirthplace: Alcala de Henares, Madrid, Spain\nParty: Greens",
        "Mayor: Ana Ruiz\nD3: Luis Ortega\nD4: Marta Vidal\nD5: Jon Arana",
        "Mayor: Ana O'Neill\nD3: Dan O'Brien\nD4: Marta Vidal's deputy\nD5: Jon Arana",
    ],
)
def test_an_infobox_or_ballot_of_label_value_lines_is_not_a_headings_summary(tail):
    assert kinds(BODY + "\n" + tail) == []


def test_related_headlines_quoting_a_name_are_still_a_headings_summary():
    tail = (
        "Ruiz: 'The tram will pay for itself'\n"
        "Critics: 'A budget nobody asked for'\n"
        "WATCH: First tram carriage arrives in the depot"
    )
    assert [(b.kind, b.lines) for b in blocks(BODY + "\n" + tail)] == [("headings", 3)]


def test_a_title_byline_and_date_at_the_top_are_not_a_summary():
    top = "Council approves tram budget\nBy Ana Ruiz\nMarch 4, 2025\n\n"
    assert kinds(top + BODY) == []


@pytest.mark.parametrize(
    "line",
    [
        "World NewsPoliticsElectionsTrending",
        "Home > World > Europe > Politics",
        "NewsLocalTransport",
        "Home / News / Business",
    ],
)
def test_breadcrumbs(line):
    assert is_breadcrumb(line)
    assert kinds(line + "\n\n" + BODY) == ["navigation"]


@pytest.mark.parametrize(
    "line",
    [
        "The council met on Tuesday.",
        "Ana Ruiz (@anaruiz) March 4, 2025",
        "McDonald and MacArthur met in Rome",
        "Prices rose 5% in May, 3% in June and 2% in July.",
    ],
)
def test_not_breadcrumbs(line):
    assert not is_breadcrumb(line)


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "Support rose to 45%, opposition fell to 30% and 25% were undecided, the poll found.",
        "The minister met unions, employers, students, nurses and doctors on Monday.",
        "Birthplace: Madrid, Spain, Europe, Earth",
        '"This is costly, it is late, it is wrong, and it is ours," she said',
        "Read more about the plan in the council's 200-page report, which was published on "
        "Monday after two years of consultations with residents and businesses.",
        "Shares in the company rose 3% after it said it would sign up 200 new suppliers.",
    ],
)
def test_prose_is_not_filler(text):
    assert blocks(text) == []


def test_keyword_list_shape():
    assert is_keyword_list("Brexit, Theresa May, EU summit, customs union, backstop")
    assert is_keyword_list("news | politics | election 2024 | polls")
    assert not is_keyword_list("The minister met unions, employers, students and nurses on Monday.")
    assert not is_keyword_list("apples, pears")


def test_blocks_cover_whole_lines_and_merge_across_blank_lines():
    tail = "Leave a Reply\n\nYour email address will not be published.\n\nPost Comment"
    text = BODY + "\n" + tail
    (block,) = blocks(text)
    assert text[block.start : block.end] == tail
    assert block.lines == 3


def test_blanking_keeps_length_and_line_breaks():
    text = BODY + "\nTags: tram, budget, city council, transport\n"
    norm = normalise(text)
    body = blank_out(norm, find_filler(norm, line_spans(norm)))
    assert len(body) == len(text)
    assert body.count("\n") == text.count("\n")
    assert "tram, budget" not in body and body.startswith(BODY)


def test_analysis_cuts_filler_from_words_and_sentences():
    tail = "\nTags & Viral Phrases\n" + "\n".join(f"topic {k}" for k in range(12))
    clean = analyse(Article(BODY))
    padded = analyse(Article(BODY + tail))
    assert padded.n_words == clean.n_words
    assert padded.sentences == clean.sentences
    assert padded.filler and padded.filler[0].lines == 13
    start = padded.filler[0].start
    assert padded.text[start:].startswith("Tags & Viral Phrases")


def test_empty_and_blank_text():
    assert blocks("") == []
    assert blocks("\n\n  \n") == []


def test_blocks_describe_themselves_in_plain_words():
    tail = "\nTags & Viral Phrases\n" + "\n".join(f"topic {k}" for k in range(12))
    (block,) = blocks(BODY + tail)
    assert block.summary == "13-line tag list"
    (cloud,) = blocks(BODY + "\ntram budget 40% city council 35% transport plan 20%")
    assert cloud.summary == "1-line keyword cloud (3 items)"
    assert block.to_dict()["summary"] == block.summary


@pytest.mark.parametrize(
    ("plain", "odd"),
    [
        (
            "Related keywords: alpha, beta, gamma, delta",
            "Related keyword\u017f: alpha, beta, gamma, delta",
        ),
        ("RELATED STORIES", "RELATED STOR\u0130ES"),
        ("Related Stories", "Related Stor\u0131es"),
    ],
)
def test_headers_with_case_folding_oddities_open_the_same_block(plain, odd):
    """IGNORECASE matches long s and dotless i as s and i; the header's kind is looked up
    the same way (a header spelled so once raised KeyError)."""
    body = "Body text here, a sentence that is long enough to count as body.\n"
    blocks = {}
    for name, line in (("plain", plain), ("odd", odd)):
        text = normalise(body + line + "\nMore body.")
        blocks[name] = [(b.start, b.end, b.kind) for b in find_filler(text, line_spans(text))]
    assert blocks["odd"] == blocks["plain"] != []


# Page chrome: cut from the body like filler, but not promotional (our own invented lines).
PLAYER = (
    "Loaded: 0%\nProgress: 0%\nRemaining Time -0:00\nPlayback Rate\n"
    "Text Edge Style None Raised Depressed Uniform\n"
    "Background --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Transparent"
)


@pytest.mark.parametrize(
    "tail",
    [
        PLAYER,
        "Copyright 2025 Tram Gazette. All rights reserved.",
        "Privacy Policy | Terms of Use",
        "Privacy - Terms",
        "Ana Ruiz: 555-201-3344, @anaruiz_news",
        "Jo Park: (555) 201-3345",
        "Photo credit: Luis Ortega/Tram Gazette",
        "Illustration by Marta Vidal for the Tram Gazette",
        "All images courtesy of the city transport office.",
        "Jon Arana/AP Photo",
    ],
)
def test_player_controls_legal_footers_contact_lines_and_image_credits_are_page_chrome(tail):
    found = blocks(BODY + "\n" + tail)
    assert [b.kind for b in found] == ["page_chrome"]
    assert promotional(found) == []
    padded = analyse(Article(BODY + "\n" + tail))
    assert padded.n_words == analyse(Article(BODY)).n_words


def test_page_chrome_is_not_measured_as_filler():
    def filler_values(text):
        values, _ = extract_features(Article(text))
        return {
            k: v for k, v in zip(feature_names(), values, strict=True) if k.startswith("filler.")
        }

    clean = filler_values(BODY)
    assert filler_values(BODY + "\n" + PLAYER) == clean
    tagged = filler_values(BODY + "\nTags: tram, budget, city council, transport, Ana Ruiz")
    assert tagged["filler.lines"] > clean["filler.lines"]


@pytest.mark.parametrize(
    "line",
    [
        "The council's privacy policy was rewritten after the leak, the mayor said on Monday "
        "in a statement to reporters.",
        "Call the hotline on 555-201-3344 if you see a tram running late at night, the operator "
        "told riders in a leaflet sent to every home.",
        "The first drawings, courtesy of the city's transport office, show a tram stop beside "
        "the old market hall.",
    ],
)
def test_prose_mentioning_chrome_words_stays_in_the_body(line):
    assert kinds(BODY + "\n" + line) == []
