"""The README's quick-start commands, read from the README itself (one source of truth)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI_RUN = ROOT / ".ci" / "run"
CI_START, CI_END = "# --- the README's commands ---", "# --- end ---"
_TRAILING_COMMENT = re.compile(r"\s+#\s.*$")


def readme_commands() -> list[str]:
    """The lines of the README's first ``bash`` block, without their trailing comments."""
    text = README.read_text(encoding="utf-8")
    block = text.split("```bash\n", 1)[1].split("```", 1)[0]
    return [_TRAILING_COMMENT.sub("", line).strip() for line in block.splitlines() if line.strip()]


def ci_commands() -> list[str]:
    """The lines ``.ci/run`` runs between its markers."""
    text = CI_RUN.read_text(encoding="utf-8")
    block = text.split(CI_START + "\n", 1)[1].split(CI_END, 1)[0]
    return [line.strip() for line in block.splitlines() if line.strip()]
