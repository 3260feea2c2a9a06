"""The CLI as a user's shell runs it: a real process, real files, pipes and terminals."""

import json
import os
import pty
import signal
import subprocess
import sys

import pytest

from ..conftest import FIXTURES, fixture_text
from .conftest import ROOT, jsonl, run_subprocess, subprocess_env, write_semeval_sample


def test_files_globs_stdin_and_jsonl_in_one_run(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(
        json.dumps({"id": "r1", "text": fixture_text("opinion_piece.txt")})
        + "\n"
        + '{"id": "r2", "text": oops}\n'
    )
    done = run_subprocess(
        "score",
        "tests/fixtures/wire_report.txt",
        "tests/fixtures/hype_*.txt",
        "-",
        records,
        input=fixture_text("hype_rewrite.txt").encode(),
    )
    assert done.returncode == 0, done.stderr.decode()
    results = jsonl(done.stdout)
    assert [r["id"] for r in results] == [
        "tests/fixtures/wire_report.txt",
        "tests/fixtures/hype_rewrite.txt",
        "<stdin>",
        "r1",
        f"{records}:2",
    ]
    assert [r["error"] is None for r in results] == [True, True, True, True, False]
    assert results[1]["verdict"] == results[2]["verdict"]  # same text, file or pipe
    assert b"1 error" in done.stderr


def test_piped_stdin_without_arguments_and_usage_errors(tmp_path):
    piped = run_subprocess("score", input=fixture_text("wire_report.txt").encode())
    assert piped.returncode == 0 and jsonl(piped.stdout)[0]["id"] == "<stdin>"
    missing = run_subprocess("score", tmp_path / "absent.txt")
    assert missing.returncode == 2 and missing.stdout == b""
    assert b"no such file" in missing.stderr


def test_help_and_version():
    shown = run_subprocess("--help")
    assert shown.returncode == 0
    for command in ("score", "batch", "explain", "train", "evaluate", "info"):
        assert command.encode() in shown.stdout
    version = run_subprocess("--version")
    assert version.returncode == 0 and version.stdout.strip().endswith(b"0.1.0")


def _score_html_with(blocked_module: str) -> subprocess.CompletedProcess:
    """``hypescore score wire_page.html`` in a process where one module cannot be imported."""
    code = (
        f"import sys; sys.modules[{blocked_module!r}] = None; "
        "from hypescore.cli import main; main()"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "score", str(FIXTURES / "wire_page.html")],
        capture_output=True,
        cwd=ROOT,
        env=subprocess_env(),
        timeout=300,
    )


def test_html_without_trafilatura_says_how_to_get_it():
    done = _score_html_with("trafilatura")
    assert done.returncode == 2
    assert b"pip install 'hypescore[html]'" in done.stderr
    assert b"Traceback" not in done.stderr


def test_progress_shows_on_a_terminal(tmp_path):
    source = tmp_path / "in.jsonl"
    write_semeval_sample(source, 6)
    primary, secondary = pty.openpty()
    with open(os.devnull, "rb") as nothing:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hypescore",
                "batch",
                str(source),
                "-o",
                str(tmp_path / "o.jsonl"),
            ],
            stdin=nothing,
            stdout=subprocess.DEVNULL,
            stderr=secondary,
            cwd=ROOT,
            env=subprocess_env(),
        )
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=300) == 0
    os.close(primary)
    assert b"\r" in seen and b"6 records, 0 errors" in seen and b"100%" in seen


def test_output_to_a_closed_pipe_stops_quietly(tmp_path):
    source = tmp_path / "in.jsonl"
    write_semeval_sample(source, 12)
    shell = f"{sys.executable} -m hypescore score {source} --chunk-size 1 | head -c 10 >/dev/null"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell],
        capture_output=True,
        cwd=ROOT,
        env=subprocess_env(),
        timeout=300,
    )
    assert b"Traceback" not in done.stderr and b"Broken pipe" not in done.stderr
    assert done.returncode == 2


def test_html_with_a_broken_trafilatura_reports_the_real_cause():
    # lxml_html_clean blocked: lxml.html.clean, and so trafilatura, fail to import for real,
    # as they do when old pip skipped the lxml[html_clean] extra.
    done = _score_html_with("lxml_html_clean")
    assert done.returncode == 2
    assert b"installed but fails to import" in done.stderr
    assert b"lxml_html_clean" in done.stderr
    assert b"pip install 'hypescore[html]'" not in done.stderr
    assert b"Traceback" not in done.stderr


def _many_texts(tmp_path, count: int, vary: bool = False) -> str:
    """``count`` copies of the wire report; ``vary``: each with a sentence of its own."""
    folder = tmp_path / "many"
    folder.mkdir()
    text = fixture_text("wire_report.txt")
    for i in range(count):
        own = f"\nRecord {i} counts {7 * i + 3} items in Area {i % 97}.\n" if vary else ""
        (folder / f"w{i:04}.txt").write_text(text + own)
    return str(folder)


def _as_in_a_terminal() -> None:
    """SIGINT as a foreground process has it: a job started with ``&`` by a shell without
    job control (CI launched in the background) inherits it ignored, and Python then
    keeps ignoring it, as it should."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _score_process(*args: str, stdout=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "hypescore", "score", *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=subprocess_env(),
        preexec_fn=_as_in_a_terminal,
    )


def test_ctrl_c_in_score_exits_130_not_the_check_failure_code(tmp_path):
    # Many different texts, so scoring is still under way when the first output arrives
    # (400 copies of one text were once done, output buffered, before the signal came).
    process = _score_process(_many_texts(tmp_path, 3000, vary=True))
    assert process.stdout.readline()  # it is scoring
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr and b"Aborted" not in stderr


@pytest.mark.parametrize("count", [1, 300])
def test_a_closed_output_pipe_exits_the_same_way_at_any_size(tmp_path, count):
    # The reader goes away before the first result (small output) or after one line of
    # many (large output): either way exit 2, silently.
    read_end, write_end = os.pipe()
    process = _score_process(_many_texts(tmp_path, count), "-f", "table", stdout=write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        if count > 1:
            reader.readline()
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 2, stderr
    assert b"Traceback" not in stderr and b"Exception ignored" not in stderr
