"""``explain --html`` / ``--format html`` and ``story``, driven as a user would."""

from __future__ import annotations

import json

from ..conftest import FIXTURES
from .conftest import run_cli, run_subprocess

STORY = [FIXTURES / "story" / f"{name}_desalination.txt" for name in ("wire", "regional", "viral")]


def test_explain_html_writes_a_self_contained_page_next_to_the_text_output(tmp_path):
    page = tmp_path / "report.html"
    done = run_subprocess(
        "explain", FIXTURES / "hype_rewrite.txt", "--first-line-title", "--html", page, "-n", "6"
    )
    assert done.returncode == 0, done.stderr
    assert b"verdict" in done.stdout  # the usual text explanation still prints
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert html.count('<g class="reason"') == 6
    assert "http://" not in html and "https://" not in html  # nothing external
    assert str(page) in done.stderr.decode()


def test_explain_html_names_one_page_per_article(tmp_path):
    done = run_cli(
        "explain",
        FIXTURES / "wire_report.txt",
        FIXTURES / "empty.txt",
        "--html",
        tmp_path / "r.html",
    )
    assert done.exit_code == 0, done.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["r-empty.txt.html", "r-wire_report.txt.html"]
    assert 'id="error"' in (tmp_path / "r-empty.txt.html").read_text(encoding="utf-8")
    assert 'id="error"' not in (tmp_path / "r-wire_report.txt.html").read_text(encoding="utf-8")


def test_explain_html_pages_are_named_by_record_id_even_when_ids_clash(tmp_path):
    records = tmp_path / "in.jsonl"
    text = (FIXTURES / "wire_report.txt").read_text(encoding="utf-8")
    lines = [{"id": "a/1", "text": text}, {"id": "b/1", "text": text}, {"id": "x y?", "text": ""}]
    records.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    (tmp_path / "out").mkdir()
    done = run_cli("explain", records, "--html", tmp_path / "out" / "r.html")
    assert done.exit_code == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["r-1-2.html", "r-1.html", "r-x_y.html"]
    assert "report for b/1 written to" in done.stderr


def test_explain_format_html_prints_one_page_and_refuses_several():
    one = run_cli("explain", FIXTURES / "wire_report.txt", "--first-line-title", "-f", "html")
    assert one.exit_code == 0 and one.stdout.startswith("<!DOCTYPE html>")
    assert "Grid operator approves" in one.stdout
    two = run_cli("explain", *STORY[:2], "-f", "html")
    assert two.exit_code == 2 and "one article" in two.stderr


def test_story_prints_the_comparison_and_writes_the_page(tmp_path):
    page = tmp_path / "story.html"
    done = run_subprocess("story", *STORY, "--first-line-title", "--html", page)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert out.startswith("Story across 3 outlets")
    lines = out.splitlines()
    names = ("wire_desalination", "regional_desalination", "viral_desalination")
    assert {line.split()[0] for line in lines if line.startswith(names)} == set(names)
    fact_lines = lines[lines.index(next(x for x in lines if x.startswith("fact "))) + 1 :]
    assert any(x.startswith("$1 billion") and "(one outlet only)" in x for x in fact_lines)
    html = page.read_text(encoding="utf-8")
    assert html.count("<tr data-feature=") == len(fact_lines)


def test_story_json_keeps_every_outlet_in_order_even_unscorable_ones():
    done = run_cli("story", STORY[0], FIXTURES / "empty.txt", STORY[2], "-f", "json")
    assert done.exit_code == 0, done.stderr
    report = json.loads(done.stdout)
    assert [o["name"] for o in report["outlets"]] == [
        "wire_desalination",
        "empty",
        "viral_desalination",
    ]
    assert report["outlets"][1]["error"] == "text is empty"
    assert report["outlets"][0]["verdict"] > report["outlets"][2]["verdict"]
    carried = {f["label"]: f["carried_by"] for f in report["facts"]}
    assert carried["Port Calder"] == ["wire_desalination", "viral_desalination"]


def test_story_needs_two_articles():
    done = run_cli("story", STORY[0])
    assert done.exit_code == 2 and "at least two articles" in done.stderr


def test_an_unwritable_report_path_is_a_clear_usage_error(tmp_path):
    target = tmp_path / "missing-dir" / "story.html"
    done = run_cli("story", *STORY[:2], "--html", target)
    assert done.exit_code == 2 and "cannot write" in done.stderr
    assert not target.parent.exists()


def test_story_gives_a_story_verdict_and_outlet_summaries_in_json_and_text():
    full = json.loads(run_cli("story", *STORY, "--first-line-title", "-f", "json").stdout)
    without_wire = json.loads(
        run_cli("story", *STORY[1:], "--first-line-title", "-f", "json").stdout
    )
    assert 1 <= without_wire["story"]["verdict"] < full["story"]["verdict"] <= 10
    assert full["story"]["best_sourced"] == "wire_desalination"
    assert full["story"]["summary"].count(". ") == 1 and full["story"]["summary"].endswith(".")
    # Each row says what drives hype and what carries substance (the result's own summary).
    assert all(o["summary"].startswith(("Hype comes", "Little drives")) for o in full["outlets"])
    assert {"verdict", "hype", "impact", "carries"} <= set(full["outlets"][0])  # still there
    text = run_cli("story", *STORY, "--first-line-title").stdout
    assert f"Story verdict: {full['story']['verdict']}/10" in text.splitlines()
