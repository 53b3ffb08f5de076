"""Provenance: what made a record (``Article.provenance``), computed once per pipeline.

A pipeline's provenance is one small dict, shared by every article it enriches::

    {
        "newsnlp": "0.1.0",
        "data": {"ner_model": {"name": "id_newsnlp_ner", "version": "0.3.0", "sha256": "3f1c..."},
                 "gazetteer": {"sha256": "9a0b..."}, "structure": {...}, "temporal": {...},
                 "text": {...}},
        "libraries": {"spacy": "3.8.7", "PySastrawi": "1.2.0"},
        "config": {"entities": {"fuzzy": False}},
    }

``data`` has one entry per folder of shipped data (``newsnlp/data/<group>/``): the first 12 hex
digits of a SHA-256 over its files (names and bytes), and the ``name`` and ``version`` of a model
folder's ``meta.json``; the hashes are computed once per process (~10 ms). ``config`` holds the
options that differ from the stages' defaults (``newsnlp.registry.option_defaults``). A stage may
add entries of its own (a user model's hash, a count of added names) with a ``provenance()``
method; they go under ``stages.<name>``.

The module imports only the data loader and the version.
"""

from __future__ import annotations

import hashlib
import json
import threading
from importlib import metadata
from pathlib import Path
from typing import Any

from .data import DATA_DIR
from .version import __version__

__all__ = ["LIBRARIES", "data_fingerprints", "fingerprint", "jsonable", "make_provenance"]

#: Libraries whose versions change what the default stages produce.
LIBRARIES = ("spacy", "PySastrawi")

_CACHE: dict[str, Any] = {}
_LOCK = threading.Lock()


def fingerprint(path: str | Path, digits: int = 12) -> str:
    """Short SHA-256 of a file, or of a folder's files (relative names and bytes, in name order;
    ``__pycache__`` left out)."""
    path = Path(path)
    h = hashlib.sha256()
    if path.is_file():
        h.update(path.read_bytes())
        return h.hexdigest()[:digits]
    files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for p in files:
        h.update(p.relative_to(path).as_posix().encode("utf-8") + b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:digits]


def _meta(folder: Path) -> dict[str, Any]:
    meta = folder / "meta.json"
    if not meta.is_file():
        return {}
    data = json.loads(meta.read_text(encoding="utf-8"))
    return {k: data[k] for k in ("name", "version") if k in data}


def data_fingerprints() -> dict[str, dict[str, Any]]:
    """``{group: {"sha256": ..., ["name", "version"]}}`` for every folder of shipped data
    (computed once per process)."""
    with _LOCK:
        if "data" not in _CACHE:
            groups = sorted(p for p in DATA_DIR.iterdir() if p.is_dir() and p.name != "__pycache__")
            _CACHE["data"] = {g.name: {**_meta(g), "sha256": fingerprint(g)} for g in groups}
        return _CACHE["data"]


def _libraries() -> dict[str, str | None]:
    with _LOCK:
        if "libraries" not in _CACHE:
            out: dict[str, str | None] = {}
            for name in LIBRARIES:
                try:
                    out[name] = metadata.version(name)
                except metadata.PackageNotFoundError:
                    out[name] = None
            _CACHE["libraries"] = out
        return _CACHE["libraries"]


def jsonable(value: Any) -> Any:
    """``value`` in a form JSON can hold: lists, dicts with string keys, str/int/float/bool/None
    as they are; a path as its string; anything else as its ``repr``."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return [jsonable(v) for v in items]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return repr(value)


def make_provenance(
    config: dict[str, dict[str, Any]], stages: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The provenance dict of a pipeline whose non-default options are ``config`` and whose stages
    reported ``stages`` (``{name: what its provenance() returned}``, empty ones left out)."""
    out: dict[str, Any] = {
        "newsnlp": __version__,
        "data": {k: dict(v) for k, v in data_fingerprints().items()},
        "libraries": dict(_libraries()),
        "config": config,
    }
    if stages:
        out["stages"] = stages
    return out
