"""The README's commands, verbatim, on a fresh virtualenv with the pip Python ships.

This is what a new user does first, and what CI does: ``.ci/run`` must run exactly the
README's lines, and those lines must work without upgrading pip (the stock pip 23.2 does
not match ``lxml[html_clean]`` to lxml's ``html-clean`` extra, which once left trafilatura
installed but unimportable). The install reuses pip's cache, so it takes minutes.
"""

from __future__ import annotations

import ensurepip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .readme_commands import ROOT, ci_commands, readme_commands

INSTALL_TIMEOUT_S = 1800


def test_ci_runs_exactly_the_readme_commands():
    commands = readme_commands()
    assert commands[0].startswith("python3 -m venv .venv && . .venv/bin/activate && pip install")
    assert commands[1].startswith("hypescore score ")
    assert "python -m pytest" in commands
    assert ci_commands() == commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--upgrade pip" not in ci and "pip install" not in ci.replace(commands[0], "")


def _copy_checkout(target: Path) -> None:
    """The files a clone would have: git's tracked files, or the tree without local state."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False, timeout=60
    )
    if listed.returncode == 0 and listed.stdout:
        for name in filter(None, listed.stdout.decode().split("\0")):
            source = ROOT / name
            if source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
        return
    ignore = shutil.ignore_patterns(".venv", ".git", "*.egg-info", "__pycache__", "build")
    shutil.copytree(ROOT, target, ignore=ignore, dirs_exist_ok=True)


def _fresh_shell_env() -> dict[str, str]:
    """This machine's environment without the virtualenv the suite itself runs in."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    venv_bin = str(Path(sys.prefix) / "bin") if sys.prefix != sys.base_prefix else None
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if p and p != venv_bin
    )
    return env


def _bash(command: str, cwd: Path, env: dict[str, str], timeout: float):
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.slow
def test_readme_install_line_then_the_main_job_on_html(tmp_path):
    install, main_job = readme_commands()[:2]
    checkout = tmp_path / "hypescore"
    checkout.mkdir()
    _copy_checkout(checkout)
    env = _fresh_shell_env()

    installed = _bash(install, checkout, env, INSTALL_TIMEOUT_S)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]

    activate = ". .venv/bin/activate && "
    pip = _bash(activate + "python -m pip --version", checkout, env, 120)
    assert pip.stdout.split()[1] == ensurepip.version()  # the stock pip, never upgraded

    text_run = _bash(activate + main_job, checkout, env, 300)
    assert text_run.returncode == 0, text_run.stderr
    assert json.loads(text_run.stdout)["error"] is None

    html_job = main_job.replace("wire_report.txt", "wire_page.html")
    assert html_job != main_job
    html_run = _bash(activate + html_job, checkout, env, 300)
    assert html_run.returncode == 0, html_run.stderr
    result = json.loads(html_run.stdout)
    assert result["id"] == "tests/fixtures/wire_page.html"
    assert result["error"] is None and 1 <= result["verdict"] <= 10

    imports = _bash(activate + "python -c 'import trafilatura, distributed'", checkout, env, 300)
    assert imports.returncode == 0, imports.stderr
