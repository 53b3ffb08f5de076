"""Flat tables of enriched articles for pandas (and Parquet, and Dask).

::

    from newsnlp import enrich_many, to_frames

    frames = to_frames(enrich_many(texts))
    frames.entities.groupby("canonical").size()

Every table has an ``article`` column holding the article's id: the ``ids=`` given, else the
``id`` key of an input dict (as ``newsnlp batch`` writes it), else the article's position in the
input. Span tables keep the exact character offsets of the record, so
``articles.text[start:end] == text`` still holds after a join.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError
from ..record import Article

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "LIST_COLUMNS",
    "TABLES",
    "Frames",
    "arrow_schema",
    "arrow_type",
    "article_rows",
    "empty_frame",
    "ns_date",
    "require",
    "rows_to_frames",
    "timex_date",
    "to_frames",
    "to_parquet",
]

#: The tables :func:`to_frames` can build, in their default order.
TABLES: tuple[str, ...] = ("articles", "entities", "times", "segments", "quotes", "tokens", "sentences")
DEFAULT_INCLUDE: tuple[str, ...] = ("articles", "entities", "times", "segments", "quotes", "tokens")

# Column -> pandas dtype of every table (the same for an empty table, for Parquet and for the
# ``meta`` of Dask DataFrames). ``article`` stays ``object``: ids may be ints or strings.
SCHEMAS: dict[str, dict[str, str]] = {
    "articles": {
        "article": "object",
        "title": "object",
        "published": "object",
        "published_date": "datetime64[ns]",
        "published_source": "object",
        "publisher": "object",
        "authors": "object",
        "editors": "object",
        "sources": "object",
        "url": "object",
        "language": "object",
        "n_chars": "int64",
        "n_tokens": "int64",
        "n_sentences": "int64",
        "n_entities": "int64",
        "n_times": "int64",
        "n_segments": "int64",
        "n_quotes": "int64",
        "stages": "object",
        "newsnlp_version": "object",
        "provenance": "object",
        "clean_text": "object",
        "text": "object",
    },
    "entities": {
        "article": "object",
        "start": "int64",
        "end": "int64",
        "text": "object",
        "label": "object",
        "canonical": "object",
        "entity_id": "Int64",
        "kb_id": "object",
        "segment": "object",
        "score": "float64",
        "title": "object",
        "role": "object",
        "source": "object",
    },
    "times": {
        "article": "object",
        "start": "int64",
        "end": "int64",
        "text": "object",
        "type": "object",
        "value": "object",
        "anchor": "object",
        "mod": "object",
        "segment": "object",
        "flags": "object",
        "date": "datetime64[ns]",
    },
    "segments": {
        "article": "object",
        "start": "int64",
        "end": "int64",
        "text": "object",
        "label": "object",
    },
    "quotes": {
        "article": "object",
        "start": "int64",
        "end": "int64",
        "text": "object",
        "type": "object",
        "cue": "object",
        "cue_start": "Int64",
        "cue_end": "Int64",
        "speaker": "object",
        "speaker_start": "Int64",
        "speaker_end": "Int64",
        "speaker_entity_id": "Int64",
        "speaker_canonical": "object",
        "speaker_label": "object",
        "segment": "object",
    },
    "tokens": {
        "article": "object",
        "i": "int64",
        "start": "int64",
        "end": "int64",
        "text": "object",
        "stem": "object",
        "is_stop": "bool",
        "lemma": "object",
        "pos": "object",
        "sentence": "int64",
        "clitic": "object",
        "ent": "object",
        "head": "Int64",
        "deprel": "object",
        "space_after": "bool",
    },
    "sentences": {
        "article": "object",
        "i": "int64",
        "start": "int64",
        "end": "int64",
        "text": "object",
        "segment": "object",
    },
}

#: Columns holding lists of strings (``object`` columns in pandas).
LIST_COLUMNS = frozenset({"authors", "editors", "sources", "stages", "flags"})


def arrow_type(pa: Any, column: str, dtype: str) -> Any:
    """The pyarrow type of ``column`` (pandas ``dtype`` of :data:`SCHEMAS`); ``pa`` is the
    pyarrow module."""
    if column in LIST_COLUMNS:
        return pa.list_(pa.string())
    return {
        "object": pa.string(),
        "int64": pa.int64(),
        "Int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "datetime64[ns]": pa.timestamp("ns"),
    }[dtype]


def arrow_schema(table: str, article: str = "string") -> Any:
    """The pyarrow schema of ``table`` (one of :data:`TABLES`), for Parquet writers that cannot
    infer it, such as Dask's ``to_parquet`` of :func:`newsnlp.dask.to_tables` (whose object
    columns are empty in the meta). ``article`` is the type of the ``article`` id column:
    ``"string"`` or ``"int64"``."""
    pa = require("pyarrow", "arrow_schema", "frames")
    ids = {"string": pa.string(), "int64": pa.int64()}
    if article not in ids:
        raise ValueError(f"article must be 'string' or 'int64', got {article!r}")
    return pa.schema(
        [(c, ids[article] if c == "article" else arrow_type(pa, c, t)) for c, t in SCHEMAS[table].items()]
    )


#: The calendar days a ``datetime64[ns]`` column can hold (pandas' ``Timestamp.min``/``max``).
NS_DATE_RANGE = (_dt.date(1677, 9, 22), _dt.date(2262, 4, 11))

#: Tables that :func:`article_rows` builds with rules of their own.
_SPECIAL_TABLES = ("articles", "times", "quotes", "tokens", "sentences")

_PLAIN_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def timex_date(value: str | None) -> _dt.date | None:
    """The calendar date of a TIMEX3 ``value`` that is a plain day, month or year, else ``None``.

    ``2020-08-02`` gives 2 August 2020, ``2020-08`` the 1st of August and ``2020`` the 1st of
    January; weeks, quarters, times, intervals, durations, decades and ``PRESENT_REF`` give
    ``None``, as does an impossible date.
    """
    if not value:
        return None
    m = _PLAIN_DATE.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def ns_date(day: _dt.date | None) -> _dt.datetime | None:
    """``day`` as a midnight ``datetime`` when a ``datetime64[ns]`` column can hold it, else
    ``None`` (years before 1677 or after 2262, such as ``tahun 1500`` or a typo ``2926``: the
    exact value stays in the ISO string column beside it)."""
    if day is None or not NS_DATE_RANGE[0] <= day <= NS_DATE_RANGE[1]:
        return None
    return _dt.datetime(day.year, day.month, day.day)


def require(module: str, feature: str, extra: str) -> Any:
    """Import ``module`` for ``feature``, or raise :class:`~newsnlp.errors.MissingDependencyError`
    naming the extra that installs it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(feature, module.split(".")[0], extra) from None


def _published_date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class Frames(dict):
    """The tables of :func:`to_frames`: a ``dict`` of name -> DataFrame, also readable as
    attributes (``frames.entities``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}: {len(v)} rows" for k, v in self.items())
        return f"Frames({inner})"


def _as_record(item: Any) -> tuple[dict[str, Any], Any]:
    """``(record dict, id or None)`` of an :class:`Article` or its dict (or JSON string)."""
    if isinstance(item, Article):
        return item.to_dict(), None
    if isinstance(item, str):
        import json

        item = json.loads(item)
    if isinstance(item, Mapping):
        if "text" not in item:
            raise TypeError(f"not an article record (no 'text' key): keys {sorted(item)[:10]}")
        key = item.get("id")
        return dict(item), key if key is not None else item.get("row")  # row: newsnlp batch lines
    raise TypeError(f"expected an Article or its dict, got {type(item).__name__}")


def _clean_text(rec: Mapping[str, Any]) -> str:
    if "clean_text" in rec:
        return rec["clean_text"] or ""
    return Article.from_dict(dict(rec)).clean_text


def _provenance_json(provenance: Mapping[str, Any] | None) -> str | None:
    """The record's provenance as compact JSON (one string per article: the same for every article
    of a run, so Parquet's dictionary encoding stores it once per row group)."""
    if not provenance:
        return None
    import json

    return json.dumps(provenance, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def article_rows(record: Mapping[str, Any], key: Any, include: Iterable[str]) -> dict[str, list[dict]]:
    """The rows each table gets from one article record (``Article.to_dict()`` shape)."""
    out: dict[str, list[dict]] = {}
    include = set(include)
    if "articles" in include:
        md = record.get("metadata") or {}
        out["articles"] = [
            {
                "article": key,
                "title": md.get("title"),
                "published": md.get("published"),
                "published_date": _published_date(md.get("published")),
                "published_source": md.get("published_source"),
                "publisher": md.get("publisher"),
                "authors": list(md.get("authors") or []),
                "editors": list(md.get("editors") or []),
                "sources": list(md.get("sources") or []),
                "url": md.get("url"),
                "language": record.get("language", "id"),
                "n_chars": len(record["text"]),
                "n_tokens": len(record.get("tokens") or []),
                "n_sentences": len(record.get("sentences") or []),
                "n_entities": len(record.get("entities") or []),
                "n_times": len(record.get("times") or []),
                "n_segments": len(record.get("segments") or []),
                "n_quotes": len(record.get("quotes") or []),
                "stages": list(record.get("stages") or []),
                "newsnlp_version": (record.get("provenance") or {}).get("newsnlp"),
                "provenance": _provenance_json(record.get("provenance")),
                "clean_text": _clean_text(record),
                "text": record["text"],
            }
        ]
    # span layers whose rows are their fields as they are
    for table in include:
        if table in SCHEMAS and table not in _SPECIAL_TABLES:
            cols = [c for c in SCHEMAS[table] if c != "article"]
            out[table] = [
                {"article": key, **{c: span.get(c) for c in cols}} for span in record.get(table) or []
            ]
    if "times" in include:
        cols = [c for c in SCHEMAS["times"] if c not in ("article", "date")]
        rows = []
        for span in record.get("times") or []:
            row = {"article": key, **{c: span.get(c) for c in cols}}
            row["flags"] = list(row["flags"] or [])
            row["date"] = timex_date(span.get("value"))
            rows.append(row)
        out["times"] = rows
    if "quotes" in include:
        out["quotes"] = _quote_rows(record, key)
    for table in ("tokens", "sentences"):
        if table in include:
            cols = [c for c in SCHEMAS[table] if c not in ("article", "i")]
            defaults = {"is_stop": False, "space_after": True, "sentence": 0}
            out[table] = [
                {"article": key, "i": i, **{c: span.get(c, defaults.get(c)) for c in cols}}
                for i, span in enumerate(record.get(table) or [])
            ]
    return out


def _quote_rows(record: Mapping[str, Any], key: Any) -> list[dict]:
    """One row per quote: the content span, the cue and speaker spans flattened into columns, and
    the speaker's entity label (of the entity group ``speaker_entity_id`` names)."""
    labels = {
        e.get("entity_id"): e.get("label")
        for e in record.get("entities") or []
        if e.get("entity_id") is not None
    }
    rows = []
    for q in record.get("quotes") or []:
        cue = q.get("cue") or {}
        speaker = q.get("speaker") or {}
        rows.append(
            {
                "article": key,
                "start": q["start"],
                "end": q["end"],
                "text": q.get("text"),
                "type": q.get("type"),
                "cue": cue.get("text"),
                "cue_start": cue.get("start"),
                "cue_end": cue.get("end"),
                "speaker": speaker.get("text"),
                "speaker_start": speaker.get("start"),
                "speaker_end": speaker.get("end"),
                "speaker_entity_id": q.get("speaker_entity_id"),
                "speaker_canonical": q.get("speaker_canonical"),
                "speaker_label": labels.get(q.get("speaker_entity_id")),
                "segment": q.get("segment"),
            }
        )
    return rows


def empty_frame(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of ``table``."""
    pd = require("pandas", "newsnlp's pandas tables", "frames")

    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in SCHEMAS[table].items()})


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    pd = require("pandas", "newsnlp's pandas tables", "frames")

    if not rows:
        return empty_frame(table)
    df = pd.DataFrame.from_records(rows, columns=list(SCHEMAS[table]))
    for col, dtype in SCHEMAS[table].items():
        if dtype.startswith("datetime64"):
            # Each day is checked against the range of the column's unit first: pandas 3 infers
            # a coarser unit from dates and would raise OutOfBoundsDatetime on the cast to ns.
            days = [ns_date(d) if isinstance(d, _dt.date) else None for d in df[col]]
            df[col] = pd.Series(days, index=df.index, dtype="object").astype(dtype)
        elif dtype in ("Int64", "int64", "float64", "bool"):
            df[col] = df[col].astype(dtype)
        else:
            df[col] = df[col].astype("object")
    return df


def rows_to_frames(rows: Mapping[str, list[dict]], include: Sequence[str]) -> Frames:
    """DataFrames from the rows of :func:`article_rows` (merged over articles)."""
    return Frames({t: _frame(t, list(rows.get(t, []))) for t in include})


def _check_include(include: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(include, str):
        include = (include,)
    include = tuple(include)
    unknown = [t for t in include if t not in SCHEMAS]
    if unknown:
        raise ValueError(f"unknown table(s) {unknown}; known: {list(SCHEMAS)}")
    return include


def to_frames(
    articles: Iterable[Article | Mapping[str, Any]] | Article,
    include: Iterable[str] | str = DEFAULT_INCLUDE,
    ids: Sequence[Any] | None = None,
) -> Frames:
    """Flat pandas tables of enriched articles, one row per article, entity, time, segment, token.

    ``articles`` are :class:`~newsnlp.record.Article` objects, their ``to_dict()`` dicts (for
    example the lines ``newsnlp batch`` writes) or one single article. ``include`` picks the
    tables among ``articles``, ``entities``, ``times``, ``segments``, ``tokens`` and
    ``sentences``. ``ids`` gives the value of the ``article`` column of each article (default:
    the dict's ``id`` key, else its ``row`` (the input row of a ``newsnlp batch`` line), else the
    position in the input). The error records of
    ``enrich_many(..., on_error="record")`` are skipped (their position is still counted).

    The ``times`` table has a ``date`` column: the value as a pandas Timestamp when it is a plain
    day, month or year (``2020-08-02``, ``2020-08``, ``2020``), else ``NaT``.
    Returns a :class:`Frames` (a dict of DataFrames, with attribute access).
    """
    include = _check_include(include)
    require("pandas", "to_frames", "frames")  # before any work: a clear error naming the extra
    if isinstance(articles, (Article, Mapping)):
        articles = [articles]
    id_list = list(ids) if ids is not None else None
    rows: dict[str, list[dict]] = {t: [] for t in include}
    n = 0
    for n, item in enumerate(articles, start=1):
        if isinstance(item, Mapping) and "error" in item and "text" not in item:
            continue  # an ErrorRecord of enrich_many(on_error="record"): no row, position kept
        record, own_id = _as_record(item)
        if id_list is not None:
            if n > len(id_list):
                raise ValueError(f"ids has {len(id_list)} values but there are more articles")
            key = id_list[n - 1]
        else:
            key = own_id if own_id is not None else n - 1
        for table, table_rows in article_rows(record, key, include).items():
            rows[table].extend(table_rows)
    if id_list is not None and n != len(id_list):
        raise ValueError(f"ids has {len(id_list)} values for {n} articles")
    return rows_to_frames(rows, include)


def to_parquet(
    articles: Iterable[Article | Mapping[str, Any]] | Article,
    directory: str | Path,
    include: Iterable[str] | str = DEFAULT_INCLUDE,
    ids: Sequence[Any] | None = None,
) -> dict[str, Path]:
    """Write the tables of :func:`to_frames` as ``directory/<table>.parquet`` (pyarrow).

    Returns the path of each file written. Read them back with ``pandas.read_parquet``.
    """
    require("pyarrow", "to_parquet", "frames")
    frames = to_frames(articles, include=include, ids=ids)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, df in frames.items():
        path = out / f"{name}.parquet"
        df.to_parquet(path, engine="pyarrow", index=False)
        paths[name] = path
    return paths
