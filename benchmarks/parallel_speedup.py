"""``enrich_many`` with one process against N processes over news-dev (read twice), after warm-up.

    OMP_NUM_THREADS=1 python benchmarks/parallel_speedup.py          # 1 and 2 processes, 3 rounds

Prints articles/s per round; the machine must be otherwise idle for the ratio to mean anything.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsnlp import enrich_many
from newsnlp.api import get_default_pipeline

NEWS_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-dev" / "articles.jsonl"


def rate(texts: list[str], n_process: int, batch_size: int) -> float:
    start = time.perf_counter()
    n = sum(1 for _ in enrich_many(texts, n_process=n_process, batch_size=batch_size, progress=False))
    return n / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with open(NEWS_DEV, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f] * 2
    get_default_pipeline()
    rate(texts[:20], 1, args.batch_size)  # warm-up
    print("| round | " + " | ".join(f"{n} process(es) articles/s" for n in args.processes) + " | speed-up |")
    print("|---|" + "---:|" * (len(args.processes) + 1))
    for r in range(args.rounds):
        rates = [rate(texts, n, args.batch_size) for n in args.processes]
        print(f"| {r + 1} | " + " | ".join(f"{x:.1f}" for x in rates) + f" | {rates[-1] / rates[0]:.2f}x |")


if __name__ == "__main__":
    main()
