"""Hostile HTML pages: parsing is bounded in time and memory, and a page that cannot be
read becomes a per-record error.

Each page is extracted in a fresh interpreter that reports its CPU time and peak
memory; the bound is relative to an ordinary article page of about the same size
measured in the same run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from ..optional_parts import require

require("trafilatura", "html")

PARAGRAPH = (
    "<p>The council said on {day} that {n:,} homes would be connected by 20{yy}, "
    "according to the plan filed with the regulator.</p>\n"
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
SIZE = 2_000_000


def ordinary_page() -> str:
    body = "".join(
        PARAGRAPH.format(day=DAYS[i % 5], n=1000 + i, yy=20 + i % 10) for i in range(SIZE // 130)
    )
    return (
        f"<html><head><title>Grid plan</title></head><body><article>{body}</article></body></html>"
    )


def laughs() -> str:
    entities = ['<!ENTITY a "aaaaaaaaaa">'] + [
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdef", "bcdefg", strict=True)
    ]
    return f"<!DOCTYPE html [{''.join(entities)}]><html><body><p>&g;&g;</p></body></html>"


ONE = PARAGRAPH.format(day="Monday", n=1200, yy=27)
HOSTILE = {
    "nesting 40,000 deep": "<div>" * 40_000 + ONE + "</div>" * 40_000,
    "nesting 1,000,000 deep": "<div>" * 1_000_000 + ONE,
    "2 MB attribute value": f'<html><body><div class="{"x" * SIZE}">{ONE}</div></body></html>',
    "250,000 attributes on one tag": "<html><body><div "
    + " ".join(f"a{i}=x" for i in range(250_000))
    + f">{ONE}</div></body></html>",
    "entity expansion (billion laughs)": laughs(),
    "90,000 unclosed tags": "<html><body>" + "<p>a" * 90_000 + ONE + "</body></html>",
    "500,000 unclosed comments": "<html><body>" + "<!--" * 500_000 + ONE,
    "2 MB script": f"<html><body><script>{'var a=1;' * (SIZE // 8)}</script>{ONE}</body></html>",
    "no closing brackets": "<" + "a " * (SIZE // 2),
    "binary noise": "".join(chr(i % 0x2FF) for i in range(SIZE // 4)),
}
PROBE = textwrap.dedent(
    """
    import json, resource, sys, time
    from hypescore.io.html import NoMainText, extract_html
    html = sys.stdin.buffer.read()  # bytes, as the command line reads pages
    start = time.process_time()
    try:
        text, title, url = extract_html(html)
        outcome = "extracted"
    except NoMainText as exc:
        text, outcome = "", "error: " + str(exc)
    print(json.dumps({
        "cpu": time.process_time() - start,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "outcome": outcome,
        "text_chars": len(text),
    }))
    """
)


def probe(html: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], input=html.encode(), capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return json.loads(done.stdout)


def test_hostile_pages_are_bounded(ledger):
    reference = probe(ordinary_page())
    assert reference["outcome"] == "extracted"
    cpu_limit = max(10 * reference["cpu"], 2.0)
    rss_limit = 3 * reference["rss_mb"] + 200
    outcomes = {}
    for name, html in HOSTILE.items():
        result = probe(html)
        assert result["cpu"] <= cpu_limit, (name, result, reference)
        assert result["rss_mb"] <= rss_limit, (name, result, reference)
        outcomes[name] = result["outcome"].split(":")[0]
        if name.startswith("entity expansion"):
            assert result["text_chars"] < 1_000, result  # declarations are not expanded
    refused = sum(o == "error" for o in outcomes.values())
    ledger.record(
        "hostile HTML (deep nesting, giant attributes, attribute floods, entity expansion, "
        "unclosed tags and comments, scripts, noise)",
        len(HOSTILE),
        f"all within 10x the CPU time and 3x the memory of an ordinary 2 MB page; "
        f"{len(HOSTILE) - refused} extracted, {refused} refused with a per-record error",
    )
