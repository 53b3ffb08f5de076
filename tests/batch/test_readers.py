"""Input of ``newsnlp batch``: one row per record, numbered, with errors in place."""

from __future__ import annotations

import gzip
import json

import pytest

from newsnlp.batch.readers import Reader, input_format, open_reader
from newsnlp.errors import InputError


def _read(path, content: bytes, **kw):
    path.write_bytes(content)
    return _rows(path, **kw)


def _rows(path, **kw):
    reader = Reader(path, kw.get("text_field", "text"), kw.get("id_field", "id"), kw.get("keep"))
    return reader, list(reader)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.jsonl", "jsonl"),
        ("a.jsonl.gz", "jsonl"),
        ("a.csv", "csv"),
        ("a.tsv.gz", "tsv"),
        ("a.parquet", "parquet"),
        ("a.txt", "jsonl"),
    ],
)
def test_input_format(tmp_path, name, fmt):
    assert input_format(tmp_path / name) == fmt


def test_jsonl_rows_are_line_positions_with_errors_in_place(tmp_path):
    reader, rows = _read(
        tmp_path / "in.jsonl",
        b'{"id": "a", "text": "Satu", "outlet": "kompas"}\n\n{rusak\n"dua"\n[1]\n'
        b'{"id": [1], "text": "x"}\n{"isi": "y"}\n{"text": "\xff"}\n',
    )
    assert [r.row for r in rows] == [0, 2, 3, 4, 5, 6, 7]  # the blank line is no row
    assert rows[0].id == "a" and rows[0].columns == {"outlet": "kompas"} and rows[0].item["text"] == "Satu"
    assert rows[1].error and "line 3" in rows[1].message
    assert rows[2].item == {"text": "dua"}
    assert "expected a JSON object or string" in rows[3].message
    assert "id must be" in rows[4].message and rows[4].id is None
    assert "no 'text' field" in rows[5].message
    assert "not a UTF-8 JSON line" in rows[6].message
    assert reader.scan() == (7, {"outlet": "str", "isi": "str"})


def test_csv_rows_without_an_id_column(tmp_path):
    reader, rows = _read(
        tmp_path / "in.csv",
        b'outlet,text,published\nkompas,"Banjir di\nBekasi",2020-08-03\ndetik,Gempa,\n'
        b"x,too,many,fields\ntempo,\xff\xfe,\n",
    )
    assert [(r.row, r.id) for r in rows] == [(0, None), (1, None), (2, None), (3, None)]
    assert rows[0].item == {"text": "Banjir di\nBekasi", "published": "2020-08-03"}
    assert rows[1].item == {"text": "Gempa"}  # an empty published cell means "infer"
    assert rows[0].columns == {"outlet": "kompas", "published": "2020-08-03"}
    assert "4 fields, the header has 3" in rows[2].message
    assert "not valid UTF-8" in rows[3].message
    assert reader.scan() == (4, {"outlet": "str", "published": "str"})


def test_csv_without_the_text_column_is_refused_before_reading(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("isi\nBanjir\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'text'"):
        Reader(src, "text", "id", None).scan()


def test_parquet_rows_keep_their_types(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    src = tmp_path / "in.parquet"
    table = pa.table({"text": ["Satu", "Dua"], "n": [1, 2], "tags": [["a"], []]})
    pq.write_table(table, src)
    reader, rows = _rows(src)
    assert [(r.row, r.id) for r in rows] == [(0, None), (1, None)]
    assert rows[1].columns == {"n": 2, "tags": []}
    count, kinds = reader.scan()
    assert count == 2 and kinds["n"] == pa.int64() and kinds["tags"] == pa.list_(pa.string())


def test_gzip_input_and_kept_columns(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(json.dumps({"id": 3, "text": "A", "x": 1, "y": 2}).encode() + b"\n"))
    _reader, rows = _rows(src, keep=["y"])
    assert rows[0].id == 3 and rows[0].columns == {"y": 2} and rows[0].item == {"text": "A", "id": 3}


def test_jsonl_column_kinds_unify(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [
        {"text": "a", "i": 1, "f": 1, "m": 1, "b": True, "l": [1]},
        {"text": "b", "f": 2.5, "m": "x", "i": None},
    ]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    _count, kinds = Reader(src, "text", "id", None).scan()
    assert kinds == {"i": "int", "f": "float", "m": "json", "b": "bool", "l": "json"}


def test_missing_input_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        open_reader(tmp_path / "nope.jsonl", "text", "id", None)
