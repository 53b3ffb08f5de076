"""Input of ``newsnlp batch``: JSON Lines, CSV/TSV (each optionally ``.gz``) and Parquet files.

A reader yields one :class:`Row` per input record, in order, numbered from 0 (JSON Lines: the
line number minus one; blank lines are no record but keep the numbering; CSV: the record after
the header; Parquet: the table row). A record that cannot be read (a line that is not UTF-8 JSON,
not an object or a string, a CSV record with the wrong number of fields or invalid UTF-8, a row
without the text field, an id that is a list or an object) is a :class:`Row` with ``error`` set,
so the rows around it are still enriched. :meth:`Reader.scan` counts the records and describes
the columns beforehand (the progress bar's total, the Parquet output's schema).
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from .ids import IdError, normalise_id

__all__ = ["ITEM_FIELDS", "Reader", "Row", "input_format", "open_reader"]

#: Input columns passed to the pipeline besides the text, under their own names.
ITEM_FIELDS = ("published", "url", "html")


@dataclass(slots=True)
class Row:
    """One input record: its position, id, kept columns and the item to enrich (or the error)."""

    row: int
    id: Any = None
    columns: dict[str, Any] = field(default_factory=dict)
    item: dict[str, Any] | None = None
    error: str | None = None
    message: str | None = None


def input_format(path: Path) -> str:
    """``parquet``, ``csv``, ``tsv`` or ``jsonl`` (the default), from the file name."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return {".parquet": "parquet", ".csv": "csv", ".tsv": "tsv"}.get(last, "jsonl")


def _missing(value: Any) -> bool:
    if value is None or value == "":
        return True
    return isinstance(value, float) and value != value


class Reader:
    """Rows of one input file; ``keep`` names the input columns to carry through (``None``: all
    but the text and id columns)."""

    def __init__(self, path: Path, text_field: str, id_field: str, keep: list[str] | None):
        self.path = path
        self.format = input_format(path)
        self.text_field = text_field
        self.id_field = id_field
        self.keep = keep

    # -- shared ------------------------------------------------------------------------------
    def _kept(self, name: str) -> bool:
        if name in (self.text_field, self.id_field):
            return False
        return self.keep is None or name in self.keep

    def make_row(self, n: int, data: dict[str, Any], where: str) -> Row:
        """The :class:`Row` of record ``n`` read as ``data``; ``where`` names it in messages."""
        columns = {k: v for k, v in data.items() if isinstance(k, str) and self._kept(k)}
        try:
            row_id = normalise_id(data.get(self.id_field))
        except IdError as err:
            return Row(n, None, columns, None, "InputError", f"{where}: {err}")
        if self.text_field not in data:
            keys = sorted(str(k) for k in data)[:20]
            message = f"{where}: no {self.text_field!r} field (use --text-field); fields: {keys}"
            return Row(n, row_id, columns, None, "InputError", message)
        item: dict[str, Any] = {"text": data[self.text_field]}
        for key in ITEM_FIELDS:
            if not _missing(data.get(key)):
                item[key] = data[key]
        if row_id is not None:
            item["id"] = row_id
        return Row(n, row_id, columns, item)

    def __iter__(self) -> Iterator[Row]:
        if self.format == "parquet":
            return self._parquet_rows()
        if self.format in ("csv", "tsv"):
            return self._csv_rows()
        return self._jsonl_rows()

    def _open(self, mode: str, **kwargs: Any) -> IO[Any]:
        if self.path.suffix.lower() == ".gz":
            return gzip.open(self.path, mode, **kwargs)
        return open(self.path, mode, **kwargs)

    # -- JSON Lines --------------------------------------------------------------------------
    def _jsonl_records(self) -> Iterator[tuple[int, Any, str | None]]:
        """``(line index, parsed value, error message)`` for every non-blank line."""
        with self._open("rb") as f:
            for n, raw in enumerate(f):
                if not raw.strip():
                    continue
                try:
                    yield n, json.loads(raw.decode("utf-8")), None
                except (UnicodeDecodeError, json.JSONDecodeError) as err:
                    yield n, None, f"not a UTF-8 JSON line ({err})"

    def _jsonl_rows(self) -> Iterator[Row]:
        for n, value, problem in self._jsonl_records():
            where = f"{self.path.name} line {n + 1}"
            if problem is not None:
                yield Row(n, error="InputError", message=f"{where}: {problem}")
            elif isinstance(value, str):
                yield self.make_row(n, {self.text_field: value}, where)
            elif isinstance(value, dict):
                yield self.make_row(n, value, where)
            else:
                message = f"{where}: expected a JSON object or string, got {type(value).__name__}"
                yield Row(n, error="InputError", message=message)

    # -- CSV / TSV ---------------------------------------------------------------------------
    def _csv_reader(self, f: IO[str]) -> Any:
        csv.field_size_limit(sys.maxsize)
        return csv.reader(f, delimiter="\t" if self.format == "tsv" else ",")

    def _csv_rows(self) -> Iterator[Row]:
        with self._open("rt", encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
            reader = self._csv_reader(f)
            header = next(reader, None)
            if header is None:
                return
            if self.text_field not in header:
                raise InputError(
                    f"{self.path}: no column {self.text_field!r} (use --text-field); columns: {header}"
                )
            n = 0
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except csv.Error as err:
                    yield Row(n, error="InputError", message=f"{self.path.name} record {n + 1}: {err}")
                    n += 1
                    continue
                if not values:
                    continue
                where = f"{self.path.name} record {n + 1} (line {reader.line_num})"
                if len(values) != len(header):
                    message = f"{where}: {len(values)} fields, the header has {len(header)}"
                    yield Row(n, error="InputError", message=message)
                elif any(_has_surrogate(v) for v in values):
                    yield Row(n, error="InputError", message=f"{where}: not valid UTF-8")
                else:
                    yield self.make_row(n, dict(zip(header, values)), where)
                n += 1

    # -- Parquet -----------------------------------------------------------------------------
    def _parquet_file(self) -> Any:
        from ..integrations.frames import require

        pq = require("pyarrow.parquet", "Parquet input", "frames")
        return pq.ParquetFile(self.path)

    def _parquet_rows(self) -> Iterator[Row]:
        pf = self._parquet_file()
        if self.text_field not in pf.schema_arrow.names:
            raise InputError(
                f"{self.path}: no column {self.text_field!r} (use --text-field); "
                f"columns: {pf.schema_arrow.names}"
            )
        n = 0
        for batch in pf.iter_batches(batch_size=256):
            for data in batch.to_pylist():
                yield self.make_row(n, data, f"{self.path.name} row {n}")
                n += 1

    def _check_columns(self, names: list[str]) -> None:
        if self.text_field not in names:
            raise InputError(
                f"{self.path}: no column {self.text_field!r} (use --text-field); columns: {names}"
            )

    # -- scan --------------------------------------------------------------------------------
    def scan(self, kinds: bool = True) -> tuple[int, dict[str, Any]]:
        """``(number of records, kept columns)`` before reading: each kept column's kind, one of
        ``"str"``, ``"int"``, ``"float"``, ``"bool"``, ``"json"`` (mixed types, lists, objects:
        stored as JSON text in Parquet), or a pyarrow type for Parquet input. With ``kinds``
        false, JSON Lines are only counted (the kinds are needed for Parquet output only)."""
        if self.format == "parquet":
            pf = self._parquet_file()
            schema = pf.schema_arrow
            self._check_columns(schema.names)
            kinds = {f.name: f.type for f in schema if self._kept(f.name)}
            return pf.metadata.num_rows, kinds
        if self.format in ("csv", "tsv"):
            with self._open("rt", encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
                reader = self._csv_reader(f)
                header = next(reader, None) or []
                if header:
                    self._check_columns(header)
                count = sum(1 for values in _until_error(reader) if values)
            return count, {name: "str" for name in header if self._kept(name)}
        if not kinds:
            with self._open("rb") as f:
                return sum(1 for raw in _until_error(f) if raw.strip()), {}
        count = 0
        seen: dict[str, set[str]] = {}
        for _n, value, _problem in _until_error(self._jsonl_records()):
            count += 1
            if isinstance(value, dict):
                for key, v in value.items():
                    if self._kept(key):
                        seen.setdefault(key, set()).add(_kind(v))
        return count, {key: _unify(kinds) for key, kinds in seen.items()}


def _until_error(items: Iterator[Any] | IO[Any]) -> Iterator[Any]:
    """``items`` up to a read error (a cut-off ``.gz``, a CSV error): the scan only counts for
    the progress bar; reading the rows reports the error after enriching the rows before it."""
    try:
        yield from items
    except (OSError, EOFError, ValueError, csv.Error, zlib.error):
        return


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and any("\udc80" <= ch <= "\udcff" for ch in text)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return "json"


def _unify(kinds: set[str]) -> str:
    kinds = kinds - {"null"}
    if not kinds:
        return "str"
    if len(kinds) == 1:
        return next(iter(kinds))
    if kinds <= {"int", "float"}:
        return "float"
    return "json"


def open_reader(path: Path, text_field: str, id_field: str, keep: list[str] | None) -> Reader:
    """A :class:`Reader` for ``path`` (whose format comes from its name)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return Reader(path, text_field, id_field, keep)
