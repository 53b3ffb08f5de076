"""Speed of the quotes stage alone, on one core: news-dev articles, and 1 MB articles of nested and
unbalanced quotation marks (time must grow linearly with the length).

    OMP_NUM_THREADS=1 taskset -c 0 python benchmarks/quotes_stage.py [--repeat 3] [--limit N]

The other stages run first (untimed) so that the stage reads real sentences, entities and
segments; then ``QuotesStage.process`` is timed over the same records (CPU time, best of
``--repeat``), with Python's cyclic collector paused as ``Pipeline.__call__`` runs every stage
(``newsnlp.gcpause.gc_paused``; ``--gc`` times it with the collector on, as a bare call would). The synthetic articles are timed at 256 KB and 1 MB through the default pipeline's
text stages (``text``, ``entities``, ``structure``) and the quotes stage, the quotes stage apart.
Reads ``../shared/data/news-dev/articles.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from _timing import best_of

from newsnlp.gcpause import gc_paused
from newsnlp.pipeline import Pipeline
from newsnlp.quotes.stage import QuotesStage

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"

#: Pieces of scraped news text with every mark style, nested, unclosed and stray marks.
PIECES = (
    '"Harga beras akan turun pekan depan," kata Budi Santoso di Jakarta. ',
    "Menurut dia, pasokan cukup. ",
    "“Kami siap, ‘kata dia’ tadi,” ujarnya. ",
    "''Stok aman,'' tambah Budi. ",
    '"Ini tanda kutip yang tidak ditutup ',
    "” tanda tutup tersesat “ dan buka “ lagi “ ",
    "&ldquo;Kami bekerja keras,&rdquo; kata Ani. ",
    "Ia mengatakan bahwa harga naik, tapi menilai pasokan cukup. ",
    "Harga, kata dia, akan naik. ",
    '"""" ',
    "Hal itu disampaikan oleh Kepala Dinas Perdagangan. ",
    "\n",
    '"Paragraf pertama tanpa penutup\n"paragraf kedua," kata Budi.\n',
)


def synthetic(size: int, seed: int = 18) -> str:
    """About ``size`` characters of random pieces (every mark style, unbalanced)."""
    rnd = random.Random(seed)
    out, n = [], 0
    while n < size:
        piece = rnd.choice(PIECES)
        out.append(piece)
        n += len(piece)
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--gc", action="store_true", help="leave the cyclic collector on while timing")
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in DATA.open(encoding="utf-8")][: args.limit]
    before = Pipeline(stages=("text", "entities", "time", "structure"))
    articles = [before(t) for t in texts]
    stage = QuotesStage()
    if args.gc:
        _wall, cpu = best_of(stage.process, articles, args.repeat)
    else:
        with gc_paused():
            _wall, cpu = best_of(stage.process, articles, args.repeat)
    n_quotes = sum(len(a.quotes) for a in articles)
    chars = sum(len(t) for t in texts) / len(texts)
    print(
        f"{len(texts)} news-dev articles, {chars:.0f} chars on average, {n_quotes} quotes, best of {args.repeat}, 1 core, "
        f"collector {'on' if args.gc else 'paused (as in the pipeline)'}"
    )
    print(f"quotes stage: {1000 * cpu / len(texts):.3f} ms/article (CPU), {len(texts) / cpu:.0f} articles/s")
    text_stages = Pipeline(stages=("text", "entities", "structure"))
    for size in (256_000, 1_000_000):
        text = synthetic(size)
        art = text_stages(text)
        t0 = time.process_time()
        stage.process(art)
        dt = time.process_time() - t0
        print(
            f"synthetic {len(text) / 1e6:.2f} MB of nested/unbalanced marks: quotes stage {dt:.2f} s CPU, {len(art.quotes)} quotes"
        )


if __name__ == "__main__":
    main()
