"""Featurizer and scorer speed, scaling and memory: every goal of issue 14 as a ratio
measured in this one run.

Run from the project root:

    python benchmarks/featurize.py                 # full run (~25 min on 2 cores)
    python benchmarks/featurize.py --quick         # smaller corpora and stream

Documents come from ``benchmarks/corpus.py`` (seeded, varied, never repeated). Speed
ratios compare CPU time of this process, measured in alternating chunks, so load from
other jobs on a shared machine hits both sides alike; throughput (docs/s, MB/s) and the
2-job speedup are wall clock. Peak memory is measured in a child process that streams
documents through ``hypescore.iter_featurize``. The script ends with one line per goal:
measured ratio, target, PASS or MISS.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate, with_non_ascii  # noqa: E402

WORD_RE = re.compile(r"\w+")
SECTIONS = (
    "floor", "kernel", "profile", "real", "naive", "two-jobs", "length", "cold-start", "memory",
    "score",
)  # fmt: skip
CHUNK = 50  # documents per alternation when two things are timed against each other


# -- the reference points ---------------------------------------------------------------


def floor(texts: Iterable[str]) -> None:
    """Reading the text: one ``re.findall(r"\\w+")`` pass per document."""
    findall = WORD_RE.findall
    for text in texts:
        findall(text)


class NaiveLoop:
    """The straightforward featurizer the issue measured: vaderSentiment per sentence,
    six textstat metrics, ten regex counts (patterns as hypescore first wrote them)."""

    PATTERNS = [
        r"(?<![\w.])\d(?:[\d,]*\d)?(?:\.\d+)?(?!\w)",
        r"(?<![\w.])\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:%|percent\b|per\s+cent\b)",
        r"[$€£¥]\d(?:[\d,]*\d)?(?:\.\d+)?",
        r"\b(?:January|February|March|April|May|June|July|August|September|October"
        r"|November|December)\s+\d{1,2}\b",
        r"\b[A-Z][a-z][\w'-]*(?:[ ]+[A-Z][\w'-]+)+|\b[A-Z]{2,}[a-z]?s?\b",
        r"\b(?:said|says|told|added|noted|explained|wrote|according to)\b",
        r'"[^"\n]{12,1000}"',
        r"\bhttps?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+",
        r"(?<![\w#])#[^\W\d_]\w*",
        r"(?<![\w'])[A-Z]{4,}(?![\w'])",
    ]

    def __init__(self) -> None:
        import textstat
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the test helper
        from tests._textstat_offline import use_offline_cmudict

        use_offline_cmudict()
        self.textstat = textstat
        self.vader = SentimentIntensityAnalyzer()
        self.patterns = [re.compile(p, re.IGNORECASE if "said" in p else 0) for p in self.PATTERNS]
        self.sentence_re = re.compile(r"(?<=[.!?])\s+|\n+")

    def __call__(self, texts: Iterable[str]) -> None:
        ts = self.textstat
        for text in texts:
            for sentence in self.sentence_re.split(text):
                if sentence.strip():
                    self.vader.polarity_scores(sentence)
            for metric in (
                ts.flesch_reading_ease,
                ts.flesch_kincaid_grade,
                ts.gunning_fog,
                ts.smog_index,
                ts.dale_chall_readability_score,
                ts.coleman_liau_index,
            ):
                metric(text)
            for pattern in self.patterns:
                sum(1 for _ in pattern.finditer(text))


# -- measuring ---------------------------------------------------------------------------


def cpu_seconds(function: Callable[[], object]) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def alternate(
    docs: list[dict], contenders: dict[str, Callable[[list[dict]], object]], rounds: int = 1
) -> dict[str, float]:
    """CPU seconds each contender spends on all ``docs``, timed chunk by chunk in turn."""
    totals = dict.fromkeys(contenders, 0.0)
    for _ in range(rounds):
        for start in range(0, len(docs), CHUNK):
            chunk = docs[start : start + CHUNK]
            for name, run in contenders.items():
                totals[name] += cpu_seconds(lambda run=run, chunk=chunk: run(chunk))
    return {name: total / rounds for name, total in totals.items()}


def featurize_docs(
    docs: list[dict], n_jobs: int = 1, chunk_size: int = 256, max_chars: int = 2_000_000
) -> None:
    from hypescore.features import featurize

    matrix = featurize(docs, n_jobs=n_jobs, chunk_size=chunk_size, max_chars=max_chars)
    if any(matrix.errors):
        raise RuntimeError(f"unexpected errors: {[e for e in matrix.errors if e][:3]}")


@cache
def default_model() -> object:
    from hypescore.model.persistence import load_model

    return load_model()


def score_docs(docs: list[dict], n_jobs: int = 1, chunk_size: int = 256) -> None:
    """What ``hypescore score`` runs: features, hype parts, impact, verdict; no reasons."""
    from hypescore.scoring import score_many

    results = list(
        score_many(docs, model=default_model(), explain=0, n_jobs=n_jobs, chunk_size=chunk_size)
    )
    if any(r.error for r in results):
        raise RuntimeError(f"unexpected errors: {[r.error for r in results if r.error][:3]}")


def megabytes(docs: list[dict]) -> float:
    return sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


# -- the goals ---------------------------------------------------------------------------


class Report:
    def __init__(self) -> None:
        self.goals: list[tuple[str, str, str, bool | None]] = []

    def section(self, title: str) -> None:
        print(f"\n== {title}", flush=True)

    def line(self, text: str) -> None:
        print(f"   {text}", flush=True)

    def goal(self, name: str, measured: str, target: str, ok: bool | None) -> None:
        self.goals.append((name, measured, target, ok))
        verdict = "info" if ok is None else ("PASS" if ok else "MISS")
        print(f"   -> {name}: {measured} (target {target}) {verdict}", flush=True)

    def summary(self) -> None:
        print("\n== Goals (ratios measured in this run)")
        width = max(len(g[0]) for g in self.goals)
        for name, measured, target, ok in self.goals:
            verdict = "info" if ok is None else ("PASS" if ok else "MISS")
            print(f"   {name:<{width}}  {measured:>9}  target {target:<9} {verdict}")


def single_process(report: Report, docs: list[dict]) -> float:
    report.section(f"Single process: {len(docs):,} documents, {megabytes(docs):.1f} MB")
    texts = [d["text"] for d in docs]
    by_index = {id(d): t for d, t in zip(docs, texts, strict=True)}
    cpu = alternate(
        docs,
        {
            "floor": lambda chunk: floor(by_index[id(d)] for d in chunk),
            "featurize": featurize_docs,
        },
    )
    start = time.perf_counter()
    featurize_docs(docs)
    wall = time.perf_counter() - start
    n = len(docs)
    report.line(f"\\w+ floor:   {cpu['floor'] / n * 1e3:7.3f} ms/doc CPU")
    report.line(f"featurize:   {cpu['featurize'] / n * 1e3:7.3f} ms/doc CPU")
    report.line(
        f"throughput:  {n / wall:,.0f} docs/s, {megabytes(docs) / wall:.2f} MB/s "
        f"(wall, one more pass)"
    )
    ratio = cpu["featurize"] / cpu["floor"]
    report.goal("featurize vs \\w+ floor, generated docs (info)", f"{ratio:.1f}x", "<= 10x", None)
    return cpu["featurize"] / n


REAL_CHARS = (3_000, 8_000)  # "5 KB real articles": the SemEval articles of about that size
SEMEVAL = (
    Path(os.environ.get("HYPESCORE_DATA", ROOT.parent / "shared" / "data"))
    / "semeval19-hyperpartisan"
    / "articles-train.jsonl"
)


def semeval_articles() -> list[dict]:
    """The SemEval-2019 training articles (text, title, url), or none when absent."""
    if not SEMEVAL.exists():
        return []
    with SEMEVAL.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return [
        {"text": r["text"], "title": r.get("title"), "url": r.get("url")}
        for r in records
        if r.get("text")
    ]


def real_articles(report: Report) -> None:
    """featurize against the floor on real news of about 5 KB (SemEval-2019 hyperpartisan
    articles of 3-8 KB; the others warm the caches first), if the data is present."""
    docs = semeval_articles()
    if not docs:
        report.line(f"(no real articles at {SEMEVAL}; skipped)")
        return
    low, high = REAL_CHARS
    sized = [d for d in docs if low <= len(d["text"]) <= high]
    warm = [d for d in docs if not low <= len(d["text"]) <= high]
    report.section(
        f"Real articles: {len(sized)} SemEval-2019 articles of {low:,}-{high:,} chars "
        f"(mean {sum(len(d['text']) for d in sized) / len(sized):,.0f}) after {len(warm)} "
        f"others for warm-up"
    )
    featurize_docs(warm)
    texts = {id(d): d["text"] for d in docs}
    cpu = alternate(
        sized,
        {
            "floor": lambda chunk: floor(texts[id(d)] for d in chunk),
            "featurize": featurize_docs,
        },
        rounds=3,
    )
    n = len(sized)
    report.line(f"\\w+ floor:   {cpu['floor'] / n * 1e3:7.3f} ms/doc CPU (mean of 3 rounds)")
    report.line(f"featurize:   {cpu['featurize'] / n * 1e3:7.3f} ms/doc CPU")
    ratio = cpu["featurize"] / cpu["floor"]
    report.goal(
        "featurize vs \\w+ floor, ~5 KB real articles", f"{ratio:.1f}x", "<= 10x", ratio <= 10
    )


def alternate_fresh(
    docs: list[dict], contenders: dict[str, Callable[[list[dict]], object]]
) -> dict[str, float]:
    """CPU seconds of each contender per document of the corpus' mean length, each on
    its own share of ``docs`` (document ``i`` goes to contender ``i mod k``), chunk by
    chunk in turn: every contender sees only documents new to the process, as a stream
    brings them, so none finds its words already learned by another. Costs are taken
    per character, so a share that drew the longest articles is not charged for them."""
    shares = {name: docs[k :: len(contenders)] for k, name in enumerate(contenders)}
    totals = dict.fromkeys(contenders, 0.0)
    for start in range(0, max(map(len, shares.values())), CHUNK):
        for name, run in contenders.items():
            chunk = shares[name][start : start + CHUNK]
            if chunk:
                totals[name] += cpu_seconds(lambda run=run, chunk=chunk: run(chunk))
    mean_chars = sum(len(d["text"]) for d in docs) / len(docs)
    return {
        name: totals[name] / sum(len(d["text"]) for d in shares[name]) * mean_chars
        for name in contenders
    }


def scoring_cost(report: Report, docs: list[dict]) -> None:
    """``score_many`` per document against ``featurize`` alone, as users run it: without
    reasons (``explain=0``, the CLI default: features, the four parts of hype, impact,
    verdict, views and the verdict-box summary) and with the top 3 reasons and their
    evidence (``explain=3``, the default of ``hypescore.score``). On fresh generated
    documents and, when present, on the real SemEval articles (fresh only when no
    earlier section featurized them), an equal share of the documents for each contender
    (with a wordpiece table, also the same model without it: what the table costs)."""
    from hypescore.model.persistence import load_model
    from hypescore.scoring import score_many

    model = load_model()
    sentences = model.lexical["sentence_subjectivity"]
    # The same model without its wordpiece table: what the table costs, in the same run.
    bare = dataclasses.replace(sentences, pieces=None)
    without_table = dataclasses.replace(
        model, lexical={**model.lexical, "sentence_subjectivity": bare}
    )

    def scorer(explain: int, model: Any = model) -> Callable[[list[dict]], None]:
        def score_chunk(chunk: list[dict]) -> None:
            results = score_many(chunk, model=model, explain=explain, chunk_size=len(chunk))
            errors = [r.error for r in results if r.error]
            if errors:
                raise RuntimeError(f"unexpected errors: {errors[:3]}")

        return score_chunk

    scorer(3)(list(generate(20, seed=999, mean_chars=4_800)))  # warm-up: the model
    for corpus, corpus_docs in (("generated", docs), ("real SemEval", semeval_articles())):
        if not corpus_docs:
            report.line(f"(no real articles at {SEMEVAL}; skipped)")
            continue
        mean = sum(len(d["text"]) for d in corpus_docs) / len(corpus_docs)
        report.section(
            f"Scoring: score_many vs featurize, {len(corpus_docs)} {corpus} docs "
            f"(an equal share each), mean {mean:,.0f} chars"
        )
        contenders = {"featurize": featurize_docs, "explain=0": scorer(0), "explain=3": scorer(3)}
        if sentences.pieces is not None:
            contenders["no table"] = scorer(0, without_table)
        cpu = alternate_fresh(corpus_docs, contenders)
        for name in contenders:
            report.line(f"{name + ':':<12} {cpu[name] * 1e3:7.3f} ms CPU per mean-length doc")
        if "no table" in cpu:
            report.line(
                f"   wordpiece table: {(cpu['explain=0'] - cpu['no table']) * 1e3:.3f} ms per "
                f"doc, {(cpu['explain=0'] - cpu['no table']) / cpu['featurize']:.2f}x featurize "
                f"(explain=0 without it: {cpu['no table'] / cpu['featurize']:.2f}x)"
            )
        plain = cpu["explain=0"] / cpu["featurize"]
        report.goal(
            f"score_many vs featurize, {corpus} (#15)", f"{plain:.2f}x", "<= 1.5x", plain <= 1.5
        )
        for name in ("explain=0", "explain=3"):
            ratio = cpu[name] / cpu["featurize"]
            report.goal(
                f"score_many ({name}) vs featurize, {corpus}",
                f"{ratio:.2f}x",
                "<= 1.15x",
                ratio <= 1.15,
            )


def where_time_goes(report: Report, docs: list[dict]) -> None:
    """CPU per stage of the featurizer, on fresh documents (a family-level profile)."""
    from hypescore.analysis import analyse
    from hypescore.article import Article
    from hypescore.extractors import EXTRACTORS

    report.section(f"Where the time goes: {len(docs)} fresh documents, CPU ms/doc")
    articles = [Article(d["text"], title=d["title"], url=d["url"]) for d in docs]
    base = cpu_seconds(lambda: floor(a.text for a in articles)) / len(docs)
    analysed: list = []
    stages = {
        "analyse (normalise, words, sentences, lines)": cpu_seconds(
            lambda: analysed.extend(analyse(a) for a in articles)
        )
    }
    for extractor in EXTRACTORS:
        stages[f"{extractor.FAMILY}"] = cpu_seconds(
            lambda e=extractor: [e.extract(doc) for doc in analysed]
        )
    for name, seconds in stages.items():
        per_doc = seconds / len(docs)
        report.line(f"{name:<46} {per_doc * 1e3:7.3f}  ({per_doc / base:4.1f}x floor)")
    report.line("(the first family to touch a document also learns its new tokens)")


def kernel_comparison(report: Report, docs: list[dict]) -> None:
    """Featurize with the compiled kernel against the pure-Python reference, one process.

    Each side featurizes its own fresh documents (alternate documents of one corpus), so
    both learn new tokens at the same rate; chunks alternate, and so does who goes first.
    """
    from hypescore._engine import kernel

    sides = {"kernel": docs[0::2], "python": docs[1::2]}
    n = min(map(len, sides.values()))
    report.section(f"Compiled kernel vs pure Python: {n:,} fresh documents each, CPU")
    if kernel.compiled() is None:
        report.line("compiled kernel not built (pip install -e . with a C compiler); skipped")
        return
    default = kernel.active() is not None
    totals = dict.fromkeys(sides, 0.0)
    for number, start in enumerate(range(0, n, CHUNK)):
        order = ("kernel", "python") if number % 2 == 0 else ("python", "kernel")
        for name in order:
            kernel.use(name == "kernel")
            chunk = sides[name][start : min(start + CHUNK, n)]
            totals[name] += cpu_seconds(lambda chunk=chunk: featurize_docs(chunk))
    kernel.use(default)
    for name, total in totals.items():
        report.line(f"{name + ':':<12} {total / n * 1e3:7.3f} ms/doc CPU")
    ratio = totals["python"] / totals["kernel"]
    report.goal("featurize, pure Python / compiled kernel", f"{ratio:.2f}x", "(faster)", None)


def naive_comparison(report: Report, docs: list[dict]) -> None:
    report.section(f"Naive loop (vaderSentiment + textstat + 10 regexes): {len(docs)} documents")
    naive = NaiveLoop()
    texts = {id(d): d["text"] for d in docs}
    cpu = alternate(
        docs,
        {
            "floor": lambda chunk: floor(texts[id(d)] for d in chunk),
            "naive": lambda chunk: naive(texts[id(d)] for d in chunk),
            "featurize": featurize_docs,
        },
    )
    n = len(docs)
    report.line(
        f"naive loop:  {cpu['naive'] / n * 1e3:7.3f} ms/doc CPU "
        f"({cpu['naive'] / cpu['floor']:.1f}x floor)"
    )
    report.line(f"featurize:   {cpu['featurize'] / n * 1e3:7.3f} ms/doc CPU")
    speedup = cpu["naive"] / cpu["featurize"]
    report.goal("naive loop / featurize", f"{speedup:.1f}x", ">= 8x", speedup >= 8)


def two_jobs(report: Report, n_docs: int, warm: list[dict], seed: int, chars: int) -> None:
    """1 job against 2 jobs for featurize and for score_many, each run on documents nobody
    has seen yet (as in a real batch: both sides learn the new words they meet),
    alternating, best of three each.

    Workers are warmed on the same documents this process has already featurized, so
    their word caches are about as far into the stream as this process's.
    """
    report.section(f"Two jobs: {n_docs:,} fresh documents per run, wall clock")
    start = time.perf_counter()
    featurize_docs(warm, n_jobs=2, chunk_size=128)
    report.line(
        f"starting the worker pool (+ {len(warm):,} warm-up docs): "
        f"{time.perf_counter() - start:.2f} s (not counted below)"
    )
    report.line(f"load average before: {load_average()}")
    runners = {"featurize": featurize_docs, "score_many": score_docs}
    times = {(name, jobs): [] for name in runners for jobs in (1, 2)}
    mb = 0.0
    for run in range(6):
        jobs = 1 + run % 2
        for offset, (name, runner) in enumerate(runners.items()):
            docs = list(generate(n_docs, seed=seed + 10 * run + offset, mean_chars=chars))
            mb = megabytes(docs)
            start = time.perf_counter()
            runner(docs, n_jobs=jobs)
            times[name, jobs].append(time.perf_counter() - start)
    report.line(f"load average after: {load_average()}")
    for name in runners:
        one, two = min(times[name, 1]), min(times[name, 2])
        for jobs, seconds in ((1, one), (2, two)):
            report.line(
                f"{name:<10} {jobs} job{'s' if jobs > 1 else ' '}: {seconds:6.2f} s "
                f"{n_docs / seconds:7,.0f} docs/s  {mb / seconds:5.2f} MB/s"
            )
        speedup = one / two
        report.goal(
            f"{name} speedup from 2 jobs ({n_docs:,} docs)",
            f"{speedup:.2f}x",
            ">= 1.8x",
            speedup >= 1.8,
        )


LENGTHS = {"1 KB": 1_000, "5 KB": 5_000, "500 KB": 500_000, "5 MB": 5_000_000}
LONG = ("500 KB", "5 MB")  # compared per KB with 5 KB documents
LENGTH_ROUNDS = 3


def length_docs(seed: int, volume: int) -> dict[tuple[str, str], list[dict]]:
    """About ``volume`` characters of documents of each length (one 5 MB document), as
    generated ("ASCII") and with non-ASCII letters and CJK sentences mixed in."""
    docs: dict[tuple[str, str], list[dict]] = {}
    for k, (name, chars) in enumerate(LENGTHS.items()):
        plain = list(
            generate(max(1, volume // chars), seed=seed + k, mean_chars=chars, spread=0.05)
        )
        docs[name, "ASCII"] = plain
        docs[name, "non-ASCII"] = [
            dict(d, text=with_non_ascii(d["text"], seed=seed + n)) for n, d in enumerate(plain)
        ]
    return docs


def linearity(report: Report, seed: int, volume: int) -> None:
    """CPU per KB of featurize from 1 KB to 5 MB documents, with and without non-ASCII
    letters (dotless i, long s, accents, CJK). Sizes alternate round by round, so machine
    load hits each alike; the best round counts (the first one also learns the words)."""
    docs = length_docs(seed, volume)
    counts = ", ".join(f"{len(docs[name, 'ASCII'])} x {name}" for name in LENGTHS)
    report.section(
        f"Length: ~{volume / 1e6:.1f} MB of documents per length ({counts}), ASCII and non-ASCII"
    )
    runs: dict[tuple[str, str], list[float]] = {key: [] for key in docs}
    for _ in range(LENGTH_ROUNDS):
        for key, batch in docs.items():
            runs[key].append(
                cpu_seconds(lambda batch=batch: featurize_docs(batch, max_chars=10_000_000))
            )
    per_kb = {key: min(runs[key]) / (megabytes(docs[key]) * 1e3) for key in docs}
    for name in LENGTHS:
        report.line(
            f"{name:>6} docs: {per_kb[name, 'ASCII'] * 1e6:7.1f} us CPU per KB ASCII, "
            f"{per_kb[name, 'non-ASCII'] * 1e6:7.1f} non-ASCII (best of {LENGTH_ROUNDS})"
        )
    for variant in ("ASCII", "non-ASCII"):
        base = per_kb["5 KB", variant]
        ratio = per_kb["1 KB", variant] / base
        report.goal(f"cost per KB, 1 KB vs 5 KB, {variant} (info)", f"{ratio:.2f}x", "", None)
        for name in LONG:
            ratio = per_kb[name, variant] / base
            report.goal(
                f"cost per KB, {name} vs 5 KB, {variant}",
                f"{ratio:.2f}x",
                "<= 1.05x",
                ratio <= 1.05,
            )
    ratio = per_kb["5 KB", "non-ASCII"] / per_kb["5 KB", "ASCII"]
    report.goal("cost per KB, non-ASCII vs ASCII at 5 KB (info)", f"{ratio:.2f}x", "", None)


def peak_rss_mb() -> float:
    """Peak resident memory of this process image (VmHWM; ru_maxrss as a fallback).

    ru_maxrss of a freshly started child can carry its parent's peak over the fork, so
    the kernel's per-image high-water mark is preferred.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stream_child(n_docs: int, seed: int, chars: int) -> None:
    """Child process: stream documents through iter_featurize, report peak RSS."""
    from hypescore.features import iter_featurize

    checkpoints = sorted({1_000, n_docs // 10, n_docs // 2, n_docs})
    peaks = {}
    done = 0
    start = time.perf_counter()
    for matrix in iter_featurize(generate(n_docs, seed=seed, mean_chars=chars), chunk_size=256):
        done += len(matrix)
        for mark in checkpoints:
            if done >= mark and mark not in peaks:
                peaks[mark] = peak_rss_mb()
    print(json.dumps({"peaks_mb": peaks, "seconds": time.perf_counter() - start}))


def streaming_memory(report: Report, n_docs: int, seed: int, chars: int) -> None:
    report.section(
        f"Streaming {n_docs:,} documents of ~{chars:,} chars through iter_featurize (child process)"
    )
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--stream-child",
            str(n_docs),
            "--seed",
            str(seed),
            "--stream-chars",
            str(chars),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    peaks = {int(k): v for k, v in result["peaks_mb"].items()}
    for mark, mb in sorted(peaks.items()):
        report.line(f"peak RSS after {mark:>7,} docs: {mb:7.1f} MB")
    report.line(f"({result['seconds']:.0f} s including document generation)")
    tenth = peaks[max(1_000, n_docs // 10)]
    ratio = peaks[n_docs] / tenth
    report.goal(
        f"peak RSS at {n_docs:,} vs {n_docs // 10:,} docs", f"{ratio:.2f}x", "<= 1.1x", ratio <= 1.1
    )


def cold_start(report: Report, article: dict, runs: int) -> None:
    cli = (ROOT / "hypescore" / "cli").exists() or (ROOT / "hypescore" / "cli.py").exists()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(f"{article['title']}\n\n{article['text']}", encoding="utf-8")
        if cli:
            command = ["-m", "hypescore", "score", str(path), "--format", "jsonl"]
            label = "python -m hypescore score FILE"
        else:
            command = ["-c", f"import hypescore; hypescore.featurize([open({str(path)!r}).read()])"]
            label = "python -c 'import hypescore; hypescore.featurize([...])'"
        report.section(f"Cold start, one article ({len(article['text']):,} chars): {label}")
        floor_command = ["-c", "import sklearn.linear_model"]
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        times: dict[str, list[float]] = {"floor": [], "cli": []}
        for _ in range(runs + 1):  # the first round only warms the file cache
            for name, arguments in (("floor", floor_command), ("cli", command)):
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, *arguments],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                times[name].append(time.perf_counter() - start)
    floor_s = statistics.median(times["floor"][1:])
    cli_s = statistics.median(times["cli"][1:])
    report.line(f"python -c 'import sklearn.linear_model': {floor_s:.2f} s (median of {runs})")
    report.line(f"{label}: {cli_s:.2f} s (median of {runs})")
    ratio = cli_s / floor_s
    report.goal(
        "one-article cold start vs sklearn import", f"{ratio:.2f}x", "<= 0.5x", ratio <= 0.5
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2_000, help="documents for speed runs")
    parser.add_argument("--chars", type=int, default=4_800, help="mean document length")
    parser.add_argument("--stream", type=int, default=100_000, help="documents streamed")
    parser.add_argument("--naive-docs", type=int, default=300)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"comma-separated subset of: {', '.join(SECTIONS)}",
    )
    parser.add_argument(
        "--stream-chars", type=int, default=4_800, help="mean length of streamed documents"
    )
    parser.add_argument("--stream-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream_child:
        stream_child(args.stream_child, args.seed, args.stream_chars)
        return
    if args.quick:
        args.docs, args.stream, args.naive_docs, args.cold_runs = 400, 5_000, 60, 3

    report = Report()
    print(
        f"hypescore featurizer benchmark: Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load average {load_average()}"
    )
    warm = list(generate(300, seed=args.seed + 100, mean_chars=args.chars))
    docs = list(generate(args.docs, seed=args.seed, mean_chars=args.chars))
    fresh = list(generate(200, seed=args.seed + 200, mean_chars=args.chars))
    texts = [d["text"] for d in warm + docs + fresh]
    if len(set(texts)) != len(texts):
        raise SystemExit("corpus has repeated texts")
    report.line(
        f"corpus: {len(docs):,} docs, mean {sum(len(d['text']) for d in docs) / len(docs):,.0f}"
        f" chars; {len(warm)} warm-up docs first (loads tables, starts caches)"
    )
    featurize_docs(warm)

    chosen = set(args.sections.split(","))
    if unknown := chosen - set(SECTIONS):
        raise SystemExit(f"unknown sections: {', '.join(sorted(unknown))}")
    runs = {
        "floor": lambda: single_process(report, docs),
        "profile": lambda: where_time_goes(report, fresh),
        "real": lambda: real_articles(report),
        "kernel": lambda: kernel_comparison(
            report, list(generate(args.docs, seed=args.seed + 600, mean_chars=args.chars))
        ),
        "naive": lambda: naive_comparison(report, docs[: args.naive_docs]),
        "two-jobs": lambda: two_jobs(report, args.docs, warm + docs, args.seed + 500, args.chars),
        "length": lambda: linearity(
            report, args.seed + 300, 1_000_000 if not args.quick else 250_000
        ),
        "cold-start": lambda: cold_start(report, docs[0], args.cold_runs),
        "memory": lambda: streaming_memory(report, args.stream, args.seed + 400, args.stream_chars),
        "score": lambda: scoring_cost(
            report,
            list(generate(3 * min(len(docs), 300), seed=args.seed + 600, mean_chars=args.chars)),
        ),
    }
    for name in SECTIONS:
        if name in chosen:
            if name == "two-jobs" and "floor" not in chosen:
                featurize_docs(docs)  # the pool is warmed on these: featurize them here too
            runs[name]()
    report.summary()
    print(f"\nload average at the end: {load_average()}")


if __name__ == "__main__":
    main()
