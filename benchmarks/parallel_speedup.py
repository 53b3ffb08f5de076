"""One process against N processes over news-dev (read twice), after warm-up, A/B in the same run.

    OMP_NUM_THREADS=1 python benchmarks/parallel_speedup.py                 # 1 and 2 processes, 3 rounds
    OMP_NUM_THREADS=1 python benchmarks/parallel_speedup.py --api pipe      # through Pipeline.pipe
    OMP_NUM_THREADS=1 python benchmarks/parallel_speedup.py --limit 200 --rounds 1
    OMP_NUM_THREADS=1 python benchmarks/parallel_speedup.py --input ../shared/data/news-raw/articles.jsonl \
        --copies 1 --rounds 1                                               # a longer corpus

A pool starts afresh for each run: forking, and the first writes to pages shared with the parent,
cost each run a fixed fraction of a second, which weighs on a short corpus and fades on a long one.

For each run: articles/s (wall clock), the parent's CPU seconds and the workers' CPU seconds
(``RUSAGE_CHILDREN``: the pool's workers are joined at the end of each run). The wall-clock
speed-up means something only on an otherwise idle machine; the CPU figures do not depend on the
load: ``cpu ratio`` is all CPU spent with N processes over the CPU spent with one (the cost of
sending articles between processes), and ``bound`` = N / ``cpu ratio``, the speed-up an idle
machine with N cores would give if the work were spread evenly.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from _timing import read_texts

from newsnlp import Pipeline, enrich_many
from newsnlp.api import get_default_pipeline

NEWS_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-dev" / "articles.jsonl"


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(texts: list[str], n_process: int, batch_size: int, api: str, nlp: Pipeline) -> dict[str, float]:
    """Wall seconds, parent CPU and worker CPU of one pass over ``texts``."""
    c0, p0, w0 = _children_cpu(), time.process_time(), time.perf_counter()
    if api == "enrich_many":
        results = enrich_many(texts, n_process=n_process, batch_size=batch_size, progress=False)
    else:
        results = nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
    n = sum(1 for _ in results)
    wall = time.perf_counter() - w0
    return {
        "n": n,
        "wall": wall,
        "rate": n / wall,
        "parent_cpu": time.process_time() - p0,
        "workers_cpu": _children_cpu() - c0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, help="use the first N articles (after doubling)")
    ap.add_argument("--api", choices=("enrich_many", "pipe"), default="enrich_many")
    ap.add_argument("--input", type=Path, default=NEWS_DEV, help="JSON Lines with a 'text' field")
    ap.add_argument("--copies", type=int, default=2, help="how many times the input is read")
    args = ap.parse_args()
    texts = read_texts(args.input, args.copies, args.limit)
    nlp = get_default_pipeline()
    run(texts[:20], 1, args.batch_size, args.api, nlp)  # warm-up
    print(f"{len(texts)} articles, batch size {args.batch_size}, through {args.api}")
    print(
        "| round | processes | articles/s | wall s | parent CPU s | workers CPU s | cpu ratio | bound | speed-up |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in range(args.rounds):
        base = None
        for n in args.processes:
            res = run(texts, n, args.batch_size, args.api, nlp)
            cpu = res["parent_cpu"] + res["workers_cpu"]
            if base is None:
                base = (res, cpu)
            ratio = cpu / base[1]
            print(
                f"| {r + 1} | {n} | {res['rate']:.1f} | {res['wall']:.1f} | {res['parent_cpu']:.1f} | "
                f"{res['workers_cpu']:.1f} | {ratio:.2f} | {n / ratio:.2f}x | "
                f"{res['rate'] / base[0]['rate']:.2f}x |",
                flush=True,
            )


if __name__ == "__main__":
    main()
