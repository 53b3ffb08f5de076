"""Dask on a real two-process LocalCluster gives what enrich_many gives on the same input."""

from __future__ import annotations

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest

import newsnlp.dask as nd
from newsnlp import enrich_many
from newsnlp.integrations.frames import to_frames
from newsnlp.record import Article
from tests.integrations.corpus import invented_items

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        worker_class=distributed.Nanny,
    )
    cl = distributed.Client(cluster)
    yield cl
    cl.close()
    cluster.close()


@pytest.fixture(scope="module")
def items():
    return invented_items(20)


@pytest.fixture(scope="module")
def reference(items, default_pipeline):
    return [a.to_dict() for a in enrich_many(items, progress=False)]


def test_bag_equals_enrich_many(client, items, reference):
    records = nd.enrich_bag(db.from_sequence(items, npartitions=4), batch_size=3).compute()
    assert [r["id"] for r in records] == [it["id"] for it in items]
    assert [{k: v for k, v in r.items() if k != "id"} for r in records] == reference
    # each worker process built its pipeline once, for all its partitions
    loads = client.run(nd.pipeline_loads)
    assert len(loads) == 2
    assert all(sum(per_worker.values()) == 1 for per_worker in loads.values())
    assert sum(1 for per_worker in loads.values() if per_worker) == 2

    tables = nd.to_tables(db.from_sequence(records, npartitions=3))
    got = dict(zip(tables, dask.compute(*tables.values())))
    want = to_frames([Article.from_dict(r) for r in reference], ids=[it["id"] for it in items])
    for name in ("articles", "entities", "times", "segments"):
        _same(got[name], want[name])


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    """Equal values; dask may store text columns as Arrow strings (missing = NA, not None)."""

    def plain(df):
        df = df.reset_index(drop=True)
        return df.astype(object).where(df.notna(), None)

    assert list(got.columns) == list(want.columns)
    pd.testing.assert_frame_equal(plain(got), plain(want))


def test_dataframe_equals_enrich_many(client, items, reference):
    pdf = pd.DataFrame(
        {
            "key": [it["id"] for it in items],
            "body": [it["text"] for it in items],
            "date": [it.get("published") for it in items],
        }
    )
    ddf = dd.from_pandas(pdf, npartitions=3)
    enriched = nd.enrich_dataframe(ddf, text_column="body", published_column="date", id_column="key")
    enriched = enriched.persist()  # enrich once for the compute and the tables below
    out = enriched.compute()
    assert out.index.tolist() == pdf.index.tolist()
    records = [Article.from_json(r).to_dict() for r in out["record"]]
    assert records == reference
    assert out["n_entities"].tolist() == [len(r["entities"]) for r in reference]
    assert out["published"].tolist() == [r["metadata"]["published"] for r in reference]
    tables = nd.to_tables(enriched, include=("articles", "times"))
    arts, times = dask.compute(tables["articles"], tables["times"])
    assert sorted(arts["article"]) == sorted(pdf["key"])
    want = to_frames([Article.from_dict(r) for r in reference], include="times", ids=list(pdf["key"]))
    _same(times, want.times)
    with pytest.raises(KeyError):
        nd.enrich_dataframe(ddf, text_column="nope")


def test_bad_items(client, items):
    mixed = [items[0], {"id": "bad", "text": 42}, items[1]]
    recorded = nd.enrich_bag(db.from_sequence(mixed, npartitions=1), on_error="record").compute()
    assert [r.get("error") for r in recorded] == [None, "InputTypeError", None]
    assert recorded[1]["id"] == "bad" and recorded[2]["id"] == items[1]["id"]
    skipped = nd.enrich_bag(db.from_sequence(mixed, npartitions=1), on_error="skip").compute()
    assert [r["id"] for r in skipped] == [items[0]["id"], items[1]["id"]]
    arts = nd.to_tables(db.from_sequence(recorded, npartitions=1), include=("articles",))[
        "articles"
    ].compute()
    assert arts["article"].tolist() == [items[0]["id"], items[1]["id"]]
    with pytest.raises(Exception, match="text"):
        nd.enrich_bag(db.from_sequence(mixed, npartitions=1)).compute()

    pdf = pd.DataFrame({"text": [items[0]["text"], None, items[1]["text"]]}, index=[10, 11, 12])
    out = nd.enrich_dataframe(dd.from_pandas(pdf, npartitions=1), on_error="record").compute()
    assert out["error"].isna().tolist() == [True, False, True]
    assert out.loc[11, "n_tokens"] == 0 and out.loc[10, "n_tokens"] > 0


def test_to_tables_with_dates_outside_the_datetime64_range():
    """An out-of-range resolved date no longer kills the Dask tables (computed locally)."""
    from tests.integrations.test_frames import OUT_OF_RANGE

    records = db.from_sequence([dict(OUT_OF_RANGE, id="x")], npartitions=1)
    tables = nd.to_tables(records, include=("articles", "times"))
    arts, times = dask.compute(tables["articles"], tables["times"], scheduler="sync")
    assert times["value"].tolist() == ["1500", "2926-06-18", "2020-08-03"]
    assert times["date"].isna().tolist() == [True, True, False]
    assert arts["published_date"].isna().all() and arts["article"].tolist() == ["x"]
