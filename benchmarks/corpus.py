"""Corpus throughput: ``enrich_many`` with 1 and 2 processes, and Dask with 2 worker processes.

Runs over the news-dev articles (``../shared/data/news-dev/articles.jsonl``), or over any JSON-lines
file of ``{"text": ...}`` rows given with ``--data`` (``--data ../shared/data/news-raw/articles.jsonl``:
one cold pass over thousands of unseen articles, the closest to a real corpus run). Each configuration
runs in a fresh Python process so that model loading and memory are its own; peak memory is the
highest sum of the resident set sizes of that process and all its children (worker processes
included), sampled every 50 ms.

    OMP_NUM_THREADS=1 python benchmarks/corpus.py [--limit N] [--configs many1,many2,dask2] [--data FILE]

Columns: ``setup s`` is building the pipeline (or starting the cluster and loading the pipeline
in every worker); ``enrich s`` the enrichment of the corpus after that; ``articles/s`` is over
``enrich s`` and ``incl. setup`` over both. For ``enrich_many(n_process=2)`` the worker processes
are started and load their models inside the call, so its setup is part of ``enrich s``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS_DEV = REPO / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"
CONFIGS = ("many1", "many2", "dask2")


def load_items(limit: int | None, data: Path = NEWS_DEV) -> list[dict]:
    items = []
    with open(data, encoding="utf-8") as f:
        for n, line in enumerate(f):
            row = json.loads(line)
            items.append({"id": row.get("id", str(n)), "text": row["text"]})
    return items[:limit] if limit else items


class PeakRSS:
    """Samples the summed RSS of this process and its descendants in a background thread."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        total = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            time.sleep(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def run_config(config: str, limit: int | None, data: Path = NEWS_DEV) -> dict:
    items = load_items(limit, data)
    n_chars = sum(len(it["text"]) for it in items)
    out = {"config": config, "articles": len(items), "chars": n_chars}
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        if config == "many1":
            from newsnlp.api import enrich_many, get_default_pipeline

            get_default_pipeline()
            t1 = time.perf_counter()
            results = list(enrich_many(items, n_process=1, progress=False, on_error="record"))
        elif config == "many2":
            from newsnlp.api import enrich_many

            t1 = time.perf_counter()
            results = list(enrich_many(items, n_process=2, batch_size=16, progress=False, on_error="record"))
        elif config == "dask2":
            import dask.bag as db
            from distributed import Client, LocalCluster

            import newsnlp.dask as nd

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
            client.run(nd.warm_up)  # load the pipeline once in every worker
            t1 = time.perf_counter()
            bag = db.from_sequence(items, npartitions=max(2, len(items) // 16))
            results = nd.enrich_bag(bag, batch_size=16).compute()
        else:
            raise SystemExit(f"unknown config {config!r}")
        t2 = time.perf_counter()
        if config == "dask2":
            client.close()
            cluster.close()
    ok = sum(1 for r in results if not (isinstance(r, dict) and "error" in r))
    out.update(
        setup_s=t1 - t0,
        enrich_s=t2 - t1,
        ok=ok,
        per_s=len(items) / (t2 - t1),
        per_s_total=len(items) / (t2 - t0),
        peak_mb=mem.peak / 2**20,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--configs", default=",".join(CONFIGS), help=f"comma-separated, of {CONFIGS}")
    parser.add_argument("--data", type=Path, default=NEWS_DEV, help="JSON lines with a 'text' field")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_config(args.one, args.limit, args.data)))
        return
    if not args.data.exists():
        raise SystemExit(f"{args.data} not found (the repository must sit next to shared/)")
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", TOKENIZERS_PARALLELISM="false")
    rows = []
    for config in args.configs.split(","):
        cmd = [sys.executable, __file__, "--one", config, "--data", str(args.data)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        res = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if res.returncode != 0:
            print(res.stderr[-2000:], file=sys.stderr)
            raise SystemExit(f"{config} failed")
        rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
    names = {
        "many1": "enrich_many(n_process=1)",
        "many2": "enrich_many(n_process=2)",
        "dask2": "newsnlp.dask.enrich_bag, LocalCluster 2 workers",
    }
    print(f"{rows[0]['articles']} articles, {rows[0]['chars']:,} characters\n")
    print(
        "| configuration | setup s | enrich s | articles/s | articles/s incl. setup | peak RSS MB (all processes) |"
    )
    print("|---|---|---|---|---|---|")
    for r in rows:
        setup = "-" if r["config"] == "many2" else f"{r['setup_s']:.1f}"
        print(
            f"| {names[r['config']]} | {setup} | {r['enrich_s']:.1f} | {r['per_s']:.1f} | "
            f"{r['per_s_total']:.1f} | {r['peak_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
