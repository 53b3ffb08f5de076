"""``newsnlp batch`` end to end: ids, kept columns, resume, bad rows, formats, layers, progress."""

from __future__ import annotations

import csv
import gzip
import json

import pytest

from newsnlp.batch import parquet as pqmod
from tests.batch.conftest import jsonl, write_jsonl

TEXTS = [f"Banjir merendam {i} rumah di Bekasi, Senin (3/8/2020)." for i in range(6)]


def _csv(path, rows, fields):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_rows_without_ids_resume_after_an_interruption(tmp_path, batch, fmt):
    """No id column: each row is keyed by its row number, so a resume after an interrupted run
    enriches exactly the missing rows (it used to give every row the id None)."""
    rows = [{"outlet": f"o{i}", "text": t} for i, t in enumerate(TEXTS)]
    if fmt == "csv":
        src = _csv(tmp_path / "in.csv", rows, ["outlet", "text"])
    else:
        pa = pytest.importorskip("pyarrow")
        import pyarrow.parquet as pq

        src = tmp_path / "in.parquet"
        pq.write_table(pa.Table.from_pylist(rows), src)
    out = tmp_path / "out.jsonl"
    assert batch(src, "-o", out)[0] == 0
    full = out.read_bytes()
    out.write_bytes(full[: full.index(b"\n", len(full) // 3) + 1])  # the run was interrupted
    code, err = batch(src, "-o", out, "--resume")
    assert code == 0 and "skipped (already in output)" in err
    got = jsonl(out)
    assert [r["row"] for r in got] == list(range(6)) and {r["id"] for r in got} == {None}
    assert [r["input"]["outlet"] for r in got] == [f"o{i}" for i in range(6)]  # joinable back
    assert out.read_bytes() == full


def test_keep_columns(tmp_path, batch):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": TEXTS[0], "outlet": "k", "source": "s"}])
    out = tmp_path / "out.jsonl"
    batch(src, "-o", out)
    assert jsonl(out)[0]["input"] == {"outlet": "k", "source": "s"}  # all by default
    batch(src, "-o", out, "--keep-columns", "source")
    assert jsonl(out)[0]["input"] == {"source": "s"}
    batch(src, "-o", out, "--keep-columns", "none")
    assert "input" not in jsonl(out)[0]


def test_ids_of_every_json_type(tmp_path, batch):
    """null ids are not one id, a missing id does not clash with an explicit one, a list id is an
    error row (not a traceback)."""
    rows = [
        {"id": None, "text": TEXTS[0]},
        {"id": None, "text": TEXTS[1]},
        {"text": TEXTS[2]},
        {"id": 2, "text": TEXTS[3]},  # the row number of the row before
        {"id": [1, 2], "text": TEXTS[4]},
        {"id": 2, "text": TEXTS[5]},  # a duplicate id
    ]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    code, _ = batch(src, "-o", out)
    assert code == 1
    got = jsonl(out)
    assert [r["id"] for r in got] == [None, None, None, 2, None, 2]
    assert "id must be a string, a number or a boolean, got a list" in got[4]["message"]
    full = out.read_bytes()
    out.write_bytes(full[: full.index(b"\n") + 1])  # only the first row survived
    code, err = batch(src, "-o", out, "--resume")
    assert "1 skipped" in err
    assert out.read_bytes() == full


def test_a_malformed_line_is_an_error_row_and_the_rest_goes_on(tmp_path, batch):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": TEXTS[0]})
        + '\n{"id": "b", "text": "putus\n'
        + json.dumps({"id": "c", "text": TEXTS[1]})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    code, err = batch(src, "-o", out)
    assert code == 1 and "1 unreadable input rows" in err
    got = jsonl(out)
    assert [r["row"] for r in got] == [0, 1, 2]
    assert got[1]["error"] == "InputError" and "line 2" in got[1]["message"]
    code, err = batch(src, "-o", out, "--on-error", "skip")
    assert code == 1 and [r["id"] for r in jsonl(out)] == ["a", "c"]
    code, err = batch(src, "-o", out, "--on-error", "raise")
    assert code == 1 and "line 2" in err and "--on-error raise" in err
    assert [r["id"] for r in jsonl(out)] == ["a"]  # the good row before it is written


def test_raise_writes_every_good_row_read_before_the_bad_one(tmp_path, batch):
    rows = [{"id": i, "text": f"Gempa ke-{i} di Malang."} for i in range(21)]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{rusak\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _ = batch(src, "-o", out, "--on-error", "raise", "--batch-size", "64")
    assert code == 1 and [r["id"] for r in jsonl(out)] == list(range(21))


@pytest.mark.parametrize("name", ["out.csv", "out.json", "out", "out.parquet.gz"])
def test_output_format_comes_from_the_name_or_is_refused(tmp_path, batch, name):
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXTS[0]}])
    code, err = batch(src, "-o", tmp_path / name)
    assert code == 2 and "must end in one of" in err
    assert not (tmp_path / name).exists()


def test_missing_output_folder_fails_before_any_work(tmp_path, batch, monkeypatch):
    import newsnlp.api

    monkeypatch.setattr(newsnlp.api, "enrich_many", None)  # any enrichment would crash
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXTS[0]}])
    for name in ("out.jsonl", "out.parquet"):
        code, err = batch(src, "-o", tmp_path / "nope" / name)
        assert code == 2 and "does not exist" in err


def test_layers_and_gzip_make_the_output_small(tmp_path, batch):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(TEXTS)])
    full, small = tmp_path / "full.jsonl", tmp_path / "small.jsonl.gz"
    batch(src, "-o", full)
    batch(src, "-o", small, "--layers", "entities,times")
    assert jsonl(small)[0].keys() >= {"row", "id", "text", "metadata", "entities", "times"}
    assert "tokens" not in jsonl(small)[0] and "tokens" in jsonl(full)[0]
    assert small.stat().st_size * 5 < full.stat().st_size
    code, err = batch(src, "-o", full, "--layers", "tokens,nope")
    assert code == 2 and "unknown layer" in err


def test_quotes_layer_is_written_when_chosen(tmp_path, batch):
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": '"Harga akan naik," kata Budi di Jakarta.'}])
    stages = "text,entities,time,structure,quotes"
    code, err = batch(src, "-o", tmp_path / "out.jsonl", "--layers", "entities,quotes", "--stages", stages)
    assert code == 0 and "no 'quotes' layer" not in err
    record = jsonl(tmp_path / "out.jsonl")[0]
    assert [(q["text"], q["cue"]["text"], q["speaker"]["text"]) for q in record["quotes"]] == [
        ("Harga akan naik", "kata", "Budi")
    ]
    assert "tokens" not in record


def test_parquet_output_is_flat_tables_in_committed_parts(tmp_path, batch):
    pd = pytest.importorskip("pandas")
    from newsnlp.integrations.frames import SCHEMAS, to_frames

    rows = [
        {"id": f"d{i}", "text": t, "outlet": "kompas", "title": "input title"} for i, t in enumerate(TEXTS)
    ]
    src = write_jsonl(tmp_path / "in.jsonl", [*rows, {"id": "bad", "text": 5}])
    out = tmp_path / "out.parquet"
    code, _ = batch(src, "-o", out, "--part-size", "2", "--stages", "text,entities,time,structure")
    assert code == 1
    assert sorted(p.name for p in (out / "articles").iterdir()) == [f"part-0000{k}.parquet" for k in range(4)]
    arts = pd.read_parquet(out / "articles")
    assert arts["article"].tolist() == list(range(7)) and arts["id"].tolist()[:2] == ["d0", "d1"]
    assert arts["error"].tolist()[-1] == "InputTypeError" and arts["error"].isna().sum() == 6
    assert arts["outlet"].tolist()[0] == "kompas" and arts["input_title"].tolist()[0] == "input title"
    records = [r for r in jsonl_records(tmp_path, src, batch)]
    frames = to_frames(records, include=("articles", "entities", "times", "segments"), ids=list(range(6)))
    for table in ("entities", "times", "segments"):
        got = pd.read_parquet(out / table)
        assert list(got.columns) == list(SCHEMAS[table])
        want = frames[table]
        assert (
            got["text"].tolist() == want["text"].tolist()
            and got["article"].tolist() == want["article"].tolist()
        )
    assert "tokens" not in {p.name for p in out.iterdir()}  # not by default


def jsonl_records(tmp_path, src, batch):
    out = tmp_path / "records.jsonl"
    batch(src, "-o", out, "--stages", "text,entities,time,structure")
    return [r for r in jsonl(out) if "text" in r]


def test_parquet_output_is_written_while_the_batch_runs(tmp_path, batch, monkeypatch):
    """A part is committed every --part-size articles: an interruption keeps them."""
    import newsnlp.batch.run as run

    src = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": f"Gempa {i}."} for i in range(9)])
    out = tmp_path / "out.parquet"
    seen = []
    real_emit_check = pqmod.ParquetWriter.add

    def add(self, row, *args):
        seen.append(sorted(p.name for p in (out / "articles").iterdir() if not p.name.startswith(".")))
        if row.row == 7:
            raise KeyboardInterrupt
        return real_emit_check(self, row, *args)

    monkeypatch.setattr(pqmod.ParquetWriter, "add", add)
    monkeypatch.setattr(run, "_FLUSH_SECONDS", 0)
    code, err = batch(src, "-o", out, "--part-size", "3", "--batch-size", "1")
    assert code == 130 and "--resume" in err
    assert seen[4] == ["part-00000.parquet"] and seen[7] == ["part-00000.parquet", "part-00001.parquet"]
    monkeypatch.setattr(pqmod.ParquetWriter, "add", real_emit_check)
    assert batch(src, "-o", out, "--resume")[0] == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out / "articles").column("article").to_pylist() == list(range(9))


def test_parquet_resume_refuses_other_layers_and_foreign_folders(tmp_path, batch):
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXTS[0]}])
    out = tmp_path / "out.parquet"
    batch(src, "-o", out)
    code, err = batch(src, "-o", out, "--resume", "--layers", "entities")
    assert code == 2 and "resume with the same layers" in err
    other = tmp_path / "mine.parquet"
    other.mkdir()
    (other / "data.txt").write_text("x", encoding="utf-8")
    code, err = batch(src, "-o", other)
    assert code == 2 and "not a newsnlp batch output" in err and (other / "data.txt").exists()


def test_gzip_output_resumes_after_a_cut_member(tmp_path, batch):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(TEXTS)])
    out = tmp_path / "out.jsonl.gz"
    batch(src, "-o", out, "--batch-size", "2")
    full = gzip.decompress(out.read_bytes())
    data = out.read_bytes()
    out.write_bytes(data[: len(data) - 7])  # the last gzip member is cut
    code, err = batch(src, "-o", out, "--resume", "--batch-size", "2")
    assert code == 0 and "4 skipped" in err
    assert gzip.decompress(out.read_bytes()) == full


def test_resume_repairs_a_cut_last_line(tmp_path, batch):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(TEXTS)])
    out = tmp_path / "out.jsonl"
    batch(src, "-o", out)
    full = out.read_bytes()
    out.write_bytes(full[:-40])  # a full disk cut the last line
    for _ in range(2):  # and resuming twice changes nothing more
        code, _err = batch(src, "-o", out, "--resume")
        assert code == 0
        assert out.read_bytes() == full


def test_progress_bar_has_a_total_and_the_summary_comes_after_it(tmp_path, batch):
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": t} for t in TEXTS])
    code, err = batch(src, "-o", tmp_path / "out.jsonl", "--progress")
    assert code == 0
    assert "6/6" in err and " articles/s" in err and "article/s" not in err.replace(" articles/s", "")
    assert err.rstrip().splitlines()[-1].startswith("newsnlp batch: 6 enriched")
    assert err.rindex("6/6") < err.rindex("newsnlp batch: 6 enriched")


def test_an_input_that_ends_early_keeps_the_rows_before_it(tmp_path, batch):
    """A cut-off .gz input stops the batch after the rows read so far are enriched and written."""
    data = gzip.compress(
        b"".join(json.dumps({"id": i, "text": t}).encode() + b"\n" for i, t in enumerate(TEXTS))
    )
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(data[: len(data) - 12])
    out = tmp_path / "out.jsonl"
    code, err = batch(src, "-o", out)
    assert code == 2 and "stopped reading" in err
    assert [r["id"] for r in jsonl(out)] == list(range(len(jsonl(out))))
    assert len(jsonl(out)) >= 1


def test_parquet_tokens_table_when_asked(tmp_path, batch):
    pd = pytest.importorskip("pandas")
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": t} for t in TEXTS[:2]])
    out = tmp_path / "out.parquet"
    assert batch(src, "-o", out, "--layers", "tokens,sentences")[0] == 0
    tokens = pd.read_parquet(out / "tokens")
    arts = pd.read_parquet(out / "articles")
    assert sorted(p.name for p in out.iterdir()) == ["_newsnlp.json", "articles", "sentences", "tokens"]
    assert len(tokens) == arts["n_tokens"].sum() and set(tokens["article"]) == {0, 1}


def test_a_part_is_committed_when_it_gets_old(tmp_path, batch, monkeypatch):
    monkeypatch.setattr(pqmod, "PART_SECONDS", 0.0)
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": t} for t in TEXTS])
    out = tmp_path / "out.parquet"
    assert batch(src, "-o", out, "--batch-size", "2")[0] == 0  # part size 1000: committed by age
    assert len(list((out / "articles").iterdir())) == 3


@pytest.mark.parametrize("option", ["--workers", "--batch-size", "--part-size"])
def test_bad_numbers_are_refused_before_the_output_is_touched(tmp_path, batch, option):
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXTS[0]}])
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    code, err = batch(src, "-o", out, option, "0")
    assert code == 2 and "must be a positive number" in err
    assert out.read_text(encoding="utf-8") == "keep me\n"


def test_parquet_quotes_table_flattens_cue_and_speaker(tmp_path):
    import pyarrow.parquet as pq

    from newsnlp.batch.readers import Row

    writer = pqmod.ParquetWriter(tmp_path / "out.parquet", ("entities", "quotes"), {}, resume=False)
    quote = {
        "start": 11,
        "end": 13,
        "text": "ya",
        "type": "direct",
        "cue": {"start": 0, "end": 4, "text": "Kata"},
        "speaker": {"start": 5, "end": 9, "text": "Budi"},
        "speaker_entity_id": 0,
        "speaker_canonical": "Budi",
        "segment": "body",
    }
    entity = {"start": 5, "end": 9, "text": "Budi", "label": "PER", "entity_id": 0, "canonical": "Budi"}
    record = {"text": "Kata Budi: ya.", "entities": [entity], "quotes": [quote]}
    writer.add(Row(0), record, None, None)
    writer.close()
    (row,) = pq.read_table(tmp_path / "out.parquet" / "quotes").to_pylist()
    assert row["article"] == 0 and (row["start"], row["end"], row["text"]) == (11, 13, "ya")
    assert (row["cue"], row["cue_start"], row["speaker"], row["speaker_end"]) == ("Kata", 0, "Budi", 9)
    assert row["speaker_label"] == "PER" and row["speaker_canonical"] == "Budi"


def test_the_output_never_overwrites_the_input(tmp_path, batch):
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXTS[0]}])
    before = src.read_bytes()
    code, err = batch(src, "-o", src)
    assert code == 2 and "overwrite the input" in err and src.read_bytes() == before
