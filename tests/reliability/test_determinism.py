"""The same input gives byte-identical JSON across runs, pipelines, threads and processes."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from newsnlp.api import ErrorRecord, enrich_many
from newsnlp.record import Article
from tests.reliability.invariants import check_record
from tests.reliability.test_odd_text import ODD_TEXTS

WORKER = Path(__file__).with_name("_determinism_worker.py")


def _run_worker(seed: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONHASHSEED=seed, OMP_NUM_THREADS="1", PYTHONWARNINGS="ignore")
    return subprocess.Popen(
        [sys.executable, str(WORKER)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )


def test_identical_json_across_processes_with_different_hash_seeds(default_pipeline, seed_text):
    """Two interpreters (PYTHONHASHSEED 0 and 2718, sockets disabled from the start) and this one
    produce the same bytes for the seed example, odd texts and an HTML page."""
    procs = [_run_worker("0"), _run_worker("2718")]
    outs = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode("utf-8", "replace")[-3000:]
        outs.append(out)
    assert outs[0] == outs[1]
    lines = outs[0].decode("utf-8").splitlines()
    assert len(lines) == 9
    here = default_pipeline(seed_text).to_json()
    assert lines[0] == here  # and the same as in this process (its own hash seed)
    for line in lines:
        check_record(Article.from_json(line))


def test_identical_json_across_runs(default_pipeline, seed_text):
    first = [default_pipeline(t).to_json() for t in (seed_text, *ODD_TEXTS.values())]
    again = [default_pipeline(t).to_json() for t in (seed_text, *ODD_TEXTS.values())]
    assert first == again
    batched = [a.to_json() for a in default_pipeline.pipe([seed_text, *ODD_TEXTS.values()], batch_size=7)]
    assert batched == first  # batching does not change the result


def test_pipeline_shared_by_threads(default_pipeline, seed_text):
    texts = [seed_text, *ODD_TEXTS.values(), seed_text.upper(), seed_text.replace("\n", "\r\n")]
    texts = [t for t in texts if len(t) < 20_000]
    sequential = [default_pipeline(t).to_json() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: default_pipeline(t).to_json(), texts * 2))
    assert threaded == sequential * 2


def test_enrich_many_record_keeps_going_in_place(seed_text):
    items = [
        seed_text,
        12345,
        b"\xff\xfeJakarta",
        {"id": "bad-date", "text": "Bekasi banjir.", "published": "kemarin sore"},
        None,
        "Jakarta \ud800 rusak",
        {"id": "ok", "text": b"Warga Sleman mengungsi, Senin (3/8/2020).", "published": "2020-08-03"},
        {"judul": "tanpa teks"},
        ["bukan", "teks"],
        "Penutup: Presiden Joko Widodo tiba di Bekasi.",
    ]
    results = list(enrich_many(items, on_error="record", progress=False, batch_size=4))
    assert len(results) == len(items)
    kinds = [r["error"] if isinstance(r, ErrorRecord) else "ok" for r in results]
    assert kinds == [
        "ok",
        "InputTypeError",
        "DecodingError",
        "PublishedDateError",
        "InputTypeError",
        "InvalidTextError",
        "ok",
        "InputTypeError",
        "InputTypeError",
        "ok",
    ]
    for i, r in enumerate(results):
        if isinstance(r, ErrorRecord):
            assert r["index"] == i and r["message"] and not r.ok
        else:
            check_record(r)
    assert results[3]["id"] == "bad-date"
    assert results[6].metadata.published == "2020-08-03"
    skipped = list(enrich_many(items, on_error="skip", progress=False))
    assert [a.text for a in skipped] == [r.text for r in results if isinstance(r, Article)]
