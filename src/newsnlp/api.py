"""Top-level entry points: :func:`enrich` and :func:`enrich_many`."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

from .errors import InputTypeError, NewsNLPError
from .pipeline import DEFAULT_STAGES, Pipeline, check_items_and_batch, check_stage_names, item_to_kwargs
from .record import Article
from .registry import get_stage_factory

__all__ = ["ErrorRecord", "enrich", "enrich_many", "get_default_pipeline"]

_DEFAULT: dict[tuple[str, ...], Pipeline] = {}
_DEFAULT_LOCK = threading.Lock()


def get_default_pipeline(stages: Sequence[str] = DEFAULT_STAGES) -> Pipeline:
    """The lazily built, process-wide pipeline for ``stages`` (built once, then reused)."""
    key = tuple(stages)
    pipe = _DEFAULT.get(key)
    if pipe is None:
        with _DEFAULT_LOCK:
            pipe = _DEFAULT.get(key)
            if pipe is None:
                pipe = _DEFAULT[key] = Pipeline(stages=key)
    return pipe


def enrich(
    text: str | bytes,
    published: Any = None,
    url: str | None = None,
    html: bool | None = None,
    encoding: str = "utf-8",
) -> Article:
    """Enrich one article with the default pipeline.

    ``text`` is the article as scraped (``str``, or ``bytes`` decoded with ``encoding``), or an
    HTML page (``html=True``, or detected when ``html`` is ``None``). ``published`` is the
    publication date or datetime (ISO string, ``date`` or ``datetime``) that anchors relative
    dates; when ``None`` it is inferred from the article.
    """
    return get_default_pipeline()(text, published=published, url=url, html=html, encoding=encoding)


class ErrorRecord(dict):
    """What ``enrich_many(..., on_error="record")`` yields in place of an item that failed.

    A ``dict`` with ``error`` (the exception's class name), ``message``, ``index`` (position in
    the input), ``id`` (the item's ``id`` if it had one) and ``traceback``.
    """

    @property
    def ok(self) -> bool:
        return False


_OnError = Literal["raise", "skip", "record"]


def _error_record(index: int, item: Any, err: BaseException) -> ErrorRecord:
    return ErrorRecord(
        error=type(err).__name__,
        message=str(err),
        index=index,
        id=item.get("id") if isinstance(item, dict) else None,
        traceback="".join(traceback.format_exception(type(err), err, err.__traceback__)),
    )


def _process_chunk(
    pipe: Pipeline, chunk: list[tuple[int, Any]], on_error: _OnError
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
        out.append((index, _error_record(index, item, err) if on_error == "record" else None))
    return out


# -- worker processes -----------------------------------------------------------------------
_WORKER_PIPE: Pipeline | None = None


def _worker_init(stages: tuple[str, ...]) -> None:
    global _WORKER_PIPE
    # With the fork start method the parent's pipeline is inherited, already loaded.
    _WORKER_PIPE = get_default_pipeline(stages)


def _worker_run(
    args: tuple[list[tuple[int, Any]], _OnError],
) -> list[tuple[int, Article | ErrorRecord | None]]:
    chunk, on_error = args
    assert _WORKER_PIPE is not None
    try:
        results = _process_chunk(_WORKER_PIPE, chunk, on_error)
    except Exception as err:
        return [(-1, _error_record(chunk[0][0], chunk[0][1], err))]
    out: list[tuple[int, Article | ErrorRecord | None]] = []
    items = dict(chunk)
    for i, a in results:
        if isinstance(a, BaseException):  # on_error="raise": exceptions do not always pickle
            out.append((-1, _error_record(i, items[i], a)))
            break
        out.append((i, a))  # Articles pickle directly (slotted dataclasses), cheaper than dicts
    return out


def _worker_error(record: ErrorRecord) -> NewsNLPError:
    """The error a worker met, rebuilt in the parent with the same :mod:`newsnlp.errors` class
    (so ``except InputTypeError`` works as with one process), its message and, as a note, the
    worker's traceback. Other errors become a :class:`NewsNLPError` naming the original type."""
    from . import errors

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


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[tuple[int, Any]]]:
    chunk: list[tuple[int, Any]] = []
    for index, item in enumerate(items):
        chunk.append((index, item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _is_missing(value: Any) -> bool:
    """``None`` or a missing-value marker of pandas/numpy (``NaN``, ``NaT``, ``pd.NA``)."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


def _plain_value(value: Any) -> Any:
    """A numpy scalar as the Python value it holds (ids and flags read from a DataFrame)."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _clean_item(item: Any) -> Any:
    """A dict item whose ``published`` is a missing value (``NaN`` from a DataFrame) means
    "infer the date", as ``None`` does."""
    if isinstance(item, Mapping) and "published" in item and item["published"] is not None:
        if _is_missing(item["published"]):
            item = dict(item)
            item["published"] = None
    return item


def _is_dataframe(items: Any) -> bool:
    return type(items).__name__ == "DataFrame" and hasattr(items, "columns") and hasattr(items, "itertuples")


def _dataframe_rows(df: Any) -> Iterator[dict[str, Any]]:
    """The rows of a pandas DataFrame as dicts (column name -> value), one at a time."""
    columns = [str(c) for c in df.columns]
    for values in df.itertuples(index=False, name=None):
        yield {col: _plain_value(v) for col, v in zip(columns, values)}


def enrich_many(
    items: Iterable[Any],
    n_process: int = 1,
    batch_size: int = 64,
    progress: bool = True,
    on_error: _OnError = "raise",
    stages: Sequence[str] = DEFAULT_STAGES,
    total: int | None = None,
) -> Iterator[Article | ErrorRecord]:
    """Enrich many articles; yields one result per input item, in input order.

    ``items`` are strings, bytes, or dicts with ``text`` and optionally ``published``, ``url``,
    ``html`` and ``id``; or a pandas DataFrame, whose rows are such dicts (a ``text`` column,
    optionally the others). A missing ``published`` (``None``, ``NaN``, ``NaT``) means "infer it
    from the article". The pipeline is loaded once per process; with ``n_process > 1`` chunks
    of ``batch_size`` items are spread over worker processes, with at most ``2 * n_process``
    chunks in flight (the input is read as results are consumed); a worker that dies has its
    chunks redone, and an item that kills a worker on its own fails with
    :class:`~newsnlp.errors.WorkerError`. ``on_error`` says what happens to an
    item that fails: ``"raise"`` stops, ``"skip"`` drops it, ``"record"`` yields an
    :class:`ErrorRecord` in its place. A tqdm progress bar shows articles/s when ``progress``
    (with a total and ETA when ``items`` has a length or ``total`` is given).

    The arguments are checked at once (:class:`~newsnlp.errors.InputTypeError`,
    :class:`~newsnlp.errors.UnknownStageError`); each item is checked when it is processed.
    """
    if on_error not in ("raise", "skip", "record"):
        raise InputTypeError("on_error", "'raise', 'skip' or 'record'", on_error)
    if isinstance(n_process, bool) or not isinstance(n_process, int) or n_process < 1:
        raise InputTypeError("n_process", "a positive int", n_process)
    if _is_dataframe(items):
        if "text" not in [str(c) for c in items.columns]:
            raise InputTypeError("items", "a DataFrame with a 'text' column", items)
        if total is None:
            total = len(items)
        items = _dataframe_rows(items)
    check_items_and_batch(items, batch_size)
    stages = tuple(check_stage_names(stages))
    for name in stages:
        get_stage_factory(name)  # UnknownStageError now, not at the first item
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    return _enrich_many(items, n_process, batch_size, progress, on_error, stages, total)


def _enrich_many(
    items: Iterable[Any],
    n_process: int,
    batch_size: int,
    progress: bool,
    on_error: _OnError,
    stages: tuple[str, ...],
    total: int | None,
) -> Iterator[Article | ErrorRecord]:
    bar = None
    if progress:
        from .progress import progress_bar

        bar = progress_bar(total=total)
    chunks = _chunks((_clean_item(it) for it in items), batch_size)
    try:
        if n_process == 1:
            pipe = get_default_pipeline(stages)
            per_chunk: Iterator[list[tuple[int, Any]]] = (
                _process_chunk(pipe, chunk, on_error) for chunk in chunks
            )
        else:
            from .parallel import run_chunks

            per_chunk = run_chunks(chunks, n_process, on_error, stages)
        for results in per_chunk:
            for index, result in results:
                if index == -1:
                    raise _worker_error(result)
                if isinstance(result, BaseException):
                    raise result
                if bar is not None:
                    bar.update(1)
                if result is not None:
                    yield result
    finally:
        if bar is not None:
            bar.close()
