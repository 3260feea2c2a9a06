import json
import re

from ..conftest import FIXTURES, fixture_text
from .conftest import run_cli

HYPE = FIXTURES / "hype_rewrite.txt"


def test_text_explanation_quotes_evidence_in_context():
    result = run_cli("explain", HYPE, "--top", "4", "--first-line-title")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == str(HYPE)
    assert re.match(r"  verdict \d+/10  \S+   hype 0\.\d\d   impact 0\.\d\d$", lines[1])
    reasons = [line for line in lines if re.match(r"^ +\d\. [+-]\d", line)]
    assert 1 <= len(reasons) <= 4
    body = " ".join(fixture_text("hype_rewrite.txt").split())
    quotes = re.findall(r"\[([^\]]+)\]", result.stdout)
    assert quotes and all(q in body for q in quotes)


def test_json_explanation_and_errors_keep_their_place():
    result = run_cli("explain", HYPE, FIXTURES / "empty.txt", "-n", "2", "-f", "json")
    first, second = json.loads(result.stdout)
    assert len(first["reasons"]) <= 2 and first["error"] is None
    assert second["error"] == "text is empty"
    text = run_cli("explain", FIXTURES / "empty.txt").stdout
    assert "error: text is empty" in text


def test_explain_text_shows_the_warnings(tmp_path):
    short = tmp_path / "caption.txt"
    short.write_text("World news\nA worker checks a turbine blade at the yard on Monday.\n")
    done = run_cli("explain", "--first-line-title", short)
    assert "! too short to judge: 11 words" in done.stdout
    assert "! headline looks like a section label" in done.stdout


def test_explain_reasons_carry_plain_summaries_and_evidence_text():
    """Every reason says in words what it counted, where (headline or body), and quotes it."""
    payload = json.loads(run_cli("explain", HYPE, "-n", "20", "-f", "json").stdout)[0]
    text = fixture_text("hype_rewrite.txt")
    reasons = {r["feature"]: r for r in payload["reasons"]}
    assert {"headline", "body", "filler", "tone"} <= set(reasons)
    assert all(r["summary"] and r["scope"] in ("headline", "body") for r in reasons.values())
    assert "tag list" in reasons["filler"]["summary"]
    assert reasons["substance.anonymous_sources"]["summary"].startswith("4 anonymous sources: '")
    spans = [s for r in reasons.values() for s in r["evidence"]]
    assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert payload["summary"].startswith("Hype comes from")
    shown = run_cli("explain", HYPE, "-n", "3").stdout
    assert reasons["filler"]["summary"] in shown and "(body: filler)" in shown
