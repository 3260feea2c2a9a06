"""Headless Chromium from the system (Debian's ``chromium``), for screenshots and DOM dumps.

Used by the browser tests and the docs screenshot script. It never downloads a browser:
when none is installed, ``find_chromium`` returns ``None`` and callers skip.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
TIMEOUT_S = 120


def find_chromium() -> str | None:
    """Path of an installed Chromium, or ``None``; ``HYPESCORE_CHROMIUM`` overrides."""
    override = os.environ.get("HYPESCORE_CHROMIUM")
    if override:
        return override if Path(override).exists() else None
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("no chromium binary found; install Debian's chromium package")
    with tempfile.TemporaryDirectory(prefix="hypescore-chromium-") as profile:
        command = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    if completed.returncode != 0:
        raise RuntimeError(
            f"chromium exited with {completed.returncode}: {completed.stderr[-2000:]}"
        )
    return completed


def screenshot(page: Path, png: Path, *, width: int = 1400, height: int = 1800) -> Path:
    """Render ``page`` (a local HTML file) and save a PNG of the window."""
    png.parent.mkdir(parents=True, exist_ok=True)
    if png.exists():
        png.unlink()
    _run(
        [
            f"--window-size={width},{height}",
            f"--screenshot={png.resolve()}",
            page.resolve().as_uri(),
        ]
    )
    if not png.exists():
        raise RuntimeError(f"chromium reported success but wrote no screenshot at {png}")
    return png


def dump_dom(page: Path) -> str:
    """The DOM after the page's scripts ran, serialised as HTML."""
    return _run(["--dump-dom", page.resolve().as_uri()]).stdout


_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
_MEASURE = (
    "<script>document.body.setAttribute('data-scroll-width',"
    " String(document.documentElement.scrollWidth));</script></body>"
)
_MEASURED = re.compile(r'data-scroll-width="(\d+)"')


def layout_width(page: Path, *, width: int, height: int = 1000) -> int:
    """How wide ``page`` lays out in a ``width``-pixel window (its ``scrollWidth``).

    More than ``width`` means the page scrolls sideways. Measured on a copy whose content
    policy is lifted so the one measuring script may run; the page itself is unchanged.
    """
    html = _CSP_META.sub("", page.read_text(encoding="utf-8"), count=1)
    with tempfile.TemporaryDirectory(prefix="hypescore-measure-") as folder:
        copy = Path(folder) / page.name
        copy.write_text(html.replace("</body>", _MEASURE, 1), encoding="utf-8")
        dom = _run([f"--window-size={width},{height}", "--dump-dom", copy.as_uri()]).stdout
    found = _MEASURED.search(dom)
    if found is None:
        raise RuntimeError(f"chromium did not run the measuring script on {page}")
    return int(found.group(1))
