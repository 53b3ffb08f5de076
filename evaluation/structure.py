"""Evaluate the structure stage against the hand-labelled lines in ``evaluation/structure/gold.jsonl``.

Reports, for the dev and test splits: line-label accuracy and per-label P/R/F1, exact match of the
dateline/credit sub-spans, body-text token F1 (bag of tokens of ``clean_text`` against the gold
lines whose labels make up ``clean_text``, ``newsnlp.record.CLEAN_LABELS``, as in trafilatura's
benchmark) and metadata exactness (title, authors, published) against the scraper's fields.

    python evaluation/structure.py [--split dev|test|all|heldout|fresh|fresh2] [--gold FILE] [--per-outlet]
        [--errors] [--json FILE]

``--json`` also writes the figures of each split run (line accuracy, per-label and body-text P/R/F1,
sub-spans, metadata counts) to FILE (``-`` for standard output), as ``tests/eval_gate.py`` reads them.

``--split heldout`` scores the 43 articles of ``evaluation/structure/gold_heldout.jsonl`` labelled by
reading each article before running the segmenter (then used to improve the rules); ``--split fresh``
the 20 further articles of the same file labelled after the rules were frozen (see docs/structure.md);
``--split fresh2`` the 41 articles of ``evaluation/structure/gold_fresh2.jsonl`` (26 from the 2025 scrape in
news-raw, 15 from news-dev) labelled by hand before the segmenter was run on them.

Reads the articles from ``../shared/data/news-dev/articles.jsonl`` (ids ``devNNNN``) and
``../shared/data/news-raw/articles.jsonl`` (ids ``rawN``: the 0-based line number in that file); no article
text is copied into the repo.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # figures.py, also when loaded by path
from figures import add_json_argument, write_json

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"
RAW = REPO / ".." / "shared" / "data" / "news-raw" / "articles.jsonl"
GOLD = REPO / "evaluation" / "structure" / "gold.jsonl"
GOLD_HELDOUT = REPO / "evaluation" / "structure" / "gold_heldout.jsonl"
GOLD_FRESH2 = REPO / "evaluation" / "structure" / "gold_fresh2.jsonl"
#: the gold file of each split (the default ``gold.jsonl`` holds ``dev`` and ``test``)
SPLIT_GOLD = {"heldout": GOLD_HELDOUT, "fresh": GOLD_HELDOUT, "fresh2": GOLD_FRESH2}
try:  # the gold side of body-text F1 follows the contract of ``clean_text`` (see ../shared/API.md)
    from newsnlp.record import CLEAN_LABELS as CLEAN
except ImportError:  # pragma: no cover - run without the package on the path
    CLEAN = ("title", "lead", "body")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_MONTHS = {
    "jan": 1,
    "januari": 1,
    "feb": 2,
    "februari": 2,
    "mar": 3,
    "maret": 3,
    "apr": 4,
    "april": 4,
    "mei": 5,
    "may": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "agu": 8,
    "agt": 8,
    "agustus": 8,
    "aug": 8,
    "sep": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "oct": 10,
    "nov": 11,
    "november": 11,
    "des": 12,
    "desember": 12,
    "dec": 12,
}


def parse_published_raw(raw: str | None) -> str | None:
    """ISO date of a scraper's ``published_raw`` field (``Senin, 16 Jun 2025 13:07 WIB``, ``20/06/2025``)."""
    if not raw:
        return None
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", raw)
    if m:
        return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.search(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})", raw)
    if m and m.group(2).lower() in _MONTHS:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None


def line_starts(text: str) -> list[int]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(pos)
        pos += len(line) + 1
    return out


def trimmed(text: str, starts: list[int], no: int) -> tuple[int, int]:
    s = starts[no]
    e = starts[no + 1] - 1 if no + 1 < len(starts) else len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def load_articles(ids: set[str]) -> dict[str, dict]:
    """The scraped rows of ``ids``: ``devNNNN`` from news-dev, ``rawN`` (line ``N`` of the file) from news-raw."""
    rows = {}
    with DATA.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in ids:
                rows[row["id"]] = row
    wanted = {int(i[3:]) for i in ids if re.fullmatch(r"raw\d+", i)}
    if wanted:
        with RAW.open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n in wanted:
                    rows[f"raw{n}"] = {"id": f"raw{n}", **json.loads(line)}
    missing = ids - rows.keys()
    if missing:
        raise KeyError(f"gold ids not found in news-dev / news-raw: {sorted(missing)[:5]}")
    return rows


def build_pipeline():
    """The structure stage alone, plus the time stage when it exists (for ``published``)."""
    from newsnlp.pipeline import Pipeline

    stages = ["structure"]
    try:
        Pipeline(stages=("time",))
        stages.insert(0, "time")
    except Exception:
        pass
    return Pipeline(stages=tuple(stages)), stages


def evaluate(split: str, per_outlet: bool, show_errors: bool, gold_path: Path | None = None) -> dict:
    if gold_path is None:
        gold_path = SPLIT_GOLD.get(split, GOLD)
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    if split != "all":
        gold = [g for g in gold if g["split"] == split]
    rows = load_articles({g["id"] for g in gold})
    nlp, stages = build_pipeline()
    conf: Counter = Counter()
    n_lines = n_ok = 0
    outlet_acc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tok_tp = tok_fp = tok_fn = 0
    span_tp = span_fp = span_fn = 0
    md = Counter()
    errors = []
    for g in gold:
        r = rows[g["id"]]
        text = r["text"]
        art = nlp(text)
        starts = line_starts(text)
        outer = [
            s
            for s in art.segments
            if s.label not in ("credit", "dateline")
            or not any(o.start <= s.start and s.end <= o.end and o is not s for o in art.segments)
        ]
        o_starts = [s.start for s in outer]
        gold_clean: list[str] = []
        tails = [(s, e) for s, e, lab in g["spans"] if lab not in ("dateline", "credit")]
        for no, label in g["lines"]:
            s, e = trimmed(text, starts, no)
            # the predicted label of a line: the outer segment covering most of it
            k = max(bisect.bisect_right(o_starts, s) - 1, 0)
            best, pred = 0, None
            while k < len(outer) and outer[k].start < e:
                ov = min(e, outer[k].end) - max(s, outer[k].start)
                if ov > best:
                    best, pred = ov, outer[k].label
                k += 1
            n_lines += 1
            ok = pred == label
            n_ok += ok
            group = f"{g['source']}/{g['outlet']}" if "source" in g else g["outlet"]
            outlet_acc[group][0] += ok
            outlet_acc[group][1] += 1
            conf[(label, pred)] += 1
            if not ok:
                errors.append((g["id"], no, label, pred, text[s:e][:90]))
            if label in CLEAN:
                ps, pe = s, e
                for ts, te in tails:
                    if ts == s and te < e:
                        ps = te  # a part split off at the start of the line (a glued caption)
                    elif s < ts < e:
                        pe = ts  # a part split off at its end (initials, end marker, inline link)
                gold_clean.append(text[ps:pe])
        pc = Counter(t.lower() for t in _TOKEN.findall(art.clean_text))
        gc = Counter(t.lower() for t in _TOKEN.findall("\n".join(gold_clean)))
        inter = sum((pc & gc).values())
        tok_tp += inter
        tok_fp += sum(pc.values()) - inter
        tok_fn += sum(gc.values()) - inter
        gold_sub = {(s, e, lab) for s, e, lab in g["spans"] if lab in ("dateline", "credit")}
        pred_sub = {(s.start, s.end, s.label) for s in art.segments if s.label in ("dateline", "credit")}
        span_tp += len(gold_sub & pred_sub)
        span_fp += len(pred_sub - gold_sub)
        span_fn += len(gold_sub - pred_sub)
        # metadata
        ref_title = (r.get("title") or "").strip()
        if ref_title:
            md["title_n"] += 1
            md["title_found"] += bool(art.metadata.title)
            md["title_exact"] += " ".join((art.metadata.title or "").split()) == " ".join(ref_title.split())
        ref_auth = [
            a.strip() for a in re.split(r",| dan ", (r.get("author") or "").split(" -")[0]) if a.strip()
        ]
        if ref_auth:
            md["auth_n"] += 1
            md["auth_found"] += bool(art.metadata.authors)
            md["auth_exact"] += [a.lower() for a in art.metadata.authors] == [a.lower() for a in ref_auth]
        ref_pub = parse_published_raw(r.get("published_raw"))
        if ref_pub:
            md["pub_n"] += 1
            got = (art.metadata.published or "")[:10]
            md["pub_found"] += bool(got)
            md["pub_exact"] += got == ref_pub
    labels = sorted({lab for lab, _ in conf} | {p for _, p in conf if p})
    per_label = {}
    for lab in labels:
        tp = conf[(lab, lab)]
        fp = sum(v for (g_, p_), v in conf.items() if p_ == lab and g_ != lab)
        fn = sum(v for (g_, p_), v in conf.items() if g_ == lab and p_ != lab)
        per_label[lab] = (*prf(tp, fp, fn), tp + fn)
    return {
        "split": split,
        "articles": len(gold),
        "lines": n_lines,
        "stages": stages,
        "line_accuracy": n_ok / n_lines if n_lines else 0.0,
        "per_label": per_label,
        "body_token_prf": prf(tok_tp, tok_fp, tok_fn),
        "subspan_prf": prf(span_tp, span_fp, span_fn),
        "metadata": dict(md),
        "per_outlet": {o: a / n for o, (a, n) in outlet_acc.items()} if per_outlet else None,
        "errors": errors if show_errors else None,
    }


def report(res: dict) -> None:
    print(
        f"\n== split {res['split']}: {res['articles']} articles, {res['lines']} lines "
        f"(pipeline stages: {', '.join(res['stages'])})"
    )
    print(f"line accuracy            {res['line_accuracy']:.4f}")
    p, r, f = res["body_token_prf"]
    print(f"body-text tokens P/R/F1  {p:.4f} / {r:.4f} / {f:.4f}")
    p, r, f = res["subspan_prf"]
    print(f"dateline+credit spans    {p:.4f} / {r:.4f} / {f:.4f}  (exact offsets)")
    print(f"{'label':12s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s}")
    for lab, (p, r, f, n) in res["per_label"].items():
        print(f"{lab:12s} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}")
    m = res["metadata"]

    def frac(a: str, b: str) -> str:
        return f"{m.get(a, 0)}/{m.get(b, 0)}"

    print(
        f"metadata title: found {frac('title_found', 'title_n')}, exact {frac('title_exact', 'title_n')} "
        "(most news-dev texts do not contain their headline)"
    )
    print(f"metadata authors: found {frac('auth_found', 'auth_n')}, exact {frac('auth_exact', 'auth_n')}")
    print(
        f"metadata published (date part): found {frac('pub_found', 'pub_n')}, exact {frac('pub_exact', 'pub_n')}"
    )
    if res["per_outlet"]:
        for o, a in sorted(res["per_outlet"].items()):
            print(f"  {o:28s} line accuracy {a:.4f}")
    if res["errors"]:
        for e in res["errors"]:
            print("  ERR", *e)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--split", default="both", choices=["dev", "test", "all", "both", "heldout", "fresh", "fresh2"]
    )
    ap.add_argument(
        "--gold",
        type=Path,
        default=None,
        help="gold file (default: gold.jsonl; gold_heldout.jsonl for heldout/fresh, gold_fresh2.jsonl for fresh2)",
    )
    ap.add_argument("--per-outlet", action="store_true")
    ap.add_argument("--errors", action="store_true")
    add_json_argument(ap)
    args = ap.parse_args(argv)
    for path in (DATA, RAW):
        if not path.exists():
            print(f"missing {path}", file=sys.stderr)
            return 1
    figures = {}
    for split in ["dev", "test"] if args.split == "both" else [args.split]:
        res = evaluate(split, args.per_outlet, args.errors, args.gold)
        report(res)
        figures[split] = {k: v for k, v in res.items() if k != "errors"}
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
