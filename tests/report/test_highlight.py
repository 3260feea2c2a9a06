import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from hypescore.evidence import Span
from hypescore.features import extract_features
from hypescore.report.highlight import (
    REPLACEMENT,
    escape_text,
    highlight_html,
    primary_kind,
    sanitize,
    segments,
)

from ..conftest import fixture_article

KINDS = ("hype_word", "quantity", "quote", "polar_sentence", "named", "tag_list")


class MarkText(HTMLParser):
    """Text of the rendered fragment, and the text of each span id across its marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.by_span: dict[str, str] = {}
        self.tags: list[str] = []
        self._ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "mark":
            self._ids = (dict(attrs).get("data-spans") or "").split()

    def handle_endtag(self, tag):
        if tag == "mark":
            self._ids = []

    def handle_data(self, data):
        self.text.append(data)
        for span_id in self._ids:
            self.by_span[span_id] = self.by_span.get(span_id, "") + data


def parse(fragment: str) -> MarkText:
    parser = MarkText()
    parser.feed(fragment)
    parser.close()
    return parser


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet="ab <>&\"'\n\u00e9", min_size=1, max_size=60))
    n = len(text)
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n - 1))
        end = draw(st.integers(start + 1, n))
        spans.append(Span(start, end, draw(st.sampled_from(KINDS)), "f." + str(len(spans))))
    return text, spans


@given(text_and_spans())
def test_segments_tile_the_text_and_cover_exactly_the_spans(case):
    text, spans = case
    parts = segments(len(text), spans)
    assert [p.start for p in parts[1:]] == [p.end for p in parts[:-1]]
    assert parts[0].start == 0 and parts[-1].end == len(text)
    for index, span in enumerate(spans):
        covered = [p for p in parts if index in p.covering]
        assert covered[0].start == span.start and covered[-1].end == span.end
        assert all(b.start == a.end for a, b in zip(covered, covered[1:], strict=False))


@given(text_and_spans())
def test_rendered_text_round_trips_and_each_span_is_recoverable(case):
    text, spans = case
    parsed = parse(highlight_html(text, spans))
    assert set(parsed.tags) <= {"mark"}
    assert "".join(parsed.text) == text
    for index, span in enumerate(spans):
        assert parsed.by_span[f"t{index}"] == text[span.start : span.end]


def test_hostile_text_is_inert():
    text = '<script>alert(1)</script><img src=x onerror="alert(2)"> & "quoted" \'x\''
    spans = [Span(0, 8, "hype_word", 'promotion."><script>'), Span(8, 17, "quote", "q")]
    fragment = highlight_html(text, spans, notes={"q": ' "><img src=y>'})
    assert "<script" not in fragment and "<img" not in fragment
    parsed = parse(fragment)
    assert set(parsed.tags) == {"mark"}
    assert "".join(parsed.text) == text


def test_overlap_prefers_the_specific_span_and_keeps_sentence_kinds_as_underline():
    article = fixture_article("hype_rewrite.txt")
    _, spans = extract_features(article, with_spans=True)
    spans = [s for s in spans if s.field == "text"]
    polar = next(
        s
        for s in spans
        if s.kind == "polar_sentence"
        and any(o.kind == "hype_word" and s.start <= o.start < s.end for o in spans)
    )
    inside = [o for o in spans if o.kind == "hype_word" and polar.start <= o.start < polar.end]
    fragment = highlight_html(article.text, [polar, *inside])
    both = re.findall(r'<mark class="([^"]*)"[^>]*data-spans="t0 t\d+"', fragment)
    assert len(both) == len(inside)
    assert all(c.split() == ["ev", "fam-hype", "k-hype_word", "ul-polar_sentence"] for c in both)
    assert primary_kind([polar]) is None
    assert primary_kind([polar, inside[0]]) == "hype_word"
    parsed = parse(fragment)
    assert parsed.by_span["t0"] == article.text[polar.start : polar.end]


def test_spans_outside_the_text_are_clipped_or_dropped():
    parsed = parse(highlight_html("abc", [Span(1, 99, "named", "f"), Span(5, 9, "named", "g")]))
    assert parsed.by_span == {"t0": "bc"}


def test_sanitize_keeps_offsets_and_replaces_what_html_cannot_carry():
    raw = "a\x00b\x1fc\ud800d\x85e\tf\ng"
    clean = sanitize(raw)
    assert len(clean) == len(raw)
    assert clean == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}d{REPLACEMENT}e\tf\ng"
    assert escape_text(raw).encode("utf-8")
