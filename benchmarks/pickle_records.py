"""What sending records between processes costs: pickling (a worker's cost) and unpickling (the
parent's) of the news-dev records, in chunks as ``enrich_many(n_process=N)`` sends them.

    OMP_NUM_THREADS=1 taskset -c 0 python benchmarks/pickle_records.py [--chunk 32] [--repeat 7]

The 391 articles are enriched once with the default pipeline; then each chunk of ``--chunk``
records is pickled with the highest protocol and loaded back, with Python's cyclic collector paused
(as :mod:`newsnlp.parallel` does), best of ``--repeat`` passes in CPU time. Prints ms per article
for both directions and the pickled bytes per article. Reads ``../shared/data/news-dev/articles.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

from _timing import best_of

from newsnlp.gcpause import gc_paused
from newsnlp.pipeline import Pipeline

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chunk", type=int, default=32, help="records per pickled chunk")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()

    with DATA.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f][: args.limit]
    records = list(Pipeline().pipe(texts))
    chunks = [records[i : i + args.chunk] for i in range(0, len(records), args.chunk)]
    with gc_paused():
        blobs = [pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL) for c in chunks]
        _, dumps = best_of(lambda c: pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL), chunks, args.repeat)
        _, loads = best_of(pickle.loads, blobs, args.repeat)
    back = [a for blob in blobs for a in pickle.loads(blob)]
    assert back == records, "a record changed in a pickle round trip"
    n = len(records)
    size = sum(map(len, blobs)) / n
    print(f"{n} news-dev records, chunks of {args.chunk}, best of {args.repeat}, collector paused")
    print(f"pickle.dumps {1000 * dumps / n:.3f} ms/article, pickle.loads {1000 * loads / n:.3f} ms/article")
    print(f"{size:,.0f} pickled bytes per article")


if __name__ == "__main__":
    main()
