"""Enriching a stream of items in chunks, in this process or in worker processes: the loop that
:func:`newsnlp.enrich_many` and :meth:`Pipeline.pipe(..., n_process=N) <newsnlp.pipeline.Pipeline.pipe>`
share.

The pipeline comes from a *loader*, a picklable callable that returns it: the process-wide default
pipeline of some stages (``functools.partial(get_default_pipeline, stages)``) or a given pipeline.
Worker processes call it once (:mod:`newsnlp.parallel`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .chunks import ErrorRecord, OnError, process_chunk, worker_error

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Pipeline
    from .record import Article

__all__ = ["chunked", "run_items"]


def chunked(items: Iterable[Any], size: int) -> Iterator[list[tuple[int, Any]]]:
    """``(position, item)`` pairs of ``items`` in lists of ``size`` (the last one shorter)."""
    chunk: list[tuple[int, Any]] = []
    for index, item in enumerate(items):
        chunk.append((index, item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_items(
    loader: Callable[[], Pipeline],
    items: Iterable[Any],
    n_process: int,
    batch_size: int,
    on_error: OnError,
    bar: Any = None,
) -> Iterator[Article | ErrorRecord]:
    """Enrich ``items`` in chunks of ``batch_size``; yields one result per item, in input order.

    With ``n_process == 1`` the chunks are enriched here with ``loader()``; else by that many
    worker processes. A failing item is raised (after the items before it), skipped or recorded
    as ``on_error`` says; ``bar`` (a tqdm bar) is advanced once per item."""
    chunks = chunked(items, batch_size)
    if n_process == 1:
        pipe = loader()
        per_chunk: Iterator[list[tuple[int, Any]]] = (
            process_chunk(pipe, chunk, on_error) for chunk in chunks
        )
    else:
        from .parallel import run_chunks

        per_chunk = run_chunks(chunks, n_process, on_error, loader)
    for results in per_chunk:
        for index, result in results:
            if index == -1:
                raise worker_error(result)
            if isinstance(result, BaseException):
                raise result
            if bar is not None:
                bar.update(1)
            if result is not None:
                yield result
