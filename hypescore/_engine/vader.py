"""VADER's compound score, computed exactly as vaderSentiment 3.3.2 does, but fast.

vaderSentiment rebuilds lower-cased word lists and scans them for every lexicon word, and
its "but" rule is quadratic, so one call costs far more than reading the sentence. Here
every distinct whitespace token is analysed once (stripped form, lower case, caps, lexicon
valence, booster and negation flags) and a sentence with no lexicon word is settled by one
set test. Sentences that do carry sentiment follow VADER's rules step by step, in VADER's
order of floating-point operations, so the compound score is bit-identical (a test checks
it against the real library).

The lexicon and emoji table are read from the installed ``vaderSentiment`` package (MIT;
Hutto & Gilbert, ICWSM 2014); the rule constants below are VADER's, checked by a test.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterable
from functools import cache
from heapq import heappop, heappush
from importlib.util import find_spec
from itertools import compress
from pathlib import Path
from types import ModuleType
from typing import Any

from hypescore._engine import kernel

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

NEGATE = frozenset(
    [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]
)  # fmt: skip

_INCR_WORDS = [
    "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
    "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
    "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
    "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
    "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
    "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
    "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
    "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
    "unusually", "utter", "utterly", "very",
]  # fmt: skip
_DECR_WORDS = [
    "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
    "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
    "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof",
    "sort-of",
]  # fmt: skip
BOOSTER_DICT: dict[str, float] = {
    **dict.fromkeys(_INCR_WORDS, B_INCR),
    **dict.fromkeys(_DECR_WORDS, B_DECR),
}

SPECIAL_CASES: dict[str, float] = {
    "the shit": 3,
    "the bomb": 3,
    "bad ass": 1.5,
    "badass": 1.5,
    "bus stop": 0.0,
    "yeah right": -2,
    "kiss of death": -1.5,
    "to die for": 3,
    "beating heart": 3.5,
}

# One word of each multi-word special case or booster n-gram ("the bomb", "kind of"): an
# idiom check can only change a valence when one of these is near the lexicon word.
_IDIOM_ANCHORS = frozenset(
    ("shit", "bomb", "ass", "bus", "yeah", "kiss", "die", "beating", "enough", "kind", "sort")
)
# Words whose presence within three tokens before a lexicon word (or at it, or as an idiom
# anchor after it) can change its valence; elsewhere its valence is the lexicon value.
_MODIFIERS = frozenset(("no", "never", "so", "this", "without", "least", "kind")) | _IDIOM_ANCHORS
# Lower-case tokens that need more than "not a lexicon word" recorded (sets below).
_SPECIAL_LOWS = _MODIFIERS | NEGATE | frozenset(BOOSTER_DICT) | {"but"}

# Fields of a token's analysis, in tuple order.
_ITEM, _LOW, _UPPER, _VALENCE, _NEGATED = range(5)

_MAX_TOKENS = 400_000  # bound on the token cache, so memory stays flat on endless streams
_LARGE_BUT_LIST = 48  # above this many scored words, the "but" rule runs in n log n


def _package_file(package: str, name: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"package {package!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / name


def read_lexicon() -> dict[str, float]:
    """``vader_lexicon.txt`` parsed exactly like ``SentimentIntensityAnalyzer.make_lex_dict``."""
    raw = _package_file("vaderSentiment", "vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon: dict[str, float] = {}
    for line in raw.rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    return lexicon


def read_emojis() -> dict[str, str]:
    """``emoji_utf8_lexicon.txt`` parsed like ``make_emoji_dict``: emoji to description."""
    raw = _package_file("vaderSentiment", "emoji_utf8_lexicon.txt").read_text(encoding="utf-8")
    emojis: dict[str, str] = {}
    for line in raw.rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        emojis[emoji] = description
    return emojis


def normalize(score: float, alpha: float = 15) -> float:
    """VADER's squashing of a valence sum into [-1, 1]."""
    norm_score = score / math.sqrt((score * score) + alpha)
    if norm_score < -1.0:
        return -1.0
    if norm_score > 1.0:
        return 1.0
    return norm_score


def but_rule(values: list[float], positions: list[int], but_index: int) -> None:
    """VADER's contrastive-"but" rule applied in place to the non-zero sentiments.

    VADER walks every sentiment, finds the *first* equal value with ``list.index`` and
    scales that one (by 0.5 before the "but", 1.5 after). Zeros never touch non-zero
    values, so only the non-zero ones (``values`` at token ``positions``) matter. Short
    lists replay the rule literally; long ones keep, per value, a heap of where it
    currently sits, which gives the same result without the quadratic scan.
    """
    count = len(values)
    if count <= _LARGE_BUT_LIST:
        for k in range(count):
            value = values[k]
            first = values.index(value)
            position = positions[first]
            if position < but_index:
                values[first] = value * 0.5
            elif position > but_index:
                values[first] = value * 1.5
        return
    where: dict[float, list[int]] = {}
    for k, value in enumerate(values):
        where.setdefault(value, []).append(k)  # appended in order: already a heap
    for k in range(count):
        value = values[k]
        heap = where[value]
        first = heap[0]
        position = positions[first]
        if position == but_index:
            continue
        heappop(heap)
        scaled = value * 0.5 if position < but_index else value * 1.5
        values[first] = scaled
        heappush(where.setdefault(scaled, []), first)


class CompoundScorer:
    """``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``, exactly, faster."""

    def __init__(self, lexicon: dict[str, float], emojis: dict[str, str]) -> None:
        self._lexicon = lexicon
        self._emojis = {k: v for k, v in emojis.items() if len(k) == 1}
        self._emoji_re = _covering_class(self._emojis)
        self._tokens: dict[str, tuple] = {}
        self._hits: set[str] = set()
        self._buts: set[str] = set()
        self._modifiers: set[str] = set()
        # Lexicon words (raw tokens) and their valences, and those of them in capitals:
        # a sentence without modifiers, "but" or capitals sums these valences directly.
        self._hit_valence: dict[str, float] = {}
        self._upper_hits: set[str] = set()
        self.generation = 0  # bumped whenever the token cache is emptied
        self._rules: Any = None  # the kernel's VaderRules, made on first use

    # -- tokens ---------------------------------------------------------------------------

    @property
    def size(self) -> int:
        return len(self._tokens)

    def reset(self, keep: Iterable[str] = ()) -> None:
        """Forget every token except those in ``keep`` (see :attr:`generation`)."""
        self.generation += 1
        old = self._tokens
        keep = [token for token in keep if token in old]
        self._tokens = {token: old[token] for token in keep}
        self._hits = set(filter(self._hits.__contains__, keep))
        self._buts = set(filter(self._buts.__contains__, keep))
        self._modifiers = set(filter(self._modifiers.__contains__, keep))
        self._hit_valence = {t: self._hit_valence[t] for t in keep if t in self._hit_valence}
        self._upper_hits = set(filter(self._upper_hits.__contains__, keep))

    def learn_new(self, tokens: Iterable[str]) -> None:
        """Analyse the tokens among ``tokens`` not seen before (:meth:`_learn`, inlined:
        a document brings dozens of new tokens, so the per-token cost matters)."""
        known = self._tokens
        compiled = kernel.active()
        if compiled is not None:
            compiled.vader_learn(tokens, known, self._lexicon, _SPECIAL_LOWS, self._learn)
            return
        lexicon_get = self._lexicon.get
        punctuation = string.punctuation
        for raw in tokens:
            if raw in known:
                continue
            stripped = raw.strip(punctuation)
            item = raw if len(stripped) <= 2 else stripped
            low = item.lower()
            valence = lexicon_get(low)
            if valence is None and low.isascii() and low not in _SPECIAL_LOWS and "n't" not in low:
                # Neither a lexicon word nor anything a rule looks at: the common case.
                known[raw] = (item, low, item.isupper(), None, False)
            else:
                self._learn(raw)

    def learn(self, tokens: Iterable[str], *, may_reset: bool = True) -> None:
        """Analyse the tokens not seen before; call before :meth:`score_known` on them.

        The cache is emptied when it grows too large, only here (between documents), so
        tokens learned for a document stay known while it is scored.
        """
        known = self._tokens
        if may_reset and len(known) > _MAX_TOKENS:
            self.reset()
        distinct = tokens if isinstance(tokens, (set, frozenset)) else set(tokens)
        for raw in distinct.difference(known):
            self._learn(raw)

    def _learn(self, raw: str) -> tuple:
        stripped = raw.strip(string.punctuation)
        item = raw if len(stripped) <= 2 else stripped
        low = item.lower()
        valence = self._lexicon.get(low)
        low_again = low.lower()
        info = (
            item,
            low,
            item.isupper(),
            valence,
            low_again in NEGATE or "n't" in low_again,
        )
        self._tokens[raw] = info
        if valence is not None and low not in BOOSTER_DICT:
            self._hits.add(raw)
            self._hit_valence[raw] = valence
            if info[_UPPER]:
                self._upper_hits.add(raw)
        if low == "but":
            self._buts.add(raw)
        if info[_NEGATED] or low in BOOSTER_DICT or low in _MODIFIERS:
            self._modifiers.add(raw)
        return info

    # -- scoring --------------------------------------------------------------------------

    def compound(self, text: str) -> float:
        """The compound score of any text."""
        if self.has_emoji(text):
            text = self._spell_out_emojis(text)
        tokens = text.split()
        self.learn(tokens, may_reset=False)
        return self._score(text, tokens)

    def has_emoji(self, text: str) -> bool:
        """Whether VADER would spell out an emoji somewhere in ``text``."""
        if text.isascii():
            return False
        emojis = self._emojis
        return any(m.group() in emojis for m in self._emoji_re.finditer(text))

    def score_plain(self, text: str) -> float:
        """The compound score of a text without emoji whose tokens were learned.

        For sentences of a document: :meth:`learn` its tokens once and check
        :meth:`has_emoji` on the whole text; if it has none, every sentence qualifies.
        """
        return self._score(text, text.split())

    def score_spans(
        self, text: str, spans: list[tuple[int, int]], compiled_tokens: Any = None
    ) -> list[float]:
        """:meth:`score_plain` of ``text[start:end]`` for each span, in one loop.

        ``compiled_tokens``, the kernel's tokens of ``text`` (``TextIndex.compiled_tokens``)
        when it runs, lets the sentences be scored over them without splitting any.
        """
        compiled = kernel.active()
        if compiled is not None and compiled_tokens is not None and compiled_tokens.text == text:
            return compiled_tokens.sentence_scores(
                spans, self._hit_valence, self._upper_hits, self._modifiers, self._buts,
                self._rule_values, self.score_plain,
            )  # fmt: skip
        if compiled is not None:
            return self._compiled(compiled).score_spans(text, spans)
        miss = self._hits.isdisjoint
        score = self._score_hits
        scores: list[float] = []
        append = scores.append
        for start, end in spans:
            sentence = text[start:end]
            tokens = sentence.split()
            append(0.0 if miss(tokens) else score(sentence, tokens))
        return scores

    def _spell_out_emojis(self, text: str) -> str:
        """VADER's emoji replacement, character by character (only for text with emoji)."""
        emojis = self._emojis
        parts: list[str] = []
        prev_space = True
        for char in text:
            description = emojis.get(char)
            if description is not None:
                if not prev_space:
                    parts.append(" ")
                parts.append(description)
                prev_space = False
            else:
                parts.append(char)
                prev_space = char == " "
        return "".join(parts).strip()

    def _compiled(self, compiled: ModuleType) -> Any:
        """The kernel's sentence scorer over this scorer's current tables."""
        return compiled.SentenceScorer(
            self._modifiers, self._buts, self._upper_hits, self._hit_valence, self._rule_values
        )

    def _compiled_rules(self, compiled: ModuleType) -> Any:
        """The kernel's rule walk over this scorer's lexicon, made once."""
        if self._rules is None or not isinstance(self._rules, compiled.VaderRules):
            self._rules = compiled.VaderRules(
                self._lexicon, BOOSTER_DICT, _IDIOM_ANCHORS, N_SCALAR, C_INCR,
                _special_idioms_check, but_rule,
            )  # fmt: skip
        return self._rules

    def _score(self, text: str, tokens: list[str]) -> float:
        compiled = kernel.active()
        if compiled is not None:
            return self._compiled(compiled).score_text(text, tokens)
        if self._hits.isdisjoint(tokens):
            return 0.0
        return self._score_hits(text, tokens)

    def _score_hits(self, text: str, tokens: list[str]) -> float:
        """The compound score of a text whose tokens include a lexicon word."""
        hits = self._hits
        if (
            self._modifiers.isdisjoint(tokens)
            and self._buts.isdisjoint(tokens)
            and self._upper_hits.isdisjoint(tokens)
        ):
            # No rule applies anywhere: VADER's sum is the lexicon valences in order.
            values = list(map(self._hit_valence.__getitem__, filter(hits.__contains__, tokens)))
        else:
            values = self._rule_values(tokens)
        sum_s = float(sum(values))
        if not sum_s:
            return 0.0  # normalize(0.0) rounded
        if sum_s > 0:
            sum_s += _punctuation_emphasis(text)
        else:
            sum_s -= _punctuation_emphasis(text)
        return round(normalize(sum_s), 4)

    def _rule_values(self, tokens: list[str]) -> list[float]:
        """The non-zero sentiments of ``tokens`` after VADER's rules, in token order
        (the kernel's ``VaderRules`` replays this loop and :meth:`_valence` when it runs)."""
        compiled = kernel.active()
        if compiled is not None:
            rules = self._compiled_rules(compiled)
            return rules.values(tokens, self._hits, self._tokens, self._modifiers, self._buts)
        hits = self._hits
        known = self._tokens
        modifiers = self._modifiers
        n = len(tokens)
        is_cap_diff: bool | None = None
        infos: list[tuple] | None = None
        values: list[float] = []
        positions: list[int] = []
        for i in compress(range(n), map(hits.__contains__, tokens)):
            info = known[tokens[i]]
            if info[_UPPER] and is_cap_diff is None:
                # Stripping ASCII punctuation never changes str.isupper: raw tokens do.
                uppers = sum(map(str.isupper, tokens))
                is_cap_diff = 0 < n - uppers < n
            if modifiers.isdisjoint(tokens[max(0, i - 3) : i + 3]) and not (
                info[_UPPER] and is_cap_diff
            ):
                valence = info[_VALENCE]  # nothing nearby changes it
            else:
                if infos is None:
                    infos = list(map(known.__getitem__, tokens))
                if i < n - 1 and info[_LOW] == "kind" and infos[i + 1][_LOW] == "of":
                    continue
                if is_cap_diff is None:
                    uppers = sum(map(str.isupper, tokens))
                    is_cap_diff = 0 < n - uppers < n
                valence = self._valence(infos, i, n, is_cap_diff, self._lexicon)
            if valence:
                values.append(valence)
                positions.append(i)
        if values and not self._buts.isdisjoint(tokens):
            buts = self._buts
            but_rule(values, positions, next(i for i, t in enumerate(tokens) if t in buts))
        return values

    @staticmethod
    def _valence(
        infos: list[tuple], i: int, n: int, is_cap_diff: bool, lexicon: dict[str, float]
    ) -> float:
        """``SentimentIntensityAnalyzer.sentiment_valence`` for the lexicon word at ``i``."""
        item, low, upper, base, _ = infos[i]
        valence = base
        if low == "no" and i != n - 1 and infos[i + 1][_LOW] in lexicon:
            valence = 0.0
        if (
            (i > 0 and infos[i - 1][_LOW] == "no")
            or (i > 1 and infos[i - 2][_LOW] == "no")
            or (i > 2 and infos[i - 3][_LOW] == "no" and infos[i - 1][_LOW] in ("or", "nor"))
        ):
            valence = base * N_SCALAR
        if upper and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(3):
            if i > start_i:
                before = infos[i - (start_i + 1)]
                if before[_LOW] in lexicon:
                    continue
                s = _scalar_inc_dec(before, valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, infos, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, infos, i, n)
        return _least_check(valence, infos, i, lexicon)


def _scalar_inc_dec(info: tuple, valence: float, is_cap_diff: bool) -> float:
    scalar = 0.0
    booster = BOOSTER_DICT.get(info[_LOW])
    if booster is not None:
        scalar = booster
        if valence < 0:
            scalar *= -1
        if info[_UPPER] and is_cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _negation_check(valence: float, infos: list[tuple], start_i: int, i: int) -> float:
    if start_i == 0:
        if infos[i - 1][_NEGATED]:
            valence = valence * N_SCALAR
    elif start_i == 1:
        two, one = infos[i - 2][_LOW], infos[i - 1][_LOW]
        if two == "never" and (one == "so" or one == "this"):
            valence = valence * 1.25
        elif two == "without" and one == "doubt":
            pass
        elif infos[i - 2][_NEGATED]:
            valence = valence * N_SCALAR
    else:
        three, two, one = infos[i - 3][_LOW], infos[i - 2][_LOW], infos[i - 1][_LOW]
        if (three == "never" and (two == "so" or two == "this")) or (one == "so" or one == "this"):
            valence = valence * 1.25
        elif three == "without" and (two == "doubt" or one == "doubt"):
            pass
        elif infos[i - 3][_NEGATED]:
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, infos: list[tuple], i: int, n: int) -> float:
    window = [infos[j][_LOW] for j in range(i - 3, min(n, i + 3))]
    if _IDIOM_ANCHORS.isdisjoint(window):
        return valence
    w3, w2, w1, w0 = window[0], window[1], window[2], window[3]
    onezero = f"{w1} {w0}"
    twoonezero = f"{w2} {w1} {w0}"
    twoone = f"{w2} {w1}"
    threetwoone = f"{w3} {w2} {w1}"
    threetwo = f"{w3} {w2}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if n - 1 > i:
        zeroone = f"{w0} {window[4]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{w0} {window[4]} {window[5]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence: float, infos: list[tuple], i: int, lexicon: dict[str, float]) -> float:
    if i > 1 and infos[i - 1][_LOW] not in lexicon and infos[i - 1][_LOW] == "least":
        if infos[i - 2][_LOW] != "at" and infos[i - 2][_LOW] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and infos[i - 1][_LOW] not in lexicon and infos[i - 1][_LOW] == "least":
        valence = valence * N_SCALAR
    return valence


def _punctuation_emphasis(text: str) -> float:
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def _covering_class(chars: Iterable[str]) -> re.Pattern[str]:
    """A fast character class containing ``chars`` (and possibly a few others).

    A class listing a thousand astral-plane emoji one by one is tested linearly per
    character; the exact BMP members plus one range over the astral ones is quick, and
    callers check each hit against the real table.
    """
    bmp = sorted(c for c in chars if ord(c) <= 0xFFFF)
    astral = [ord(c) for c in chars if ord(c) > 0xFFFF]
    body = "".join(map(re.escape, bmp))
    if astral:
        body += f"{chr(min(astral))}-{chr(max(astral))}"
    return re.compile(f"[{body}]")


@cache
def scorer() -> CompoundScorer:
    """The process-wide scorer (lexicon read once per process, e.g. once per worker)."""
    return CompoundScorer(read_lexicon(), read_emojis())
