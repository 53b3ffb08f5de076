"""What the input room makes of what a caller passes: types checked, bytes decoded, ``published``
normalised and recorded, HTML recognised (through the pipeline, as users call it)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsnlp.errors import DecodingError, InputTypeError, NewsNLPError, PublishedDateError
from newsnlp.input import looks_like_html, normalise_published


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["a"], {"text": "x"}])
def test_wrong_input_type(text_pipeline, bad):
    with pytest.raises(InputTypeError) as info:
        text_pipeline(bad)
    assert "str or bytes" in str(info.value)
    assert isinstance(info.value, TypeError) and isinstance(info.value, NewsNLPError)


def test_bytes_are_decoded(text_pipeline):
    art = text_pipeline(b"Harga cabai naik di Kediri.")
    assert art.tokens[0].text == "Harga"


def test_undecodable_bytes(text_pipeline):
    with pytest.raises(DecodingError) as info:
        text_pipeline(b"Harga \xff\xfe naik")
    assert "utf-8" in str(info.value)


def test_other_encoding(text_pipeline):
    art = text_pipeline("Pukul 14.20 – dicatat".encode("cp1252"), encoding="cp1252")
    assert "–" in art.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-08-03", "2020-08-03"),
        (dt.date(2020, 8, 3), "2020-08-03"),
        (dt.datetime(2020, 8, 3, 14, 20), "2020-08-03T14:20"),
        ("2020-08-03T14:20:00+07:00", "2020-08-03T14:20+07:00"),
        ("2020-08-03 14:20", "2020-08-03T14:20"),
        (None, None),
    ],
)
def test_published_normalised(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["kemarin", "31/2/2020", "2020-02-31", 2020083, ["2020"]])
def test_unparsable_published(text_pipeline, value):
    with pytest.raises(PublishedDateError):
        text_pipeline("Harga naik.", published=value)


def test_published_given_is_recorded(text_pipeline):
    art = text_pipeline("Harga naik.", published="2020-08-03")
    assert art.metadata.published == "2020-08-03"
    assert art.metadata.published_source == "given"


def test_html_detection():
    assert looks_like_html("<!DOCTYPE html><html><body><p>Halo</p></body></html>")
    assert not looks_like_html("Dia menulis <p> di kode HTML-nya, lalu tertawa.")
