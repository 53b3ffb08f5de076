"""Top-level entry points: :func:`enrich` and :func:`enrich_many`."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from .chunks import ErrorRecord, OnError
from .defaults import get_default_pipeline
from .errors import InputTypeError
from .pipeline import DEFAULT_STAGES, check_items_and_batch, check_stage_names
from .record import Article
from .registry import get_stage_factory
from .runner import run_items

__all__ = ["ErrorRecord", "enrich", "enrich_many", "get_default_pipeline"]


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
    on_error: OnError = "raise",
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
    on_error: OnError,
    stages: tuple[str, ...],
    total: int | None,
) -> Iterator[Article | ErrorRecord]:
    bar = None
    if progress:
        from .progress import progress_bar

        bar = progress_bar(total=total)
    loader = functools.partial(get_default_pipeline, stages)
    try:
        yield from run_items(loader, (_clean_item(it) for it in items), n_process, batch_size, on_error, bar)
    finally:
        if bar is not None:
            bar.close()
