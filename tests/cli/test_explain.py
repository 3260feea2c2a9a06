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
