"""The package-data loader (:mod:`newsnlp.data`): one cache, gzip-aware, used by every stage."""

from __future__ import annotations

import ast
import gzip
import json
from pathlib import Path

from newsnlp import data

SRC = Path(data.__file__).resolve().parents[1]


def test_each_file_is_read_once_and_shared():
    data.clear_cache()
    first = data.load_json("temporal", "lexicon.json")
    assert data.load_json("temporal", "lexicon.json") is first
    assert data.load_lines("text", "abbreviations.txt") is data.load_lines("text", "abbreviations.txt")
    from newsnlp.temporal.lexicon import load_lexicon

    assert load_lexicon() is first  # the stage reads through the same cache


def test_lines_skip_blanks_and_comments(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# a comment\n\n  Prof. \nDr.\n", encoding="utf-8")
    assert data.load_lines(path, cache=False) == ("Prof.", "Dr.")


def test_gzip_and_absolute_paths(tmp_path):
    path = tmp_path / "x.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"a": [1, 2]}).encode()))
    assert data.load_json(path, cache=False) == {"a": [1, 2]}
    assert data.read_text(path, cache=False) == '{"a": [1, 2]}'
    assert data.data_path(path) == path  # an absolute path is taken as it is
    assert data.data_path("ner_model").is_dir()


def test_no_module_reads_package_data_another_way():
    """Every stage finds its files through ``newsnlp.data``: no other module builds a path from
    ``__file__`` or reads ``newsnlp.data`` with ``importlib.resources``."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path == Path(data.__file__).resolve():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "__file__":
                offenders.append(f"{path.relative_to(SRC)}: __file__")
            if isinstance(node, ast.Constant) and node.value in ("newsnlp.data", "newsnlp.data.text"):
                offenders.append(f"{path.relative_to(SRC)}: {node.value!r}")
    assert not offenders, offenders
