"""Score the quotes layer against the hand-annotated gold of ``evaluation/quotes/``.

Runs newsnlp's default pipeline (or reads predictions from ``--pred``) on the gold articles and
reports, per quote type and overall, as the Gender Gap Tracker and PARC/citron report them:

- quote detection precision / recall / F1 with **exact** content-span match and with **overlap**
  match. Exact: the two content spans are equal once whitespace, punctuation and quotation marks
  are trimmed from both ends (so a final period or comma in or out does not matter). Overlap: the
  trimmed spans share at least one character; gold and predicted quotes are paired one-to-one,
  largest overlap first. Per type, a prediction must also have the gold type; ``all`` ignores type;
- on the overlap-matched pairs: type accuracy, cue accuracy (exact span, or both null), speaker
  mention accuracy (exact and overlap, or both null), speaker entity accuracy (predicted
  ``speaker_canonical`` equals the gold canonical name, case and spaces normalised, or both null;
  ``lenient`` also accepts the gold aliases) and segment accuracy;
- end to end (GGT's "quote and speaker"): a quote counts when it is overlap-matched and its speaker
  entity is right.

Two views: ``own`` (the article's own text: gold quotes in the body, predictions whose segment is
title, lead, body or subheading, or that carry no segment) is the headline figure; ``all`` scores
every quote wherever it is (captions, related links, boilerplate and Republika's duplicated copies).

    python evaluation/quotes.py [--split dev|fresh] [--pred PRED.jsonl] [--json out.json] [--errors N]

Articles are read from ``../shared/data/news-dev/articles.jsonl`` (never copied into the repo).
``--pred`` takes JSON Lines ``{"id": ..., "quotes": [quote dicts as in API.md]}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"
GOLD = {
    "dev": REPO / "evaluation" / "quotes" / "gold_dev.jsonl",
    "fresh": REPO / "evaluation" / "quotes" / "gold_fresh.jsonl",
}
TYPES = ("direct", "indirect", "mixed")
#: Segments of the article's own text; a predicted quote there counts as ``body``.
OWN_SEGMENTS = {"body", "lead", "subheading", "title", "dateline", None}
_EDGE = set(" \t\r\n\u00a0.,;:!?…'\"“”‘’„«»()[]-–—")

Span = tuple[int, int]


class ScorerError(RuntimeError):
    """The scorer cannot run (no quotes stage, missing data, text changed by the pipeline)."""


# -- spans --------------------------------------------------------------------------------
def trim(text: str, start: int, end: int) -> Span:
    """``(start, end)`` without whitespace, punctuation and quotation marks at either end."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def overlap(a: Span, b: Span) -> int:
    """Number of characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _span(obj: dict | None) -> Span | None:
    return None if obj is None else (int(obj["start"]), int(obj["end"]))


def match_quotes(text: str, gold: list[dict], pred: list[dict], mode: str) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, pred index)``: ``exact`` (equal trimmed spans) or ``overlap``
    (at least one shared character after trimming, largest overlap first, then nearest start)."""
    g_spans = [trim(text, q["start"], q["end"]) for q in gold]
    p_spans = [trim(text, q["start"], q["end"]) for q in pred]
    candidates = []
    for gi, g in enumerate(g_spans):
        for pi, p in enumerate(p_spans):
            if mode == "exact":
                if g == p and g[0] < g[1]:
                    candidates.append((0, 0, gi, pi))
            else:
                shared = overlap(g, p)
                if shared > 0:
                    candidates.append((-shared, abs(g[0] - p[0]), gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for *_, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return sorted(pairs)


def norm_name(name: str | None) -> str | None:
    """A canonical name compared case- and space-insensitively (``None`` and ``""`` are null)."""
    if name is None:
        return None
    out = " ".join(str(name).split()).casefold()
    return out or None


def same_span(text: str, gold: dict | None, pred: dict | None, mode: str) -> bool:
    """Two optional sub-spans (cue, speaker) agree: both null, or exact / overlapping once trimmed."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = trim(text, *_span(gold)), trim(text, *_span(pred))
    return g == p if mode == "exact" else overlap(g, p) > 0


def speaker_entity_ok(gold: dict, pred: dict, lenient: bool = False) -> bool:
    """The predicted canonical speaker is the gold one (or both null)."""
    names = {norm_name(gold.get("speaker_canonical"))}
    if lenient:
        names |= {norm_name(a) for a in gold.get("speaker_aliases", [])}
    return norm_name(pred.get("speaker_canonical")) in names


# -- counting -----------------------------------------------------------------------------
def _own(quote: dict, gold: bool) -> bool:
    return quote.get("segment", "body") == "body" if gold else quote.get("segment") in OWN_SEGMENTS


def _segment(quote: dict) -> str:
    seg = quote.get("segment")
    return "body" if seg in OWN_SEGMENTS else str(seg)


def score_article(text: str, gold: list[dict], pred: list[dict], view: str = "own") -> dict[str, Any]:
    """Counts for one article; ``view`` is ``own`` or ``all`` (see the module docstring)."""
    if view == "own":
        gold = [q for q in gold if _own(q, True)]
        pred = [q for q in pred if _own(q, False)]
    c: Counter = Counter()
    errors: list[dict] = []
    for label, types in [("all", TYPES)] + [(t, (t,)) for t in TYPES]:
        g = [q for q in gold if q["type"] in types]
        p = [q for q in pred if q.get("type") in types]
        c[f"{label}.gold"] += len(g)
        c[f"{label}.pred"] += len(p)
        c[f"{label}.exact"] += len(match_quotes(text, g, p, "exact"))
        c[f"{label}.overlap"] += len(match_quotes(text, g, p, "overlap"))
    pairs = match_quotes(text, gold, pred, "overlap")
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        checks = {
            "type": g["type"] == p.get("type"),
            "cue_exact": same_span(text, g["cue"], p.get("cue"), "exact"),
            "cue_overlap": same_span(text, g["cue"], p.get("cue"), "overlap"),
            "speaker_exact": same_span(text, g["speaker"], p.get("speaker"), "exact"),
            "speaker_overlap": same_span(text, g["speaker"], p.get("speaker"), "overlap"),
            "entity": speaker_entity_ok(g, p),
            "entity_lenient": speaker_entity_ok(g, p, lenient=True),
            "segment": g.get("segment", "body") == _segment(p),
        }
        for key, ok in checks.items():
            c[f"matched.{key}"] += ok
            c[f"matched.{g['type']}.{key}"] += ok
        c["matched"] += 1
        c[f"matched.{g['type']}"] += 1
        for key in ("type", "entity", "speaker_overlap"):
            if not checks[key]:
                errors.append({"kind": key, "gold": g, "pred": p})
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    errors += [{"kind": "missed", "gold": q} for i, q in enumerate(gold) if i not in matched_g]
    errors += [{"kind": "spurious", "pred": q} for i, q in enumerate(pred) if i not in matched_p]
    return {"counts": c, "errors": errors}


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    """Precision, recall and F1 (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
    }


def summarise(counts: Counter) -> dict[str, Any]:
    """The report of summed article counts."""
    out: dict[str, Any] = {"detection": {}, "matched": {}}
    for label in ("all", *TYPES):
        out["detection"][label] = {
            mode: prf(counts[f"{label}.{mode}"], counts[f"{label}.pred"], counts[f"{label}.gold"])
            for mode in ("exact", "overlap")
        }
    keys = (
        "type",
        "cue_exact",
        "cue_overlap",
        "speaker_exact",
        "speaker_overlap",
        "entity",
        "entity_lenient",
        "segment",
    )
    for label in ("all", *TYPES):
        prefix = "matched" if label == "all" else f"matched.{label}"
        n = counts[prefix]
        out["matched"][label] = {
            "n": n,
            **{k: round(counts[f"{prefix}.{k}"] / n, 4) if n else None for k in keys},
        }
    out["end_to_end"] = prf(counts["matched.entity"], counts["all.pred"], counts["all.gold"])
    return out


def evaluate(items: Iterable[tuple[str, str, list[dict], list[dict]]], view: str = "own") -> dict[str, Any]:
    """Score ``(id, text, gold quotes, predicted quotes)`` items; returns the report and the errors."""
    total: Counter = Counter()
    errors = []
    n = 0
    for art_id, text, gold, pred in items:
        result = score_article(text, gold, pred, view)
        total.update(result["counts"])
        errors += [dict(e, id=art_id) for e in result["errors"]]
        n += 1
    report = summarise(total)
    report["articles"] = n
    report["view"] = view
    return {"report": report, "errors": errors}


# -- data and pipeline ----------------------------------------------------------------------
def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_articles(ids: set[str], path: Path | None = None) -> dict[str, str]:
    path = path or DATA
    if not path.exists():
        raise ScorerError(f"articles not found: {path} (the scorer reads ../shared/data/news-dev)")
    return {a["id"]: a["text"] for a in load_jsonl(path) if a["id"] in ids}


def predict_with_pipeline(texts: dict[str, str]) -> dict[str, list[dict]]:
    """Run newsnlp's default pipeline; its ``quotes`` layer in dict form, per article id."""
    from newsnlp import Pipeline

    nlp = Pipeline()
    if "quotes" not in nlp.stage_names:
        raise ScorerError(
            f"the default pipeline has no quotes stage yet (stages: {', '.join(nlp.stage_names)}); "
            "build the stage of issue #18, or score saved predictions with --pred FILE"
        )
    out = {}
    for art_id, text in texts.items():
        record = nlp(text, html=False).to_dict()
        if record["text"] != text:
            raise ScorerError(f"{art_id}: the pipeline changed the text, offsets cannot be compared")
        out[art_id] = record.get("quotes", [])
    return out


def _show(text: str, span: Span | None, width: int = 90) -> str:
    if span is None:
        return "-"
    s = text[span[0] : span[1]].replace("\n", " ⏎ ")
    return s if len(s) <= width else s[: width // 2 - 2] + " … " + s[-width // 2 + 2 :]


def print_report(report: dict[str, Any], title: str) -> None:
    print(f"\n{title}: {report['articles']} articles, view {report['view']}")
    print(f"{'type':9} {'gold':>5} {'pred':>5} | {'exact P/R/F1':^20} | {'overlap P/R/F1':^20}")
    for label, det in report["detection"].items():
        e, o = det["exact"], det["overlap"]
        print(
            f"{label:9} {e['gold']:5d} {e['pred']:5d} | {e['precision']:.3f} {e['recall']:.3f} {e['f1']:.3f} "
            f"| {o['precision']:.3f} {o['recall']:.3f} {o['f1']:.3f}"
        )
    print("on overlap-matched quotes (accuracy):")
    keys = ("type", "cue_exact", "speaker_exact", "speaker_overlap", "entity", "entity_lenient", "segment")
    print(f"{'type':9} {'n':>5} " + " ".join(f"{k:>15}" for k in keys))
    for label, m in report["matched"].items():
        vals = " ".join(f"{'-' if m[k] is None else format(m[k], '.3f'):>15}" for k in keys)
        print(f"{label:9} {m['n']:5d} {vals}")
    e2e = report["end_to_end"]
    print(
        f"quote + speaker entity (end to end): P {e2e['precision']:.3f} R {e2e['recall']:.3f} F1 {e2e['f1']:.3f}"
    )


def print_errors(errors: list[dict], texts: dict[str, str], limit: int) -> None:
    print(f"\nerrors (first {limit} of {len(errors)}):")
    for err in errors[:limit]:
        text = texts[err["id"]]
        g, p = err.get("gold"), err.get("pred")
        line = f"[{err['kind']}] {err['id']}"
        if g:
            line += f"\n   gold {g['type']:8} «{_show(text, _span(g))}» cue «{_show(text, _span(g['cue']))}» "
            line += f"speaker «{_show(text, _span(g['speaker']))}» -> {g.get('speaker_canonical')}"
        if p:
            line += f"\n   pred {p.get('type', '?'):8} «{_show(text, _span(p))}» cue «{_show(text, _span(p.get('cue')))}» "
            line += f"speaker «{_show(text, _span(p.get('speaker')))}» -> {p.get('speaker_canonical')}"
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score the quotes layer against the gold of evaluation/quotes/."
    )
    parser.add_argument("--split", choices=sorted(GOLD), default="dev")
    parser.add_argument("--gold", type=Path, help="another gold file (same format)")
    parser.add_argument("--pred", type=Path, help="score saved predictions instead of running the pipeline")
    parser.add_argument("--json", type=Path, help="write both views' reports here")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print the first N errors (own view)"
    )
    args = parser.parse_args(argv)
    try:
        gold = load_jsonl(args.gold or GOLD[args.split])
        texts = load_articles({r["id"] for r in gold})
        missing = [r["id"] for r in gold if r["id"] not in texts]
        if missing:
            raise ScorerError(f"gold articles missing from the data: {missing[:5]}")
        if args.pred:
            preds = {r["id"]: r.get("quotes", []) for r in load_jsonl(args.pred)}
        else:
            preds = predict_with_pipeline(texts)
    except ScorerError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    reports = {}
    for view in ("own", "all"):
        items = [(r["id"], texts[r["id"]], r["quotes"], preds.get(r["id"], [])) for r in gold]
        result = evaluate(items, view)
        reports[view] = result["report"]
        print_report(result["report"], f"quotes, split {args.split}")
        if view == "own" and args.errors:
            print_errors(result["errors"], texts, args.errors)
    if args.json:
        args.json.write_text(json.dumps({"split": args.split, **reports}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
