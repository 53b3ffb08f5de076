"""Held-out check of the ``entities`` stage on news-dev articles nobody tunes on.

Gold: ``evaluation/ner/newsdev_heldout_gold.jsonl`` (guidelines: ``evaluation/ner/GUIDELINES.md``,
section "Held-out news-dev set"). For each article a line ``{"id", "covered": [0, N]}`` gives the
annotated character range of its ``text``; every other line is one mention ``{"id", "start", "end",
"label", "text_len"}``. Articles are read from ``../shared/data/news-dev/articles.jsonl``; no article
text is stored in the repository. Do NOT tune anything on this set: it exists to measure how the
stage does on news it was not developed on (``evaluation/ner/newsdev_gold.jsonl`` is the tuning set).

Systems (``--system``, default ``all``):

* ``combined``: ``Pipeline(stages=("text", "entities"))`` with default options;
* ``gazetteer``: the same stage with ``model=False`` (gazetteer and rules alone);
* ``model-stage``: the same stage with ``gazetteer=False`` (the model with the stage's clean-up);
* ``model-raw``: :class:`newsnlp.entities.model.NerModel` alone on newsnlp's tokens.

Scores (micro-averaged; predictions are kept when they start inside the covered range):

* exact: seqeval semantics, a hit needs the same start, end and label; overall and per label;
* partial: a prediction and a gold span of the same label that overlap count as a hit (one-to-one);
* untyped: same start and end, any label;
* a 95 % bootstrap interval of the exact F1 (articles resampled), to judge whether two runs differ.

``--errors`` lists the errors of each system grouped as missed / spurious / wrong boundary (same
label, overlapping) / wrong label (same span) / wrong boundary+label, with a little context.

Usage::

    python evaluation/entities_heldout.py                      # all systems, scores only
    python evaluation/entities_heldout.py --system combined --errors
    python evaluation/entities_heldout.py --json heldout.json
    python evaluation/entities_heldout.py --system combined --model training/ner/build/models/X/model-best
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWSDEV = ROOT / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"
GOLD = Path(__file__).resolve().parent / "ner" / "newsdev_heldout_gold.jsonl"
LABELS = ("PER", "ORG", "LOC", "PRODUCT", "EVENT", "MISC")

Span = tuple[int, int, str]


# ------------------------------------------------------------------------------------- data
def load_gold(path: Path = GOLD) -> tuple[dict[str, int], dict[str, set[Span]]]:
    """The covered end offset and the gold spans of every annotated article."""
    covered: dict[str, int] = {}
    spans: dict[str, set[Span]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if "covered" in row:
            covered[row["id"]] = int(row["covered"][1])
        else:
            spans[row["id"]].add((int(row["start"]), int(row["end"]), row["label"]))
    return covered, {i: spans.get(i, set()) for i in covered}


def load_articles(ids: set[str], path: Path = NEWSDEV) -> dict[str, dict[str, Any]]:
    """The news-dev rows with the given ids."""
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in ids:
                out[row["id"]] = row
    missing = ids - set(out)
    if missing:
        raise SystemExit(f"articles not found in {path}: {sorted(missing)}")
    return out


def check_gold(covered: dict[str, int], gold: dict[str, set[Span]], rows: dict[str, dict[str, Any]]) -> None:
    """Fail loudly on gold spans outside the covered range, with bad labels or edge whitespace."""
    for i, spans in gold.items():
        text = rows[i]["text"]
        for s, e, label in spans:
            frag = text[s:e]
            if not (0 <= s < e <= covered[i]) or label not in LABELS or frag != frag.strip():
                raise SystemExit(f"bad gold span {i} {s}-{e} {label}")


# ------------------------------------------------------------------------------------- systems
def pipeline_system(config: dict[str, Any] | None) -> Callable[[list[dict[str, Any]]], list[set[Span]]]:
    """A system running ``Pipeline(stages=("text", "entities"))`` with the given stage options."""
    from newsnlp import Pipeline

    nlp = Pipeline(stages=("text", "entities"), config={"entities": config} if config else None)

    def run(rows: list[dict[str, Any]]) -> list[set[Span]]:
        out = []
        for row, art in zip(rows, nlp.pipe([{"text": r["text"], "url": r.get("url")} for r in rows])):
            if art.text != row["text"]:
                raise SystemExit(f"{row['id']}: the pipeline changed the article text; offsets unusable")
            out.append({(e.start, e.end, e.label) for e in art.entities})
        return out

    return run


def model_raw_system(model_path: str | None = None) -> Callable[[list[dict[str, Any]]], list[set[Span]]]:
    """The statistical model alone (``model_path`` or the shipped one), on the tokens of newsnlp's
    ``text`` stage."""
    from newsnlp import Pipeline
    from newsnlp.entities.model import NerModel

    model = NerModel.load(model_path)
    nlp = Pipeline(stages=("text",))

    def run(rows: list[dict[str, Any]]) -> list[set[Span]]:
        arts = list(nlp.pipe([{"text": r["text"], "url": r.get("url")} for r in rows]))
        docs = [([t.text for t in a.tokens], [bool(t.space_after) for t in a.tokens]) for a in arts]
        preds = model.predict(docs)
        return [
            {(a.tokens[m.start].start, a.tokens[m.end - 1].end, m.label) for m in ms}
            for a, ms in zip(arts, preds)
        ]

    return run


SYSTEMS: dict[str, Callable[[str | None], Callable[[list[dict[str, Any]]], list[set[Span]]]]] = {
    "combined": lambda m: pipeline_system({"model_path": m} if m else None),
    "gazetteer": lambda m: pipeline_system({"model": False}),
    "model-stage": lambda m: pipeline_system({"gazetteer": False, **({"model_path": m} if m else {})}),
    "model-raw": model_raw_system,
}


# ------------------------------------------------------------------------------------- scoring
def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    """Precision, recall, F1 (0 when undefined); ``tp_p``/``tp_g`` are hits counted on each side."""
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "n_gold": n_gold, "n_pred": n_pred}


def overlaps(a: Span, b: Span) -> bool:
    """Whether two character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def match_partial(gold: set[Span], pred: set[Span], typed: bool = True) -> int:
    """Greedy one-to-one matching of overlapping spans (same label when ``typed``); number of pairs."""
    used: set[Span] = set()
    n = 0
    for g in sorted(gold):
        cands = [p for p in pred if p not in used and overlaps(g, p) and (not typed or p[2] == g[2])]
        if cands:
            best = max(cands, key=lambda p: (min(g[1], p[1]) - max(g[0], p[0]), -abs(p[0] - g[0])))
            used.add(best)
            n += 1
    return n


def score(gold: list[set[Span]], pred: list[set[Span]]) -> dict[str, Any]:
    """Exact (overall and per label), partial-overlap and untyped scores."""
    res: dict[str, Any] = {}
    ng = sum(len(g) for g in gold)
    np_ = sum(len(p) for p in pred)
    tp = sum(len(g & p) for g, p in zip(gold, pred))
    res["exact"] = prf(tp, np_, tp, ng)
    per = {}
    for lab in LABELS:
        g_l = [{s for s in g if s[2] == lab} for g in gold]
        p_l = [{s for s in p if s[2] == lab} for p in pred]
        n_g, n_p = sum(map(len, g_l)), sum(map(len, p_l))
        if n_g or n_p:
            t = sum(len(a & b) for a, b in zip(g_l, p_l))
            per[lab] = prf(t, n_p, t, n_g)
    res["per_label"] = per
    tpp = sum(match_partial(g, p) for g, p in zip(gold, pred))
    res["partial"] = prf(tpp, np_, tpp, ng)
    tpu = sum(len({s[:2] for s in g} & {s[:2] for s in p}) for g, p in zip(gold, pred))
    res["untyped"] = prf(tpu, np_, tpu, ng)
    return res


def bootstrap_f1(gold: list[set[Span]], pred: list[set[Span]], n: int, seed: int = 13) -> tuple[float, float]:
    """95 % interval of the exact-match micro F1, resampling whole articles ``n`` times."""
    import random

    rng = random.Random(seed)
    rows = [(len(g & p), len(p), len(g)) for g, p in zip(gold, pred)]
    vals = []
    for _ in range(n):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        tp, npred, ngold = (sum(x[k] for x in sample) for k in range(3))
        vals.append(prf(tp, npred, tp, ngold)["f1"])
    vals.sort()
    return vals[int(0.025 * n)], vals[min(n - 1, int(0.975 * n))]


def classify(gold: set[Span], pred: set[Span]) -> dict[str, list[tuple[Span | None, Span | None]]]:
    """Group the errors of one article: missed, spurious, boundary, label, boundary+label."""
    errs: dict[str, list[tuple[Span | None, Span | None]]] = defaultdict(list)
    exact = gold & pred
    g_rest = gold - exact
    p_rest = pred - exact
    used_p: set[Span] = set()
    for g in sorted(g_rest):
        same_span = [p for p in p_rest if p[:2] == g[:2]]
        if same_span:
            errs["wrong label"].append((g, same_span[0]))
            used_p.add(same_span[0])
            continue
        ov = [p for p in p_rest if overlaps(g, p)]
        if not ov:
            errs["missed"].append((g, None))
            continue
        same_lab = [p for p in ov if p[2] == g[2]]
        for p in ov:
            used_p.add(p)
        if same_lab:
            errs["wrong boundary"].append((g, same_lab[0]))
        else:
            errs["wrong boundary+label"].append((g, ov[0]))
    for p in sorted(p_rest - used_p):
        if not any(overlaps(p, g) for g in gold):
            errs["spurious"].append((None, p))
    return errs


# ------------------------------------------------------------------------------------- report
def fmt(d: dict[str, float]) -> str:
    """One P/R/F1 line."""
    return f"P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f1']:.3f}  (gold {d['n_gold']}, pred {d['n_pred']})"


def show_span(text: str, s: Span | None) -> str:
    """``LABEL 'text'`` for a span, or ``-``."""
    return "-" if s is None else f"{s[2]} {text[s[0] : s[1]]!r}"


def context(text: str, s: Span, width: int = 30) -> str:
    """A short window of text around a span, on one line."""
    a, b = max(0, s[0] - width), min(len(text), s[1] + width)
    return (text[a : s[0]] + "[[" + text[s[0] : s[1]] + "]]" + text[s[1] : b]).replace("\n", " / ")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--system", choices=[*SYSTEMS, "all"], default="all")
    ap.add_argument("--errors", action="store_true", help="list errors grouped by kind")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--model", default=None, help="NER model directory (default: the shipped model)")
    ap.add_argument("--json", type=Path, help="write the scores as JSON here")
    ap.add_argument(
        "--bootstrap", type=int, default=1000, help="article resamples for the F1 interval (0: off)"
    )
    args = ap.parse_args(argv)

    covered, gold = load_gold(args.gold)
    rows_by_id = load_articles(set(covered))
    check_gold(covered, gold, rows_by_id)
    ids = sorted(covered)
    rows = [rows_by_id[i] for i in ids]
    gold_l = [gold[i] for i in ids]
    print(
        f"held-out news-dev gold: {len(ids)} articles, {sum(map(len, gold_l))} mentions, "
        f"{sum(covered.values())} characters covered"
    )
    names = list(SYSTEMS) if args.system == "all" else [args.system]
    all_scores: dict[str, Any] = {}
    for name in names:
        try:
            run = SYSTEMS[name](args.model)
            raw = run(rows)
        except (Exception, SystemExit) as err:  # a system that cannot run is reported, not fatal
            print(f"\n== {name}: not available ({type(err).__name__}: {err})")
            continue
        pred_l = [{s for s in p if s[0] < covered[i]} for i, p in zip(ids, raw)]
        res = score(gold_l, pred_l)
        all_scores[name] = res
        print(f"\n== {name}")
        ci = ""
        if args.bootstrap:
            lo, hi = bootstrap_f1(gold_l, pred_l, args.bootstrap)
            res["exact"]["f1_ci95"] = [lo, hi]
            ci = f"  95% CI [{lo:.3f}, {hi:.3f}]"
        print(f"  exact    {fmt(res['exact'])}{ci}")
        print(f"  partial  {fmt(res['partial'])}")
        print(f"  untyped  {fmt(res['untyped'])}")
        for lab, d in res["per_label"].items():
            print(f"  {lab:<8} {fmt(d)}")
        if args.errors:
            groups: dict[str, list[str]] = defaultdict(list)
            counts: Counter[str] = Counter()
            for i, row, g, p in zip(ids, rows, gold_l, pred_l):
                text = row["text"]
                for kind, pairs in classify(g, p).items():
                    for gs, ps in pairs:
                        counts[kind] += 1
                        anchor = gs or ps
                        groups[kind].append(
                            f"    {i} gold {show_span(text, gs):<32} pred {show_span(text, ps):<32} | "
                            f"{context(text, anchor)}"
                        )
            print("  errors: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
            for kind in ("missed", "spurious", "wrong boundary", "wrong label", "wrong boundary+label"):
                if groups.get(kind):
                    print(f"  -- {kind} ({len(groups[kind])})")
                    print("\n".join(groups[kind]))
    if args.json:
        args.json.write_text(json.dumps(all_scores, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
