"""Enriching one chunk of ``enrich_many``'s input, in this process or in a worker process.

A failing item never takes its chunk down: on a batch failure the chunk is redone one item at a
time, and the failing item becomes an :class:`ErrorRecord` (or is skipped, or raised, as
``on_error`` says). Used by :mod:`newsnlp.runner` (one process) and :mod:`newsnlp.parallel` (workers).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from .errors import NewsNLPError
from .input import item_to_kwargs
from .record import Article

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Pipeline

__all__ = [
    "ErrorRecord",
    "OnError",
    "error_record",
    "process_chunk",
    "worker_error",
    "worker_init",
    "worker_run",
]


class ErrorRecord(dict):
    """What ``enrich_many(..., on_error="record")`` yields in place of an item that failed.

    A ``dict`` with ``error`` (the exception's class name), ``message``, ``index`` (position in
    the input), ``id`` (the item's ``id`` if it had one) and ``traceback``.
    """

    @property
    def ok(self) -> bool:
        return False


OnError = Literal["raise", "skip", "record"]


def error_record(index: int, item: Any, err: BaseException) -> ErrorRecord:
    return ErrorRecord(
        error=type(err).__name__,
        message=str(err),
        index=index,
        id=item.get("id") if isinstance(item, dict) else None,
        traceback="".join(traceback.format_exception(type(err), err, err.__traceback__)),
    )


def process_chunk(
    pipe: Pipeline, chunk: list[tuple[int, Any]], on_error: OnError
) -> list[tuple[int, Article | ErrorRecord | None]]:
    """Enrich one chunk; on a batch failure fall back to one item at a time so only the bad
    item is lost (or recorded)."""
    built: list[tuple[int, Any, Article | None, BaseException | None]] = []
    for index, item in chunk:
        try:
            built.append((index, item, pipe.make_article(**item_to_kwargs(item)), None))
        except NewsNLPError as err:
            built.append((index, item, None, err))
    good = [a for _, _, a, _ in built if a is not None]
    try:
        pipe.process_articles(good)
        done = {id(a): a for a in good}
        failed: dict[int, BaseException] = {}
    except Exception:
        done, failed = {}, {}
        for _, item, art, _ in built:
            if art is None:
                continue
            try:
                fresh = pipe.make_article(**item_to_kwargs(item))
                pipe.process_articles([fresh])
                done[id(art)] = fresh
            except Exception as err:
                failed[id(art)] = err
    out: list[tuple[int, Article | ErrorRecord | None]] = []
    for index, item, art, err in built:
        if art is not None and id(art) in done:
            out.append((index, done[id(art)]))
            continue
        err = err or failed.get(id(art))
        if on_error == "raise":
            # the items before it are still delivered; the caller raises this error after them
            out.append((index, err))  # type: ignore[arg-type]
            break
        out.append((index, error_record(index, item, err) if on_error == "record" else None))
    return out


# -- worker processes -----------------------------------------------------------------------
_WORKER_PIPE: Pipeline | None = None


def worker_init(loader: Callable[[], Pipeline]) -> None:
    """Get the worker's pipeline from ``loader`` (a picklable callable: the default pipeline of
    some stages, or a given pipeline). With the fork start method the parent's pipeline is
    inherited, already loaded; with spawn it is built from the loader's pickle."""
    global _WORKER_PIPE
    _WORKER_PIPE = loader()


def worker_run(
    args: tuple[list[tuple[int, Any]], OnError],
) -> list[tuple[int, Article | ErrorRecord | None]]:
    chunk, on_error = args
    assert _WORKER_PIPE is not None
    try:
        results = process_chunk(_WORKER_PIPE, chunk, on_error)
    except Exception as err:
        return [(-1, error_record(chunk[0][0], chunk[0][1], err))]
    out: list[tuple[int, Article | ErrorRecord | None]] = []
    items = dict(chunk)
    for i, a in results:
        if isinstance(a, BaseException):  # on_error="raise": exceptions do not always pickle
            out.append((-1, error_record(i, items[i], a)))
            break
        out.append((i, a))  # Articles pickle directly (slotted dataclasses), cheaper than dicts
    return out


def worker_error(record: ErrorRecord) -> NewsNLPError:
    """The error a worker met, rebuilt in the parent with the same :mod:`newsnlp.errors` class
    (so ``except InputTypeError`` works as with one process), its message and, as a note, the
    worker's traceback. Other errors become a :class:`NewsNLPError` naming the original type."""
    from . import errors  # the error classes by name

    cls = getattr(errors, record["error"], None)
    message = f"item {record['index']}: {record['message']}"
    if isinstance(cls, type) and issubclass(cls, NewsNLPError):
        err = cls.__new__(cls)
        Exception.__init__(err, message)
    else:
        err = NewsNLPError(f"item {record['index']} failed: {record['error']}: {record['message']}")
    if hasattr(err, "add_note") and record.get("traceback"):
        err.add_note("in the worker process:\n" + record["traceback"])
    return err
