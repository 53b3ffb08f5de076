"""Train tiny Indonesian stanza models for the tests of the ``linguistic`` stage.

The models exercise the whole loading path of :mod:`newsnlp.linguistic` (a stanza
resources directory with ``resources.json`` and ``id/<processor>/tiny.pt`` files) without any
download. Their quality does not matter and is not measured: they are trained for a few steps with
tiny dimensions on a slice of UD Indonesian-CSUI (CC BY-SA 4.0).

Run from the repository root (1 core, about a minute)::

    OMP_NUM_THREADS=1 python training/stanza/train_tiny.py

It reads ``training/stanza/data/id_tiny-{train,dev}.conllu`` (cut from
``../shared/data/ud/UD_Indonesian-CSUI/id_csui-ud-train.conllu`` with ``--reslice``) and writes the
models to ``tests/fixtures/stanza_tiny/`` (``--out`` to change it).
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CSUI = ROOT / ".." / "shared" / "data" / "ud" / "UD_Indonesian-CSUI" / "id_csui-ud-train.conllu"
DATA = HERE / "data"
TRAIN = DATA / "id_tiny-train.conllu"
DEV = DATA / "id_tiny-dev.conllu"
PACKAGE = "tiny"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")


def read_sentences(path: Path) -> list[str]:
    """CoNLL-U sentences of ``path`` as blocks of text (comments included)."""
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    return [b.strip() + "\n" for b in blocks if b.strip()]


def reslice(n_train: int, n_dev: int) -> None:
    """Cut the committed slice from UD Indonesian-CSUI (needs ``../shared``)."""
    sents = read_sentences(CSUI)
    # short sentences keep the slice (and training) small
    short = [s for s in sents if sum(1 for line in s.splitlines() if line[:1].isdigit()) <= 30]
    DATA.mkdir(parents=True, exist_ok=True)
    TRAIN.write_text("\n".join(short[:n_train]) + "\n", encoding="utf-8")
    DEV.write_text("\n".join(short[n_train : n_train + n_dev]) + "\n", encoding="utf-8")


def words_of(path: Path) -> list[list[str]]:
    """Syntactic words (column 2, MWT ranges skipped) per sentence."""
    out: list[list[str]] = []
    for block in read_sentences(path):
        words = []
        for line in block.splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                words.append(cols[1])
        out.append(words)
    return out


def build_pretrain(work: Path, dest: Path, dim: int = 16) -> None:
    """Word vectors from the slice itself (PPMI of a +-2 window, reduced by SVD), as a stanza .pt."""
    import numpy as np
    from stanza.models.common.pretrain import Pretrain

    sents = [[w.lower() for w in s] for s in words_of(TRAIN)]
    vocab = sorted({w for s in sents for w in s if " " not in w})
    index = {w: i for i, w in enumerate(vocab)}
    counts = np.zeros((len(vocab), len(vocab)))
    for s in sents:
        for i, w in enumerate(s):
            for j in range(max(0, i - 2), min(len(s), i + 3)):
                if i != j and w in index and s[j] in index:
                    counts[index[w], index[s[j]]] += 1
    total = counts.sum() or 1.0
    row = counts.sum(1, keepdims=True) + 1e-9
    col = counts.sum(0, keepdims=True) + 1e-9
    ppmi = np.maximum(np.log(counts * total / (row * col) + 1e-12), 0)
    u, s, _ = np.linalg.svd(ppmi, full_matrices=False)
    vecs = u[:, :dim] * s[:dim]
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    txt = work / "vectors.txt.xz"
    with lzma.open(txt, "wt", encoding="utf-8") as f:
        f.write(f"{len(vocab)} {dim}\n")
        for w, v in zip(vocab, vecs):
            f.write(w + " " + " ".join(f"{x:.4f}" for x in v) + "\n")
    dest.parent.mkdir(parents=True, exist_ok=True)
    Pretrain(str(dest), str(txt)).load()  # converts and saves the .pt


def run(module: str, args: list[str]) -> None:
    """Run one stanza training module in a subprocess (single-threaded, CPU)."""
    cmd = [sys.executable, "-m", module, *args]
    print("+", " ".join(cmd), flush=True)
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", CUDA_VISIBLE_DEVICES="")
    subprocess.run(cmd, check=True, env=env)


def main(argv: list[str] | None = None) -> int:
    """Train every tiny model and write a stanza resources directory."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "stanza_tiny")
    ap.add_argument("--reslice", action="store_true", help="re-cut the slice from ../shared")
    ap.add_argument("--n-train", type=int, default=150)
    ap.add_argument("--n-dev", type=int, default=20)
    ap.add_argument("--steps", type=int, default=60, help="steps for tokenizer, pos and depparse")
    ap.add_argument("--epochs", type=int, default=2, help="epochs for mwt and lemma")
    ap.add_argument("--skip", default="", help="comma-separated processors not to train")
    args = ap.parse_args(argv)
    if args.reslice or not TRAIN.exists():
        reslice(args.n_train, args.n_dev)
    skip = {p for p in args.skip.split(",") if p}
    out: Path = args.out
    lang_dir = out / "id"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pretrain = lang_dir / "pretrain" / f"{PACKAGE}.pt"
        build_pretrain(work, pretrain)
        common = ["--lang", "id", "--shorthand", "id_tiny", "--cpu"]

        if "tokenize" not in skip:
            for split, conllu in (("train", TRAIN), ("dev", DEV)):
                run("stanza.utils.datasets.conllu_to_text", [str(conllu), str(work / f"{split}.txt")])
                run(
                    "stanza.utils.datasets.prepare_tokenizer_data",
                    [
                        str(work / f"{split}.txt"),
                        str(conllu),
                        "-o",
                        str(work / f"{split}.toklabels"),
                        "-m",
                        str(work / f"{split}-mwt.json"),
                    ],
                )
            run(
                "stanza.models.tokenizer",
                [
                    *common,
                    "--mode",
                    "train",
                    "--txt_file",
                    str(work / "train.txt"),
                    "--label_file",
                    str(work / "train.toklabels"),
                    "--mwt_json_file",
                    str(work / "train-mwt.json"),
                    "--dev_txt_file",
                    str(work / "dev.txt"),
                    "--dev_label_file",
                    str(work / "dev.toklabels"),
                    "--dev_conll_gold",
                    str(DEV),
                    "--conll_file",
                    str(work / "tok-dev.conllu"),
                    "--steps",
                    str(args.steps),
                    "--eval_steps",
                    str(args.steps),
                    "--emb_dim",
                    "8",
                    "--hidden_dim",
                    "16",
                    "--conv_filters",
                    "1,5,,1,5",
                    "--save_dir",
                    str(lang_dir / "tokenize"),
                    "--save_name",
                    f"{PACKAGE}.pt",
                    "--use_mwt",
                ],
            )
        if "mwt" not in skip:
            run(
                "stanza.models.mwt_expander",
                [
                    *common,
                    "--mode",
                    "train",
                    "--train_file",
                    str(TRAIN),
                    "--eval_file",
                    str(DEV),
                    "--output_file",
                    str(work / "mwt-dev.conllu"),
                    "--gold_file",
                    str(DEV),
                    "--num_epoch",
                    str(args.epochs),
                    "--emb_dim",
                    "16",
                    "--hidden_dim",
                    "32",
                    "--save_dir",
                    str(lang_dir / "mwt"),
                    "--save_name",
                    f"{PACKAGE}.pt",
                ],
            )
        if "lemma" not in skip:
            run(
                "stanza.models.lemmatizer",
                [
                    "--shorthand",
                    "id_tiny",
                    "--cpu",
                    "--mode",
                    "train",
                    "--train_file",
                    str(TRAIN),
                    "--eval_file",
                    str(DEV),
                    "--output_file",
                    str(work / "lemma-dev.conllu"),
                    "--num_epoch",
                    str(args.epochs),
                    "--emb_dim",
                    "16",
                    "--hidden_dim",
                    "32",
                    "--pos_dim",
                    "16",
                    "--save_dir",
                    str(lang_dir / "lemma"),
                    "--save_name",
                    f"{PACKAGE}.pt",
                ],
            )
        small = [
            "--word_emb_dim",
            "16",
            "--char_emb_dim",
            "8",
            "--char_hidden_dim",
            "16",
            "--tag_emb_dim",
            "8",
            "--transformed_dim",
            "16",
            "--deep_biaff_hidden_dim",
            "32",
            "--hidden_dim",
            "32",
            "--max_steps",
            str(args.steps),
            "--eval_interval",
            str(args.steps),
            "--wordvec_pretrain_file",
            str(pretrain),
            "--batch_size",
            "500",
        ]
        if "pos" not in skip:
            run(
                "stanza.models.tagger",
                [
                    *common,
                    *small,
                    "--mode",
                    "train",
                    "--train_file",
                    str(TRAIN),
                    "--eval_file",
                    str(DEV),
                    "--output_file",
                    str(work / "pos-dev.conllu"),
                    "--composite_deep_biaff_hidden_dim",
                    "32",
                    "--save_dir",
                    str(lang_dir / "pos"),
                    "--save_name",
                    f"{PACKAGE}.pt",
                ],
            )
        if "depparse" not in skip:
            run(
                "stanza.models.parser",
                [
                    *common,
                    *small,
                    "--mode",
                    "train",
                    "--train_file",
                    str(TRAIN),
                    "--eval_file",
                    str(DEV),
                    "--output_file",
                    str(work / "depparse-dev.conllu"),
                    "--deep_biaff_output_dim",
                    "16",
                    "--no_checkpoint",
                    "--save_dir",
                    str(lang_dir / "depparse"),
                    "--save_name",
                    f"{PACKAGE}.pt",
                ],
            )
    write_resources(out, [p for p in PROCESSORS if (lang_dir / p / f"{PACKAGE}.pt").exists()])
    for extra in lang_dir.rglob("*"):
        if extra.is_file() and (extra.suffix != ".pt" or extra.stem.endswith("_checkpoint")):
            extra.unlink()  # checkpoints and logs the trainers leave behind
    sizes = {str(p.relative_to(out)): p.stat().st_size for p in sorted(out.rglob("*.pt"))}
    print(json.dumps(sizes, indent=1), f"total {sum(sizes.values()) / 1e6:.2f} MB")
    return 0


def write_resources(out: Path, processors: list[str]) -> None:
    """A stanza ``resources.json`` describing the tiny models (the layout stanza.download makes)."""
    with_pretrain = {"dependencies": [{"model": "pretrain", "package": PACKAGE}]}
    lang: dict = {"lang_name": "Indonesian", "pretrain": {PACKAGE: {}}}
    for proc in processors:
        lang[proc] = {PACKAGE: dict(with_pretrain) if proc in ("pos", "depparse") else {}}
    lang["default_processors"] = {proc: PACKAGE for proc in processors}
    lang["packages"] = {"default": {proc: PACKAGE for proc in processors}}
    (out / "resources.json").write_text(json.dumps({"id": lang}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
