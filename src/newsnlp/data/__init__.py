"""The language data and models that ship with newsnlp, and the one loader every stage reads them with.

Each stage keeps its files in its own folder here (``text/``, ``temporal/``, ``structure/``,
``gazetteer/``, ``ner_model/``; sources and licences in ``README.md``) and reads them only through
these functions, which share one cache: a file is read and parsed once per process, whoever asks::

    from newsnlp.data import load_json, load_lines, read_text, data_path

    lexicon = load_json("temporal", "lexicon.json")           # parsed JSON (``.json.gz`` too)
    abbreviations = load_lines("text", "abbreviations.txt")   # non-empty, non-comment lines
    stems = read_text("text", "stems.tsv.gz")                  # the whole file as text
    model_dir = data_path("ner_model")                         # a path, for loaders that want one

Paths are given as parts relative to this folder; an absolute path (a user's own gazetteer or
model) is used as it is. Cached values are shared: treat them as read-only. ``cache=False`` reads
a large file that the caller compiles into its own object (the gazetteer) without keeping the raw
data alive.

The loader imports nothing from the rest of newsnlp.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path
from typing import Any

__all__ = ["DATA_DIR", "clear_cache", "data_path", "load_json", "load_lines", "read_bytes", "read_text"]

#: The folder of the shipped data.
DATA_DIR = Path(__file__).resolve().parent

_CACHE: dict[tuple[str, Path], Any] = {}
_LOCK = threading.Lock()

PathPart = str | os.PathLike[str]


def data_path(*parts: PathPart) -> Path:
    """The path of a shipped file or folder (``data_path("gazetteer", "gazetteer.json.gz")``); an
    absolute path among ``parts`` is taken as it is."""
    return DATA_DIR.joinpath(*parts)


def _cached(kind: str, path: Path, load, cache: bool) -> Any:
    if not cache:
        return load(path)
    key = (kind, path)
    try:
        return _CACHE[key]
    except KeyError:
        pass
    value = load(path)
    with _LOCK:
        return _CACHE.setdefault(key, value)


def _bytes(path: Path) -> bytes:
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.suffix == ".gz" else raw


def read_bytes(*parts: PathPart, cache: bool = True) -> bytes:
    """The bytes of a data file (decompressed when its name ends in ``.gz``)."""
    return _cached("bytes", data_path(*parts), _bytes, cache)


def read_text(*parts: PathPart, cache: bool = True) -> str:
    """The UTF-8 text of a data file (decompressed when its name ends in ``.gz``)."""
    return _cached("text", data_path(*parts), lambda p: _bytes(p).decode("utf-8"), cache)


def load_json(*parts: PathPart, cache: bool = True) -> Any:
    """A JSON data file, parsed (``.json`` or gzipped ``.json.gz``)."""
    return _cached("json", data_path(*parts), lambda p: json.loads(_bytes(p)), cache)


def load_lines(*parts: PathPart, cache: bool = True) -> tuple[str, ...]:
    """The lines of a list file, stripped, without empty lines and ``#`` comment lines."""

    def parse(path: Path) -> tuple[str, ...]:
        text = _bytes(path).decode("utf-8")
        return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))

    return _cached("lines", data_path(*parts), parse, cache)


def clear_cache() -> None:
    """Forget every cached file (tests; after replacing data files in place)."""
    with _LOCK:
        _CACHE.clear()
