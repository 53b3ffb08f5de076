"""Flat pandas tables and Parquet files (``newsnlp.to_frames``, ``to_parquet``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import newsnlp
from newsnlp.integrations.frames import timex_date, to_frames, to_parquet
from tests.integrations.corpus import invented_items

TEXT = (
    "JAKARTA, KOMPAS.com - Presiden Joko Widodo membuka pameran di Jakarta pada Senin (3/8/2020). "
    "Pameran itu digelar sejak Agustus 2020 selama dua minggu dan berakhir saat ini."
)


@pytest.fixture(scope="module")
def articles(default_pipeline):
    return [default_pipeline(TEXT), *default_pipeline.pipe(invented_items(4))]


def test_lazy_export_is_the_function():
    assert newsnlp.to_frames is to_frames


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-08-02", dt.date(2020, 8, 2)),
        ("2020-08", dt.date(2020, 8, 1)),
        ("2020", dt.date(2020, 1, 1)),
        ("2020-02-31", None),
        ("2020-W33", None),
        ("2020-Q3", None),
        ("2014-12-30TAF", None),
        ("2020-08-03T14:20", None),
        ("P2W", None),
        ("PRESENT_REF", None),
        (None, None),
    ],
)
def test_timex_date(value, expected):
    assert timex_date(value) == expected


def test_tables_match_the_records(articles):
    frames = to_frames(articles)
    assert list(frames) == ["articles", "entities", "times", "segments", "quotes", "tokens"]
    assert frames.articles["article"].tolist() == [0, 1, 2, 3, 4]
    assert len(frames.entities) == sum(len(a.entities) for a in articles)
    assert len(frames.tokens) == sum(len(a.tokens) for a in articles)
    assert frames.articles["n_tokens"].tolist() == [len(a.tokens) for a in articles]
    texts = dict(zip(frames.articles["article"], frames.articles["text"]))
    for name in ("entities", "times", "segments", "quotes", "tokens"):
        df = frames[name]
        for key, start, end, text in zip(df["article"], df["start"], df["end"], df["text"]):
            assert texts[key][start:end] == text
    ents = frames.entities[frames.entities["article"] == 0]
    assert "Joko Widodo" in set(ents["text"])
    assert set(ents["label"]) <= set(newsnlp.record.ENTITY_LABELS)
    assert ents["entity_id"].dtype == "Int64"


def test_times_have_dates(articles):
    times = to_frames(articles[0], include="times").times
    by_text = dict(zip(times["text"], times["date"]))
    assert by_text["Senin (3/8/2020)"] == pd.Timestamp("2020-08-03")
    assert by_text["Agustus 2020"] == pd.Timestamp("2020-08-01")
    durations = times[times["type"] == "DURATION"]
    assert len(durations) >= 1 and durations["date"].isna().all()
    assert pd.api.types.is_datetime64_any_dtype(times["date"])


def test_dicts_and_ids(articles):
    dicts = [dict(a.to_dict(), id=f"x{i}") for i, a in enumerate(articles)]
    frames = to_frames(dicts, include=("articles", "entities"))
    assert frames.articles["article"].tolist() == [f"x{i}" for i in range(len(articles))]
    assert set(frames.entities["article"]) <= set(frames.articles["article"])
    named = to_frames(articles, include=["articles"], ids=list("abcde"))
    assert named.articles["article"].tolist() == list("abcde")
    assert named.articles.loc[0, "published_date"] == pd.Timestamp("2020-08-03")
    with pytest.raises(ValueError):
        to_frames(articles, ids=["only-one"])
    with pytest.raises(ValueError):
        to_frames(articles, include=("nope",))


def test_empty_input_keeps_columns():
    frames = to_frames([], include=("articles", "times"))
    assert len(frames.times) == 0
    assert "date" in frames.times.columns and "published" in frames.articles.columns


def test_parquet_round_trip(articles, tmp_path):
    paths = to_parquet(articles, tmp_path / "out", ids=[f"id{i}" for i in range(len(articles))])
    assert sorted(p.name for p in paths.values()) == sorted(
        f"{t}.parquet" for t in ("articles", "entities", "times", "segments", "quotes", "tokens")
    )
    frames = to_frames(articles, ids=[f"id{i}" for i in range(len(articles))])
    ents = pd.read_parquet(paths["entities"])
    assert ents["text"].tolist() == frames.entities["text"].tolist()
    assert ents["start"].tolist() == frames.entities["start"].tolist()
    times = pd.read_parquet(paths["times"])
    assert times["date"].tolist() == frames.times["date"].tolist()
    arts = pd.read_parquet(paths["articles"])
    assert [list(x) for x in arts["authors"]] == [list(x) for x in frames.articles["authors"]]


def test_error_records_are_skipped():
    from newsnlp import enrich_many

    items = [
        {"text": "Banjir melanda Bekasi pada Senin (3/8/2020)."},
        {"text": 42},
        "Gempa di Malang kemarin.",
    ]
    results = list(enrich_many(items, on_error="record", progress=False))
    assert isinstance(results[1], dict) and results[1]["error"]
    frames = to_frames(results, include=("articles", "times"))
    assert frames.articles["article"].tolist() == [0, 2]
    assert set(frames.times["article"]) <= {0, 2}


OUT_OF_RANGE = {
    "text": "Candi itu dibangun tahun 1500 dan dipugar 18/6/2926, kata Joko pada 3 Agustus 2020.",
    "metadata": {"published": "1500-02-03"},
    "times": [
        {"start": 19, "end": 29, "text": "tahun 1500", "type": "DATE", "value": "1500"},
        {"start": 42, "end": 51, "text": "18/6/2926", "type": "DATE", "value": "2926-06-18"},
        {"start": 68, "end": 83, "text": "3 Agustus 2020", "type": "DATE", "value": "2020-08-03"},
    ],
}


def test_dates_outside_the_datetime64_range_do_not_break_the_tables():
    """A year outside 1677-2262 (``tahun 1500``, a typo ``2926``) gives ``NaT`` in the datetime
    column and keeps its exact value in the ISO string column (pandas 3 used to raise
    OutOfBoundsDatetime for the whole table)."""
    frames = to_frames([OUT_OF_RANGE], include=("articles", "times"))
    times = frames.times
    assert times["value"].tolist() == ["1500", "2926-06-18", "2020-08-03"]
    assert times["date"].isna().tolist() == [True, True, False]
    assert times["date"].iloc[2] == pd.Timestamp("2020-08-03")
    assert str(times["date"].dtype) == "datetime64[ns]"
    assert frames.articles["published"].tolist() == ["1500-02-03"]
    assert frames.articles["published_date"].isna().all()


def test_without_pandas_the_error_names_the_extra(monkeypatch):
    import sys

    from newsnlp.errors import MissingDependencyError

    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed
    with pytest.raises(MissingDependencyError, match=r'pip install "newsnlp\[frames\]"') as info:
        to_frames([OUT_OF_RANGE])
    assert isinstance(info.value, ImportError) and info.value.name == "pandas"
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingDependencyError, match="pyarrow"):
        to_parquet([OUT_OF_RANGE], "unused")


def test_batch_lines_use_their_row_when_they_have_no_id():
    lines = [
        {"row": 4, "id": None, **OUT_OF_RANGE},
        {"row": 5, "id": None, "error": "InputError", "message": "x"},
        {"row": 6, "id": "b", **OUT_OF_RANGE},
    ]
    assert to_frames(lines, include="articles").articles["article"].tolist() == [4, "b"]


def test_quotes_table_flattens_cue_and_speaker_and_names_the_speakers_entity(default_pipeline):
    text = (
        "Menteri Keuangan Sri Mulyani Indrawati hadir di Jakarta. "
        '"Anggaran tahun depan akan dijaga tetap sehat," kata Sri Mulyani, Senin (3/8/2020).'
    )
    art = default_pipeline(text, published="2020-08-04")
    frames = to_frames([art], include=("articles", "quotes"))
    quotes = frames.quotes
    assert len(quotes) == len(art.quotes) >= 1
    row = quotes.iloc[0]
    q = art.quotes[0]
    assert text[row.start : row.end] == row.text == q.text
    assert row.cue == "kata" and text[row.cue_start : row.cue_end] == "kata"
    assert text[row.speaker_start : row.speaker_end] == row.speaker
    assert row.speaker_canonical == "Sri Mulyani Indrawati"
    assert row.speaker_label == "PER"
    assert frames.articles.n_quotes.iloc[0] == len(art.quotes)
    assert str(quotes.dtypes["speaker_entity_id"]) == "Int64"


def test_quotes_table_of_an_article_without_quotes_is_empty_with_its_columns(default_pipeline):
    frames = to_frames([default_pipeline(TEXT)], include=("quotes",))
    assert frames.quotes.empty
    assert "speaker_label" in frames.quotes.columns
