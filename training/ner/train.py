"""Train, calibrate and (optionally) ship one NER model (``build.py`` runs the shipped recipes).

Steps (each reproducible from ``--data-seed`` and ``--seed``):

1. ``prepare.py`` (arguments from ``--prepare-args``): the corpora -> augmented ``train.spacy``,
   ``dev.spacy``, ``dev_nerp.spacy``, ``test.spacy``;
2. ``spacy train CONFIG`` (single thread) -> ``build/models/NAME/model-best`` (best idner dev F1);
3. calibration: the model's precision per label and mention length (one token / several),
   smoothed towards the label's precision, written to ``scores.json`` in the model directory
   (PER/ORG/LOC on the idner dev split, EVENT/PRODUCT on the NERP test split);
   :class:`newsnlp.entities.model.NerModel` reports it as ``ModelMention.score``;
4. with ``--ship``: copy the model to ``src/newsnlp/data/<--ship-to>/``.

Example (one ablation row: idner and NERGrit only)::

    OMP_NUM_THREADS=1 python training/ner/train.py --name grit --corpus training/ner/build/corpus_grit \
        --prepare-args "--corpora idner,nergrit" --max-steps 6000

``--vectors`` takes a vectors directory from ``vectors.py`` (with a config that reads static
vectors), ``--init-tok2vec`` weights from ``spacy pretrain`` (see ``docs/ner_model.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA_DIR = ROOT / "src" / "newsnlp" / "data"
#: The corpora a model may be trained on, for its meta.json.
SOURCES = {
    "idner": ("idner-news-2k", "https://github.com/khairunnisaor/idner-news-2k", "MIT"),
    "nergrit": ("NERGrit (IndoNLU train split)", "https://github.com/IndoNLP/indonlu", "Apache-2.0"),
    "nerp": ("NERP (Prosa, IndoNLU)", "https://github.com/IndoNLP/indonlu", "Apache-2.0"),
    "luthfi": (
        "Luthfi et al. 2014 gold standard (half A)",
        "https://github.com/ialfina/ner-dataset-modified-dee",
        "free to use, citing the source",
    ),
}
#: Pseudo-count pulling a (label, length) precision towards the label's precision.
SMOOTHING = 10.0


def run(cmd: list[str]) -> None:
    """Run a command single-threaded, echoing it; stop on failure."""
    print("+", " ".join(cmd), flush=True)
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)


def calibrate(model_dir: Path, dev_paths: list[Path]) -> dict:
    """Precision of the model per label and length class; write ``scores.json``.

    Each label is calibrated on the first dev corpus whose gold has it: PER, ORG and LOC on the
    idner-news-2k dev split, EVENT and PRODUCT on the NERP test split (``dev_nerp.spacy``).
    """
    from spacy.tokens import DocBin

    sys.path.insert(0, str(ROOT / "src"))
    from newsnlp.entities.model import NerModel

    model = NerModel.load(model_dir)
    tp: Counter[tuple[str, str]] = Counter()
    n: Counter[tuple[str, str]] = Counter()
    source: dict[str, str] = {}
    for dev_path in dev_paths:
        if not dev_path.exists():
            continue
        gold_docs = list(DocBin().from_disk(dev_path).get_docs(model.nlp.vocab))
        labels = {e.label_ for d in gold_docs for e in d.ents} - set(source)
        for lab in labels:
            source[lab] = dev_path.name
        inputs = [([t.text for t in d], [bool(t.whitespace_) for t in d]) for d in gold_docs]
        for doc, mentions in zip(gold_docs, model.predict(inputs)):
            gold = {(e.start, e.end, e.label_) for e in doc.ents}
            for m in mentions:
                if m.label not in labels:
                    continue
                cls = "single" if m.end - m.start == 1 else "multi"
                for key in ((m.label, cls), (m.label, "all")):
                    n[key] += 1
                    tp[key] += (m.start, m.end, m.label) in gold
    precision: dict[str, dict[str, float]] = {}
    counts: dict[str, dict[str, list[int]]] = {}
    all_tp = sum(v for (lab, c), v in tp.items() if c == "all")
    all_n = sum(v for (lab, c), v in n.items() if c == "all")
    overall = all_tp / all_n if all_n else 0.5
    for lab in model.labels:
        p_lab = (tp[(lab, "all")] + SMOOTHING * overall) / (n[(lab, "all")] + SMOOTHING)
        precision[lab] = {"all": round(p_lab, 4)}
        counts[lab] = {"all": [tp[(lab, "all")], n[(lab, "all")]]}
        for cls in ("single", "multi"):
            key = (lab, cls)
            precision[lab][cls] = round((tp[key] + SMOOTHING * p_lab) / (n[key] + SMOOTHING), 4)
            counts[lab][cls] = [tp[key], n[key]]
    scores = {
        "what": "precision (exact match) per label and mention length (single token / several), smoothed "
        f"towards the label's precision with {SMOOTHING:g} pseudo-counts; measured on "
        + ", ".join(f"{lab}: {src}" for lab, src in sorted(source.items()))
        + " (dev.spacy = idner-news-2k dev, dev_nerp.spacy = NERP test recased)",
        "default": round(overall, 4),
        "precision": precision,
        "counts_tp_pred": counts,
    }
    (model_dir / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return scores


def model_labels(model_dir: Path) -> list[str]:
    """The entity labels of a trained model directory."""
    cfg = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    return sorted(cfg.get("labels", {}).get("ner", []))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", type=Path, default=HERE / "configs" / "ner_w48_p2.cfg")
    ap.add_argument("--name", default="w48_p2_seed7")
    ap.add_argument("--seed", type=int, default=7, help="training seed (spaCy's [system] seed)")
    ap.add_argument(
        "--data-seed", type=int, default=13, help="seed of prepare.py (augmentation and sampling)"
    )
    ap.add_argument("--corpus", type=Path, default=HERE / "build" / "corpus")
    ap.add_argument("--skip-prepare", action="store_true", help="reuse the corpus in --corpus")
    ap.add_argument("--prepare-args", default="", help="more arguments for prepare.py, one string")
    ap.add_argument("--vectors", type=Path, default=None, help="static vectors (vectors.py) for the config")
    ap.add_argument("--init-tok2vec", type=Path, default=None, help="weights from spacy pretrain")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--ship", action="store_true", help="copy the trained model into the package")
    ap.add_argument("--ship-to", default="ner_model", help="directory under src/newsnlp/data/")
    args = ap.parse_args()

    t0 = time.time()
    if not args.skip_prepare:
        run(
            [
                sys.executable,
                str(HERE / "prepare.py"),
                "--out",
                str(args.corpus),
                "--seed",
                str(args.data_seed),
                *shlex.split(args.prepare_args),
            ]
        )
    out = HERE / "build" / "models" / args.name
    cmd = [
        sys.executable, "-m", "spacy", "train", str(args.config), "--output", str(out),
        "--code", str(HERE / "functions.py"),
        "--paths.train", str(args.corpus / "train.spacy"), "--paths.dev", str(args.corpus / "dev.spacy"),
        "--system.seed", str(args.seed),
    ]  # fmt: skip
    if args.vectors:
        cmd += ["--paths.vectors", str(args.vectors)]
    if args.init_tok2vec:
        cmd += ["--paths.init_tok2vec", str(args.init_tok2vec)]
    if args.max_steps:
        cmd += ["--training.max_steps", str(args.max_steps)]
    run(cmd)
    best = out / "model-best"
    scores = calibrate(best, [args.corpus / "dev.spacy", args.corpus / "dev_nerp.spacy"])
    minutes = (time.time() - t0) / 60
    meta_path = best / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    corpora = "idner,nergrit,nerp"  # prepare.py's default
    words = shlex.split(args.prepare_args)
    if "--corpora" in words:
        corpora = words[words.index("--corpora") + 1]
    sources = [SOURCES[c] for c in corpora.split(",") if c in SOURCES]
    meta.update(
        name="newsnlp_ner",
        version="0.2.0",
        description=f"newsnlp NER model ({', '.join(model_labels(best))}) trained on "
        + ", ".join(name for name, _, _ in sources)
        + (" and silver data" if "--silver" in words else "")
        + " with augmentation; see docs/ner_model.md",
        license="MIT",
        sources=[{"name": n, "url": u, "license": lic} for n, u, lic in sources],
    )
    meta["newsnlp"] = {
        "command": shlex.join(["python", "training/ner/train.py", *sys.argv[1:]]),
        "seed": args.seed,
        "data_seed": args.data_seed,
        "config": str(args.config.relative_to(ROOT)) if args.config.is_absolute() else str(args.config),
        "init_tok2vec": str(args.init_tok2vec) if args.init_tok2vec else None,
        "vectors": str(args.vectors) if args.vectors else None,
        "minutes": round(minutes, 1),
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(
        f"trained in {minutes:.1f} min; dev precision by label: "
        f"{ {k: v['all'] for k, v in scores['precision'].items()} }"
    )
    if args.ship:
        ship_dir = DATA_DIR / args.ship_to
        if ship_dir.exists():
            shutil.rmtree(ship_dir)
        shutil.copytree(best, ship_dir)
        size = sum(p.stat().st_size for p in ship_dir.rglob("*") if p.is_file()) / 1e6
        print(f"shipped to {ship_dir} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
