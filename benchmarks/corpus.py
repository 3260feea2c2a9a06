"""Seeded generator of varied, news-like documents for benchmarks.

Nothing here is copied article text: sentences come from our own templates and word
lists, filled with words sampled from tables hypescore already ships (the Dale-Chall easy
words and CMUdict's word list) and from vaderSentiment's lexicon, plus invented names and
words, so every document is different and no cache can make a figure look better than
fresh text would. Word frequencies follow a Zipf law, so common words repeat the way they
do in news while rare words and names keep arriving.

Usage: ``python benchmarks/corpus.py --docs 3 --chars 4800`` prints JSON lines.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from functools import cache
from itertools import accumulate
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "was",
    "for",
    "on",
    "it",
    "with",
    "as",
    "he",
    "said",
    "by",
    "at",
    "his",
    "from",
    "be",
    "have",
    "has",
    "are",
    "but",
    "an",
    "not",
    "they",
    "this",
    "which",
    "were",
    "their",
    "had",
    "who",
    "been",
    "will",
    "its",
    "or",
    "would",
    "after",
    "one",
    "more",
    "than",
    "about",
    "up",
    "there",
    "all",
    "when",
    "out",
    "we",
    "also",
    "can",
    "could",
    "her",
    "she",
    "new",
    "two",
    "into",
    "some",
    "other",
    "over",
    "just",
    "last",
    "so",
    "what",
    "over",
    "most",
    "our",
    "them",
    "if",
    "while",
    "year",
    "years",
    "people",
    "may",
    "any",
    "because",
    "first",
    "many",
    "only",
    "no",
    "since",
    "time",
    "before",
    "then",
    "now",
    "because",
    "those",
    "under",
    "still",
    "where",
    "these",
    "against",
    "being",
    "between",
    "both",
    "during",
    "both",
    "each",
    "few",
    "how",
    "such",
    "through",
    "very",
    "without",
    "should",
    "back",
    "three",
    "well",
    "even",
    "while",
    "much",
    "however",
    "several",
    "among",
    "again",
    "whether",
]
FIRST_NAMES = [
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Daniel",
    "Nancy",
    "Matthew",
    "Lisa",
    "Anthony",
    "Betty",
    "Mark",
    "Sandra",
    "Donald",
    "Ashley",
    "Steven",
    "Kimberly",
    "Andrew",
    "Emily",
    "Paul",
    "Donna",
    "Joshua",
    "Michelle",
    "Kenneth",
    "Carol",
    "Kevin",
    "Amanda",
    "Brian",
    "Melissa",
    "George",
    "Deborah",
    "Timothy",
    "Stephanie",
    "Amara",
    "Chen",
    "Wei",
    "Priya",
    "Raj",
    "Olumide",
    "Ines",
    "Mateo",
    "Sofia",
    "Yusuf",
    "Leila",
    "Hiroshi",
    "Ana",
    "Dmitri",
    "Zoe",
]
SURNAMES = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Okafor",
    "Nakamura",
    "Kowalski",
    "Haddad",
    "Lindqvist",
    "Fernandes",
    "Novak",
    "Petrov",
    "Singh",
    "Zhang",
    "Dubois",
]
ROLES = [
    "a spokesperson for",
    "the chief executive of",
    "a senior official at",
    "an analyst at",
    "a professor at",
    "the director of",
    "a researcher at",
    "a lawyer for",
    "the head of",
    "a member of",
]
ORG_PATTERNS = [
    "Ministry of {X}",
    "{X} Corp",
    "{X} Institute",
    "University of {X}",
    "{X} Holdings",
    "{X} Foundation",
    "Department of {X}",
    "{X} Group",
    "{X} Council",
    "National {X} Agency",
]
ROOT_SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "ten",
    "bra",
    "dor",
    "vel",
    "sun",
    "mar",
    "lin",
    "tor",
    "qua",
    "zel",
    "pri",
    "ost",
    "van",
    "del",
    "fer",
    "gus",
    "ham",
    "ber",
    "cal",
    "nox",
    "tri",
    "ul",
    "ev",
    "ash",
    "or",
    "im",
    "pen",
    "dra",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UNITS = [
    "people",
    "jobs",
    "homes",
    "miles",
    "kilometres",
    "tonnes",
    "megawatts",
    "barrels",
    "votes",
    "cases",
]
CURRENCY = ("$", "€", "£")
SCALES = ("", " million", " billion", "bn", " thousand")
SITES = [
    "example.org",
    "news.example.com",
    "reuters.com",
    "apnews.com",
    "bbc.co.uk",
    "blog.example.net",
]
EMOJI = ("😀", "🔥", "💔", "👍", "😡", "🚀")
FILLER_HEADERS = ("Tags", "Related searches", "Viral phrases", "Filed under", "Keywords")


# Share of each kind of word: function, common, sentiment-laden, rare, invented, number.
WORD_MIX = (0.45, 0.295, 0.03, 0.217, 0.003, 0.005)


def _zipf_cumulative(n: int, exponent: float = 1.0) -> list[float]:
    return list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def _zipf(n: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


@cache
def vocabulary() -> dict[str, list[str]]:
    """Word lists drawn on by the generator (read once, shuffled deterministically)."""
    from hypescore._engine.readability import easy_words
    from hypescore._engine.syllables import cmudict_syllables
    from hypescore._engine.vader import read_lexicon
    from hypescore.lexicons import load_lexicon
    from hypescore.outlets import outlet_scores

    shuffle = random.Random(12345)
    common = sorted(w for w in easy_words() if w.isalpha() and w not in FUNCTION_WORDS)
    shuffle.shuffle(common)
    rare = sorted(w for w in cmudict_syllables() if w.isalpha() and len(w) >= 4)
    shuffle.shuffle(rare)
    sentiment = sorted(w for w in read_lexicon() if w.isalpha() and len(w) >= 3)
    shuffle.shuffle(sentiment)
    return {
        "common": common,
        "rare": rare,
        "sentiment": sentiment,
        "hype": list(load_lexicon("hype_words")),
        "hype_phrases": list(load_lexicon("hype_phrases")),
        "attribution": [v for v in load_lexicon("attribution_verbs") if " " not in v],
        "anonymous": list(load_lexicon("anonymous_sources")),
        "cta": list(load_lexicon("calls_to_action")),
        "boilerplate": list(load_lexicon("boilerplate")),
        "clickbait": list(load_lexicon("clickbait_phrases")),
        "superlatives": list(load_lexicon("superlatives")),
        "outlets": sorted(outlet_scores()),
    }


class DocumentGenerator:
    """Makes one news-like document after another from a seeded random generator."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.vocab = vocabulary()
        self.np_rng = np.random.default_rng(seed)
        self._common_cw = _zipf_cumulative(len(self.vocab["common"]), 0.8)
        self._pools = [
            (np.array(FUNCTION_WORDS, dtype=object), _zipf(len(FUNCTION_WORDS), 0.9)),
            (np.array(self.vocab["common"], dtype=object), _zipf(len(self.vocab["common"]), 0.8)),
            (
                np.array(self.vocab["sentiment"], dtype=object),
                _zipf(len(self.vocab["sentiment"]), 0.8),
            ),
            (np.array(self.vocab["rare"], dtype=object), _zipf(len(self.vocab["rare"]), 0.75)),
        ]
        self._buffer: list[str] = []
        self._serial = 0

    # -- words ----------------------------------------------------------------------------

    def pseudo_word(self) -> str:
        rng = self.rng
        return "".join(rng.choice(ROOT_SYLLABLES) for _ in range(rng.randint(2, 4)))

    def name(self) -> str:
        rng = self.rng
        surname = rng.choice(SURNAMES) if rng.random() < 0.85 else self.pseudo_word().title()
        return f"{rng.choice(FIRST_NAMES)} {surname}"

    def org(self) -> str:
        filler = self.pseudo_word().title() if self.rng.random() < 0.2 else self.common().title()
        return self.rng.choice(ORG_PATTERNS).format(X=filler)

    def common(self) -> str:
        return self.rng.choices(self.vocab["common"], cum_weights=self._common_cw)[0]

    def words(self, count: int) -> list[str]:
        """A run of ordinary words: function words, common, rare, sentiment-laden, invented."""
        while len(self._buffer) < count:
            self._buffer.extend(self._draw_words(8192))
        out = self._buffer[-count:]
        del self._buffer[-count:]
        return out

    def _draw_words(self, size: int) -> list[str]:
        """Many words at once (numpy draws keep generation far cheaper than featurizing)."""
        draw = self.np_rng
        kinds = draw.choice(len(WORD_MIX), size=size, p=WORD_MIX)
        out = np.empty(size, dtype=object)
        for kind, (pool, weights) in enumerate(self._pools):
            where = np.flatnonzero(kinds == kind)
            out[where] = pool[draw.choice(len(pool), size=where.size, p=weights)]
        invented = np.flatnonzero(kinds == len(self._pools))
        out[invented] = [self.pseudo_word() for _ in range(invented.size)]
        numbers = np.flatnonzero(kinds == len(self._pools) + 1)
        out[numbers] = draw.integers(2, 1000, size=numbers.size).astype(str)
        return out.tolist()

    def clause(self, low: int = 8, high: int = 22) -> str:
        rng = self.rng
        words = self.words(rng.randint(low, high))
        for _ in range(rng.randint(0, 2)):
            words[rng.randrange(len(words))] += ","
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            words[rng.randrange(len(words))] = self.name()
        if rng.random() < 0.2:
            words[rng.randrange(len(words))] = self.org()
        if rng.random() < 0.02:
            words.insert(rng.randrange(len(words)), rng.choice(self.vocab["superlatives"]))
        return " ".join(words).rstrip(",")

    # -- sentences ------------------------------------------------------------------------

    def number(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return f"{rng.randint(1, 999)}.{rng.randint(0, 9)}"
        return f"{rng.randint(1, 999):,}" if rng.random() < 0.5 else str(rng.randint(10, 99999))

    def date(self) -> str:
        rng = self.rng
        month = rng.choice(MONTHS)
        form = rng.randrange(4)
        if form == 0:
            return f"{month} {rng.randint(1, 28)}, {rng.randint(1990, 2024)}"
        if form == 1:
            return f"{rng.randint(1, 28)} {month} {rng.randint(1990, 2024)}"
        if form == 2:
            return rng.choice(WEEKDAYS)
        return f"in {rng.randint(1990, 2024)}"

    def sentence(self) -> str:
        rng = self.rng
        v = self.vocab
        kind = rng.random()
        if kind < 0.62:
            text = self.clause().capitalize() + rng.choice(".........?")
        elif kind < 0.72:
            quote = self.clause().capitalize()
            who = self.name()
            verb = rng.choice(v["attribution"])
            if rng.random() < 0.5:
                text = f'"{quote}," {who} {verb}.'
            else:
                text = f'{who}, {rng.choice(ROLES)} {self.org()}, {verb} "{quote}."'
        elif kind < 0.76:
            amount = f"{rng.choice(CURRENCY)}{self.number()}{rng.choice(SCALES)}"
            text = (
                f"{self.org()} reported {amount} {self.date()}, "
                f"{rng.choice(('up', 'down'))} {self.number()}"
                f"{rng.choice(('%', ' percent', ' per cent'))} from a year earlier, "
                f"with {self.number()} {rng.choice(UNITS)} affected."
            )
        elif kind < 0.78:
            text = (
                f"According to {rng.choice(v['outlets'])}, {self.clause(5, 12)}, "
                f"{rng.choice(v['anonymous'])} {self.clause(4, 10)}."
            )
        elif kind < 0.79:
            hype = rng.choice(v["hype"])
            phrase = rng.choice(v["hype_phrases"])
            shout = hype.upper() if rng.random() < 0.3 else hype
            text = f"This {shout} {self.common()} {phrase} {self.clause(3, 8)}" + rng.choice(
                ("!", "!!", ".", "!!!")
            )
        elif kind < 0.84:
            text = f"On {self.date()}, {self.clause(6, 16)}."
        elif kind < 0.94:
            text = f"{self.clause(5, 10).capitalize()} - {self.clause(5, 10)}."
        else:
            text = f"{self.clause(4, 9).capitalize()}: {self.clause(4, 9)}."
        return self._decorate(text)

    def _decorate(self, text: str) -> str:
        """Typography of real feeds: curly quotes, dashes, ellipses, the odd emoji."""
        rng = self.rng
        r = rng.random()
        if r < 0.15:
            text = text.replace('"', "\u201c", 1).replace('"', "\u201d", 1)
        elif r < 0.20:
            text = text.replace(" - ", " \u2014 ")
        elif r < 0.23:
            text = text[:-1] + "\u2026"
        elif r < 0.24:
            text = f"{text} {rng.choice(EMOJI)}"
        elif r < 0.26:
            text = text.replace("'", "\u2019")
        return text

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 5)))

    def tail(self) -> list[str]:
        """Promotional filler some feeds append: tags, hashtags, calls to action, links."""
        rng = self.rng
        v = self.vocab
        lines = []
        if rng.random() < 0.15:
            items = ", ".join(self.common() for _ in range(rng.randint(4, 9)))
            lines.append(f"{rng.choice(FILLER_HEADERS)}: {items}")
        if rng.random() < 0.10:
            lines.append(" ".join("#" + self.pseudo_word() for _ in range(rng.randint(3, 6))))
        if rng.random() < 0.20:
            lines.append(rng.choice(v["cta"]).capitalize() + ".")
        if rng.random() < 0.15:
            lines.append(rng.choice(v["boilerplate"]).capitalize())
        if rng.random() < 0.25:
            lines.append(f"https://www.{rng.choice(SITES)}/{self.pseudo_word()}-{self._serial}")
        return lines

    def headline(self) -> str:
        rng = self.rng
        v = self.vocab
        r = rng.random()
        if r < 0.2:
            return f"{rng.randint(3, 25)} {self.common()} {rng.choice(v['clickbait'])}"
        if r < 0.35:
            return f"Why {self.clause(4, 8)}?"
        return self.clause(5, 11).title()

    def document(self, chars: int) -> dict[str, str]:
        """One document of about ``chars`` characters (at least one paragraph)."""
        self._serial += 1
        paragraphs = [self.paragraph()]
        size = len(paragraphs[0])
        while size < chars:
            paragraph = self.paragraph()
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        body = "\n\n".join(paragraphs + self.tail())
        site = self.rng.choice(SITES)
        return {
            "id": f"doc-{self._serial}",
            "title": self.headline(),
            "url": f"https://{site}/{self._serial}",
            "text": body,
        }


def generate(
    n_docs: int, *, seed: int = 0, mean_chars: int = 4800, spread: float = 0.5
) -> Iterator[dict[str, str]]:
    """``n_docs`` documents; lengths vary by +-``spread`` around ``mean_chars``."""
    generator = DocumentGenerator(seed)
    low, high = 1.0 - spread, 1.0 + spread
    for _ in range(n_docs):
        yield generator.document(int(mean_chars * generator.rng.uniform(low, high)))


# Letters that trip case-insensitive matching (dotless and dotted i, long s), accented
# Latin letters, and CJK sentences of our own: what non-English or mixed news holds.
_CASE_ODDITIES = {"i": "\u0131", "I": "\u0130", "s": "\u017f"}
_ACCENTS = {
    "e": "\u00e9",
    "a": "\u00e0",
    "o": "\u00f6",
    "u": "\u00fc",
    "n": "\u00f1",
    "c": "\u00e7",
}
_CJK_SENTENCES = (
    "\u6771\u4eac\u3067\u65b0\u3057\u3044\u8a08\u753b\u304c\u767a\u8868\u3055\u308c\u305f\u3002",
    "\u5e02\u653f\u5e9c\u8868\u793a\uff0c\u8fd9\u9879\u5de5\u7a0b\u5c06\u4e8e\u660e\u5e74\u5b8c\u6210\u3002",
    "\uc11c\uc6b8\uc2dc\ub294 \uc0c8\ub85c\uc6b4 \uacc4\ud68d\uc744 \ubc1c\ud45c\ud588\ub2e4.",
)


def with_non_ascii(text: str, seed: int = 0) -> str:
    """``text`` with non-ASCII letters: about one word in 40 holds a dotless or dotted i
    or a long s, one in 15 an accented letter, and a CJK sentence follows one sentence
    in 12. The length in characters stays close to the original."""
    rng = random.Random(seed)
    words = text.split(" ")
    for k, word in enumerate(words):
        roll = rng.random()
        table = _CASE_ODDITIES if roll < 0.025 else _ACCENTS if roll < 0.09 else {}
        for at, char in enumerate(word):
            if char in table:
                word = word[:at] + table[char] + word[at + 1 :]
                break
        if word.endswith(".") and rng.random() < 1 / 12:
            word += " " + _CJK_SENTENCES[k % len(_CJK_SENTENCES)]
        words[k] = word
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3)
    parser.add_argument("--chars", type=int, default=4800)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for doc in generate(args.docs, seed=args.seed, mean_chars=args.chars):
        print(json.dumps(doc, ensure_ascii=False))


if __name__ == "__main__":
    main()
