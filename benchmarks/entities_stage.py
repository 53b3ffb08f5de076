"""Speed of the entities stage and quality of its fuzzy name matching.

    OMP_NUM_THREADS=1 python benchmarks/entities_stage.py [--limit N] [--repeat R] [--no-fuzzy-eval]
    OMP_NUM_THREADS=1 python benchmarks/entities_stage.py --scaling [--sizes 0.1,0.4,1]
    OMP_NUM_THREADS=1 python benchmarks/entities_stage.py --no-fuzzy-eval \
        --model src/newsnlp/data/ner_model --model training/ner/build/models/X/model-best   # A/B

Prints three tables:

1. load time of the stage (gazetteer + indexes) and of the gazetteer file alone;
2. articles/s over ``../shared/data/news-dev`` (tokens from the text stage are computed first
   and not timed) in batch mode (``process_batch``, 64 articles) and with single calls, for the
   gazetteer alone, the model alone and both, plus the gazetteer matching alone;
   With ``--model`` (repeatable) the model and the default configurations are timed with each of
   the given NER models, interleaved pass by pass, so that models are compared in the same run;
3. fuzzy matching: names of the fuzzy index perturbed by one edit (deletion, insertion,
   substitution, transposition) or by case/space changes -> share resolved to the right entry,
   to a wrong one, or not at all; and capitalised words of news-dev that are not gazetteer names
   (nor common words) -> share that fuzzy-match anything (false matches); ms per lookup.

With ``--ab SRC``: the default stage (model + gazetteer), batch and single calls, timed in fresh
processes alternately on this tree and on the source tree ``SRC`` (e.g. ``git archive c52dee5 src |
tar -x -C /tmp/base`` then ``--ab /tmp/base/src``), ``--repeat`` rounds, best CPU figure of each::

    OMP_NUM_THREADS=1 taskset -c 0 python benchmarks/entities_stage.py --ab /tmp/base/src

With ``--adversarial [--sizes 0.1,0.4]``: CPU seconds per MB of the entity stage alone on the
repetitive inputs of issue #20 (``"Budi "``, ``"([{‹"``, ``"JAKARTA, "``, NBSP + zero-width space,
``"Baca juga: "``) and on news-dev articles concatenated.

With ``--scaling``: CPU time and peak RSS of ``Pipeline(stages=("text", "entities"))`` on one
long input of 0.1 / 0.4 / 1 MB, each size in a fresh process: a single line (an invented
sentence pattern with whitespace runs, repeated capitalised words and titled names, no line
break) and news-dev articles concatenated. Time and memory must grow linearly with the size.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

from _timing import best_of

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
#: The source tree timed (``--ab`` runs children on another tree through this variable).
SRC = os.environ.get("ENTITIES_BENCH_SRC", str(ROOT / "src"))
sys.path.insert(0, SRC)
DATA = ROOT / ".." / "shared" / "data"

from newsnlp import Pipeline  # noqa: E402
from newsnlp.entities import gazetteer as gazmod  # noqa: E402
from newsnlp.entities.stage import EntityStage  # noqa: E402
from newsnlp.entities.textutil import name_key, pieces  # noqa: E402


def load_articles(limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in (DATA / "news-dev" / "articles.jsonl").open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def tokenised(rows: list[dict]):
    nlp = Pipeline(stages=("text",))
    arts = [nlp.make_article(r["text"]) for r in rows]
    stage = nlp.get_stage("text")
    stage.process_batch(arts)
    return arts


def time_stage(stage: EntityStage, arts, batch: bool, repeat: int = 2) -> tuple[float, float]:
    """(articles per wall-clock second, articles per CPU second of this process), best of ``repeat``.

    The cyclic garbage collector is paused during the passes, as ``Pipeline`` pauses it while its
    stages run (``enrich``, ``enrich_many``). Each pass overwrites ``article.entities``."""
    if batch:
        fn, items = stage.process_batch, [arts[i : i + 64] for i in range(0, len(arts), 64)]
    else:
        fn, items = stage.process, arts
    gc.collect()
    gc.disable()
    try:
        wall, cpu = best_of(fn, items, repeat)
    finally:
        gc.enable()
    return len(arts) / wall, len(arts) / cpu


def ab(other: str, limit: int | None, rounds: int) -> None:
    """Time the default stage on this tree and on ``other`` in alternating fresh processes."""
    trees = {"this": str(ROOT / "src"), "other": str(Path(other).resolve())}
    best: dict[str, dict[str, float]] = {k: {"batch": 0.0, "single": 0.0} for k in trees}
    for _ in range(rounds):
        for name, src in trees.items():
            env = dict(os.environ, ENTITIES_BENCH_SRC=src, PYTHONPATH=src, OMP_NUM_THREADS="1")
            cmd = [sys.executable, __file__, "--ab-one"] + (["--limit", str(limit)] if limit else [])
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
            res = json.loads(out.strip().splitlines()[-1])
            for k in ("batch", "single"):
                best[name][k] = max(best[name][k], res[k])
    print(f"A/B, default stage (model + gazetteer), news-dev, articles per CPU second, best of {rounds}")
    print(f"{'tree':<40} {'batch':>8} {'single':>8}")
    for name, src in trees.items():
        print(f"{name + ' (' + src + ')':<40} {best[name]['batch']:>8.0f} {best[name]['single']:>8.0f}")


#: Repetitive inputs of issue #20 that once cost the entity stage 10-57 s per MB.
ADVERSARIAL = {
    "budi": "Budi ",
    "brackets": "([{\u2039",
    "jakarta": "JAKARTA, ",
    "nbsp_zw": "\u00a0\u200b",
    "baca": "Baca juga: ",
}


def adversarial(sizes: list[float]) -> None:
    """CPU seconds per MB of the entity stage alone on each repetitive pattern and on news-dev
    articles concatenated, at each size (tokens from the text stage, not timed)."""
    nlp = Pipeline(stages=("text", "entities"))
    stage = nlp.get_stage("entities")
    news = "\n\n".join(r["text"] for r in load_articles(None))
    print(f"{'pattern':<10} {'MB':>5} {'s':>7} {'s/MB':>6} {'entities':>9}")
    for kind in [*ADVERSARIAL, "news"]:
        unit = news if kind == "news" else ADVERSARIAL[kind]
        for mb in sizes:
            n = int(mb * 1_000_000)
            art = nlp.make_article((unit * (n // len(unit) + 1))[:n])
            nlp.get_stage("text").process(art)
            t = time.process_time()
            stage.process(art)
            d = time.process_time() - t
            print(f"{kind:<10} {mb:>5} {d:>7.2f} {d / mb:>6.1f} {len(art.entities):>9}", flush=True)


def time_gazetteer_only_matching(stage: EntityStage, arts) -> tuple[float, float]:
    t, c = time.perf_counter(), time.process_time()
    for a in arts:
        stage.gaz.match(a.text, pieces(a.text))
    return len(arts) / (time.perf_counter() - t), len(arts) / (time.process_time() - c)


def perturb(name: str, rng: random.Random, kind: str) -> str:
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    i = rng.choice(letters[1:]) if len(letters) > 1 else letters[0]
    if kind == "delete":
        return name[:i] + name[i + 1 :]
    if kind == "insert":
        return name[:i] + rng.choice("aeiounrst") + name[i:]
    if kind == "substitute":
        c = rng.choice([c for c in "aeiounrstkl" if c != name[i].lower()])
        return name[:i] + c + name[i + 1 :]
    if kind == "transpose":
        if i + 1 < len(name) and name[i + 1].isalpha():
            return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        return name[: i - 1] + name[i] + name[i - 1] + name[i + 1 :]
    if kind == "case":
        return name.upper() if rng.random() < 0.5 else name.lower().capitalize()
    if kind == "space":
        return name.replace(" ", "") if " " in name else name[: len(name) // 2] + " " + name[len(name) // 2 :]
    raise ValueError(kind)


def fuzzy_eval(gaz: gazmod.Gazetteer, arts, n: int = 400, seed: int = 7) -> None:
    rng = random.Random(seed)
    names = []
    fuzzy_set = set(gaz._fuzzy_keys)
    for idx, name in enumerate(gaz.names):
        if name_key(name) in fuzzy_set and len(name) >= 6:
            names.append((name, idx))
    sample = rng.sample(names, min(n, len(names)))
    print("\nFuzzy matching (perturbed names of the fuzzy index; exact/alias hits skip fuzzy)")
    print(f"{'perturbation':<12} {'n':>5} {'right':>7} {'wrong':>7} {'none':>7}")
    lookup_ms = []
    for kind in ("delete", "insert", "substitute", "transpose", "case", "space"):
        right = wrong = none = 0
        for name, idx in sample:
            v = perturb(name, rng, kind)
            gaz._fuzzy_cache.clear()
            hit_exact = gaz.lookup(v)
            if hit_exact is not None:
                res = hit_exact
            else:
                t = time.perf_counter()
                fz = gaz.fuzzy_lookup(v)
                lookup_ms.append((time.perf_counter() - t) * 1000)
                res = fz[0] if fz else None
            if res is None:
                none += 1
            elif gaz.names[res] == name or res == idx:
                right += 1
            else:
                wrong += 1
        k = len(sample)
        print(f"{kind:<12} {k:>5} {right / k:>7.1%} {wrong / k:>7.1%} {none / k:>7.1%}")
    # false matches on capitalised words that are not names
    words = set()
    for a in arts:
        for p in pieces(a.text):
            w = a.text[p.start : p.end]
            if w[:1].isupper() and w.isalpha() and len(w) >= 6:
                words.add(w)
    cands = sorted(w for w in words if gaz.lookup(w) is None and w.lower() not in gaz.common)
    rng.shuffle(cands)
    cands = cands[:1000]
    hits = []
    for w in cands:
        gaz._fuzzy_cache.clear()
        t = time.perf_counter()
        r = gaz.fuzzy_lookup(w)
        lookup_ms.append((time.perf_counter() - t) * 1000)
        if r is not None:
            hits.append((w, gaz.names[r[0]], round(r[1], 1)))
    print(
        f"\nrandom capitalised non-name words of news-dev: {len(cands)}, fuzzy-matched: {len(hits)} "
        f"({len(hits) / max(1, len(cands)):.1%}; some are real variants, e.g. {hits[:6]})"
    )
    print(
        f"fuzzy lookup: median {statistics.median(lookup_ms):.3f} ms, "
        f"p95 {sorted(lookup_ms)[int(0.95 * len(lookup_ms))]:.3f} ms"
    )
    # the unblocked baseline
    from rapidfuzz import fuzz, process

    keys = list(gaz._fuzzy_keys)
    t = time.perf_counter()
    for w in cands[:20]:
        process.extractOne(w, keys, scorer=fuzz.WRatio)
    print(
        f"unblocked extractOne(WRatio) over {len(keys)} keys: {(time.perf_counter() - t) / 20 * 1000:.1f} ms/lookup"
    )


#: One invented "sentence" of the single-line input (no line break anywhere).
_LINE_UNIT = (
    "Presiden Joko Widodo bertemu Menteri Keuangan Sri Mulyani di Jakarta,   Senin (16/6/2025).      "
    "Komisi Pemberantasan Korupsi (KPK) menilai Bupati Sleman Kustini Sri Purnomo dan Jakarta Jakarta "
    "Jakarta Piala Dunia 2022 Microsoft TikTok Satya Nadella \t\t   ByteDance Xpeng G6 Amerika Serikat. "
)


def scaling_text(kind: str, size: int) -> str:
    """A ``size``-character input: ``line`` (one line) or ``articles`` (news-dev concatenated)."""
    if kind == "line":
        unit = _LINE_UNIT
    else:
        unit = "\n\n".join(r["text"] for r in load_articles(None)) + "\n\n"
    return (unit * (size // len(unit) + 1))[:size]


def scaling_one(kind: str, size: int) -> None:
    """Run in a fresh process: print CPU seconds, peak RSS before/after, entities, as JSON."""
    nlp = Pipeline(stages=("text", "entities"))
    nlp("Presiden Joko Widodo di Jakarta.")  # warm-up
    text = scaling_text(kind, size)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    c = time.process_time()
    art = nlp(text)
    cpu = time.process_time() - c
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"cpu": cpu, "rss0": rss0 / 1024, "rss1": rss1 / 1024, "n": len(art.entities)}))


def scaling(sizes: list[float]) -> None:
    print("Scaling: one input per fresh process, text + entities stages, CPU time and peak RSS")
    print(
        f"{'input':<10} {'MB':>5} {'CPU s':>8} {'s/MB':>7} {'peak RSS MB':>12} {'+RSS MB':>8} {'entities':>9}"
    )
    for kind in ("line", "articles"):
        for mb in sizes:
            out = (
                subprocess.run(
                    [sys.executable, __file__, "--scaling-one", kind, str(int(mb * 1_000_000))],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            r = json.loads(out)
            print(
                f"{kind:<10} {mb:>5.2f} {r['cpu']:>8.2f} {r['cpu'] / mb:>7.2f} {r['rss1']:>12.0f}"
                f" {r['rss1'] - r['rss0']:>8.0f} {r['n']:>9}",
                flush=True,
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-fuzzy-eval", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per configuration (best is reported)")
    ap.add_argument("--scaling", action="store_true", help="time and memory on long inputs")
    ap.add_argument("--sizes", default="0.1,0.4,1", help="input sizes in MB for --scaling")
    ap.add_argument("--scaling-one", nargs=2, metavar=("KIND", "CHARS"), help=argparse.SUPPRESS)
    ap.add_argument("--ab", metavar="SRC", help="A/B: also time the stage of another source tree")
    ap.add_argument("--ab-one", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--adversarial", action="store_true", help="s/MB on repetitive inputs (--sizes)")
    ap.add_argument("--model", action="append", default=None, help="NER model directory (repeatable: A/B)")
    args = ap.parse_args()
    if args.ab_one:
        arts = tokenised(load_articles(args.limit))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stage = EntityStage()
        _, bc = time_stage(stage, arts, batch=True, repeat=1)
        _, sc = time_stage(stage, arts, batch=False, repeat=1)
        print(json.dumps({"batch": bc, "single": sc, "articles": len(arts)}))
        return
    if args.ab:
        ab(args.ab, args.limit, args.repeat)
        return
    if args.adversarial:
        adversarial([float(x) for x in args.sizes.split(",")])
        return
    if args.scaling_one:
        scaling_one(args.scaling_one[0], int(args.scaling_one[1]))
        return
    if args.scaling:
        scaling([float(x) for x in args.sizes.split(",")])
        return

    # 1. load times
    t = time.perf_counter()
    gazmod._load_cached.cache_clear()
    gaz = gazmod.Gazetteer.load()
    t_gaz = time.perf_counter() - t
    gazmod._load_cached.cache_clear()
    t = time.perf_counter()
    st_gaz = EntityStage(model=False)
    t_stage = time.perf_counter() - t
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = time.perf_counter()
        st_both = EntityStage(model=True)
        t_model = time.perf_counter() - t
    has_model = st_both.model is not None
    print("Load time")
    print(f"{'gazetteer file (gzip JSON)':<40} {t_gaz * 1000:>8.0f} ms")
    print(f"{'stage, gazetteer only (+ fuzzy index)':<40} {t_stage * 1000:>8.0f} ms")
    print(
        f"{'stage, model + gazetteer':<40} {t_model * 1000:>8.0f} ms"
        + ("" if has_model else "  (model absent)")
    )
    for w in caught:
        print("  warning:", w.message)

    rows = load_articles(args.limit)
    arts = tokenised(rows)
    n_chars = sum(len(a.text) for a in arts)
    print(f"\nSpeed over news-dev: {len(arts)} articles, {n_chars / len(arts):.0f} chars/article, one core")
    print("(wall clock / CPU time of this process; the CPU figure is what one free core gives)")
    print(f"{'configuration':<34} {'batch art/s':>16} {'single art/s':>16}")
    configs = [("gazetteer only", st_gaz)]
    if args.model:
        for k, path in enumerate(args.model):
            configs.append((f"model only [{k}]", EntityStage(model=True, gazetteer=False, model_path=path)))
            configs.append((f"model + gazetteer [{k}]", EntityStage(model=True, model_path=path)))
        for k, path in enumerate(args.model):
            print(f"  [{k}] {path}")
    elif has_model:
        configs.append(("model only", EntityStage(model=True, gazetteer=False)))
        configs.append(("model + gazetteer (default)", st_both))
    # interleaved passes: each configuration is timed once per round, best of the rounds kept
    best: dict[str, list[float]] = {name: [0.0, 0.0, 0.0, 0.0] for name, _ in configs}
    for _ in range(args.repeat):
        for name, stage in configs:
            bw, bc = time_stage(stage, arts, batch=True, repeat=1)
            sw, sc = time_stage(stage, arts, batch=False, repeat=1)
            best[name] = [max(a, b) for a, b in zip(best[name], (bw, bc, sw, sc))]
    for name, _ in configs:
        bw, bc, sw, sc = best[name]
        print(f"{name:<34} {bw:>7.0f} / {bc:<6.0f} {sw:>7.0f} / {sc:<6.0f}")
    gw, gc = time_gazetteer_only_matching(st_gaz, arts)
    print(f"{'gazetteer matching alone':<34} {gw:>7.0f} / {gc:<6.0f}")
    n_ent = sum(len(a.entities) for a in arts)
    print(f"entities/article (last configuration): {n_ent / len(arts):.1f}")
    if not args.no_fuzzy_eval:
        fuzzy_eval(gaz, arts)


if __name__ == "__main__":
    main()
