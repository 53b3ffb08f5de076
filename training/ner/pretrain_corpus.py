"""Write the raw-text corpus for ``spacy pretrain`` of the NER model's tok2vec.

Reads ``../shared/data/news-raw/articles.jsonl`` (7,143 articles; unsupervised use only), cuts each
article into paragraphs, tokenizes them with newsnlp's own tokenizer (``newsnlp.text.tokenizer``,
the tokenizer the model sees at run time) and writes one JSON line per paragraph,
``{"text": tokens joined by single spaces}``, so that the model's whitespace tokenizer gives back
exactly those tokens. Paragraphs of fewer than 5 tokens are skipped; long ones are cut at 300 tokens.
With ``--kumparan`` the sentences of the kumparan POS corpus (``nlp-id``, already tokenized) are added.
The output stays under ``training/ner/build/`` and is never committed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy

from newsnlp.text.tokenizer import build_tokenizer

HERE = Path(__file__).resolve().parent
RAW = HERE.parents[1] / ".." / "shared" / "data" / "news-raw" / "articles.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=HERE / "build" / "pretrain" / "raw.jsonl")
    ap.add_argument("--kumparan", action="store_true", help="add the kumparan sentences")
    args = ap.parse_args()
    tok = build_tokenizer(spacy.blank("xx").vocab)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n_par = n_tok = 0
    with RAW.open(encoding="utf-8") as fh, args.out.open("w", encoding="utf-8") as out:
        for line in fh:
            text = json.loads(line)["text"]
            for par in text.split("\n"):
                words = [t.text for t in tok(par) if not t.is_space and not t.text.isspace()]
                words = [w for w in words if not any(ch.isspace() for ch in w)]
                for i in range(0, len(words), 300):
                    chunk = words[i : i + 300]
                    if len(chunk) >= 5:
                        out.write(json.dumps({"text": " ".join(chunk)}, ensure_ascii=False) + "\n")
                        n_par += 1
                        n_tok += len(chunk)
        if args.kumparan:
            from corpora import read_kumparan

            for sent in read_kumparan():
                if len(sent) >= 5:
                    out.write(json.dumps({"text": " ".join(w for w, _ in sent)}, ensure_ascii=False) + "\n")
                    n_par += 1
                    n_tok += len(sent)
    print(f"{n_par} paragraphs, {n_tok} tokens -> {args.out}")


if __name__ == "__main__":
    main()
