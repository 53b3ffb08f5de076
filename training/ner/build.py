"""Build the shipped NER models in one command: data preparation, training, calibration, shipping.

    python training/ner/build.py                    # the default model ("fast") -> data/ner_model/
    python training/ner/build.py --model accurate   # the opt-in model -> data/ner_model_accurate/
    python training/ner/build.py --model all        # both
    python training/ner/build.py --no-ship          # train and calibrate only (build/models/)

Each recipe names its config, corpora (``prepare.py --corpora``), training steps and seeds, and
whether it needs static vectors (``vectors.py``, built once into ``build/vectors/``; needs
``pip install 'floret>=0.10.5'``) or silver data (``silver.py``, annotated by the entities stage
with a teacher model trained first on the gold data alone). Every step is seeded and runs on one
thread, so the shipped weights are reproducible. Reads ``../shared/data`` and, for silver data and
vectors, the kumparan corpus of ``pip install --no-deps nlp-id``. The recipes and the measurements
that chose them are in ``docs/ner_model.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILD = HERE / "build"
CORPORA = "idner,nergrit,nerp,luthfi"

#: The shipped recipes. ``teacher`` names the recipe of the silver data's teacher model.
RECIPES: dict[str, dict] = {
    "teacher": {
        "config": "ner_w48_p2.cfg",
        "corpora": CORPORA,
        "max_steps": 6000,
        "seed": 7,
        "data_seed": 13,
    },
    "fast": {
        "config": "ner_w48_p2.cfg",
        "corpora": CORPORA,
        "max_steps": 8000,
        "seed": 7,
        "data_seed": 13,
        "ship_to": "ner_model",
    },
    "accurate": {
        "config": "ner_w96_vec.cfg",
        "corpora": CORPORA,
        "vectors": "news_d64",
        "max_steps": 8000,
        "seed": 7,
        "data_seed": 13,
        "ship_to": "ner_model_accurate",
    },
}
SILVER = {"kumparan": 10000, "news_raw": 1500, "seed": 13}


def run(cmd: list[str]) -> None:
    """Run a step single-threaded and at low priority, echoing it; stop on failure."""
    print("+", " ".join(cmd), flush=True)
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    subprocess.run(["nice", "-n", "10", *cmd], check=True, env=env)


def vectors(name: str) -> Path:
    """The vectors directory ``name`` (built by ``vectors.py`` when missing)."""
    out = BUILD / "vectors" / name
    if not (out / "config.cfg").exists():
        dim = int(name.rsplit("_d", 1)[1])
        run([sys.executable, str(HERE / "vectors.py"), "--name", name, "--dim", str(dim)])
    return out


def train(name: str, recipe: dict, ship: bool) -> Path:
    """Train one recipe (and what it needs); return its model directory."""
    prep = f"--corpora {recipe['corpora']}"
    if recipe.get("silver"):
        silver = BUILD / "silver" / f"{recipe['silver']}.spacy"
        if not silver.exists():
            teacher = train(recipe["silver"], RECIPES[recipe["silver"]], ship=False)
            run(
                [sys.executable, str(HERE / "silver.py"), "--teacher", str(teacher), "--out", str(silver),
                 "--kumparan", str(SILVER["kumparan"]), "--news-raw", str(SILVER["news_raw"]),
                 "--seed", str(SILVER["seed"])]
            )  # fmt: skip
        prep += f" --silver {silver}"
    cmd = [
        sys.executable, str(HERE / "train.py"), "--name", name,
        "--config", str(HERE / "configs" / recipe["config"]),
        "--corpus", str(BUILD / f"corpus_{name}"), "--prepare-args", prep,
        "--seed", str(recipe["seed"]), "--data-seed", str(recipe["data_seed"]),
        "--max-steps", str(recipe["max_steps"]),
    ]  # fmt: skip
    if recipe.get("vectors"):
        cmd += ["--vectors", str(vectors(recipe["vectors"]))]
    if ship and recipe.get("ship_to"):
        cmd += ["--ship", "--ship-to", recipe["ship_to"]]
    run(cmd)
    return BUILD / "models" / name / "model-best"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", choices=("fast", "accurate", "all"), default="fast")
    ap.add_argument("--no-ship", action="store_true", help="do not copy the models into the package")
    args = ap.parse_args()
    t0 = time.time()
    for name in ("fast", "accurate") if args.model == "all" else (args.model,):
        train(name, RECIPES[name], ship=not args.no_ship)
    print(f"built in {(time.time() - t0) / 60:.1f} min")


if __name__ == "__main__":
    main()
