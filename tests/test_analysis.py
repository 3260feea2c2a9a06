import pytest

from hypescore.analysis import analyse, normalise, split_sentences
from hypescore.article import Article


def test_normalise_keeps_length_and_folds_quotes():
    text = "\u201cIt\u2019s fine\u201d \u2014 she said\u00a0today"
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm == '"It\'s fine" - she said today'


def test_sentences_split_on_terminals_and_lines_not_abbreviations():
    text = "Mr. Smith went to Washington. He met Dr. Jones at 3.5 p.m.! Then?\nNew line here"
    spans = split_sentences(text)
    pieces = [text[s:e] for s, e in spans]
    assert pieces == [
        "Mr. Smith went to Washington.",
        "He met Dr. Jones at 3.5 p.m.!",
        "Then?",
        "New line here",
    ]


def test_sentence_offsets_point_into_original_text():
    text = "  \u201cWow!\u201d he said.  Then   nothing.  "
    doc = analyse(Article(text=text))
    for start, end in doc.sentences:
        assert text[start:end].strip() == text[start:end]
        assert text[start:end]
    assert [text[s:e] for s, e in doc.sentences] == ["\u201cWow!\u201d he said.", "Then   nothing."]


def test_empty_and_one_word():
    assert analyse(Article(text="")).sentences == []
    doc = analyse(Article(text="Hello"))
    assert doc.words == ["Hello"]
    assert doc.sentences == [(0, 5)]
    assert doc.per_1k_words(1) == 1000.0
    assert analyse(Article(text="")).per_1k_words(3) == 0.0


@pytest.mark.parametrize(
    "crumb",
    [
        "World NewsPoliticsElectionsTrending",
        "Home > World > Europe > Politics",
        "SportFootballPremier League",
        "Home / News / Business",
    ],
)
def test_the_headline_rule_skips_breadcrumb_lines(crumb):
    from hypescore.analysis import headline_of

    body = "Senate passes $1.2 trillion bill after a long night.\nThe vote was 69 to 30."
    article = Article(text=f"{crumb}\n{body}")
    text, field, start = headline_of(article, analyse(article))
    assert (text, field) == ("Senate passes $1.2 trillion bill after a long night.", "text")
    assert article.text[start:].startswith("Senate passes")
