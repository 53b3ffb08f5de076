"""The documentation site builds with ``mkdocs build --strict`` (broken links, nav entries to
missing pages and docstring problems fail the build)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("mkdocs")
pytest.importorskip("mkdocstrings")


def test_mkdocs_build_strict(tmp_path):
    site = tmp_path / "site"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=170,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "newsnlp" in index
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    # the API page is generated from the docstrings, not written by hand
    assert "Enrich one article with the default pipeline" in api
    assert re.search(r"ModelNotFoundError", api)
    # and it is complete: tables, Parquet, spaCy, notebook view, plots, Dask, saving, provenance
    for name in (
        "newsnlp.integrations.frames.to_frames",
        "newsnlp.integrations.frames.to_parquet",
        "newsnlp.integrations.spacy",
        "newsnlp.integrations.spacy_doc.build_doc",
        "newsnlp.integrations.html_view",
        "newsnlp.integrations.viz",
        "newsnlp.integrations.dask.enrich_bag",
        "newsnlp.integrations.dask.to_tables",
        "newsnlp.pipeline.Pipeline.to_disk",
        "newsnlp.pipeline.Pipeline.from_disk",
        "newsnlp.provenance",
    ):
        assert f'id="{name}"' in api, name
    # doctest directives and Sphinx's literal-block markers never reach a reader
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "doctest:" not in html, page
        assert "<p>::</p>" not in html, page
    shutil.rmtree(site, ignore_errors=True)


def test_the_contract_page_is_the_shared_contract():
    """``docs/contract.md`` is ``shared/API.md`` as it is (checked when ../shared is present)."""
    shared = ROOT.parent / "shared" / "API.md"
    if not shared.is_file():
        pytest.skip("../shared/API.md is not present")
    assert (ROOT / "docs" / "contract.md").read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


def test_the_readme_points_to_the_contract_inside_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared/API.md" not in readme and "docs/contract.md" in readme


def test_nav_pages_exist():
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *a: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)

    def pages(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from pages(item)
        elif isinstance(node, dict):
            for value in node.values():
                yield from pages(value)

    listed = list(pages(config["nav"]))
    assert "index.md" in listed and "api.md" in listed
    missing = [p for p in listed if not (ROOT / "docs" / p).is_file()]
    assert not missing, f"mkdocs.yml nav lists pages that do not exist: {missing}"
