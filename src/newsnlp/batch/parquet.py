"""The Parquet writer of ``newsnlp batch``: flat tables, written in committed parts.

``-o corpus.parquet`` is a folder (a Parquet dataset, as Spark and Dask write them)::

    corpus.parquet/_newsnlp.json                 what was written (layers, tables, versions)
    corpus.parquet/articles/part-00000.parquet   one row per input row (errors included)
    corpus.parquet/entities/part-00000.parquet   one row per entity mention
    corpus.parquet/times/...  segments/...       and one table per chosen layer

``pandas.read_parquet("corpus.parquet/entities")`` reads a whole table. Every table has the
columns of :func:`newsnlp.to_frames` (same names, same values); the ``article`` key is the input
row's position, unique within the input. The ``articles`` table adds ``id`` (as text),
``error`` and ``message`` (set for rows that failed, whose other columns are empty) and the kept
input columns (prefixed ``input_`` where a name is already taken).

Rows are written in row groups as they come, into hidden temporary files (``.part-*.tmp``,
which readers skip). A part is committed every ``part_size`` articles, when it is
:data:`PART_SECONDS` old (checked as rows arrive) and at the end (or on Ctrl-C): its files are
closed, synced and renamed, the ``articles`` file last; that rename is the commit. On ``--resume`` temporary files
and the files of parts whose ``articles`` file is missing are deleted, and the rows of the
committed parts are skipped: a kill loses at most the part being written, never a committed row,
and never leaves a row twice.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..integrations.frames import SCHEMAS, arrow_type, article_rows, ns_date, require
from .ids import KeyCounter
from .readers import Row

__all__ = ["MANIFEST", "PART_SECONDS", "ParquetWriter"]

MANIFEST = "_newsnlp.json"
_MANIFEST_TMP = MANIFEST + ".tmp"
#: A part this old (seconds) is committed at the next flush, so a kill loses little work.
PART_SECONDS = 60.0
#: Articles per row group.
ROW_GROUP = 250
_DATE_COLUMNS = {"published_date", "date"}


def _arrow_type(pa: Any, column: str, dtype: str) -> Any:
    if column == "article":  # the input row's position
        return pa.int64()
    return arrow_type(pa, column, dtype)


def _kind_type(pa: Any, kind: Any) -> Any:
    if isinstance(kind, pa.DataType):
        return kind
    return {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}.get(kind, pa.string())


def _part_name(k: int, tmp: bool = False) -> str:
    return f".part-{k:05d}.parquet.tmp" if tmp else f"part-{k:05d}.parquet"


def _part_number(name: str) -> int | None:
    if name.startswith("part-") and name.endswith(".parquet"):
        digits = name[5:-8]
        if digits.isdigit():
            return int(digits)
    return None


class ParquetWriter:
    """Writes output rows into the tables of a Parquet dataset folder (see the module doc)."""

    def __init__(
        self,
        root: Path,
        layers: tuple[str, ...],
        input_kinds: dict[str, Any] | None,
        resume: bool,
        part_size: int = 1000,
        meta: dict[str, Any] | None = None,
    ):
        self.pa = require("pyarrow", "Parquet output", "frames")
        self.pq = require("pyarrow.parquet", "Parquet output", "frames")
        self.root = root
        self.tables = ("articles", *[t for t in layers if t in SCHEMAS])
        self.part_size = part_size
        self.notes: list[str] = []
        self.done: set[tuple[Any, ...]] = set()
        self.done_rows = 0
        self.rows_written = 0
        self._next_part = 0
        old_schema = self._prepare(resume, layers, meta or {})
        self._schemas = {t: self._table_schema(t) for t in self.tables if t != "articles"}
        self._input_names: dict[str, str] = {}  # input column -> articles column
        self._schemas["articles"] = old_schema or self._articles_schema(input_kinds)
        if old_schema is not None:
            self._input_names = _input_names_from(old_schema, SCHEMAS["articles"])
            dropped = sorted(set(input_kinds or {}) - set(self._input_names))
            if dropped:
                self.notes.append(f"input columns {dropped} are not in {root}'s articles table: not written")
        self._writers: dict[str, Any] = {}
        self._buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in self.tables}
        self._part_rows = 0
        self._part_started = 0.0

    # -- setting up ---------------------------------------------------------------------------
    def _prepare(self, resume: bool, layers: tuple[str, ...], meta: dict[str, Any]) -> Any:
        root = self.root
        manifest = root / MANIFEST
        if root.exists() and not root.is_dir():
            raise InputError(f"{root}: exists and is not a folder (Parquet output is a folder of tables)")
        if root.exists() and not manifest.exists() and any(p.name != _MANIFEST_TMP for p in root.iterdir()):
            raise InputError(f"{root}: exists and is not a newsnlp batch output; choose another name")
        old_schema = None
        if root.exists() and manifest.exists():
            previous = json.loads(manifest.read_text(encoding="utf-8"))
            if not resume:
                for table in previous.get("tables", []):
                    shutil.rmtree(root / table, ignore_errors=True)
                manifest.unlink()
            else:
                if tuple(previous.get("layers", ())) != tuple(layers):
                    raise InputError(
                        f"{root} was written with --layers {','.join(previous.get('layers', [])) or 'none'}; "
                        f"resume with the same layers (or write a new output)"
                    )
                old_schema = self._repair()
        root.mkdir(exist_ok=True)
        info = {"format": "newsnlp batch output", "layers": list(layers), "tables": list(self.tables), **meta}
        tmp = root / _MANIFEST_TMP  # the manifest first: it marks the folder as a batch output
        tmp.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, manifest)
        for table in self.tables:
            (root / table).mkdir(exist_ok=True)
        return old_schema

    def _repair(self) -> Any:
        """Delete what an interrupted run left uncommitted; collect the committed rows' keys.
        Returns the articles schema of the committed parts (``None`` if there is none)."""
        articles = self.root / "articles"
        committed = sorted(
            k for k in (_part_number(p.name) for p in articles.glob("part-*.parquet")) if k is not None
        )
        removed = 0
        for table_dir in (self.root / t for t in self.tables):
            if not table_dir.is_dir():
                continue
            for path in table_dir.iterdir():
                k = _part_number(path.name)
                if path.name.startswith(".part-") or (k is not None and k not in committed):
                    path.unlink()
                    removed += 1
        if removed:
            self.notes.append(f"{self.root}: removed {removed} file(s) of a part that was not committed")
        counter = KeyCounter()
        schema = None
        for k in committed:
            table = self.pq.read_table(articles / _part_name(k), columns=["article", "id"])
            for row, row_id in zip(table.column("article").to_pylist(), table.column("id").to_pylist()):
                key = counter.key(row, row_id)
                if key is not None:
                    self.done.add(key)
                self.done_rows += 1
            schema = self.pq.read_schema(articles / _part_name(k))
        self._next_part = committed[-1] + 1 if committed else 0
        return schema

    def _table_schema(self, table: str) -> Any:
        pa = self.pa
        return pa.schema([(c, _arrow_type(pa, c, t)) for c, t in SCHEMAS[table].items()])

    def _articles_schema(self, input_kinds: dict[str, Any] | None) -> Any:
        pa = self.pa
        fields = [
            ("article", pa.int64()),
            ("id", pa.string()),
            ("error", pa.string()),
            ("message", pa.string()),
        ]
        fields += [(c, _arrow_type(pa, c, t)) for c, t in SCHEMAS["articles"].items() if c != "article"]
        taken = {name for name, _ in fields}
        for name, kind in (input_kinds or {}).items():
            column = name
            while column in taken:
                column = f"input_{column}"
            taken.add(column)
            self._input_names[name] = column
            fields.append((column, _kind_type(pa, kind)))
        return pa.schema(fields)

    # -- writing ------------------------------------------------------------------------------
    def add(self, row: Row, record: dict[str, Any] | None, error: str | None, message: str | None) -> None:
        """Buffer one output row (``record`` for an enriched row, else ``error`` and ``message``)."""
        from .ids import id_text

        base = {"id": None if row.id is None else id_text(row.id), "error": error, "message": message}
        for name, column in self._input_names.items():
            base[column] = row.columns.get(name)
        if record is None:
            self._buffers["articles"].append({"article": row.row, **base})
        else:
            tables = article_rows(record, row.row, self.tables)
            tables["articles"][0].update(base)
            for table, rows in tables.items():
                self._buffers[table].extend(rows)
        if not self._part_rows:
            self._part_started = time.monotonic()
        self._part_rows += 1

    @property
    def buffered(self) -> int:
        return len(self._buffers["articles"])

    @property
    def wants_flush(self) -> bool:
        """Whether the part is full (the driver then flushes at once)."""
        return self._part_rows >= self.part_size

    def flush(self) -> None:
        """Write a row group when enough rows are buffered; commit the part when it is full or
        old enough."""
        part_full = self._part_rows >= self.part_size
        if self.buffered >= ROW_GROUP or part_full:
            self._write_row_group()
        part_old = self._part_rows and time.monotonic() - self._part_started >= PART_SECONDS
        if part_full or part_old:
            self._write_row_group()
            self._commit()

    def close(self) -> None:
        """Write and commit everything buffered (also after an interruption)."""
        self._write_row_group()
        self._commit()

    def abort(self) -> None:
        """Close the open part without committing it (after a write error); ``--resume``
        deletes what is left."""
        for writer in self._writers.values():
            try:
                writer.close()
            except Exception:  # the part is discarded anyway
                pass
        self._writers = {}

    def _write_row_group(self) -> None:
        if not self.buffered:
            return
        if not self._writers:
            self._open_part()
        for table in self.tables:
            rows = self._buffers[table]
            self._writers[table].write_table(self._table(table, rows))
            self._buffers[table] = []

    def _open_part(self) -> None:
        k = self._next_part
        for table in self.tables:
            path = self.root / table / _part_name(k, tmp=True)
            self._writers[table] = self.pq.ParquetWriter(path, self._schemas[table], compression="zstd")

    def _commit(self) -> None:
        if not self._writers:
            return
        k = self._next_part
        for table in self.tables:
            self._writers[table].close()
            with open(self.root / table / _part_name(k, tmp=True), "rb") as f:
                os.fsync(f.fileno())
        self._writers = {}
        for table in (*self.tables[1:], "articles"):  # the articles file last: it commits the part
            os.replace(self.root / table / _part_name(k, tmp=True), self.root / table / _part_name(k))
        fd = os.open(self.root / "articles", os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        self.rows_written += self._part_rows
        self._part_rows = 0
        self._next_part = k + 1

    def _table(self, table: str, rows: list[dict[str, Any]]) -> Any:
        pa = self.pa
        schema = self._schemas[table]
        arrays = []
        for fld in schema:
            values = [r.get(fld.name) for r in rows]
            if fld.name in _DATE_COLUMNS:
                values = [ns_date(v) for v in values]
            arrays.append(self._array(values, fld.type))
        return pa.Table.from_arrays(arrays, schema=schema)

    def _array(self, values: list[Any], type_: Any) -> Any:
        pa = self.pa
        try:
            return pa.array(values, type=type_)
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError, TypeError, ValueError):
            pass
        if pa.types.is_string(type_) or pa.types.is_large_string(type_):  # mixed values: JSON text
            from .outputs import dumps

            return pa.array([v if v is None or isinstance(v, str) else dumps(v) for v in values], type=type_)
        out = []
        for v in values:  # a value the column's type cannot hold (the input changed on resume)
            try:
                pa.array([v], type=type_)
                out.append(v)
            except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError, TypeError, ValueError):
                out.append(None)
        return pa.array(out, type=type_)


def _input_names_from(schema: Any, fixed: dict[str, str]) -> dict[str, str]:
    """Input column -> articles column, read back from an articles schema."""
    taken = {"article", "id", "error", "message", *fixed}
    out = {}
    for name in schema.names:
        if name in taken:
            continue
        original = name
        while original.startswith("input_") and original[6:] in taken:
            original = original[6:]
        out[original] = name
    return out
