"""The newsnlp command."""

from __future__ import annotations

import json
import subprocess
import sys

from newsnlp.cli import main
from tests.conftest import SEED


def test_enrich_json(capsys):
    assert main(["enrich", str(SEED), "--published", "2020-08-03"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["metadata"]["published"] == "2020-08-03"
    assert out["text"] == SEED.read_text(encoding="utf-8")
    for tok in out["tokens"]:
        assert out["text"][tok["start"] : tok["end"]] == tok["text"]


def test_enrich_jsonl_two_files(capsys, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("Banjir melanda Bekasi pada Senin (3/8/2020).", encoding="utf-8")
    assert main(["enrich", str(SEED), str(other), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1])["text"].startswith("Banjir")


def test_enrich_pretty(capsys):
    assert main(["enrich", str(SEED), "--format", "pretty"]) == 0
    out = capsys.readouterr().out
    assert "sentences" in out and "tokens" in out


def test_missing_file_is_an_error_not_a_crash(capsys, tmp_path):
    assert main(["enrich", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_bad_published_is_reported(capsys):
    assert main(["enrich", str(SEED), "--published", "kemarin"]) == 1
    assert "published" in capsys.readouterr().err


def test_batch_jsonl_and_resume(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": f"a{i}", "text": f"Gempa mengguncang Cianjur pada hari ke-{i}."} for i in range(5)]
    src.write_text("\n".join(json.dumps(r) for r in rows[:3]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--quiet"]) == 0
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a0", "a1", "a2"]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["batch", str(src), "-o", str(out), "--quiet", "--resume"]) == 0
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a0", "a1", "a2", "a3", "a4"]


def test_console_script_runs():
    proc = subprocess.run(
        [sys.executable, "-m", "newsnlp.cli", "enrich", str(SEED), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["language"] == "id"


def test_batch_csv_in_parquet_out_with_workers_and_resume(tmp_path):
    import csv

    import pyarrow.parquet as pq

    src = tmp_path / "in.csv"
    rows = [
        {
            "doc": f"d{i}",
            "isi": f"Banjir merendam {i} rumah di Bekasi, Senin (3/8/2020).",
            "published": "2020-08-04",
        }
        for i in range(4)
    ]
    with open(src, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["doc", "isi", "published"])
        writer.writeheader()
        writer.writerows(rows[:2])
    out = tmp_path / "out.parquet"
    args = ["batch", str(src), "-o", str(out), "--text-field", "isi", "--id-field", "doc", "--quiet"]
    assert main([*args, "--workers", "2"]) == 0
    table = pq.read_table(out).to_pylist()
    assert [r["id"] for r in table] == ["d0", "d1"]
    record = json.loads(table[0]["record"])
    assert record["metadata"]["published"] == "2020-08-04"
    assert any(t["value"] == "2020-08-03" for t in record["times"])
    with open(src, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["doc", "isi", "published"])
        writer.writeheader()
        writer.writerows(rows)
    assert main([*args, "--resume"]) == 0
    assert [r["id"] for r in pq.read_table(out).to_pylist()] == ["d0", "d1", "d2", "d3"]


def test_batch_parquet_in(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": 7, "text": "KPK menahan dua tersangka kemarin."}]), src)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--quiet"]) == 0
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["id"] == 7 and row["text"].startswith("KPK")
