"""Promotional filler as blocks of whole lines: what a page adds around the report.

Filler is found line by line (one pass, linear in the text) and grouped into blocks,
each with a kind and its line and item counts:

- ``tag_list``: "Tags", "Keywords", "Tags & Viral Phrases" blocks and any line listing
  short items separated by commas, pipes, semicolons, bullets or hashtags;
- ``keyword_cloud``: SEO topic clouds, with percentages ("battery prices 95% lithium
  supply 90%") or without (a long run of words with almost no function words);
- ``boilerplate``: share and comment chrome ("Leave a Reply", "Share this");
- ``call_to_action``: "subscribe", "sign up", "follow us", "don't forget to share";
- ``related_links``: "Related:", "Read more", "You may also like" and the headline
  lines or bare links under them;
- ``navigation``: breadcrumb and category lines run together or separated by ``>``;
- ``headings``: three or more headline-like lines in a row after the body has begun
  (a headings-only summary), or five anywhere; a run that is mostly "label: value"
  lines ("Age: 42", "D3: Davis Assare") is an infobox or ballot, content, not a summary;
- ``page_chrome``: the site's own furniture that sells nothing: media-player controls
  ("Loaded: 0%", "Playback Rate", caption settings), legal footers ("All rights
  reserved", "Privacy Policy"), image credits ("Photo credit: Getty Images",
  "Courtesy of NOAA") and a reporter's contact line (a phone number).

The analysis pass blanks these lines out of the body (``hypescore.analysis``), so their
words, numbers and sentences count for nothing. Every kind but ``page_chrome`` is
promotional (``PROMOTIONAL_KINDS``) and is measured as filler; page chrome is only cut:
a scraped video player on a newspaper's page is not hype, and its "0%" is not a fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from hypescore._engine.index import case_fold
from hypescore.lexicons import lexicon_pattern, load_lexicon, may_match

TAG_LIST = "tag_list"
KEYWORD_CLOUD = "keyword_cloud"
BOILERPLATE = "boilerplate"
CALL_TO_ACTION = "call_to_action"
RELATED_LINKS = "related_links"
NAVIGATION = "navigation"
HEADINGS = "headings"
PAGE_CHROME = "page_chrome"
PROMOTIONAL_KINDS = (
    TAG_LIST,
    KEYWORD_CLOUD,
    BOILERPLATE,
    CALL_TO_ACTION,
    RELATED_LINKS,
    NAVIGATION,
    HEADINGS,
)
KINDS = (*PROMOTIONAL_KINDS, PAGE_CHROME)

_KIND_WORDS = {
    TAG_LIST: "tag list",
    KEYWORD_CLOUD: "keyword cloud",
    BOILERPLATE: "share/comment boilerplate",
    CALL_TO_ACTION: "call to action",
    RELATED_LINKS: "related-links list",
    NAVIGATION: "breadcrumb navigation",
    HEADINGS: "headings-only summary",
    PAGE_CHROME: "page chrome (player controls, legal footer, contact line)",
}

MAX_TAG_WORDS = 4  # words in one list item
MIN_TAG_ITEMS = 4  # items on a line for it to be a list
MAX_ITEM_LINE_WORDS = 16  # a line under a header longer than this is prose again
MAX_CHROME_WORDS = 25  # a boilerplate or call-to-action line is short
MIN_CLOUD_PAIRS = 3  # "topic 95%" pairs on a keyword-cloud line
MIN_BARE_CLOUD_WORDS = 12  # a cloud without percentages is a long run of content words
MAX_CLOUD_FUNCTION_SHARE = 0.1
MAX_PERCENT_CLOUD_FUNCTION_SHARE = 0.3  # with >= MIN_CLOUD_PAIRS "topic 95%" pairs
MIN_HEADING_RUN = 3  # headline-like lines in a row after body prose
MIN_HEADING_RUN_AT_START = 5  # at the very top a title, byline and date are no summary
MAX_HEADING_WORDS = 14
MAX_KEY_WORDS = 3  # "Age", "Councilors at Large": the label of a key-value line
MAX_VALUE_WORDS = 8  # "Birthplace: Chelsea, Boston, Massachusetts, United States of America"

_SEPARATOR_CHARS = ",|;#\u00b7\u2022"
# Separators start only at the first space of a run (lookbehind), so runs of spaces stay linear.
_LIST_SEPARATOR_RE = re.compile(r"(?<!\s)\s*+[,|;]\s*|(?<!\s)\s++(?=#)|(?<!\s)\s++[·•]\s*")
# "battery prices 95%": one to four words, then a percentage; starts only at a word start.
_CLOUD_PAIR_RE = re.compile(
    r"(?<![\w'&-])[^\W\d_][\w'&-]*(?:[ ]+[^\W\d_][\w'&-]*){0,3}[ ]*:?[ ]*\d{1,3}(?:\.\d+)?[ ]?%"
)
_WORD_RE = re.compile(r"[^\W\d_][\w'-]*")
# A word ending straight before a capital, as in "World NewsPoliticsElections" (not "McDonald").
_CAMEL_JOIN_RE = re.compile(r"[a-z]{3}(?=[A-Z][a-z])")
_BREADCRUMB_SEPARATOR_RE = re.compile(r"\s[>»›/]\s")
_HANDLE_OR_DIGIT_RE = re.compile(r"[@/\d]")
_BARE_LINK_RE = re.compile(r"(?:https?://|www\.)\S++")
_NON_NEWLINE_RE = re.compile(r"[^\n]+")
# Quotes, labels ("Birthplace: ..."), handles, brackets and sentence breaks: not a tag list.
_NOT_A_LIST_RE = re.compile(r"[\"():@]|[.!?][ ]")
# Any sentence punctuation, Latin or CJK: a bare keyword cloud has none.
_SENTENCE_MARK_RE = re.compile(r"[.,;:!?\u3001\u3002\uff0c\uff01\uff1f]")
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"')\]]?[ ]+[A-Z]")
_ADDRESSES_READER_RE = re.compile(r"\b(?:you|your|our|us|here)\b", re.IGNORECASE)
# A phone number ("202-383-6017", "(941) 745-7049"): a contact line, not a headline.
_PHONE_RE = re.compile(r"(?<!\d)(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?!\d)")
# A double quote, or a single one that opens a word: the apostrophe of "O'Brien" or
# "Ruiz's" quotes nothing. The text is normalised: curly quotes are already folded.
_QUOTE_RE = re.compile("\"|(?<!\\w)'")
_CHROME_LEAD = " -*>|\u2022\"'("
_CLOSERS = "\"')]"

FUNCTION_WORDS = frozenset(load_lexicon("function_words"))


@dataclass(frozen=True, slots=True)
class FillerBlock:
    """Consecutive filler lines of one kind: ``[start, end)`` in the article text."""

    start: int
    end: int
    kind: str
    lines: int
    items: int

    @property
    def summary(self) -> str:
        """Plain words for a reader: "13-line tag list (12 items)"."""
        items = f" ({self.items} items)" if self.items > self.lines else ""
        return f"{self.lines}-line {_KIND_WORDS[self.kind]}{items}"

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "lines": self.lines,
            "items": self.items,
            "summary": self.summary,
        }


@cache
def _header_kinds() -> dict[str, str]:
    """Header phrase (lower case, single spaces) to the kind of block it opens."""
    kinds: dict[str, str] = {}
    for name, kind in (
        ("related_headers", RELATED_LINKS),
        ("filler_headers", TAG_LIST),  # "related keywords" is a tag header
    ):
        for phrase in load_lexicon(name):
            kinds[case_fold(phrase)] = kind
    return kinds


@cache
def _header_re() -> re.Pattern[str]:
    phrases = sorted(_header_kinds(), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    # The header, then a colon or dash with content, or nothing but symbols ("Read more »").
    return re.compile(rf"^\W*+({body})(?:\s*[:\-]|\s*[^\w\s]*$)", re.IGNORECASE)


def _function_share(words: Sequence[str]) -> float:
    if not words:
        return 0.0
    return sum(map(FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words)


def list_items(line: str) -> int:
    """Number of short items on a list line (comma, pipe, bullet or hashtag separated);
    0 when the line is not such a list (a quote, a label line, a finished sentence)."""
    if _ends_sentence(line) or _NOT_A_LIST_RE.search(line):
        return 0
    separators = sum(map(line.count, _SEPARATOR_CHARS))
    # A cheap proof that some item would be too long (a prose line): every token with a
    # non-separator character puts a word in an item, and items are at most separators + 1.
    if _words_over(line, separators + MAX_TAG_WORDS * (separators + 1)):
        return 0
    items = [item for item in _LIST_SEPARATOR_RE.split(line) if item.strip(" #")]
    if len(items) < MIN_TAG_ITEMS:
        return 0
    return len(items) if all(len(item.split()) <= MAX_TAG_WORDS for item in items) else 0


def is_keyword_list(line: str) -> bool:
    """A line of short comma/pipe/hash-separated items that is not a sentence."""
    return list_items(line) > 0


def cloud_items(line: str) -> int:
    """Topic/percentage pairs or bare keywords on an SEO keyword-cloud line; 0 if none."""
    if _ends_sentence(line) or ("%" not in line and _SENTENCE_MARK_RE.search(line)):
        return 0
    words = _WORD_RE.findall(line)
    if "%" in line:
        # Topic phrases may hold a function word ("you won't believe 72%"): the pairs
        # themselves mark the cloud, so the function-word bar is lower than for prose.
        if _function_share(words) > MAX_PERCENT_CLOUD_FUNCTION_SHARE:
            return 0
        pairs = len(_CLOUD_PAIR_RE.findall(line))
        return pairs if pairs >= MIN_CLOUD_PAIRS else 0
    if _function_share(words) > MAX_CLOUD_FUNCTION_SHARE:
        return 0
    if len(words) >= MIN_BARE_CLOUD_WORDS:
        return len(words)
    return 0


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith((".", "?", "!", ":"))


def _capped_word_count(line: str, cap: int) -> int:
    """``min(len(line.split()), cap + 1)``: exact up to ``cap``, and more than ``cap``
    for any longer line, for tests against thresholds of at most ``cap`` (a split that
    stops there, so a paragraph is not cut into all its words)."""
    return len(line.split(None, cap))


def _words_over(line: str, bound: int) -> bool:
    """Whether ``line`` has more than ``bound`` whitespace-separated words."""
    return _capped_word_count(line, bound) > bound


def is_breadcrumb(line: str) -> bool:
    """Category names run together ("World NewsPoliticsElections") or ``Home > World``."""
    if not line.strip() or _words_over(line, 10) or _ends_sentence(line):
        return False
    if len(_CAMEL_JOIN_RE.findall(line)) >= 2:
        # Handles and links run words together too ("@realDonaldTrump"), dates hold digits.
        return not _HANDLE_OR_DIGIT_RE.search(line)
    return len(_BREADCRUMB_SEPARATOR_RE.findall(line)) >= 2


def _is_item_line(line: str, n_words: int) -> bool:
    """A line that can continue a header's block: short, not a finished sentence."""
    return n_words <= MAX_ITEM_LINE_WORDS and not line.endswith((".", "!", ";"))


def _is_headline_like(line: str, n_words: int) -> bool:
    """Short, capitalised, one unfinished clause: a heading or a linked headline."""
    if not 2 <= n_words <= MAX_HEADING_WORDS:
        return False
    if line.rstrip(_CLOSERS).endswith((".", ",", ";", ":")) or _SENTENCE_BREAK_RE.search(line):
        return False
    return line[:1].isupper() or line[:1].isdigit()


def is_key_value(line: str) -> bool:
    """A record's "label: value" line ("Age: 42", "D3: Davis Assare"): a short label and
    a short value, as infoboxes, ballots and credits print them. A quoted value is a
    headline's "Name: 'quote'", not a record's field."""
    key, separator, value = line.partition(": ")
    if not separator or not value.strip() or _QUOTE_RE.search(value):
        return False
    return not _words_over(key, MAX_KEY_WORDS) and not _words_over(value, MAX_VALUE_WORDS)


def is_page_chrome(line: str, n_words: int, ends_sentence: bool) -> bool:
    """A player control, legal footer or contact line: a page-chrome phrase anywhere in
    a line of up to 8 words, or of up to 25 that is no finished sentence (player caption
    settings run 15 words of option names); or a phone number on a short line. Player
    labels are often run together ("Font Size50%"), so the phrases may be too."""
    if n_words > MAX_CHROME_WORDS or (n_words > 8 and ends_sentence):
        return False
    # Every phone number holds a "-" or "." (a cheap test before the unanchored search).
    phone_marks = "-" in line or "." in line
    if n_words <= MAX_HEADING_WORDS and phone_marks and _PHONE_RE.search(line):
        return True
    pattern = lexicon_pattern("page_chrome", run_together=True)
    return may_match("page_chrome", line) and pattern.search(line) is not None


def _chrome_kind(line: str, n_words: int) -> str | None:
    """Boilerplate or call to action: the phrase makes up a short line (8 words or
    fewer), or opens a line of up to 15 words, or 25 when it addresses the reader."""
    if n_words > MAX_CHROME_WORDS:
        return None
    opening = line.lstrip(_CHROME_LEAD)
    for name, kind in (("boilerplate", BOILERPLATE), ("calls_to_action", CALL_TO_ACTION)):
        if not may_match(name, line):
            continue
        pattern = lexicon_pattern(name)
        if n_words <= 8:
            if pattern.search(line):
                return kind
        elif pattern.match(opening) and (n_words <= 15 or _ADDRESSES_READER_RE.search(line)):
            return kind
    return None


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    kind: str | None
    items: int
    header: bool = False
    headline_like: bool = False
    key_value: bool = False


def _classify(text: str, lines: Sequence[tuple[int, int]]) -> list[_Line]:
    header_re = _header_re()
    kinds = _header_kinds()
    out: list[_Line] = []
    open_kind: str | None = None  # kind of the header block being continued
    previous_end = 0
    for start, end in lines:
        if text.count("\n", previous_end, start) > 1:
            open_kind = None  # a blank line closes a header's block
        previous_end = end
        line = text[start:end]
        # Every threshold below is at most MAX_CHROME_WORDS, so the count can stop there.
        n_words = _capped_word_count(line, MAX_CHROME_WORDS)
        ends_sentence = _ends_sentence(line)
        if n_words > MAX_CHROME_WORDS and ends_sentence:
            open_kind = None  # a paragraph: too long for chrome, a finished sentence
            out.append(_Line(start, end, None, 0))
            continue
        if is_page_chrome(line, n_words, ends_sentence):
            open_kind = None
            out.append(_Line(start, end, PAGE_CHROME, 1))
            continue
        header = header_re.match(line)
        if header is not None:
            rest = line[header.end() :].strip()
            # A header followed by a list, a headline or nothing (not by a paragraph).
            items = list_items(rest) or (len(rest.split()) <= MAX_ITEM_LINE_WORDS)
            if items:
                # Folded as IGNORECASE matched it ("KEYWORD\u017f" is "keywords").
                open_kind = kinds[" ".join(case_fold(header.group(1)).split())]
                out.append(_Line(start, end, open_kind, int(items) if rest else 0, header=True))
                continue
        # A finished sentence is no list, no cloud and no breadcrumb (each checks first).
        items = 0 if ends_sentence else list_items(line)
        if items:
            out.append(_Line(start, end, TAG_LIST, items))
            continue
        items = 0 if ends_sentence else cloud_items(line)
        if items:
            out.append(_Line(start, end, KEYWORD_CLOUD, items))
            continue
        if not ends_sentence and is_breadcrumb(line):
            out.append(_Line(start, end, NAVIGATION, 1))
            continue
        continues = _BARE_LINK_RE.fullmatch(line) or _is_item_line(line, n_words)
        if open_kind is not None and continues:
            out.append(_Line(start, end, open_kind, 1))
            continue
        open_kind = None
        chrome = _chrome_kind(line, n_words)
        if chrome is not None:
            if chrome == BOILERPLATE:
                open_kind = BOILERPLATE  # "Share this" heads a list of networks
            out.append(_Line(start, end, chrome, 1))
            continue
        headline_like = _is_headline_like(line, n_words)
        key_value = headline_like and is_key_value(line)
        out.append(_Line(start, end, None, 0, headline_like=headline_like, key_value=key_value))
    return out


def _mark_heading_runs(classified: list[_Line]) -> None:
    """Runs of headline-like lines become ``headings`` blocks (see module docstring)."""
    seen_prose = False
    k = 0
    while k < len(classified):
        if not classified[k].headline_like:
            seen_prose = seen_prose or classified[k].kind is None
            k += 1
            continue
        run_end = k
        while run_end < len(classified) and classified[run_end].headline_like:
            run_end += 1
        needed = MIN_HEADING_RUN if seen_prose else MIN_HEADING_RUN_AT_START
        records = sum(line.key_value for line in classified[k:run_end])
        if run_end - k >= needed and 2 * records < run_end - k:
            for line in classified[k:run_end]:
                line.kind, line.items = HEADINGS, 1
        else:
            seen_prose = True
        k = run_end


def find_filler(text: str, lines: Sequence[tuple[int, int]]) -> list[FillerBlock]:
    """Filler blocks of ``text`` given its trimmed non-empty line spans, in order.

    Consecutive filler lines of one kind form a block (blank lines between them do not
    split it); a body line or a line of another kind ends it.
    """
    classified = _classify(text, lines)
    _mark_heading_runs(classified)
    blocks: list[FillerBlock] = []
    current: _Line | None = None
    count = 0
    items = 0
    for line in classified:
        if current is not None and line.kind == current.kind:
            current.end = line.end
            count += 1
            items += line.items
            continue
        if current is not None:
            blocks.append(FillerBlock(current.start, current.end, current.kind, count, items))
            current = None
        if line.kind is not None:
            current = _Line(line.start, line.end, line.kind, 0)
            count, items = 1, line.items
    if current is not None:
        blocks.append(FillerBlock(current.start, current.end, current.kind, count, items))
    return blocks


def promotional(blocks: Sequence[FillerBlock]) -> list[FillerBlock]:
    """The blocks that are filler in the hype sense: all but page chrome."""
    return [b for b in blocks if b.kind != PAGE_CHROME]


def blank_out(text: str, blocks: Sequence[FillerBlock]) -> str:
    """``text`` with every block's characters but line breaks turned into spaces: the
    same length, so body offsets stay offsets into the input."""
    if not blocks:
        return text
    pieces: list[str] = []
    last = 0
    for block in blocks:
        pieces.append(text[last : block.start])
        pieces.append(_NON_NEWLINE_RE.sub(_spaces, text[block.start : block.end]))
        last = block.end
    pieces.append(text[last:])
    return "".join(pieces)


def _spaces(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())
