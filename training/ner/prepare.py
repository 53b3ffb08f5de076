"""Build the spaCy training corpora of the NER model from the Indonesian NER corpora.

Reads the corpora of ``../shared/data/ner/`` (harmonised to our contract by ``corpora.py``) and
writes to ``--out`` (DocBin files):

* ``train.spacy``: the chosen corpora (``--corpora``), augmented; plus silver documents
  (``--silver``, written by ``silver.py``, partially annotated);
* ``dev.spacy``: idner-news-2k dev (countries relabelled, as in training): checkpoint selection
  and the calibration of ``scores.json``;
* ``dev_nerp.spacy``: the NERP test split (news casing restored, idner overlap dropped), the only
  held-back gold with EVENT: calibration of EVENT;
* ``test.spacy``: idner-news-2k test exactly as released.

What is done to the training data (all seeded, so the output is reproducible):

* **Country relabelling** (``augment.relabel_countries``; idner train and dev, and the other
  corpora; never idner test): unannotated country-name runs become LOC.
* **Recasing** (NERP): the lower-cased NERP text gets news casing (``recase.py``); a fraction
  ``--nerp-lower`` of its sentences is kept lower-cased as released too (case robustness).
* **Mention replacement** (``augment.replace_mentions``): each cased training sentence with
  entities gets ``--replace-copies`` (idner) or ``--extra-copies`` (other corpora) copies with
  mentions swapped for other real names of the same type (``names.py``).
* **Datelines** and **case variants** (ALL CAPS, Title Case, lower case) over all sentences.

Docs are built from the corpus tokens (``Doc(vocab, words=..., spaces=...)``), as at run time.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

import spacy
from augment import add_dateline, case_variant, relabel_countries, replace_mentions
from corpora import (
    Sentence,
    mentions,
    read_idner,
    read_luthfi,
    read_nergrit,
    read_nerp,
    spaces_for,
    tokenize_name,
)
from names import build_pools, city_names, country_names, outlet_names, region_names
from recase import Truecaser
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

HERE = Path(__file__).resolve().parent
CORPORA = ("idner", "nergrit", "nerp", "luthfi")


def to_doc(nlp, sent: Sentence) -> Doc:
    """Build a Doc from corpus tokens with gold entities."""
    words = [w for w, _ in sent]
    doc = Doc(nlp.vocab, words=words, spaces=spaces_for(words))
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo([t for _, t in sent]))
    return doc


def write(nlp, docs: list[Doc], path: Path) -> None:
    """Save Docs as a DocBin and print what is in it."""
    db = DocBin(store_user_data=False)
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(e.label_ for e in doc.ents)
        db.add(doc)
    db.to_disk(path)
    n_tok = sum(len(d) for d in docs)
    print(f"{path.name}: {len(docs)} docs, {n_tok} tokens, {dict(sorted(counts.items()))}")


def relabel(sents: list[Sentence], ckeys: dict[tuple[str, ...], int]) -> int:
    """Relabel country mentions in place; return how many."""
    n = 0
    for i, s in enumerate(sents):
        sents[i], c = relabel_countries(s, ckeys)
        n += c
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE / "build" / "corpus")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--corpora", default="idner,nergrit,nerp", help=f"comma-separated of {CORPORA}")
    ap.add_argument("--silver", type=Path, nargs="*", default=[], help="silver DocBins (silver.py)")
    ap.add_argument("--replace-copies", type=int, default=2, help="replacement copies of idner sentences")
    ap.add_argument("--extra-copies", type=int, default=1, help="replacement copies of other corpora")
    ap.add_argument("--replace-prob", type=float, default=0.6)
    ap.add_argument("--nerp-lower", type=float, default=0.2, help="NERP fraction also kept lower-cased")
    ap.add_argument("--upper", type=float, default=0.12, help="fraction of sentences added in ALL CAPS")
    ap.add_argument("--dateline", type=float, default=0.08, help="fraction given a dateline prefix")
    ap.add_argument("--title", type=float, default=0.15, help="fraction added in headline Title Case")
    ap.add_argument("--lower", type=float, default=0.03, help="fraction added lower-cased")
    ap.add_argument("--no-relabel", action="store_true", help="keep idner's country labels as released")
    ap.add_argument("--no-recase", action="store_true", help="train on NERP lower-cased as released")
    args = ap.parse_args()
    chosen = [c for c in args.corpora.split(",") if c]
    if unknown := set(chosen) - set(CORPORA):
        ap.error(f"unknown corpora {sorted(unknown)}")

    rng = random.Random(args.seed)
    nlp = spacy.blank("xx")
    dev = read_idner("dev")
    test = read_idner("test")
    truecaser = Truecaser.from_news_raw()
    nerp_test, _ = read_nerp(("test",))
    nerp_test = [truecaser.sentence(s) for s in nerp_test]

    # (sentences, replacement copies) of each corpus; lower-cased sentences are not augmented
    parts: dict[str, list[Sentence]] = {}
    lower: list[Sentence] = []
    if "idner" in chosen:
        parts["idner"] = read_idner("train")
    if "nergrit" in chosen:
        parts["nergrit"] = read_nergrit()
    if "nerp" in chosen:
        nerp, dropped = read_nerp()
        print(f"NERP: {len(nerp)} sentences kept, {dropped} dropped (shared with idner-news-2k)")
        if args.no_recase:
            lower = nerp
        else:
            parts["nerp"] = [truecaser.sentence(s) for s in nerp]
            lower = [s for s in nerp if rng.random() < args.nerp_lower]
    if "luthfi" in chosen:
        parts["luthfi"] = read_luthfi("A")

    countries = country_names()
    ckeys = {k: len(k) for k in {tuple(tokenize_name(c)) for c in countries}}
    if not args.no_relabel:
        counts = {name: relabel(sents, ckeys) for name, sents in parts.items()}
        counts["idner dev"] = relabel(dev, ckeys)
        counts["nerp test"] = relabel(nerp_test, ckeys)
        print(f"relabelled country mentions as LOC: {counts}")

    cased = [s for sents in parts.values() for s in sents]
    pools, singles = build_pools(cased, countries, rng)
    outlets = outlet_names()
    cities = sorted({re.sub(r"^(Kabupaten|Kota)\s+", "", n) for n in region_names()} | set(city_names()))

    aug: list[Sentence] = []
    for name, sents in parts.items():
        copies = args.replace_copies if name == "idner" else args.extra_copies
        aug.extend(sents)
        for s in sents:
            if mentions(s):
                for _ in range(copies):
                    aug.append(replace_mentions(s, pools, singles, args.replace_prob, rng))
    for i, s in enumerate(aug):
        if rng.random() < args.dateline:
            aug[i] = add_dateline(s, outlets, cities, rng)
    base = list(aug)
    for s in base:
        r = rng.random()
        if r < args.upper:
            aug.append(case_variant(s, "upper"))
        elif r < args.upper + args.title:
            aug.append(case_variant(s, "title"))
        elif r < args.upper + args.title + args.lower:
            aug.append(case_variant(s, "lower"))
    aug.extend(lower)
    docs = [to_doc(nlp, s) for s in aug]
    for path in args.silver:
        silver = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        print(f"silver {path.name}: {len(silver)} docs")
        docs.extend(silver)
    rng.shuffle(docs)

    args.out.mkdir(parents=True, exist_ok=True)
    print(f"corpora: {chosen}")
    write(nlp, docs, args.out / "train.spacy")
    write(nlp, [to_doc(nlp, s) for s in dev], args.out / "dev.spacy")
    write(nlp, [to_doc(nlp, s) for s in nerp_test], args.out / "dev_nerp.spacy")
    write(nlp, [to_doc(nlp, s) for s in test], args.out / "test.spacy")


if __name__ == "__main__":
    main()
