"""Scoring one text file must not pay for optional heavy imports; pandas is not in the
list because scikit-learn itself imports it. Speed figures live in
benchmarks/cli_startup.py, not here."""

import json
import subprocess
import sys

from ..conftest import FIXTURES
from .conftest import ROOT, subprocess_env

HEAVY = ("trafilatura", "lxml", "htmldate", "justext", "dask", "distributed", "pyspark")

PROBE = """
import json, sys
from hypescore.cli import main
try:
    main(sys.argv[1:], prog_name="hypescore")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {heavy})), file=sys.stderr)
"""


def _loaded_heavy_modules(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), *args],
        capture_output=True,
        cwd=ROOT,
        env=subprocess_env(),
        timeout=300,
    )
    return json.loads(done.stderr.decode().strip().splitlines()[-1])


def test_text_scoring_and_help_import_nothing_optional():
    assert _loaded_heavy_modules("score", str(FIXTURES / "wire_report.txt")) == []
    assert _loaded_heavy_modules("--help") == []


def test_html_input_is_what_brings_in_trafilatura():
    assert "trafilatura" in _loaded_heavy_modules("score", str(FIXTURES / "wire_page.html"))
