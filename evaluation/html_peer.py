"""Main text of real web pages: newsnlp beside trafilatura, scored the way trafilatura scores itself.

``--set peer`` (default) runs every system over ``../shared/data/html-peer`` (half of trafilatura's own
evaluation corpus: gzipped pages and ``evaldata.json``, which lists for each page ``with`` snippets the
main text must contain and ``without`` snippets it must not). A snippet counts as found when its
whitespace-normalised form is a substring of the whitespace-normalised extracted text; over all pages,
true positive = a ``with`` snippet found, false negative = a ``with`` snippet missing, false positive = a
``without`` snippet found, true negative = a ``without`` snippet missing; precision, recall, accuracy
and F1 over these counts. A page whose extraction raises or returns nothing counts as a full miss (all
its ``with`` snippets missing, all its ``without`` snippets absent), as in trafilatura's
``tests/eval_common.py``.

Systems (``--systems``): ``newsnlp`` (``Pipeline(stages=...)(page_bytes, html=True).clean_text``; the
page is given as bytes, decoding is newsnlp's job; ``--stages`` picks the stages, default ``structure``,
the only one ``clean_text`` needs), ``trafilatura`` (``trafilatura.extract(page_bytes)``, defaults) and
``trafilatura-fast`` (``extract(page_bytes, fast=True)``). Exceptions are counted per type and page;
pages/s is the number of pages over the (wall-clock) time spent in the extraction calls, and cpu
ms/page the process CPU time of those calls per page (the figure to read on a shared machine); one
warm-up call per system before timing; pipeline construction not timed.

``--set html-id`` runs the five saved detik.com pages of ``../shared/data/html-id`` and scores the
metadata (title, authors, published) of newsnlp and of ``trafilatura.extract_metadata`` against the
hand-written gold ``evaluation/structure/html_id_meta.jsonl`` (no body-text gold exists for them).

    python evaluation/html_peer.py [--set peer|html-id] [--limit N] [--systems newsnlp,trafilatura,trafilatura-fast]
                                   [--stages structure] [--errors N] [--json out.json]

trafilatura >= 2 imports jusText, which needs ``lxml_html_clean`` with lxml >= 6 (declared in pyproject).
No page text is printed or stored: ``--errors`` lists URLs and counts only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "data"
PEER = SHARED / "html-peer"
HTML_ID = SHARED / "html-id"
META_GOLD = REPO / "evaluation" / "structure" / "html_id_meta.jsonl"
SYSTEMS = ("newsnlp", "trafilatura", "trafilatura-fast")

Extractor = Callable[[bytes], "str | None"]


# -- scoring (trafilatura's way) ------------------------------------------------------------
def norm(text: str) -> str:
    """Whitespace-normalised text: runs of whitespace become one space, no space at the ends."""
    return " ".join(text.split())


def count_snippets(item: dict, result: str | None) -> tuple[int, int, int, int]:
    """``(tp, fp, fn, tn)`` of one page: its ``with``/``without`` snippets against the extracted text.

    A result that is not a string (``None`` after a failure) finds nothing: every ``with`` snippet
    is a false negative and every ``without`` snippet a true negative.
    """
    text = norm(result) if isinstance(result, str) else None
    tp = fp = fn = tn = 0
    for snippet in item.get("with", []):
        if text is not None and norm(snippet) in text:
            tp += 1
        else:
            fn += 1
    for snippet in item.get("without", []):
        if text is not None and norm(snippet) in text:
            fp += 1
        else:
            tn += 1
    return tp, fp, fn, tn


@dataclass
class Confusion:
    """Snippet counts summed over pages, with the scores trafilatura reports."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, counts: tuple[int, int, int, int]) -> None:
        tp, fp, fn, tn = counts
        self.tp += tp
        self.fp += fp
        self.fn += fn
        self.tn += tn

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SystemRun:
    """One system over a set of pages: counts, exceptions, time."""

    name: str
    confusion: Confusion = field(default_factory=Confusion)
    exceptions: Counter = field(default_factory=Counter)
    empty: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    pages: int = 0
    per_page: dict[str, dict] = field(default_factory=dict)

    def summary(self) -> dict:
        c = self.confusion
        return {
            "pages": self.pages,
            "tp": c.tp,
            "fp": c.fp,
            "fn": c.fn,
            "tn": c.tn,
            "precision": c.precision(),
            "recall": c.recall(),
            "accuracy": c.accuracy(),
            "f1": c.f1(),
            "exceptions": dict(self.exceptions),
            "pages_with_exception": sum(self.exceptions.values()),
            "empty_results": self.empty,
            "seconds": self.seconds,
            "pages_per_s": self.pages / self.seconds if self.seconds else 0.0,
            "cpu_ms_per_page": 1000 * self.cpu_seconds / self.pages if self.pages else 0.0,
        }


def score_pages(name: str, extract: Extractor, pages: Iterable[tuple[str, bytes, dict]]) -> SystemRun:
    """Run ``extract`` on each ``(url, page_bytes, item)`` and score it; failures are full misses."""
    run = SystemRun(name)
    for url, page, item in pages:
        error = None
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            result = extract(page)
        except Exception as err:
            result, error = None, type(err).__name__
        run.seconds += time.perf_counter() - t0
        run.cpu_seconds += time.process_time() - c0
        run.pages += 1
        if error:
            run.exceptions[error] += 1
        elif not result:
            run.empty += 1
        counts = count_snippets(item, result)
        run.confusion.add(counts)
        run.per_page[url] = {"counts": counts, "error": error}
    return run


def losses(base: SystemRun, peer: SystemRun, n: int) -> list[tuple[str, int, tuple, tuple, str | None]]:
    """Pages where ``base`` gets most fewer snippets right (tp + tn) than ``peer``: url, gap, counts."""
    rows = []
    for url, b in base.per_page.items():
        p = peer.per_page.get(url)
        if p is None:
            continue
        gap = (p["counts"][0] + p["counts"][3]) - (b["counts"][0] + b["counts"][3])
        if gap > 0:
            rows.append((url, gap, b["counts"], p["counts"], b["error"]))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows[:n]


# -- systems ---------------------------------------------------------------------------------
def make_extractors(names: list[str], stages: tuple[str, ...]) -> dict[str, Extractor]:
    out: dict[str, Extractor] = {}
    for name in names:
        if name == "newsnlp":
            from newsnlp.pipeline import Pipeline

            nlp = Pipeline(stages=stages)
            out[name] = lambda page, nlp=nlp: nlp(page, html=True).clean_text
        elif name in ("trafilatura", "trafilatura-fast"):
            import trafilatura

            fast = name == "trafilatura-fast"
            out[name] = lambda page, fast=fast: trafilatura.extract(page, fast=fast)
        else:
            raise SystemExit(f"unknown system {name!r} (choose from {', '.join(SYSTEMS)})")
    return out


# -- the html-peer set ------------------------------------------------------------------------
def load_peer(limit: int | None) -> list[tuple[str, bytes, dict]]:
    evaldata = json.loads((PEER / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url in sorted(evaldata):
        item = evaldata[url]
        path = PEER / "pages" / item["file"]
        if not path.exists():
            raise SystemExit(f"missing page {path}")
        pages.append((url, gzip.decompress(path.read_bytes()), item))
        if limit and len(pages) >= limit:
            break
    return pages


def run_peer(args: argparse.Namespace) -> dict:
    pages = load_peer(args.limit)
    extractors = make_extractors(args.systems, args.stages)
    runs: dict[str, SystemRun] = {}
    for name, extract in extractors.items():
        try:  # warm-up (lazy loading), not timed
            extract(pages[0][1])
        except Exception:
            pass
        runs[name] = score_pages(name, extract, pages)
    n_with = sum(len(item.get("with", [])) for _, _, item in pages)
    n_without = sum(len(item.get("without", [])) for _, _, item in pages)
    print(f"html-peer: {len(pages)} pages, {n_with} 'with' and {n_without} 'without' snippets")
    print(
        f"{'system':18s} {'P':>6s} {'R':>6s} {'F1':>6s} {'acc':>6s} {'exc':>4s} {'empty':>5s} {'pages/s':>8s} "
        f"{'cpu ms/page':>11s}"
    )
    for name, run in runs.items():
        s = run.summary()
        print(
            f"{name:18s} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['accuracy']:6.3f} "
            f"{s['pages_with_exception']:4d} {s['empty_results']:5d} {s['pages_per_s']:8.2f} "
            f"{s['cpu_ms_per_page']:11.2f}"
        )
        if run.exceptions:
            print(f"  {name} exceptions: {dict(run.exceptions)}")
    result = {"set": "html-peer", "pages": len(pages), "systems": {n: r.summary() for n, r in runs.items()}}
    if args.errors and "newsnlp" in runs:
        peer = next((runs[n] for n in ("trafilatura", "trafilatura-fast") if n in runs), None)
        if peer is not None:
            rows = losses(runs["newsnlp"], peer, args.errors)
            print(f"\npages where newsnlp gets most fewer snippets right than {peer.name} (tp, fp, fn, tn):")
            for url, gap, b, p, err in rows:
                print(f"  -{gap} {url}  newsnlp {b}{' ' + err if err else ''}  {peer.name} {p}")
            result["losses"] = [
                {"url": u, "gap": g, "newsnlp": b, peer.name: p, "error": e} for u, g, b, p, e in rows
            ]
    if args.per_page:
        result["per_page"] = {n: r.per_page for n, r in runs.items()}
    return result


# -- the html-id set: metadata ----------------------------------------------------------------
def same_title(got: str | None, gold: str) -> bool:
    return norm(got or "") == norm(gold)


def same_authors(got: list[str], gold: list[str]) -> bool:
    return sorted(norm(a).lower() for a in got) == sorted(norm(a).lower() for a in gold)


def same_date(got: str | None, gold: str) -> bool:
    return bool(got) and got[:10] == gold[:10]


def same_minute(got: str | None, gold: str) -> bool:
    """Date and time to the minute (``YYYY-MM-DDTHH:MM``, a space accepted for the ``T``)."""
    return bool(got) and len(got) >= 16 and got[:16].replace(" ", "T") == gold[:16]


def newsnlp_metadata(stages: tuple[str, ...]) -> Callable[[bytes], dict]:
    from newsnlp.pipeline import Pipeline

    nlp = Pipeline(stages=stages)

    def get(page: bytes) -> dict:
        md = nlp(page, html=True).metadata
        return {"title": md.title, "authors": list(md.authors), "published": md.published}

    return get


def trafilatura_metadata(page: bytes) -> dict:
    import trafilatura

    doc = trafilatura.extract_metadata(page)
    if doc is None:
        return {"title": None, "authors": [], "published": None}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"title": doc.title, "authors": authors, "published": doc.date}


def run_html_id(args: argparse.Namespace) -> dict:
    gold = [json.loads(line) for line in META_GOLD.open(encoding="utf-8")]
    if args.limit:
        gold = gold[: args.limit]
    getters: dict[str, Callable[[bytes], dict]] = {}
    for name in args.systems:
        if name == "newsnlp":
            getters[name] = newsnlp_metadata(args.stages)
        elif name == "trafilatura":
            getters[name] = trafilatura_metadata
    fields = ("title", "authors", "published", "published_minute")
    result: dict = {"set": "html-id", "pages": len(gold), "systems": {}}
    print(f"html-id: {len(gold)} pages, metadata exactness against {META_GOLD.relative_to(REPO)}")
    print(f"{'system':14s} " + " ".join(f"{f:>17s}" for f in fields) + f" {'exc':>4s} {'pages/s':>8s}")
    for name, get in getters.items():
        ok: Counter = Counter()
        errors: Counter = Counter()
        seconds = 0.0
        rows = []
        for g in gold:
            page = gzip.decompress((HTML_ID / g["file"]).read_bytes())
            t0 = time.perf_counter()
            try:
                got = get(page)
            except Exception as err:
                errors[type(err).__name__] += 1
                got = {"title": None, "authors": [], "published": None}
            seconds += time.perf_counter() - t0
            checks = {
                "title": same_title(got["title"], g["title"]),
                "authors": same_authors(got["authors"], g["authors"]),
                "published": same_date(got["published"], g["published"]),
                "published_minute": same_minute(got["published"], g["published"]),
            }
            ok.update(k for k, v in checks.items() if v)
            rows.append({"file": g["file"], **got, "ok": checks})
        n = len(gold)
        print(
            f"{name:14s} "
            + " ".join(f"{ok[f]:>13d}/{n:<3d}" for f in fields)
            + f" {sum(errors.values()):4d} {n / seconds if seconds else 0:8.2f}"
        )
        for row in rows:
            bad = [k for k, v in row["ok"].items() if not v]
            if bad:
                shown = {k.replace("_minute", ""): row[k.replace("_minute", "")] for k in bad}
                print(f"  {name} {row['file']}: wrong {', '.join(bad)}; got {shown!r}")
        result["systems"][name] = {
            "exact": {f: ok[f] for f in fields},
            "exceptions": dict(errors),
            "pages": rows,
        }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="peer", choices=["peer", "html-id"])
    ap.add_argument("--limit", type=int, default=None, help="first N pages (by URL / gold order)")
    ap.add_argument(
        "--systems", default=",".join(SYSTEMS), help=f"comma-separated, from {', '.join(SYSTEMS)}"
    )
    ap.add_argument("--stages", default="structure", help="newsnlp pipeline stages, comma-separated")
    ap.add_argument(
        "--errors", type=int, default=0, help="list the N pages newsnlp loses most on (URLs only)"
    )
    ap.add_argument("--per-page", action="store_true", help="add per-page counts to the --json output")
    ap.add_argument("--json", type=Path, default=None, help="write the figures to this file")
    args = ap.parse_args(argv)
    args.systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    args.stages = tuple(s.strip() for s in args.stages.split(",") if s.strip())
    root = PEER if args.set == "peer" else HTML_ID
    if not root.exists():
        print(f"missing {root}", file=sys.stderr)
        return 1
    result = run_peer(args) if args.set == "peer" else run_html_id(args)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
