"""Output of ``newsnlp batch``: the format (from the file name, or refused), the layers written,
and the shape of one output row.

* ``.jsonl`` / ``.ndjson``: JSON Lines, one line per input row: ``row`` (the input position),
  ``id``, ``input`` (the kept input columns), then the record (``Article.to_dict()`` with the
  chosen layers), or ``error`` and ``message`` for a row that failed.
* ``.jsonl.gz`` / ``.ndjson.gz``: the same, gzip-compressed.
* ``.parquet``: a folder of flat tables (``articles``, and one table per chosen layer), see
  :mod:`newsnlp.batch.parquet`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import json
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..record import Article

__all__ = [
    "LAYERS",
    "OUTPUT_FORMATS",
    "available_layers",
    "default_layers",
    "dumps",
    "error_line",
    "output_format",
    "parse_layers",
    "record_line",
]

#: The list layers of a record that ``--layers`` chooses from, in output order.
LAYERS: tuple[str, ...] = ("entities", "times", "segments", "quotes", "sentences", "tokens")

#: Output file endings and their format.
OUTPUT_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl.gz",
    ".ndjson.gz": "jsonl.gz",
    ".parquet": "parquet",
}


def output_format(path: Path) -> str:
    """``jsonl``, ``jsonl.gz`` or ``parquet`` from the end of ``path``'s name, else
    :class:`~newsnlp.errors.InputError` (no format is guessed: ``out.csv`` is refused)."""
    name = path.name.lower()
    for ending in sorted(OUTPUT_FORMATS, key=len, reverse=True):
        if name.endswith(ending):
            return OUTPUT_FORMATS[ending]
    endings = ", ".join(OUTPUT_FORMATS)
    raise InputError(f"{path}: cannot write this format; the output name must end in one of {endings}")


def available_layers() -> tuple[str, ...]:
    """The layers this version's records have."""
    fields = {f.name for f in dataclasses.fields(Article)}
    return tuple(layer for layer in LAYERS if layer in fields)


def default_layers(fmt: str) -> tuple[str, ...]:
    """Every layer for JSON Lines (the whole record); for Parquet every table but ``tokens``
    and ``sentences`` (a token table is about 80 % of the output)."""
    if fmt == "parquet":
        return tuple(x for x in available_layers() if x not in ("tokens", "sentences"))
    return available_layers()


def parse_layers(spec: str | None, fmt: str) -> tuple[tuple[str, ...], list[str]]:
    """``(layers to write, warnings)`` from ``--layers`` (comma-separated names, ``all`` or
    ``none``); an unknown name is an :class:`~newsnlp.errors.InputError`."""
    if spec is None:
        return default_layers(fmt), []
    names = [x.strip() for x in spec.split(",") if x.strip()]
    if names == ["all"]:
        return available_layers(), []
    if names == ["none"]:
        return (), []
    unknown = [x for x in names if x not in LAYERS]
    if unknown:
        raise InputError(f"--layers: unknown layer(s) {unknown}; choose from {', '.join(LAYERS)}, all, none")
    have = available_layers()
    warnings = [
        f"--layers: this version of newsnlp produces no {x!r} layer; nothing is written for it"
        for x in names
        if x not in have
    ]
    return tuple(x for x in LAYERS if x in names and x in have), warnings


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, decimal.Decimal):
        return str(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if hasattr(value, "tolist"):  # numpy arrays
        return value.tolist()
    return str(value)


def dumps(value: Any) -> str:
    """JSON text of an output row (input columns of any Parquet type included)."""
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def record_line(row: int, row_id: Any, columns: dict[str, Any] | None, record: dict[str, Any],
                layers: tuple[str, ...]) -> dict[str, Any]:  # fmt: skip
    """The JSON Lines object of an enriched row: ``row``, ``id``, ``input``, then the record
    with only the chosen list layers."""
    line: dict[str, Any] = {"row": row, "id": row_id}
    if columns is not None:
        line["input"] = columns
    for key, value in record.items():
        if key in LAYERS and key not in layers:
            continue
        line[key] = value
    return line


def error_line(row: int, row_id: Any, columns: dict[str, Any] | None, error: str, message: str) -> dict:
    """The JSON Lines object of a row that failed."""
    line: dict[str, Any] = {"row": row, "id": row_id}
    if columns is not None:
        line["input"] = columns
    line["error"] = error
    line["message"] = message
    return line
