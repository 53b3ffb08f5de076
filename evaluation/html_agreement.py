"""Main text of real Indonesian pages: newsnlp's ``clean_text`` beside trafilatura's main text.

Runs the five saved detik.com pages of ``../shared/data/html-id`` (given as bytes, ``html=True``)
through ``Pipeline(stages=("structure",))`` and ``trafilatura.extract`` (defaults) and scores their
agreement as bags of lower-cased word tokens: precision = the share of newsnlp's tokens that
trafilatura also keeps, recall = the share of trafilatura's tokens that newsnlp keeps, F1. No gold
main text exists for these pages, so this is *agreement with the best existing tool*, not accuracy:
a drop means newsnlp's HTML reading or segmentation changed on real pages, and is worth a look.
Also counted: pages whose title, authors and publication date newsnlp finds.

    python evaluation/html_agreement.py [--json FILE]

No page text is printed or stored.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # figures.py, also when loaded by path
from figures import add_json_argument, write_json

REPO = Path(__file__).resolve().parents[1]
HTML_ID = REPO.parent / "shared" / "data" / "html-id"
_WORD = re.compile(r"\w+")


def bag(text: str | None) -> Counter:
    """Lower-cased word tokens of ``text`` as a multiset."""
    return Counter(_WORD.findall((text or "").lower()))


def agreement(ours: Counter, theirs: Counter) -> tuple[int, int, int]:
    """``(common, ours, theirs)`` token counts of two bags."""
    return sum((ours & theirs).values()), sum(ours.values()), sum(theirs.values())


def run() -> dict:
    import trafilatura

    from newsnlp import Pipeline

    nlp = Pipeline(stages=("structure",))
    pages = sorted(HTML_ID.glob("*.html.gz"))
    common = n_ours = n_theirs = 0
    found = Counter()
    rows = []
    seconds = 0.0
    for path in pages:
        raw = gzip.decompress(path.read_bytes())
        t0 = time.perf_counter()
        art = nlp(raw, html=True)
        seconds += time.perf_counter() - t0
        theirs = trafilatura.extract(raw) or ""
        c, o, t = agreement(bag(art.clean_text), bag(theirs))
        common, n_ours, n_theirs = common + c, n_ours + o, n_theirs + t
        md = art.metadata
        found.update({"title": bool(md.title), "authors": bool(md.authors), "published": bool(md.published)})
        rows.append({"file": path.name, "common": c, "ours": o, "theirs": t})
    p = common / n_ours if n_ours else 0.0
    r = common / n_theirs if n_theirs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "pages": len(pages),
        "precision": p,
        "recall": r,
        "f1": f,
        "metadata_found": dict(found),
        "pages_per_s": len(pages) / seconds if seconds else 0.0,
        "per_page": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_json_argument(ap)
    args = ap.parse_args(argv)
    if not HTML_ID.exists():
        print(f"missing {HTML_ID}", file=sys.stderr)
        return 1
    res = run()
    print(
        f"html-id: {res['pages']} pages; clean_text vs trafilatura tokens: "
        f"P {res['precision']:.3f}  R {res['recall']:.3f}  F1 {res['f1']:.3f}; "
        f"metadata found {res['metadata_found']}"
    )
    write_json(args.json, res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
