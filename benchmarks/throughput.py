"""Throughput of newsnlp over the news-dev articles, beside a by-hand baseline.

Each configuration runs in its own process (so peak memory is its own) on one core:

- ``import newsnlp`` time and ``Pipeline()`` build time;
- the text stage alone, then the full default pipeline with a per-stage time breakdown, for
  single calls (``nlp(text)``) and batches (``nlp.pipe``);
- each later stage beside the text stage alone, in batches (``text+entities-batch``...), for its
  own articles/s and peak memory;
- the by-hand glue a researcher would write: ``spacy.blank("id")`` + sentencizer + PySastrawi on
  every token, and the same plus ``dateparser.search_dates(text, languages=['id'])``.

    OMP_NUM_THREADS=1 taskset -c 0 python benchmarks/throughput.py [--limit N] [--repeat R] [--no-dateparser]
        [--configs NAME ...]

Besides wall-clock articles/s it reports articles per CPU-second of the process, which is
steadier on a shared machine.
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

from _timing import best, best_of, passes

REPO = Path(__file__).resolve().parents[1]
NEWS_DEV = REPO.parent / "shared" / "data" / "news-dev" / "articles.jsonl"


#: Each later stage beside the text stage alone, in batches: its cost is the difference from
#: ``text-batch`` (the entity, time and structure stages need only the text stage's output).
PER_STAGE = ["text+entities-batch", "text+time-batch", "text+structure-batch"]


def load_texts(limit: int | None) -> list[str]:
    with open(NEWS_DEV, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    return texts[:limit] if limit else texts


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_config(config: str, limit: int | None, repeat: int) -> dict:
    texts = load_texts(limit)
    out: dict = {"config": config}
    counted = [0]  # tokens over all passes
    if config.startswith("baseline"):
        import spacy
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        search_dates = None
        if config == "baseline+dateparser":
            from dateparser.search import search_dates
        t0 = time.perf_counter()
        nlp = spacy.blank("id")
        nlp.add_pipe("sentencizer")
        stemmer = StemmerFactory().create_stemmer()
        out["build_s"] = time.perf_counter() - t0

        def one(text: str) -> None:
            doc = nlp(text)
            counted[0] += len([stemmer.stem(t.text) for t in doc if not t.is_space])
            if search_dates is not None:
                search_dates(text, languages=["id"])

        out["seconds"], out["cpu_seconds"] = best_of(one, texts, repeat)
    else:
        from newsnlp import Pipeline
        from newsnlp.pipeline import DEFAULT_STAGES

        name = config.removesuffix("-batch")
        stages = DEFAULT_STAGES if name == "all" else tuple(name.split("+"))
        t0 = time.perf_counter()
        nlp = Pipeline(stages=stages)
        out["build_s"] = time.perf_counter() - t0
        out["stages"] = list(nlp.stage_names)
        nlp(texts[0])  # warm-up (caches, lazy imports)
        if config.endswith("batch"):

            def corpus(items: list[str]) -> None:
                for art in nlp.pipe(items, batch_size=64):
                    counted[0] += len(art.tokens)

            times = passes(corpus, [texts], repeat)
        else:
            per_stage = {name: 0.0 for name in nlp.stage_names}
            # each step in pipeline order; a part's time counts for its stage (stems for text)
            owner = {step["name"]: step["part_of"] or step["name"] for step in nlp.analyze()}
            steps = [(nlp.get_stage(n), owner[n]) for n in nlp.step_names]

            def one(text: str) -> None:
                art = nlp.make_article(text)
                for st, name in steps:
                    s0 = time.perf_counter()
                    st.process(art)
                    per_stage[name] += time.perf_counter() - s0
                counted[0] += len(art.tokens)

            times = passes(one, texts, repeat)
            out["per_stage_ms"] = {k: 1000 * v / (repeat * len(texts)) for k, v in per_stage.items()}
        out["seconds"], out["cpu_seconds"] = best(times)
        out["first_pass_s"] = times[0][0]
    n_tok = counted[0] // repeat
    n = len(texts)
    out.update(
        articles=n,
        tokens=n_tok,
        articles_per_s=n / out["seconds"],
        articles_per_cpu_s=n / out["cpu_seconds"],
        tokens_per_s=n_tok / out["seconds"],
        peak_mb=peak_mb(),
    )
    return out


def startup() -> dict:
    code = (
        "import time; t=time.perf_counter(); import newsnlp; t1=time.perf_counter();"
        "import spacy; t2=time.perf_counter();"
        "p=newsnlp.Pipeline(); t3=time.perf_counter();"
        "print(t1-t, t3-t1, t3-t2)"
    )
    imports, builds, after_spacy = [], [], []
    for _ in range(3):
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        a, b, c = res.stdout.split()
        imports.append(float(a))
        builds.append(float(b))
        after_spacy.append(float(c))
    return {"import_s": min(imports), "build_s": min(builds), "build_after_spacy_s": min(after_spacy)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-dateparser", action="store_true", help="skip the (slow) baseline with dateparser")
    ap.add_argument(
        "--configs",
        nargs="*",
        help="run only these configurations (text, text-batch, text+entities-batch, ..., all, all-batch, "
        "baseline, baseline+dateparser)",
    )
    ap.add_argument("--config", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.config:
        print(json.dumps(run_config(args.config, args.limit, args.repeat)))
        return 0
    if not NEWS_DEV.exists():
        print(f"news-dev not found at {NEWS_DEV}", file=sys.stderr)
        return 2
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    s = startup()
    print(
        f"import newsnlp: {s['import_s']:.3f} s   Pipeline() build (all default stages, after import): "
        f"{s['build_s']:.3f} s, of which {s['build_s'] - s['build_after_spacy_s']:.3f} s importing spaCy "
        f"(slower when torch is installed: thinc imports it)\n"
    )
    configs = args.configs or ["text", "text-batch", *PER_STAGE, "all", "all-batch", "baseline"] + (
        [] if args.no_dateparser else ["baseline+dateparser"]
    )
    results = []
    for config in configs:
        cmd = [sys.executable, __file__, "--config", config, "--repeat", str(args.repeat)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        res = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if res.returncode:
            print(f"{config}: failed\n{res.stderr[-2000:]}", file=sys.stderr)
            continue
        results.append(json.loads(res.stdout.strip().splitlines()[-1]))
    print(
        f"best of {args.repeat} passes over the articles; 'first pass' = the first of them, with the "
        "tokenizer, stem and fuzzy caches cold (one warm-up article)"
    )
    print(
        "| configuration | stages | articles | articles/s (wall) | articles/CPU-s | first pass art/s | tokens/s "
        "| build s | peak MB |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        first = f"{r['articles'] / r['first_pass_s']:.1f}" if "first_pass_s" in r else "-"
        print(
            f"| {r['config']} | {'+'.join(r.get('stages', [])) or '-'} | {r['articles']} | {r['articles_per_s']:.1f} "
            f"| {r['articles_per_cpu_s']:.1f} | {first} "
            f"| {r['tokens_per_s']:,.0f} | {r['build_s']:.2f} | {r['peak_mb']:.0f} |"
        )
    for r in results:
        if "per_stage_ms" in r and r["config"] == "all":
            print(
                "\nPer-stage wall time, single calls (ms/article, mean over passes): "
                + ", ".join(f"{k} {v:.2f}" for k, v in r["per_stage_ms"].items())
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
