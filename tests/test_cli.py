"""The newsnlp command."""

from __future__ import annotations

import json
import os
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


def test_pretty_lists_a_written_form_once_whatever_its_spaces(capsys, tmp_path):
    # a name written once with a no-break space (as scraped pages do) is the same written form
    text = tmp_path / "a.txt"
    text.write_text(
        "Presiden Donald\u00a0Trump tiba di Jakarta pada Senin (3/8/2020). "
        "Donald Trump bertemu warga. Trump lalu pulang.",
        encoding="utf-8",
    )
    assert main(["enrich", str(text), "--format", "pretty", "--published", "2020-08-03"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "Donald Trump, Trump" in line)
    assert row.count("Donald Trump") == 2  # the canonical name and one written form


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


def _cli(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "newsnlp", *args], capture_output=True, text=True, timeout=180, **kwargs
    )


def test_console_script_runs():
    proc = _cli("enrich", str(SEED), "--format", "jsonl")
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
    arts = pq.read_table(out / "articles").to_pylist()
    assert [r["id"] for r in arts] == ["d0", "d1"]
    assert arts[0]["published"] == "2020-08-04" and arts[0]["input_published"] == "2020-08-04"
    times = pq.read_table(out / "times").to_pylist()
    assert any(t["value"] == "2020-08-03" and t["article"] == 0 for t in times)
    with open(src, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["doc", "isi", "published"])
        writer.writeheader()
        writer.writerows(rows)
    assert main([*args, "--resume"]) == 0
    assert [r["id"] for r in pq.read_table(out / "articles").to_pylist()] == ["d0", "d1", "d2", "d3"]


def test_batch_parquet_in(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": 7, "text": "KPK menahan dua tersangka kemarin."}]), src)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--quiet"]) == 0
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["id"] == 7 and row["row"] == 0 and row["text"].startswith("KPK")


def test_version():
    import newsnlp

    proc = _cli("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"newsnlp {newsnlp.__version__}"


def test_info(capsys):
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "newsnlp 0" in out and "spacy" in out
    assert "ner_model" in out and "precision:" in out and "PER 0." in out  # the model's scores
    assert "gazetteer/gazetteer.json.gz" in out and " MB" in out
    assert "* text" in out and "linguistic" in out
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["libraries"]["spacy"] and info["stages"][0]["name"] == "text"
    ner = next(d for d in info["data"] if d["path"] == "ner_model")
    assert ner["bytes"] > 100_000 and ner["scores"]["precision"]["PER"] > 0.5
    assert {"frames", "dask", "dev"} <= set(info["extras"])


def test_broken_pipe_is_quiet():
    """``newsnlp enrich ... | head``: the reader goes away; no traceback, no error message."""
    import subprocess as sp

    proc = sp.Popen(
        [sys.executable, "-m", "newsnlp", "enrich", str(SEED), str(SEED), str(SEED), "--format", "json"],
        stdout=sp.PIPE,
        stderr=sp.PIPE,
    )
    proc.stdout.read(100)
    proc.stdout.close()  # as head does after its lines
    err = proc.stderr.read().decode()
    proc.wait(timeout=180)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Broken pipe" not in err, err
    assert proc.returncode == 141


def test_batch_help_explains_every_option():
    from newsnlp.cli import build_parser

    parser = build_parser()
    batch = parser._subparsers._group_actions[0].choices["batch"]
    for action in batch._actions:
        assert action.help, f"batch option {action.option_strings or action.dest} has no help"
    text = batch.format_help()
    for word in ("--resume", "--on-error", "--keep-columns", "--layers", ".jsonl.gz", "exit status"):
        assert word in text


def test_ctrl_c_in_a_batch_is_one_clean_message(tmp_path):
    """Ctrl-C (SIGINT to the process group, as a terminal sends it) stops the batch: the rows
    done are kept, one message says to --resume, exit status 130; workers print nothing."""
    import signal
    import subprocess as sp
    import time

    src = tmp_path / "in.jsonl"
    rows = [{"id": i, "text": f"Gempa ke-{i} mengguncang Cianjur kemarin."} for i in range(3000)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsnlp", "batch", str(src), "-o", str(out), "--stages", "text"]
    cmd += ["--workers", "2", "--batch-size", "8"]
    proc = sp.Popen(cmd, stderr=sp.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while (not out.exists() or out.stat().st_size < 20_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    messages = [line for line in err.splitlines() if line.startswith("newsnlp")]
    assert len([m for m in messages if "interrupted" in m]) == 1 and "--resume" in messages[-1]
    done = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert done == list(range(len(done))) and 0 < len(done) < 3000
    again = _cli("batch", str(src), "-o", str(out), "--stages", "text", "--resume", "--quiet")
    assert again.returncode == 0
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == list(range(3000))


def test_render_batch_output_with_error_rows_and_limit(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    rows = [{"id": i, "text": f"Banjir di Bekasi ke-{i}."} for i in range(5)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows) + '{"id": 9, "text": 5}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl.gz"
    assert main(["batch", str(src), "-o", str(out), "--quiet", "--stages", "text"]) == 1
    capsys.readouterr()
    page = tmp_path / "page.html"
    assert main(["render", str(out), "-o", str(page)]) == 0
    err = capsys.readouterr().err
    assert "1 error row(s)" in err and page.read_text(encoding="utf-8").count("Banjir di Bekasi") == 5
    assert main(["render", str(out), "-o", str(page), "--limit", "2"]) == 0
    err = capsys.readouterr().err
    assert "rendered the first 2 records; 4 more line(s) not rendered" in err
