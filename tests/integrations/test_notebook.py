"""The quickstart notebook runs top to bottom (executed with nbclient, as CI does)."""

from __future__ import annotations

import pytest

from tests.conftest import REPO

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = REPO / "notebooks" / "quickstart.ipynb"


def test_quickstart_executes_without_errors(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    committed = [c for c in nb.cells if c.cell_type == "code"]
    assert committed and all(c.get("outputs") for c in committed[:3]), "commit the notebook with outputs"
    client = nbclient.NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o.data["text/html"] for o in outputs if "data" in o and "text/html" in o.data]
    assert any('<mark class="entity"' in h and "Microsoft" in h for h in html)  # the article view
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plots
