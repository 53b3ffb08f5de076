"""Every ```python example of README.md and docs/*.md runs: the blocks of a file run in order, in
one namespace, on the seed example and invented text.

The names the examples take as given (``text``, ``html_page``, ``corpus``, ``items``, ...) are
defined by :data:`PRELUDE`. Examples that need what a test machine does not have (a cluster, cloud
storage, stanza's full models, a stage not yet shipped) are the marked exceptions of
:data:`REPLACEMENTS`: they run with the cluster, the paths or the models replaced by a tiny local
stand-in. Each replacement must still match its example, so an example that changes cannot escape.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
TINY_STANZA = REPO / "tests" / "fixtures" / "stanza_tiny"

TEXT_A = "JAKARTA, KOMPAS.com - Presiden Joko Widodo meninjau banjir di Bekasi, Minggu (2/8/2020) sore."
TEXT_B = (
    "Warga Bekasi mengungsi sejak kemarin. \u201cAir naik cepat,\u201d kata Budi Santoso, Senin (3/8/2020)."
)

PRELUDE = f"""
from pathlib import Path
from newsnlp import enrich_many
text = Path("examples/tribunjogja_microsoft_tiktok.txt").read_text(encoding="utf-8")
html_page = ("<html><head><title>Banjir di Bekasi</title></head><body><article><h1>Banjir di Bekasi</h1>"
             "<p>JAKARTA - Warga Bekasi mengungsi sejak Minggu (2/8/2020), kata Budi Santoso.</p></article></body></html>")
corpus = texts = texts_or_dicts = [{TEXT_A!r}, {TEXT_B!r}]
items = [{{"id": "a1", "text": {TEXT_A!r}, "published": "2020-08-03"}}, {{"id": "a2", "text": {TEXT_B!r}}}]
articles = list(enrich_many(items, progress=False))
art = articles[0]
"""

_LOCAL_CLUSTER = "LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)"

#: The marked exceptions: (old, new) replacements per file, applied to the file's examples.
REPLACEMENTS: dict[str, list[tuple[str, str]]] = {
    "dask.md": [
        ('Client("tcp://scheduler:8786")', f"Client({_LOCAL_CLUSTER})"),
        ('"s3://bucket/corpus/*.jsonl"', 'TINY["jsonl"]'),
        ('"s3://bucket/newsnlp/entities/"', 'TINY["out"]'),
        ('"s3://bucket/scraped/"', 'TINY["parquet"]'),
        ("LocalCluster(n_workers=2, threads_per_worker=1, processes=True)", _LOCAL_CLUSTER),
    ],
    "entities.md": [
        # a user's own spaCy NER pipeline: the shipped one stands in for it
        ('"/path/to/spacy/ner/pipeline"', "str(__import__('newsnlp.data').data.data_path('ner_model'))"),
    ],
    "linguistic.md": [
        (
            'Pipeline(stages=("text", "linguistic", "entities", "time", "structure"))',
            'Pipeline(stages=("text", "linguistic", "entities", "time", "structure"), '
            'config={"linguistic": {"model_dir": TINY_STANZA}})',
        ),
    ],
}

#: Optional libraries an example file needs (the file is skipped without them).
NEEDS: dict[str, tuple[str, ...]] = {
    "dask.md": ("dask", "distributed", "pandas", "pyarrow"),
    "integrations.md": ("pandas", "pyarrow"),
    "linguistic.md": ("stanza",),
    "README.md": ("pandas", "dask"),
}


def _examples(path: Path) -> list[str]:
    return BLOCK.findall(path.read_text(encoding="utf-8"))


def _with_replacements(name: str, blocks: list[str]) -> list[str]:
    for old, new in REPLACEMENTS.get(name, []):
        assert any(old in b for b in blocks), f"{name}: the marked exception {old!r} matches no example"
        blocks = [b.replace(old, new) for b in blocks]
    return blocks


def _tiny_inputs(tmp: Path) -> dict[str, str]:
    """Local stand-ins for the cloud paths of docs/dask.md."""
    import pandas as pd

    (tmp / "corpus").mkdir()
    rows = [
        {"id": "a1", "text": TEXT_A, "published": "2020-08-03"},
        {"id": "a2", "text": TEXT_B, "published": "2020-08-03"},
    ]
    (tmp / "corpus" / "part-1.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    frame = pd.DataFrame(
        {"url": ["u1", "u2"], "body": [TEXT_A, TEXT_B], "date": ["2020-08-03", "2020-08-04"]}
    )
    frame.to_parquet(tmp / "scraped.parquet")
    return {
        "jsonl": str(tmp / "corpus" / "*.jsonl"),
        "parquet": str(tmp / "scraped.parquet"),
        "out": str(tmp / "out" / "entities"),
    }


def test_every_example_file_is_seen():
    with_examples = {p.name for p in DOCS if _examples(p)}
    assert {"README.md", "index.md", "dask.md", "integrations.md", "contract.md"} <= with_examples
    assert set(REPLACEMENTS) <= with_examples


@pytest.mark.parametrize("path", [p for p in DOCS if _examples(p)], ids=lambda p: p.name)
def test_examples_run(path, tmp_path, monkeypatch, default_pipeline):
    from newsnlp import registry

    missing = [m for m in NEEDS.get(path.name, ()) if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"{path.name} needs {', '.join(missing)}")
    (tmp_path / "examples").symlink_to(REPO / "examples")
    monkeypatch.chdir(tmp_path)  # files the examples write (out/, page.html) stay in tmp_path
    for name in registry.available_stages(registry.known_stages()):
        registry.get_stage_meta(name)  # built-in registrations outlive the scratch copy below
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))  # stages an example registers
    namespace: dict = {"__name__": f"docs_example_{path.stem}", "TINY_STANZA": str(TINY_STANZA)}
    if path.name == "dask.md":
        from distributed import LocalCluster

        namespace.update(TINY=_tiny_inputs(tmp_path), LocalCluster=LocalCluster)
    exec(compile(PRELUDE, "prelude", "exec"), namespace)
    blocks = _with_replacements(path.name, _examples(path))
    try:
        for i, block in enumerate(blocks, start=1):
            exec(compile(block, f"{path.name}, example {i}", "exec"), namespace)
    finally:
        for value in list(namespace.values()):  # clients and clusters the examples started
            if type(value).__name__ in ("Client", "LocalCluster"):
                value.close()
