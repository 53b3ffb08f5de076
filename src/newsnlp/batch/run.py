"""The driver of ``newsnlp batch``: input rows -> :func:`newsnlp.enrich_many` -> an output writer.

Rows leave in input order, unreadable rows in their place. Every output row is buffered and
flushed every ``batch_size`` rows (or 2 s); Ctrl-C (or SIGTERM) stops the run cleanly: the rows
received so far are written, one message says how to continue with ``--resume``, and the exit
status is 130 (143). A signal that arrives while a flush is being written waits for its end, so
the output is never left half-written by an interruption.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .ids import KeyCounter
from .outputs import output_format, parse_layers
from .readers import Row, open_reader

__all__ = ["BatchOptions", "run_batch"]

_FLUSH_SECONDS = 2.0


@dataclass
class BatchOptions:
    """The options of ``newsnlp batch`` (see ``newsnlp batch --help``)."""

    input: Path
    output: Path
    text_field: str = "text"
    id_field: str = "id"
    #: Input columns to carry through; ``None``: all but the text and id columns; ``[]``: none.
    keep_columns: list[str] | None = None
    resume: bool = False
    on_error: str = "record"
    #: ``--layers`` as given (``None``: the format's default).
    layers: str | None = None
    workers: int = 1
    batch_size: int = 64
    stages: tuple[str, ...] | None = None
    part_size: int = 1000
    quiet: bool = False


@dataclass
class _Stats:
    ok: int = 0
    failed: int = 0
    unreadable: int = 0
    skipped: int = 0
    fatal: list[BaseException] = field(default_factory=list)


class _Stop(Exception):
    """``--on-error raise`` met a failed row."""


class _Interrupts:
    """SIGINT and SIGTERM raise ``KeyboardInterrupt``, except inside :meth:`critical`, where they
    wait until the block ends."""

    def __init__(self) -> None:
        self.depth = 0
        self.pending = False
        self.signum = signal.SIGINT
        self._old: dict[int, Any] = {}

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._old[sig] = signal.signal(sig, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)

    def _handler(self, signum: int, _frame: Any) -> None:
        self.signum = signum
        if self.depth:
            self.pending = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth and self.pending:
                self.pending = False
                raise KeyboardInterrupt


def _say(message: str) -> None:
    print(f"newsnlp batch: {message}", file=sys.stderr, flush=True)


def _open_writer(opts: BatchOptions, fmt: str, layers: tuple[str, ...], kinds: dict[str, Any]) -> Any:
    keep_input = opts.keep_columns != []
    if fmt == "parquet":
        from .. import __version__
        from .parquet import ParquetWriter

        meta = {"newsnlp": __version__, "input": str(opts.input), "text_field": opts.text_field,
                "id_field": opts.id_field}  # fmt: skip
        return ParquetWriter(
            opts.output, layers, kinds if keep_input else {}, opts.resume, opts.part_size, meta
        )
    from .jsonl import JsonlWriter, repair

    compressed = fmt == "jsonl.gz"
    done: set[tuple[Any, ...]] = set()
    done_rows, notes = 0, []
    if opts.resume:
        done, done_rows, notes = repair(opts.output, compressed)
    writer = JsonlWriter(opts.output, compressed, append=opts.resume, layers=layers, keep_input=keep_input)
    writer.done, writer.done_rows, writer.notes = done, done_rows, notes  # type: ignore[attr-defined]
    return writer


def run_batch(opts: BatchOptions) -> int:
    """Run one batch; returns the exit status (0 all rows enriched, 1 some rows failed, 2 the
    batch could not run, 130/143 interrupted). Problems before any work raise
    :class:`~newsnlp.errors.NewsNLPError` or ``OSError`` (the caller prints them, status 2)."""
    from ..pipeline import check_stage_names
    from ..registry import get_stage_factory

    if opts.on_error not in ("skip", "record", "raise"):
        raise InputError(f"--on-error must be skip, record or raise, not {opts.on_error!r}")
    for name in ("workers", "batch_size", "part_size"):
        value = getattr(opts, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InputError(f"--{name.replace('_', '-')} must be a positive number, not {value!r}")
    fmt = output_format(opts.output)
    layers, warnings = parse_layers(opts.layers, fmt)
    stages = None
    if opts.stages is not None:
        stages = tuple(check_stage_names(opts.stages))
        for name in stages:
            get_stage_factory(name)
    if opts.output.exists() and opts.input.exists() and opts.output.resolve() == opts.input.resolve():
        raise InputError(f"{opts.output}: the output would overwrite the input")
    if not opts.output.parent.is_dir():
        raise InputError(f"{opts.output.parent}: the output folder does not exist")
    reader = open_reader(opts.input, opts.text_field, opts.id_field, opts.keep_columns)
    n_rows, kinds = reader.scan(kinds=fmt == "parquet")
    writer = _open_writer(opts, fmt, layers, kinds)
    for note in [*warnings, *writer.notes]:
        _say(note)
    stats = _Stats()
    bar = None
    if not opts.quiet:
        from ..progress import progress_bar

        bar = progress_bar(total=max(n_rows - writer.done_rows, 0), desc="newsnlp batch")
    with _Interrupts() as interrupts:
        try:
            try:
                _run_rows(opts, reader, writer, stats, bar, interrupts, stages)
            except _Stop as stop:
                _finish(writer, interrupts, bar)
                _say(
                    f"{stop}; stopped (--on-error raise). The rows before it are written; --resume starts again at this row"
                )
                return 1
            except KeyboardInterrupt:
                _finish(writer, interrupts, bar)
                _say(
                    f"interrupted; {writer.rows_written} rows of this run are in {opts.output}. "
                    "Run the same command with --resume to continue."
                )
                return 128 + int(interrupts.signum)
            _finish(writer, interrupts, bar)
        except _WriteError as err:
            _say(
                f"cannot write {opts.output}: {err.__cause__}. The rows written before the error are "
                "kept; after freeing space, run the same command with --resume."
            )
            return 2
        except BaseException:
            writer.abort()
            _close(bar)
            raise
    _close(bar)
    failed = f"{stats.failed} failed"
    if stats.unreadable:
        failed += f" ({stats.unreadable} unreadable input rows)"
    if stats.failed and opts.on_error == "skip":
        failed += " and not written (--on-error skip)"
    _say(f"{stats.ok} enriched, {failed}, {stats.skipped} skipped (already in output) -> {opts.output}")
    if stats.fatal:
        _say(f"stopped reading {opts.input}: {stats.fatal[0]}; the rows before it are written")
        return 2
    return 1 if stats.failed else 0


def _close(bar: Any) -> None:
    if bar is not None:
        bar.close()


class _WriteError(Exception):
    """Writing the output failed (a full disk...); the cause is the ``OSError``."""


def _flush(writer: Any, interrupts: _Interrupts, close: bool = False) -> None:
    """Flush (or close) ``writer`` without being interrupted half-way; a failed write aborts it."""
    try:
        with interrupts.critical():
            writer.close() if close else writer.flush()
    except OSError as err:
        writer.abort()
        raise _WriteError(str(err)) from err


def _finish(writer: Any, interrupts: _Interrupts, bar: Any) -> None:
    _flush(writer, interrupts, close=True)
    _close(bar)


def _fresh_rows(reader: Any, done: set[tuple[Any, ...]], stats: _Stats) -> Iterator[Row]:
    """The input rows not already in the output; a read error that ends the input is kept in
    ``stats.fatal`` (the rows before it are still enriched and written)."""
    counter = KeyCounter()
    try:
        for row in reader:
            if counter.key(row.row, row.id) in done:
                stats.skipped += 1
                continue
            yield row
    except (KeyboardInterrupt, GeneratorExit):
        raise
    except Exception as err:
        stats.fatal.append(err)


def _run_rows(
    opts: BatchOptions,
    reader: Any,
    writer: Any,
    stats: _Stats,
    bar: Any,
    interrupts: _Interrupts,
    stages: tuple[str, ...] | None,
) -> None:
    from ..api import enrich_many

    pending: deque[Row] = deque()

    def items() -> Iterator[dict[str, Any]]:
        for row in _fresh_rows(reader, writer.done, stats):
            pending.append(row)
            if row.item is not None:
                yield row.item

    last_flush = time.monotonic()

    def emit(row: Row, result: Any) -> None:
        nonlocal last_flush
        record = error = message = None
        if row.item is None:
            error, message = row.error, row.message
            stats.unreadable += 1
        elif isinstance(result, dict):
            error, message = result["error"], result["message"]
        else:
            record = result.to_dict()
        if error is not None:
            stats.failed += 1
            if opts.on_error == "raise":
                raise _Stop(
                    f"row {row.row}{'' if row.id is None else f' (id {row.id!r})'}: {error}: {message}"
                )
        else:
            stats.ok += 1
        if error is None or opts.on_error == "record":
            writer.add(row, record, error, message)
        if bar is not None:
            bar.update(1)
        if (
            writer.buffered >= opts.batch_size
            or writer.wants_flush
            or time.monotonic() - last_flush >= _FLUSH_SECONDS
        ):
            _flush(writer, interrupts)
            last_flush = time.monotonic()

    kwargs: dict[str, Any] = {"n_process": opts.workers, "batch_size": opts.batch_size}
    if stages is not None:
        kwargs["stages"] = stages
    results = enrich_many(items(), progress=False, on_error="record", **kwargs)
    try:
        for result in results:
            while pending and pending[0].item is None:
                emit(pending.popleft(), None)
            emit(pending.popleft(), result)
        while pending:
            emit(pending.popleft(), None)
    finally:
        results.close()
