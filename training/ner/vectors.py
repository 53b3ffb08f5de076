"""Static word vectors for the NER model, trained on raw news (``news-raw`` and the kumparan corpus).

1. The text: the paragraphs of ``../shared/data/news-raw`` tokenized with newsnlp's tokenizer
   (``pretrain_corpus.py``, which is run when its output is missing) and the kumparan sentences
   (``corpora.read_kumparan``), lower-cased, one paragraph a line, in ``build/vectors/text.txt``
   (unsupervised use only; never committed).
2. fastText-style subword vectors (``floret`` in fastText mode: skipgram, character 3-5-grams), so
   that rare words get vectors from their pieces.
3. A plain vector table for the ``--rows`` most frequent words (words outside it get a zero vector
   in the model: a table lookup costs nothing at run time, unlike computing subword vectors for
   every token), keyed by ``LOWER`` so that ``JAKARTA``, ``Jakarta`` and ``jakarta`` share a vector,
   written as ``build/vectors/<name>/`` by ``spacy init vectors``.

The model reads them when its config sets ``include_static_vectors = true`` and ``train.py`` gets
``--vectors build/vectors/<name>``. floret runs single-threaded (fastText's fixed seed), so the
vectors are reproducible.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from corpora import read_kumparan

HERE = Path(__file__).resolve().parent
BUILD = HERE / "build"


def write_text(out: Path) -> Counter[str]:
    """Write the lower-cased training text; return the word counts."""
    raw = BUILD / "pretrain" / "raw.jsonl"
    if not raw.exists():
        subprocess.run([sys.executable, str(HERE / "pretrain_corpus.py"), "--out", str(raw)], check=True)
    counts: Counter[str] = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        with raw.open(encoding="utf-8") as src:
            for line in src:
                text = json.loads(line)["text"].lower()
                counts.update(text.split())
                fh.write(text + "\n")
        for sent in read_kumparan():
            text = " ".join(w for w, _ in sent).lower()
            counts.update(text.split())
            fh.write(text + "\n")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name", default="news_d64")
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--rows", type=int, default=20000, help="words kept in the shipped table")
    ap.add_argument("--epoch", type=int, default=10)
    args = ap.parse_args()
    import floret

    text = BUILD / "vectors" / "text.txt"
    counts = write_text(text)
    print(f"{sum(counts.values())} tokens, {len(counts)} distinct words")
    model = floret.train_unsupervised(
        str(text), model="skipgram", mode="fasttext", dim=args.dim, minn=3, maxn=5, minCount=3,
        epoch=args.epoch, thread=1, bucket=200000, verbose=0,
    )  # fmt: skip
    words = [w for w, _ in counts.most_common(args.rows)]
    vec = BUILD / "vectors" / f"{args.name}.vec"
    with vec.open("w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {args.dim}\n")
        for w in words:
            fh.write(w + " " + " ".join(f"{x:.5f}" for x in model.get_word_vector(w)) + "\n")
    out = BUILD / "vectors" / args.name
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "id", str(vec), str(out), "--attr", "LOWER"],
        check=True,
    )
    print(f"vectors: {len(words)} x {args.dim} -> {out}")


if __name__ == "__main__":
    main()
