"""Where the extra CPU of ``enrich_many(n_process=2)`` goes: the same chunks, five ways, in one run.

    OMP_NUM_THREADS=1 python benchmarks/parallel_overhead.py                # news-dev x2, 4 rounds
    OMP_NUM_THREADS=1 python benchmarks/parallel_overhead.py --control      # and a pure-Python job
    OMP_NUM_THREADS=1 python benchmarks/parallel_overhead.py --input ../shared/data/news-raw/articles.jsonl \
        --copies 1 --rounds 1

Each round runs, after a warm-up pass over all of them, the same chunks (``--batch-size``) through ``process_chunk``:

* ``inproc``: in this process (what ``n_process=1`` does);
* ``fork1``: in one child forked from this process (its ``gc.freeze()``-d pipeline shared
  copy-on-write, as :mod:`newsnlp.parallel` does), nothing sent back: the cost of forking and
  of the copy-on-write page faults;
* ``seq``: in two forked children, one after the other, every other chunk each: the second fork;
* ``par``: the same two children at once: what running on both cores costs by itself;
* ``real``: ``enrich_many(n_process=2)``, parent + workers: ``real - par`` is the cost of sending
  texts and records between processes (pickling in the workers, unpickling in the parent, the
  pool's threads and pipes).

CPU seconds (user + system, ``wait4`` / ``RUSAGE_CHILDREN``), so the load of other jobs matters
less than for wall-clock figures, but not at all only for ``inproc``/``fork1``/``seq``: two
processes at once slow each other down on a shared VM. ``--control`` measures that alone: a
pure-Python job (building and dropping dicts of strings) run twice in a row and twice at once.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
from collections.abc import Callable
from pathlib import Path

from _timing import read_texts

from newsnlp import enrich_many
from newsnlp.api import get_default_pipeline
from newsnlp.chunks import process_chunk
from newsnlp.runner import chunked

NEWS_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-dev" / "articles.jsonl"


def _forked(job: Callable[[], object]) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            job()
        finally:
            os._exit(0)
    return pid


def _reaped(pids: list[int]) -> tuple[float, float, int]:
    """CPU seconds, system seconds and minor page faults of the children ``pids``, once ended."""
    cpu = sys_ = 0.0
    faults = 0
    for pid in pids:
        _, _, ru = os.wait4(pid, 0)
        cpu += ru.ru_utime + ru.ru_stime
        sys_ += ru.ru_stime
        faults += ru.ru_minflt
    return cpu, sys_, faults


def _own(who: int) -> tuple[float, float, int]:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime, r.ru_stime, r.ru_minflt


def _control_job() -> None:
    d: dict[str, int] = {}
    for r in range(6):
        for i in range(1_000_000):
            d[str(i * 7 + r)] = i
        if r % 2:
            d.clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--input", type=Path, default=NEWS_DEV, help="JSON Lines with a 'text' field")
    ap.add_argument("--copies", type=int, default=2, help="how many times the input is read")
    ap.add_argument("--limit", type=int, help="use the first N articles (after the copies)")
    ap.add_argument(
        "--control", action="store_true", help="also time a pure-Python job, 2 in a row / 2 at once"
    )
    args = ap.parse_args()
    texts = read_texts(args.input, args.copies, args.limit)
    pipe = get_default_pipeline()
    for chunk in chunked(texts[:20], args.batch_size):  # warm-up
        process_chunk(pipe, chunk, "raise")
    chunks = list(chunked(texts, args.batch_size))

    def work(part: slice) -> Callable[[], None]:
        def run() -> None:
            for chunk in chunks[part]:
                process_chunk(pipe, chunk, "raise")

        return run

    every, odd, even = slice(None), slice(0, None, 2), slice(1, None, 2)
    work(every)()  # one whole pass first: the caches filled by these texts are warm in every round
    print(f"{len(texts)} articles, batch size {args.batch_size}; CPU s (system s, minor faults)")
    head = "| round | inproc | fork1 | seq | par | real = parent + workers | par/seq | real/inproc |"
    print(head + (" control par/seq |" if args.control else ""))
    print("|---" * (head.count("|") - 1 + args.control) + "|")
    for rnd in range(args.rounds):
        before = _own(resource.RUSAGE_SELF)
        work(every)()
        inproc = _own(resource.RUSAGE_SELF)[0] - before[0]
        gc.freeze()  # as newsnlp.parallel does before forking
        try:
            fork1 = _reaped([_forked(work(every))])
            seq = tuple(a + b for a, b in zip(_reaped([_forked(work(odd))]), _reaped([_forked(work(even))])))
            par = _reaped([_forked(work(odd)), _forked(work(even))])
        finally:
            gc.unfreeze()
        c0, p0 = _own(resource.RUSAGE_CHILDREN), _own(resource.RUSAGE_SELF)
        n = sum(1 for _ in enrich_many(texts, n_process=2, batch_size=args.batch_size, progress=False))
        assert n == len(texts)
        workers = [a - b for a, b in zip(_own(resource.RUSAGE_CHILDREN), c0)]
        parent = _own(resource.RUSAGE_SELF)[0] - p0[0]
        real = parent + workers[0]
        line = (
            f"| {rnd + 1} | {inproc:.2f} | {fork1[0]:.2f} ({fork1[1]:.2f}, {fork1[2]}) | "
            f"{seq[0]:.2f} ({seq[1]:.2f}, {seq[2]}) | {par[0]:.2f} ({par[1]:.2f}, {par[2]}) | "
            f"{real:.2f} = {parent:.2f} + {workers[0]:.2f} ({workers[1]:.2f}, {workers[2]}) | "
            f"{par[0] / seq[0]:.3f} | {real / inproc:.3f} |"
        )
        if args.control:
            c_seq = _reaped([_forked(_control_job)])[0] + _reaped([_forked(_control_job)])[0]
            c_par = _reaped([_forked(_control_job), _forked(_control_job)])[0]
            line += f" {c_par / c_seq:.3f} |"
        print(line, flush=True)


if __name__ == "__main__":
    main()
