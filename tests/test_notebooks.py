"""The notebooks in ``notebooks/`` run top to bottom on the shared data."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import SHARED_DATA

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
CELL_TIMEOUT_S = 600


def test_there_are_notebooks_to_run():
    assert {p.name for p in NOTEBOOKS} >= {"01_walkthrough.ipynb", "02_train_evaluate.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_carry_no_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "clear outputs first"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes_and_draws(path, tmp_path, monkeypatch):
    assert SHARED_DATA.is_dir(), f"the shared data is expected at {SHARED_DATA}"
    figures = tmp_path / "figures"
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("HYPESCORE_NB_FIGURES", str(figures))
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    client.execute()  # raises CellExecutionError naming the failing cell
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert errors == []
    drawn = sorted(figures.glob("*.png"))
    assert len(drawn) >= 2, f"expected the notebook's figures in {figures}, got {drawn}"
    assert all(png.stat().st_size > 5_000 for png in drawn)
