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


def test_progress_bar_in_jupyter_without_ipywidgets(monkeypatch):
    """In a kernel without ipywidgets, the bar is plain text: no ``TqdmWarning: IProgress not
    found`` (tqdm.auto warns there)."""
    import importlib.util

    if importlib.util.find_spec("ipywidgets") is not None:
        pytest.skip("ipywidgets is installed: tqdm.auto shows a widget")
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    code = (
        "import warnings\nwarnings.simplefilter('always')\n"
        "from newsnlp import enrich_many\n"
        "arts = list(enrich_many(['Gempa di Malang kemarin.'] * 3, stages=('text',)))\nlen(arts)"
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "IProgress" not in text and "TqdmWarning" not in text, text
    assert "3/3" in text and "articles/s" in text
