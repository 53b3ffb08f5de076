"""Time and peak memory of the default pipeline on very large articles, per stage.

Inputs are built from the seed example (``examples/tribunjogja_microsoft_tiktok.txt``):

- ``seed``: the article repeated (blank line between copies) up to the size;
- ``line``: the same with every line break replaced by a space, one line without breaks;

and from the adversarial units of issue #20 (:data:`PATTERNS`), each repeated up to the size:
``budi`` (``"Budi "``), ``brackets`` (``"([{‹"``), ``jakarta`` (``"JAKARTA, "``), ``nbsp_zwsp``
(a word, NBSP, zero-width space), ``baca`` (``"Baca juga: "``), ``baca_lines`` (a ``Baca juga``
link per line), ``parens`` (``"("``).

Each (kind, size) runs in a fresh subprocess so that its peak RSS is its own. The table gives the
seconds spent in each stage (its ``process`` and its parts', e.g. ``stems`` for ``text``), the total, the characters per second and
the peak RSS of the process (``ru_maxrss``: pipeline + input + record) at the end of the enrichment
and again after ``to_json()`` (the JSON of a 10 MB article is ~380 MB), next to the RSS after the
pipeline was loaded.

    OMP_NUM_THREADS=1 python benchmarks/large_input.py                  # 0.1, 1 and 10 MB
    OMP_NUM_THREADS=1 python benchmarks/large_input.py --sizes 0.1 1 --kinds seed
    OMP_NUM_THREADS=1 python benchmarks/large_input.py --stages text time structure
    OMP_NUM_THREADS=1 python benchmarks/large_input.py --kinds adversarial --sizes 0.25 0.5 1

Besides the seconds per stage, the table gives the seconds per million characters (whole pipeline
and text stage: constant when the cost is linear) and the peak memory the enrichment adds, per
input character: (peak RSS - RSS after loading the pipeline) / characters.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "tribunjogja_microsoft_tiktok.txt"


#: The adversarial units of issue #20, repeated up to the size.
PATTERNS = {
    "budi": "Budi ",
    "brackets": "([{\u2039",
    "jakarta": "JAKARTA, ",
    "nbsp_zwsp": "kata\u00a0\u200b",
    "baca": "Baca juga: ",
    "baca_lines": "Baca juga: Trump Ancam Blokir TikTok di Amerika\n",
    "parens": "(",
}
KINDS = ("seed", "line", *PATTERNS)


def build_text(kind: str, size_mb: float) -> str:
    """The input of ``kind`` (``seed``, ``line`` or a key of :data:`PATTERNS`) with ``size_mb``
    million characters."""
    n = int(size_mb * 1_000_000)
    if kind in PATTERNS:
        unit = PATTERNS[kind]
        return (unit * (n // len(unit) + 1))[:n]
    seed = SEED.read_text(encoding="utf-8").strip()
    if kind == "line":
        seed = " ".join(seed.split())
    unit = seed + ("\n\n" if kind == "seed" else " ")
    return (unit * (n // len(unit) + 1))[:n]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_one(kind: str, size_mb: float, stages: tuple[str, ...] | None = None) -> dict:
    """Enrich one input in this process; return timings (s) and peak RSS (MB)."""
    from newsnlp.api import get_default_pipeline

    t0 = time.perf_counter()
    pipe = get_default_pipeline(stages) if stages else get_default_pipeline()
    load = time.perf_counter() - t0
    rss_loaded = _rss_mb()
    text = build_text(kind, size_mb)
    out: dict = {"kind": kind, "mb": size_mb, "chars": len(text), "load_s": round(load, 1)}
    out["rss_loaded_mb"] = round(rss_loaded)
    t_all = time.perf_counter()
    t = time.perf_counter()
    art = pipe.make_article(text)
    out["make_article_s"] = round(time.perf_counter() - t, 2)
    stage_s: dict[str, float] = {}
    owner = {step["name"]: step["part_of"] or step["name"] for step in pipe.analyze()}
    from newsnlp.gcpause import gc_paused

    for stage in pipe._stages:  # the same calls as Pipeline.__call__, timed one by one
        t = time.perf_counter()
        with gc_paused():  # as Pipeline.__call__ runs them
            stage.process(art)
        name = owner[stage.name]  # a part's time counts for its stage (stems for text)
        stage_s[name] = stage_s.get(name, 0.0) + time.perf_counter() - t
        out[f"rss_after_{stage.name}_mb"] = round(_rss_mb())
    art.stages.extend(pipe.stage_names)
    art.scratch.clear()
    total = time.perf_counter() - t_all
    out["peak_rss_enrich_mb"] = round(_rss_mb())
    t = time.perf_counter()
    n_json = len(art.to_json())
    out["to_json_s"] = round(time.perf_counter() - t, 2)
    out["stage_s"] = {k: round(v, 2) for k, v in stage_s.items()}
    out["total_s"] = round(total, 1)
    out["chars_per_s"] = round(len(text) / total) if total else None
    out["s_per_mb"] = round(total / (len(text) / 1e6), 2)
    out["text_s_per_mb"] = round(stage_s.get("text", 0.0) / (len(text) / 1e6), 2)
    out["bytes_per_char"] = round((out["peak_rss_enrich_mb"] - rss_loaded) * 2**20 / len(text))
    out["peak_rss_mb"] = round(_rss_mb())
    out["tokens"] = len(art.tokens)
    out["sentences"] = len(art.sentences)
    out["entities"] = len(art.entities)
    out["times"] = len(art.times)
    out["segments"] = len(art.segments)
    out["json_mb"] = round(n_json / 1e6, 1)
    return out


def main() -> int:
    """Run every (kind, size) in its own subprocess and print the table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", nargs="+", type=float, default=[0.1, 1.0, 10.0], help="millions of characters")
    p.add_argument(
        "--kinds",
        nargs="+",
        choices=(*KINDS, "adversarial"),
        default=["seed", "line"],
        help="inputs to build; 'adversarial' is every pattern of issue #20",
    )
    p.add_argument("--timeout", type=float, default=3600.0, help="seconds per run")
    p.add_argument("--stages", nargs="+", help="stages to run (default: the default pipeline)")
    p.add_argument("--json", help="also write the rows to this JSON file")
    p.add_argument("--child", nargs=2, metavar=("KIND", "MB"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child[0], float(args.child[1]), tuple(args.stages or ()))))
        return 0
    kinds = [k for kind in args.kinds for k in (PATTERNS if kind == "adversarial" else (kind,))]
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONWARNINGS="ignore")
    rows = []
    header = (
        f"{'kind':10} {'MB':>5} {'tokens':>9} {'text':>7} {'entities':>8} {'time':>7} {'struct':>7} "
        f"{'total s':>8} {'s/MB':>6} {'text s/MB':>9} {'RSS load':>8} {'peak RSS':>8} {'B/char':>6} {'+to_json':>8}"
    )
    print(f"stages: {' '.join(args.stages) if args.stages else 'default pipeline'}", flush=True)
    print(header, flush=True)
    for kind in kinds:
        for size in args.sizes:
            cmd = [sys.executable, __file__, "--child", kind, str(size)]
            if args.stages:
                cmd += ["--stages", *args.stages]
            try:
                res = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=args.timeout)
            except subprocess.TimeoutExpired:
                print(f"{kind:10} {size:5} timed out after {args.timeout:.0f} s", flush=True)
                continue
            if res.returncode != 0:
                print(f"{kind:10} {size:5} FAILED:\n{res.stderr[-2000:]}", flush=True)
                continue
            row = json.loads(res.stdout.strip().splitlines()[-1])
            rows.append(row)
            s = row["stage_s"]
            print(
                f"{kind:10} {size:5} {row['tokens']:9d} {s.get('text', 0):7.1f} {s.get('entities', 0):8.1f} "
                f"{s.get('time', 0):7.1f} {s.get('structure', 0):7.1f} {row['total_s']:8.1f} "
                f"{row['s_per_mb']:6.1f} {row['text_s_per_mb']:9.1f} {row['rss_loaded_mb']:7d}M "
                f"{row['peak_rss_enrich_mb']:7d}M {row['bytes_per_char']:6d} {row['peak_rss_mb']:7d}M",
                flush=True,
            )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
