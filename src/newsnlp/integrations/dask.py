"""Dask: enrich a corpus spread over partitions, on one machine or a cluster.

::

    import json
    import dask.bag as db
    import newsnlp.dask

    records = newsnlp.dask.enrich_bag(db.read_text("corpus-*.jsonl").map(json.loads))
    tables = newsnlp.dask.to_tables(records)
    tables["entities"].groupby("canonical").size().nlargest(20).compute()

Each partition is enriched with :meth:`newsnlp.pipeline.Pipeline.pipe` (batched, as
``enrich_many`` does), by a pipeline built once per worker process and cached at module level
(:func:`worker_pipeline`), so a worker loads the models once however many partitions it runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..pipeline import DEFAULT_STAGES, Pipeline
from .frames import SCHEMAS, arrow_schema, article_rows, empty_frame, rows_to_frames

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = [
    "RECORD_COLUMNS",
    "arrow_schema",
    "enrich_bag",
    "enrich_dataframe",
    "enrich_partition",
    "pipeline_loads",
    "to_tables",
    "warm_up",
    "worker_pipeline",
]

#: Columns :func:`enrich_dataframe` adds to the input DataFrame.
RECORD_COLUMNS: dict[str, str] = {
    "title": "object",
    "published": "object",
    "published_source": "object",
    "publisher": "object",
    "n_tokens": "int64",
    "n_entities": "int64",
    "n_times": "int64",
    "record": "object",
    "error": "object",
}

_LOADS: dict[tuple[str, ...], int] = {}
_SEEN: dict[tuple[str, ...], int] = {}


def worker_pipeline(stages: Sequence[str] = DEFAULT_STAGES) -> Pipeline:
    """The pipeline of this process for ``stages``, built on first use and then reused (it is
    :func:`newsnlp.api.get_default_pipeline`); each build is counted by :func:`pipeline_loads`."""
    from ..api import get_default_pipeline

    key = tuple(stages)
    pipe = get_default_pipeline(key)
    if _SEEN.get(key) != id(pipe):
        _SEEN[key] = id(pipe)
        _LOADS[key] = _LOADS.get(key, 0) + 1
    return pipe


def warm_up(stages: Sequence[str] = DEFAULT_STAGES) -> list[str]:
    """Build this process's pipeline now; returns its stage names. ``client.run(warm_up)`` loads
    the models on every worker before the first partition arrives."""
    return worker_pipeline(stages).stage_names


def pipeline_loads() -> dict[tuple[str, ...], int]:
    """How many times this process built a pipeline through :func:`worker_pipeline` (per stage
    set); with ``client.run(pipeline_loads)`` it shows that each worker loaded it once."""
    return dict(_LOADS)


def _error(item: Any, err: BaseException) -> dict[str, Any]:
    return {
        "error": type(err).__name__,
        "message": str(err),
        "id": item.get("id") if isinstance(item, Mapping) else None,
    }


def enrich_partition(
    items: Iterable[Any],
    stages: Sequence[str] = DEFAULT_STAGES,
    batch_size: int = 64,
    on_error: str = "raise",
) -> list[dict[str, Any]]:
    """Enrich one partition (strings or dicts with ``text``, ``published``, ``url``, ``html``,
    ``id``) into record dicts (``Article.to_dict()``, plus the item's ``id`` when it has one).

    ``on_error``: ``"raise"`` (the task fails), ``"skip"`` (the item is dropped) or ``"record"``
    (a dict with ``error``, ``message`` and ``id`` takes its place).
    """
    if on_error not in ("raise", "skip", "record"):
        raise ValueError("on_error must be 'raise', 'skip' or 'record'")
    items = list(items)
    pipe = worker_pipeline(stages)
    try:
        articles: list[Any] = list(pipe.pipe(items, batch_size=batch_size))
    except Exception:
        if on_error == "raise":
            raise
        articles = []  # redo one item at a time so that only the bad ones are lost
        for item in items:
            try:
                articles.extend(pipe.pipe([item]))
            except Exception as err:
                articles.append(_error(item, err))
    out = []
    for item, art in zip(items, articles):
        if isinstance(art, dict):
            if on_error == "record":
                out.append(art)
            continue
        record = art.to_dict()
        if isinstance(item, Mapping) and item.get("id") is not None:
            record["id"] = item["id"]
        out.append(record)
    return out


def enrich_bag(
    bag: dask.bag.Bag,
    stages: Sequence[str] = DEFAULT_STAGES,
    batch_size: int = 64,
    on_error: str = "raise",
) -> dask.bag.Bag:
    """A bag of record dicts (``Article.to_dict()``, plus ``id`` when the item has one) from a bag
    of strings or dicts with ``text`` (and optionally ``published``, ``url``, ``html``, ``id``).

    Lazy: nothing runs until the bag is computed. ``on_error`` says what happens to an item that
    cannot be enriched: ``"raise"`` fails its task, ``"skip"`` drops it, ``"record"`` puts
    ``{"error", "message", "id"}`` in its place (:func:`to_tables` leaves those out).
    """
    if on_error not in ("raise", "skip", "record"):
        raise ValueError("on_error must be 'raise', 'skip' or 'record'")
    return bag.map_partitions(
        enrich_partition, stages=tuple(stages), batch_size=batch_size, on_error=on_error
    )


def _enrich_frame(
    df: pd.DataFrame,
    text_column: str,
    published_column: str | None,
    id_column: str | None,
    stages: tuple[str, ...],
    batch_size: int,
    on_error: str = "raise",
) -> pd.DataFrame:
    import pandas as pd

    items = []
    for n in range(len(df)):
        item: dict[str, Any] = {"text": df[text_column].iat[n]}
        if published_column is not None:
            value = df[published_column].iat[n]
            if not (value is None or (pd.api.types.is_scalar(value) and pd.isna(value))):
                item["published"] = value.to_pydatetime() if isinstance(value, pd.Timestamp) else value
        if id_column is not None:
            item["id"] = _plain(df[id_column].iat[n])
        items.append(item)
    records = (
        enrich_partition(items, stages=stages, batch_size=batch_size, on_error=on_error) if items else []
    )
    ok = [r if "error" not in r or "text" in r else None for r in records]
    empty: dict[str, Any] = {"metadata": {}, "tokens": (), "entities": (), "times": ()}
    meta = [(r or empty)["metadata"] for r in ok]

    def col(values, dtype="object"):
        return pd.Series(values, index=df.index, dtype=dtype)

    out = df.copy()
    out["title"] = col([m.get("title") for m in meta])
    out["published"] = col([m.get("published") for m in meta])
    out["published_source"] = col([m.get("published_source") for m in meta])
    out["publisher"] = col([m.get("publisher") for m in meta])
    for name, layer in (("n_tokens", "tokens"), ("n_entities", "entities"), ("n_times", "times")):
        out[name] = col([len((r or empty)[layer]) for r in ok], "int64")
    out["record"] = col([json.dumps(r, ensure_ascii=False) if r else None for r in ok])
    out["error"] = col([None if r else f"{e['error']}: {e['message']}" for r, e in zip(ok, records)])
    return out


def _plain(value: Any) -> Any:
    """numpy scalars to Python ones (for JSON)."""
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, bytes)) else value


def enrich_dataframe(
    ddf: dask.dataframe.DataFrame,
    text_column: str = "text",
    published_column: str | None = None,
    id_column: str | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    batch_size: int = 64,
    on_error: str = "raise",
) -> dask.dataframe.DataFrame:
    """Enrich the articles in a Dask DataFrame, partition by partition.

    Returns the input with these columns added: ``title``, ``published``, ``published_source``,
    ``publisher``, ``n_tokens``, ``n_entities``, ``n_times`` and ``record`` (the whole record as a
    JSON string, ``Article.from_json`` reads it back; it carries ``id`` from ``id_column`` when
    given). ``published_column`` holds the publication dates (ISO strings, dates or Timestamps)
    anchoring relative dates. The index is kept. Pass the result to :func:`to_tables`.
    With ``on_error="record"`` a row that cannot be enriched gets ``record`` ``None`` and the
    reason in ``error`` (``None`` elsewhere) instead of failing its task.
    """
    if on_error not in ("raise", "record"):
        raise ValueError("on_error must be 'raise' or 'record' for a DataFrame")
    if text_column not in ddf.columns:
        raise KeyError(f"no column {text_column!r} in the DataFrame (columns: {list(ddf.columns)})")
    for col in (published_column, id_column):
        if col is not None and col not in ddf.columns:
            raise KeyError(f"no column {col!r} in the DataFrame")
    import pandas as pd

    meta = ddf._meta.copy()
    for col, dtype in RECORD_COLUMNS.items():
        meta[col] = pd.Series(dtype=dtype, index=meta.index)
    return ddf.map_partitions(
        _enrich_frame,
        text_column,
        published_column,
        id_column,
        tuple(stages),
        batch_size,
        on_error,
        meta=meta,
    )


# -- tables ----------------------------------------------------------------------------------

_TABLES = ("articles", "entities", "times", "segments", "quotes")


def _bag_tables(records: list[dict], partition: int, include: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict]] = {t: [] for t in include}
    for pos, rec in enumerate(records):
        if "error" in rec and "text" not in rec:
            continue  # an item that failed (enrich_bag(on_error="record"))
        key = rec.get("id")
        if key is None:
            key = f"{partition}:{pos}"
        for table, table_rows in article_rows(rec, key, include).items():
            rows[table].extend(table_rows)
    return dict(rows_to_frames(rows, include))


def _frame_tables(df: pd.DataFrame, include: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict]] = {t: [] for t in include}
    for index_value, raw in zip(df.index, df["record"]):
        if not isinstance(raw, str):
            continue  # a row that failed (enrich_dataframe(on_error="record"))
        rec = json.loads(raw)
        key = rec.get("id")
        if key is None:
            key = _plain(index_value)
        for table, table_rows in article_rows(rec, key, include).items():
            rows[table].extend(table_rows)
    return dict(rows_to_frames(rows, include))


def _pick(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return tables[name]


def to_tables(
    enriched: dask.bag.Bag | dask.dataframe.DataFrame,
    include: Sequence[str] = _TABLES,
) -> dict[str, dask.dataframe.DataFrame]:
    """Dask DataFrames ``articles``, ``entities``, ``times`` and ``segments`` (also ``tokens`` and
    ``sentences`` when asked for in ``include``), with the columns of :func:`newsnlp.to_frames`.

    ``enriched`` is the output of :func:`enrich_bag` (the ``article`` column is the record's
    ``id``, else ``"<partition>:<position>"``) or of :func:`enrich_dataframe` (the ``id`` from
    ``id_column``, else the DataFrame's index value). The tables share their upstream
    computation: compute them together (``dask.compute(*tables.values())``), or ``persist()`` the
    enriched collection first, so that each article is enriched once. To write a table to
    Parquet, give its schema (the meta's object columns are empty, so Dask cannot infer it):
    ``tables["entities"].to_parquet(path, schema=arrow_schema("entities"))``.
    """
    import dask
    import dask.dataframe as dd

    include = tuple(include)
    unknown = [t for t in include if t not in SCHEMAS]
    if unknown:
        raise ValueError(f"unknown table(s) {unknown}; known: {list(SCHEMAS)}")
    if isinstance(enriched, dd.DataFrame):
        if "record" not in enriched.columns:
            raise ValueError("the DataFrame has no 'record' column: pass the output of enrich_dataframe")
        parts = enriched.to_delayed()
        per_part = [dask.delayed(_frame_tables)(p, include) for p in parts]
    else:
        parts = enriched.to_delayed()
        per_part = [dask.delayed(_bag_tables)(p, i, include) for i, p in enumerate(parts)]
    out = {}
    # keep object columns as they are: Dask's Arrow-string conversion would turn the list
    # columns (authors, flags, ...) into their string repr
    with dask.config.set({"dataframe.convert-string": False}):
        for name in include:
            pieces = [dask.delayed(_pick)(t, name) for t in per_part]
            out[name] = dd.from_delayed(pieces, meta=empty_frame(name), verify_meta=False)
    return out
