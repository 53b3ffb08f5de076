"""Throughput of the structure stage alone, on one core, over the news-dev articles.

    OMP_NUM_THREADS=1 python benchmarks/structure_stage.py [--repeat 3]

Prints a table: articles/s and ms/article (from CPU time, which a loaded shared machine disturbs
less, and from wall-clock time) for plain text input (the stage on ready ``Article``
records), for the same through ``Pipeline(stages=("structure",))``, for ``html_to_text`` on
a synthetic article page and for the pipeline on the saved outlet pages of ``tests/structure/pages``. Reads ``../shared/data/news-dev/articles.jsonl``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _timing import best_of

from newsnlp.input.html import html_to_text
from newsnlp.pipeline import Pipeline
from newsnlp.record import Article
from newsnlp.structure.stage import StructureStage

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"
#: The invented outlet pages of the tests (Kompas, Detik, Tribun ... markup), 20 copies each.
PAGES = Path(__file__).resolve().parents[1] / "tests" / "structure" / "pages"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in DATA.open(encoding="utf-8")]
    chars = sum(len(t) for t in texts)
    stage = StructureStage()
    nlp = Pipeline(stages=("structure",))

    def stage_only(t: str) -> None:
        stage.process(Article(text=t))

    pages = [
        "<html><head><title>Judul</title><meta name='author' content='Siti'></head><body><article><h1>Judul Berita</h1>"
        + "".join(f"<p>{p}</p>" for p in t.split("\n") if p.strip())
        + "<figure><figcaption>Keterangan foto. (ANTARA/Budi)</figcaption></figure></article></body></html>"
        for t in texts
    ]
    rows = [
        ("structure stage (Article)", best_of(stage_only, texts, args.repeat), len(texts)),
        ("Pipeline(stages=('structure',))", best_of(nlp, texts, args.repeat), len(texts)),
        ("html_to_text (synthetic pages)", best_of(html_to_text, pages, args.repeat), len(pages)),
        ("Pipeline on HTML pages", best_of(nlp, pages, args.repeat), len(pages)),
    ]
    saved = [p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.html"))] * 20
    if saved:
        rows.append(("Pipeline on saved outlet pages", best_of(nlp, saved, args.repeat), len(saved)))
    print(
        f"{len(texts)} news-dev articles, {chars / len(texts):.0f} chars on average, best of {args.repeat}, 1 core"
    )
    print(
        f"| {'what':34s} | {'articles/s (CPU)':>16s} | {'ms/article (CPU)':>16s} | {'articles/s (wall)':>17s} |"
    )
    print(f"|{'-' * 36}|{'-' * 18}|{'-' * 18}|{'-' * 19}|")
    for name, (wall, cpu), n in rows:
        print(f"| {name:34s} | {n / cpu:16.0f} | {1000 * cpu / n:16.3f} | {n / wall:17.0f} |")


if __name__ == "__main__":
    main()
