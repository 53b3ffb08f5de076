"""The JSON Lines writer of ``newsnlp batch`` (plain or gzip) and its repair on ``--resume``.

The writer only ever appends, in input order, so whatever a kill or a full disk leaves behind is
a prefix of the complete output: whole lines (plain) or whole gzip members (``.gz``: each flush
appends one complete member holding whole lines), then possibly a cut-off piece. On ``--resume``
:func:`repair` keeps the longest prefix of well-formed lines (a line counts only with its
newline; a gzip member only when complete), truncates the file there, and returns the keys of
the rows it holds; everything after the cut is enriched again.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .ids import KeyCounter
from .outputs import dumps, error_line, record_line
from .readers import Row

__all__ = ["JsonlWriter", "repair"]

_CHUNK = 1 << 20


def _plain_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """``(end offset, line)`` of every newline-terminated line."""
    offset = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                return
            offset += len(line)
            yield offset, line


def _gzip_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """``(end offset of the member, line)`` for the lines of every complete gzip member."""
    consumed = 0  # compressed bytes of the complete members so far
    with open(path, "rb") as f:
        dec = zlib.decompressobj(wbits=31)
        member_in = 0  # compressed bytes fed to the current member
        out: list[bytes] = []
        pending = b""
        while True:
            data = pending or f.read(_CHUNK)
            pending = b""
            if not data:
                return  # a member cut off (or none started): not counted
            try:
                out.append(dec.decompress(data))
            except zlib.error:
                return  # damaged bytes: the valid prefix ends at the last complete member
            if not dec.eof:
                member_in += len(data)
                continue
            member_in += len(data) - len(dec.unused_data)
            text = b"".join(out)
            consumed += member_in
            if text and not text.endswith(b"\n"):
                return
            for line in text.splitlines(keepends=True):
                yield consumed, line
            pending = dec.unused_data
            dec = zlib.decompressobj(wbits=31)
            member_in = 0
            out = []


def repair(path: Path, compressed: bool) -> tuple[set[tuple[Any, ...]], int, list[str]]:
    """Cut ``path`` back to its longest well-formed prefix; returns ``(keys of the rows in it,
    number of rows, notes)``. A line that is not a JSON object ends the prefix too (it and the
    lines after it are enriched again, never kept twice)."""
    if not path.exists():
        return set(), 0, []
    keys: set[tuple[Any, ...]] = set()
    counter = KeyCounter()
    good_end = 0
    rows = 0
    notes: list[str] = []
    lines = _gzip_lines(path) if compressed else _plain_lines(path)
    damaged = None
    for end, line in lines:
        try:
            obj = json.loads(line)
        except ValueError:
            obj = None
        if not isinstance(obj, dict):
            damaged = rows + 1
            break
        key = counter.key(obj.get("row"), obj.get("id"))
        if key is not None:
            keys.add(key)
        rows += 1
        good_end = end
    size = path.stat().st_size
    if compressed and damaged is not None:
        # the member holding the bad line may hold good lines before it: keep whole members only
        keys, rows, good_end = _whole_members(path, damaged)
    if good_end < size:
        with open(path, "r+b") as f:
            f.truncate(good_end)
        what = f"line {damaged} is damaged" if damaged else "its last line was cut off"
        notes.append(f"{path}: {what}; kept {rows} complete rows, the rest is enriched again")
    return keys, rows, notes


def _whole_members(path: Path, bad_line: int) -> tuple[set[tuple[Any, ...]], int, int]:
    """Keys, row count and end offset of the gzip members entirely before line ``bad_line``."""
    keys: set[tuple[Any, ...]] = set()
    counter = KeyCounter()
    member: list[tuple[Any, ...]] = []
    rows = good_end = 0
    last_end = 0
    for n, (end, line) in enumerate(_gzip_lines(path), start=1):
        if end != last_end:  # a new member starts: the previous one was entirely good
            keys.update(k for k in member if k is not None)
            rows += len(member)
            good_end = last_end
            member = []
            last_end = end
        if n >= bad_line:
            break
        obj = json.loads(line)
        member.append(counter.key(obj.get("row"), obj.get("id")))
    return keys, rows, good_end


class JsonlWriter:
    """Appends output rows to a JSON Lines file; :meth:`flush` makes the rows so far durable
    against a kill of the process (one write; one gzip member when compressed)."""

    def __init__(
        self, path: Path, compressed: bool, append: bool, layers: tuple[str, ...], keep_input: bool = True
    ):
        self.path = path
        self.compressed = compressed
        self.layers = layers
        self.keep_input = keep_input
        self._f = open(path, "ab" if append else "wb")
        self._buffer: list[str] = []
        self.rows_written = 0

    def add(self, row: Row, record: dict[str, Any] | None, error: str | None, message: str | None) -> None:
        """Buffer one output row (``record`` for an enriched row, else ``error`` and ``message``)."""
        columns = row.columns if self.keep_input else None
        if record is None:
            line = error_line(row.row, row.id, columns, error or "Error", message or "")
        else:
            line = record_line(row.row, row.id, columns, record, self.layers)
        self._buffer.append(dumps(line) + "\n")

    @property
    def buffered(self) -> int:
        return len(self._buffer)

    #: The driver's own rhythm (every ``batch_size`` rows or 2 s) suits JSON Lines.
    wants_flush = False

    def flush(self) -> None:
        if not self._buffer:
            return
        data = "".join(self._buffer).encode("utf-8")
        if self.compressed:
            data = gzip.compress(data, compresslevel=6, mtime=0)
        self._f.write(data)
        self._f.flush()
        self.rows_written += len(self._buffer)
        self._buffer = []

    def close(self) -> None:
        """Flush and close (also after an interruption: the rows received so far are kept)."""
        try:
            self.flush()
            os.fsync(self._f.fileno())
        finally:
            self._f.close()

    def abort(self) -> None:
        """Close without writing the buffered rows (after a write error)."""
        self._buffer = []
        try:
            self._f.close()
        except OSError:
            pass
