"""``published`` as corpora hold it (issue #19, item 10): Indonesian and English date strings,
day-first numeric dates, ``YYYYMMDD`` integers, pandas and numpy date types, and missing values
(``None``, ``NaN``, ``NaT``, ``pd.NA``, blank) meaning "infer it"."""

from __future__ import annotations

import datetime as dt

import pytest

from newsnlp.errors import PublishedDateError
from newsnlp.input import normalise_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jumat, 5 Maret 2021 10:00 WIB", "2021-03-05T10:00+07:00"),
        ("Jum'at, 05 Maret 2021 pukul 10.00 WITA", "2021-03-05T10:00+08:00"),
        ("Senin, 3 Agustus 2020 14:20", "2020-08-03T14:20"),
        ("5 Mar 2021", "2021-03-05"),
        ("17 Agt. 2020", "2020-08-17"),
        ("5 maret 2021", "2021-03-05"),
        ("Friday, March 5, 2021", "2021-03-05"),
        ("March 5, 2021 10:00 UTC", "2021-03-05T10:00+00:00"),
        ("05/03/2021", "2021-03-05"),
        ("5-3-2021 10:00", "2021-03-05T10:00"),
        ("05.03.2021, 10.00 WIB", "2021-03-05T10:00+07:00"),
        ("20200803", "2020-08-03"),
        (20200803, "2020-08-03"),
        ("2020-08-03", "2020-08-03"),
        ("2020-08-03T14:20:00+07:00", "2020-08-03T14:20+07:00"),
        ("  ", None),
        (float("nan"), None),
        (None, None),
    ],
)
def test_published_strings_and_numbers(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "kemarin",
        "31/2/2020",
        "2020-02-31",
        "Jumat, 5 Maretan 2021",
        "Kamisan, 5 Maret 2021",
        "5 Maret 2021 10:00 XYZ",
        "5 Maret 2021 WIB",
        2020083,
        True,
        ["2020"],
        "17 Aguſtus 2020",  # an unstable letter is not a month name: an error, never a crash
    ],
)
def test_unparsable_published(value):
    with pytest.raises(PublishedDateError):
        normalise_published(value)


def test_pandas_and_numpy_types():
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    assert normalise_published(pd.NaT) is None
    assert normalise_published(pd.NA) is None
    assert normalise_published(np.datetime64("NaT")) is None
    assert normalise_published(np.nan) is None
    assert normalise_published(pd.Timestamp("2021-03-05 10:00")) == "2021-03-05T10:00"
    assert (
        normalise_published(pd.Timestamp("2021-03-05 10:00", tz="Asia/Jakarta")) == "2021-03-05T10:00+07:00"
    )
    assert normalise_published(np.datetime64("2021-03-05T10:00")) == "2021-03-05T10:00"
    assert normalise_published(np.datetime64("2021-03-05")) == "2021-03-05T00:00"
    assert normalise_published(np.int64(20210305)) == "2021-03-05"
    assert normalise_published(dt.date(2021, 3, 5)) == "2021-03-05"


def test_missing_published_is_inferred_in_a_pipeline():
    pd = pytest.importorskip("pandas")
    from newsnlp import Pipeline

    nlp = Pipeline(stages=("time",))
    text = "Banjir melanda Senin (3/8/2020) pukul 14.20 WIB."
    for missing in (None, float("nan"), pd.NaT, ""):
        art = nlp(text, published=missing)
        assert art.metadata.published_source == "inferred"
        assert art.metadata.published == "2020-08-03T14:20+07:00"
    art = nlp(text, published="Selasa, 4 Agustus 2020 09:00 WIB")
    assert (art.metadata.published, art.metadata.published_source) == ("2020-08-04T09:00+07:00", "given")
