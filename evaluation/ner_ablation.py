"""One row per NER model for the ablation table of ``docs/ner_model.md``: in-domain and out of domain.

For each model directory, exact-match F1 (overall and per label) of

* the model alone (``evaluation/ner.py --system model``) on idner-news-2k dev (as released), the
  news-dev tuning gold (PER/ORG/LOC), the Luthfi half B and the NERP test split (recased);
* the whole entities stage with that model (``--system combined``) on idner dev and news-dev;
* both on the held-out news-dev gold (``evaluation/entities_heldout.py``; measurement only: nothing
  is chosen by looking at it).

Usage::

    python evaluation/ner_ablation.py training/ner/build/models/*/model-best --json ablation.json
    python evaluation/ner_ablation.py src/newsnlp/data/ner_model --name shipped
    python evaluation/ner_ablation.py --table ablation.json      # markdown tables of saved rows
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"_eval_{name}", HERE / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def heldout(model: str, systems: tuple[str, ...]) -> dict[str, Any]:
    """Exact scores of ``systems`` on the held-out news-dev gold with this model."""
    h = _module("entities_heldout")
    covered, gold = h.load_gold()
    rows = h.load_articles(set(covered))
    ids = sorted(covered)
    gold_l = [gold[i] for i in ids]
    out = {}
    for name in systems:
        raw = h.SYSTEMS[name](model)([rows[i] for i in ids])
        pred = [{s for s in p if s[0] < covered[i]} for i, p in zip(ids, raw)]
        res = h.score(gold_l, pred)
        out[name] = {"ALL": res["exact"]["f1"], **{k: v["f1"] for k, v in res["per_label"].items()}}
    return out


def measure(model: str) -> dict[str, Any]:
    """All figures of one model."""
    ner = _module("ner")
    t0 = time.time()
    row: dict[str, Any] = {"model": model}

    def f1s(scores: dict[str, dict[str, float]]) -> dict[str, float]:
        return {lab: round(s["f"], 3) for lab, s in scores.items()}

    res = ner.evaluate("model", "dev", model, ("idner", "newsdev", "luthfi", "nerp"))
    row["model"] = {k: f1s(v) for k, v in res.items()}
    res = ner.evaluate("combined", "dev", model, ("idner", "newsdev"))
    row["combined"] = {k: f1s(v) for k, v in res.items()}
    row["heldout"] = {
        k: {lab: round(f, 3) for lab, f in v.items()}
        for k, v in heldout(model, ("model-raw", "combined")).items()
    }
    row["seconds"] = round(time.time() - t0, 1)
    return row


def line(name: str, row: dict[str, Any]) -> str:
    """The short summary line of a row (ALL F1s)."""
    m, c, h = row["model"], row["combined"], row["heldout"]
    return (
        f"{name:<28} model: idner-dev {m['idner-dev']['ALL']:.3f} newsdev {m['newsdev-PER/ORG/LOC']['ALL']:.3f} "
        f"luthfiB {m['luthfi']['ALL']:.3f} nerp {m['nerp']['ALL']:.3f} heldout {h['model-raw']['ALL']:.3f} | "
        f"combined: idner-dev {c['idner-dev']['ALL']:.3f} newsdev {c['newsdev-all']['ALL']:.3f} "
        f"heldout {h['combined']['ALL']:.3f}"
    )


def tables(rows: list[dict[str, Any]]) -> str:
    """Markdown tables of saved rows: the overview (ALL F1) and per label."""
    out = [
        "| model | idner dev | news-dev | Luthfi B | NERP test | held-out | stage: idner dev | stage: news-dev "
        "| stage: held-out |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        m, c, h = r["model"], r["combined"], r["heldout"]
        vals = [
            m["idner-dev"]["ALL"], m["newsdev-PER/ORG/LOC"]["ALL"], m["luthfi"]["ALL"], m["nerp"]["ALL"],
            h["model-raw"]["ALL"], c["idner-dev"]["ALL"], c["newsdev-all"]["ALL"], h["combined"]["ALL"],
        ]  # fmt: skip
        out.append(f"| {r['name']} | " + " | ".join(f"{v:.3f}" for v in vals) + " |")
    out += ["", "| model | set | PER | ORG | LOC | EVENT | PRODUCT |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        for label, d in (
            ("model, news-dev", r["model"]["newsdev-all"]),
            ("model, held-out", r["heldout"]["model-raw"]),
            ("stage, news-dev", r["combined"]["newsdev-all"]),
            ("stage, held-out", r["heldout"]["combined"]),
        ):
            vals = [d.get(k) for k in ("PER", "ORG", "LOC", "EVENT", "PRODUCT")]
            cells = " | ".join("-" if v is None else f"{v:.3f}" for v in vals)
            out.append(f"| {r['name']} | {label} | {cells} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*", help="model directories")
    ap.add_argument("--table", type=Path, default=None, help="print markdown tables of saved rows")
    ap.add_argument("--name", action="append", default=None, help="row names (default: the parent dir)")
    ap.add_argument("--json", type=Path, default=None, help="append the rows (JSON lines) to this file")
    args = ap.parse_args(argv)
    if args.table:
        rows = [json.loads(x) for x in args.table.read_text(encoding="utf-8").splitlines() if x.strip()]
        print(tables(rows))
        return
    names = args.name or [
        Path(m).parent.name if Path(m).name == "model-best" else Path(m).name for m in args.models
    ]
    for name, model in zip(names, args.models):
        row = measure(model)
        row["name"] = name
        print(line(name, row), flush=True)
        if args.json:
            with args.json.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    sys.exit(main())
