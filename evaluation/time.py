"""Evaluate the ``time`` stage (and ``dateparser.search_dates``) TempEval-3 style.

    python evaluation/time.py [--set NAME ...] [--gold FILE ...] [--no-dateparser] [--errors] [--json FILE]
                              [--data ARTICLES.jsonl]

``--json`` also writes the scores (per gold set and system) to FILE (``-`` for standard output), as
``tests/eval_gate.py`` reads them.

Gold sets (in ``evaluation/time/``):
- ``gold_newsdev.jsonl``: hand annotations of 41 news-dev articles (article id + offsets + type, value,
  anchor, mod; no article text) made by the rules' author; the rules were tuned on it (development set).
  The article text is read from ``../shared/data/news-dev`` and the anchor date from its ``published_raw``.
- ``gold_newsdev_heldout.jsonl``: the same format, 37 other news-dev articles annotated by a second
  annotator before running the tagger on them (held-out check; scored once, then used to fix the rules,
  so its later figures are development figures too; see docs/benchmarks.md).
- ``gold_newsdev_fresh.jsonl``: 17 further articles annotated the same way after those fixes (a second,
  smaller held-out check).
- ``gold_newsdev_fresh2.jsonl``: 225 expressions in 28 further articles (all seven outlets, random per outlet,
  none in another gold set of the repository), annotated by hand on 2026-12-05 by the time-gold helper before the
  tagger was run on them (its first measurement is in docs/benchmarks.md), following the Indonesian TimeML conventions of issue #17 (a date with its clock time is one TIME,
  ``siang``/``sore`` AF, ``malam`` NI, ``pagi``/``dini hari`` MO; see "Annotation" in docs/time.md).
- ``sentences.jsonl``: sentences written for this evaluation, covering every supported form.

The older sets (dev, heldout, fresh, sentences) were brought to the conventions of issue #17 when it was resolved
(date + clock time one TIME, parts of day, ``tanggal`` inside the date; see "Annotation" in docs/time.md).

``--set`` names them: ``dev``, ``heldout``, ``fresh``, ``fresh2``, ``sentences`` (``--gold`` takes a file name or
path; both may be repeated).

Scores, TempEval-3 style (UzZaman et al. 2013): gold and system expressions are paired one to one, an exact span
first, else the first overlapping one. Strict P/R/F1 counts pairs with the same span, relaxed P/R/F1 pairs that
overlap. Attribute F1 (TempEval-3's "value" and "type" scores): a relaxed pair counts when its attribute is right, so
P = right / system expressions, R = right / gold expressions (= relaxed F1 x attribute accuracy). Accuracies of
value, type and anchor are over the relaxed pairs. ``mod`` is not scored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "time"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # figures.py, also when loaded by path

from figures import add_json_argument, write_json  # noqa: E402
from view import DATA, load  # noqa: E402

SETS = {
    "dev": "gold_newsdev.jsonl",
    "heldout": "gold_newsdev_heldout.jsonl",
    "fresh": "gold_newsdev_fresh.jsonl",
    "fresh2": "gold_newsdev_fresh2.jsonl",
    "sentences": "sentences",
}


def _gold_newsdev(path: Path = HERE / "gold_newsdev.jsonl", data: Path = DATA):
    lines = path.read_text(encoding="utf-8").splitlines()
    ids = json.loads(lines[0])["articles"]
    if not data.exists():
        raise SystemExit(f"{data} not found: the repository must sit next to shared/, or give --data")
    rows = load(set(ids), data)
    missing = [i for i in ids if i not in rows]
    if missing:
        raise SystemExit(f"{path.name}: articles not in {data}: {missing[:5]}")
    gold: dict[str, list[dict]] = {i: [] for i in ids}
    for line in lines[1:]:
        g = json.loads(line)
        gold[g["id"]].append(g)
    from newsnlp.temporal import tag_times

    docs = []
    for aid in ids:
        row = rows[aid]
        _, pub = tag_times(row["published_raw"])  # the outlet's header stamp -> ISO
        docs.append({"id": aid, "text": row["text"], "published": pub, "gold": gold[aid]})
    return docs


def _gold_sentences():
    docs = []
    for i, line in enumerate((HERE / "sentences.jsonl").read_text(encoding="utf-8").splitlines()):
        r = json.loads(line)
        gold = []
        pos = 0
        for g in r["gold"]:
            start = r["text"].find(g[0], pos)
            gold.append(
                {
                    "start": start,
                    "end": start + len(g[0]),
                    "type": g[1],
                    "value": g[2],
                    "anchor": g[3],
                    "mod": g[4] if len(g) > 4 else None,
                }
            )
            pos = start + 1
        docs.append({"id": f"s{i}", "text": r["text"], "published": r["published"], "gold": gold})
    return docs


def run_newsnlp(doc):
    from newsnlp.temporal import tag_times

    times, _ = tag_times(doc["text"], doc["published"])
    return [
        {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "anchor": t.anchor, "mod": t.mod}
        for t in times
    ]


def run_dateparser(doc):
    from dateparser.search import search_dates

    settings = {}
    if doc["published"]:
        base = dt.datetime.fromisoformat(doc["published"][:16])
        settings["RELATIVE_BASE"] = base
    found = search_dates(doc["text"], languages=["id"], settings=settings) or []
    out, pos = [], 0
    for surface, value in found:
        start = doc["text"].find(surface, pos)
        if start < 0:
            continue
        pos = start + len(surface)
        has_time = value.hour or value.minute
        out.append(
            {
                "start": start,
                "end": pos,
                "type": "TIME" if has_time else "DATE",
                "value": value.strftime("%Y-%m-%dT%H:%M") if has_time else value.date().isoformat(),
                "anchor": None,
                "mod": None,
            }
        )
    return out


def _pair(gold, pred):
    """One-to-one pairs (gold index, system index): an exact span first, else the first overlapping one."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if j not in used and p["start"] == g["start"] and p["end"] == g["end"]:
                pairs[i] = j
                used.add(j)
                break
    for i, g in enumerate(gold):
        if i in pairs:
            continue
        for j, p in enumerate(pred):
            if j not in used and p["end"] > g["start"] and p["start"] < g["end"]:
                pairs[i] = j
                used.add(j)
                break
    return pairs


def score(docs, system, errors=False):
    """TempEval-3 style scores of ``system`` on ``docs`` (see the module docstring); prints errors if asked."""
    tp_strict = tp_relaxed = n_sys = n_gold = 0
    val_ok = type_ok = anchor_ok = 0
    err_lines = []
    for doc in docs:
        pred = system(doc)
        gold = doc["gold"]
        text = doc["text"]
        n_sys += len(pred)
        n_gold += len(gold)
        pairs = _pair(gold, pred)
        for i, g in enumerate(gold):
            if i not in pairs:
                err_lines.append(f"{doc['id']} MISS {text[g['start'] : g['end']]!r} {g['type']} {g['value']}")
                continue
            p = pred[pairs[i]]
            tp_relaxed += 1
            if p["start"] == g["start"] and p["end"] == g["end"]:
                tp_strict += 1
            elif errors:
                err_lines.append(
                    f"{doc['id']} EXTENT sys={text[p['start'] : p['end']]!r} gold={text[g['start'] : g['end']]!r}"
                )
            if p["value"] == g["value"]:
                val_ok += 1
            else:
                err_lines.append(
                    f"{doc['id']} VALUE {text[p['start'] : p['end']]!r} sys={p['value']} gold={g['value']}"
                    f" (gold span {text[g['start'] : g['end']]!r})"
                )
            if p["type"] == g["type"]:
                type_ok += 1
            elif errors:
                err_lines.append(
                    f"{doc['id']} TYPE {text[p['start'] : p['end']]!r} sys={p['type']} gold={g['type']}"
                )
            anchor_ok += p["anchor"] == g["anchor"]
        used = set(pairs.values())
        for j, p in enumerate(pred):
            if j not in used:
                err_lines.append(
                    f"{doc['id']} FALSE {text[p['start'] : p['end']]!r} {p['type']} {p['value']}"
                )

    def prf(tp):
        prec = tp / n_sys if n_sys else 0.0
        rec = tp / n_gold if n_gold else 0.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)

    res = {
        "gold": n_gold,
        "system": n_sys,
        "strict": prf(tp_strict),
        "relaxed": prf(tp_relaxed),
        "value": prf(val_ok),
        "type": prf(type_ok),
        "value_f1": prf(val_ok)[2],
        "type_f1": prf(type_ok)[2],
        "value_acc": val_ok / tp_relaxed if tp_relaxed else 0.0,
        "type_acc": type_ok / tp_relaxed if tp_relaxed else 0.0,
        "anchor_acc": anchor_ok / tp_relaxed if tp_relaxed else 0.0,
    }
    if errors:
        print("\n".join(err_lines))
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="TempEval-3 style scores for the time stage")
    ap.add_argument("--no-dateparser", action="store_true")
    ap.add_argument(
        "--errors", action="store_true", help="print misses, false alarms, wrong values, extents and types"
    )
    ap.add_argument(
        "--set",
        action="append",
        choices=sorted(SETS),
        help="a gold set by name (repeatable): " + ", ".join(f"{k} = {v}" for k, v in SETS.items()),
    )
    ap.add_argument(
        "--gold",
        action="append",
        metavar="FILE",
        help="news-dev gold file(s) to score (a path, or a name in evaluation/time/, e.g. "
        "gold_newsdev_heldout.jsonl); 'sentences' scores the written sentences. Default (without --set or "
        "--gold): gold_newsdev.jsonl and the sentences",
    )
    ap.add_argument(
        "--data",
        type=Path,
        default=DATA,
        help="news-dev articles.jsonl (default: ../shared/data/news-dev/articles.jsonl next to the repository)",
    )
    add_json_argument(ap)
    args = ap.parse_args(argv)
    names = [SETS[n] for n in args.set or []] + (args.gold or [])
    sets = []
    keys = []
    for name in names or ["gold_newsdev.jsonl", "sentences"]:
        if name == "sentences":
            sets.append(("written sentences", _gold_sentences()))
            keys.append("sentences")
            continue
        path = Path(name) if Path(name).exists() else HERE / name
        docs = _gold_newsdev(path, args.data)
        sets.append((f"{path.stem} ({len(docs)} articles)", docs))
        keys.append(path.stem)
    systems = [("newsnlp time", run_newsnlp)]
    if not args.no_dateparser:
        systems.append(("dateparser.search_dates", run_dateparser))
    print(
        "| set | system | gold | found | strict P/R/F1 | relaxed P/R/F1 | value F1 | value acc | type acc "
        "| anchor acc | type F1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    figures: dict[str, dict] = {}
    for key, (set_name, docs) in zip(keys, sets):
        for sys_name, fn in systems:
            r = score(docs, fn, errors=args.errors and sys_name.startswith("newsnlp"))
            figures.setdefault(key, {})[sys_name] = r
            s, rl = r["strict"], r["relaxed"]
            anchor = f"{r['anchor_acc']:.3f}" if sys_name.startswith("newsnlp") else "n/a"
            print(
                f"| {set_name} | {sys_name} | {r['gold']} | {r['system']} | {s[0]:.3f}/{s[1]:.3f}/{s[2]:.3f} | "
                f"{rl[0]:.3f}/{rl[1]:.3f}/{rl[2]:.3f} | {r['value_f1']:.3f} | {r['value_acc']:.3f} | "
                f"{r['type_acc']:.3f} | {anchor} | {r['type_f1']:.3f} |"
            )
    write_json(args.json, figures)


if __name__ == "__main__":
    main()
