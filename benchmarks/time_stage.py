"""Speed of the ``time`` stage on news-dev, compared with ``dateparser.search_dates``.

Run from the repo root::

    python benchmarks/time_stage.py [--limit N] [--repeat R] [--no-dateparser]

Prints a table: articles/s, ms/article (wall clock) and CPU ms/article (``time.process_time``, robust to
the load of a shared machine) for the stage (``TimeStage.process`` on an
``Article`` with the given publication date), for ``tag_times`` with inference, and for
``dateparser.search_dates(text, languages=["id"])`` on the same articles.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from _timing import best_of

os.environ.setdefault("OMP_NUM_THREADS", "1")

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"


def _load(limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-dateparser", action="store_true")
    args = ap.parse_args()

    from newsnlp.record import Article, Metadata
    from newsnlp.temporal import tag_times
    from newsnlp.temporal.stage import TimeStage

    rows = _load(args.limit)
    n = len(rows)
    chars = sum(len(r["text"]) for r in rows) / n
    t0 = time.perf_counter()
    stage = TimeStage()
    load_s = time.perf_counter() - t0

    def run_stage(r):
        art = Article(text=r["text"], metadata=Metadata(published="2025-06-18"))
        stage.process(art)
        return art

    def run_infer(r):
        return tag_times(r["text"])

    results = [("time stage (published given)", best_of(run_stage, rows, args.repeat), args.repeat)]
    results.append(("tag_times (published inferred)", best_of(run_infer, rows, args.repeat), args.repeat))
    found = sum(len(run_stage(r).times) for r in rows)
    dp_found = None
    if not args.no_dateparser:
        from dateparser.search import search_dates

        search_dates("Senin, 2 Agustus 2020", languages=["id"])  # warm up (loads language data)

        def run_dp(r):
            return search_dates(r["text"], languages=["id"]) or []

        results.append(('dateparser.search_dates(languages=["id"])', best_of(run_dp, rows, 1), 1))
        dp_found = sum(len(run_dp(r)) for r in rows)

    print(f"news-dev: {n} articles, {chars:,.0f} characters on average; stage load {load_s * 1000:.0f} ms")
    print(
        f"expressions found: time stage {found}"
        + (f", dateparser {dp_found}" if dp_found is not None else "")
    )
    print()
    print(f"| {'system':44} | {'articles/s':>10} | {'ms/article':>10} | {'CPU ms/article':>14} |")
    print(f"|{'-' * 46}|{'-' * 12}|{'-' * 12}|{'-' * 16}|")
    for name, (secs, cpu), _rep in results:
        print(f"| {name:44} | {n / secs:10.0f} | {secs / n * 1000:10.3f} | {cpu / n * 1000:14.3f} |")


if __name__ == "__main__":
    main()
