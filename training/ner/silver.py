"""Silver training data: unlabelled news annotated by newsnlp's whole entities stage (the teacher).

The teacher is ``Pipeline(stages=("text", "entities"))`` (gazetteer, rules and a NER model given by
``--teacher``): on other outlets' news it is far more accurate than the model alone (held-out
news-dev 0.66 against 0.51 F1), so its output, checked against the text, teaches the model what the
gazetteer and the rules know, in context. Annotations are partial: where the teacher cannot be
trusted the tokens are marked *missing* (spaCy does not train on them), not ``O``.

* ``kumparan`` (``--kumparan N`` sentences of the kumparan POS corpus shipped by ``nlp-id``; its
  ``NNP`` tags mark name words without a type): a teacher mention is kept when it lies on ``NNP``
  words (first and last word ``NNP``; connectors and punctuation allowed inside); other ``NNP`` words
  (titles such as ``Vice President`` are ``NNP`` too) and rejected mentions are missing; the rest is O.
* ``news-raw`` (``--news-raw N`` articles of ``../shared/data/news-raw``, unsupervised use): the
  sentences of each article; a teacher mention is kept as it is; other words with a capital letter
  are missing; the rest is O.

MISC mentions are missing. The output is a DocBin in ``build/silver/`` (never committed) for
``prepare.py --silver``. Texts are sampled with ``--seed``; the teacher is deterministic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import spacy
from corpora import DATA, LABELS, read_kumparan
from spacy.tokens import Doc, DocBin

HERE = Path(__file__).resolve().parent
RAW = DATA / "news-raw" / "articles.jsonl"
_INSIDE_OK = {"dan", "&", "-", ".", "of", "the", "de", "'", "’", "(", ")", "di", "ke", "bin", "binti"}


def teacher(model: Path | None):
    """The entities stage with the given NER model (default: the shipped one)."""
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from newsnlp import Pipeline

    options = {"model_path": str(model)} if model else {}
    return Pipeline(stages=("text", "entities"), config={"entities": options})


def _token_spans(starts: list[int], ends: list[int], entities) -> list[tuple[int, int, str]]:
    """Entities (character offsets) as token spans; entities not on token edges are left out."""
    at_start = {s: i for i, s in enumerate(starts)}
    at_end = {e: i for i, e in enumerate(ends)}
    out = []
    for ent in entities:
        a, b = at_start.get(ent.start), at_end.get(ent.end)
        if a is not None and b is not None and a <= b:
            out.append((a, b + 1, ent.label))
    return out


def make_doc(vocab, words: list[str], spaces: list[bool], keep, missing: set[int]) -> Doc:
    """A Doc with ``keep`` as entities, ``missing`` token indices unknown, the rest O."""
    doc = Doc(vocab, words=words, spaces=spaces)
    covered = {k for a, b, _ in keep for k in range(a, b)}
    runs = []
    for k in sorted(missing - covered):
        if runs and runs[-1][1] == k:
            runs[-1][1] = k + 1
        else:
            runs.append([k, k + 1])
    doc.set_ents(
        [doc.char_span(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), label=lab) for a, b, lab in keep],
        missing=[doc[a:b] for a, b in runs],
        default="outside",
    )
    return doc


def kumparan_docs(nlp, vocab, n: int, rng: random.Random, stats: Counter) -> list[Doc]:
    """Silver Docs of ``n`` kumparan sentences (see the module docstring)."""
    sents = [s for s in read_kumparan() if 5 <= len(s) <= 80]
    sents = rng.sample(sents, min(n, len(sents)))
    texts, offsets = [], []
    for s in sents:
        starts, pos = [], 0
        for w, _ in s:
            starts.append(pos)
            pos += len(w) + 1
        texts.append(" ".join(w for w, _ in s))
        offsets.append(starts)
    docs = []
    for s, starts, art in zip(sents, offsets, nlp.pipe(texts)):
        words = [w for w, _ in s]
        nnp = {i for i, (_, t) in enumerate(s) if t == "NNP"}
        ends = [a + len(w) for a, w in zip(starts, words)]
        keep, missing = [], set(nnp)
        for a, b, lab in _token_spans(starts, ends, art.entities):
            inner_ok = all(k in nnp or words[k].lower() in _INSIDE_OK for k in range(a, b))
            if lab in LABELS and a in nnp and b - 1 in nnp and inner_ok:
                keep.append((a, b, lab))
                stats[f"kept {lab}"] += 1
            else:
                missing.update(range(a, b))
                stats["rejected"] += 1
        docs.append(make_doc(vocab, words, [True] * (len(words) - 1) + [False], keep, missing))
    return docs


def news_raw_docs(nlp, vocab, n: int, rng: random.Random, stats: Counter) -> list[Doc]:
    """Silver Docs of the sentences of ``n`` news-raw articles (see the module docstring)."""
    with RAW.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    texts = rng.sample(texts, min(n, len(texts)))
    docs = []
    for art in nlp.pipe(texts):
        by_sent: dict[int, list] = {}
        for t in art.tokens:
            by_sent.setdefault(t.sentence, []).append(t)
        for toks in by_sent.values():
            if not 5 <= len(toks) <= 80:
                continue
            lo, hi = toks[0].start, toks[-1].end
            ents = [e for e in art.entities if lo <= e.start and e.end <= hi]
            starts = [t.start for t in toks]
            ends = [t.end for t in toks]
            spans = _token_spans(starts, ends, ents)
            keep = [sp for sp in spans if sp[2] in LABELS]
            missing = {k for a, b, lab in spans if lab not in LABELS for k in range(a, b)}
            missing |= {i for i, t in enumerate(toks) if any(ch.isupper() for ch in t.text)}
            for _, _, lab in keep:
                stats[f"kept {lab}"] += 1
            words = [t.text for t in toks]
            spaces = [toks[i].end < toks[i + 1].start for i in range(len(toks) - 1)] + [False]
            docs.append(make_doc(vocab, words, spaces, keep, missing))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--teacher", type=Path, default=None, help="NER model of the teacher stage")
    ap.add_argument("--kumparan", type=int, default=0, help="kumparan sentences")
    ap.add_argument("--news-raw", type=int, default=0, help="news-raw articles")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    nlp = teacher(args.teacher)
    vocab = spacy.blank("xx").vocab
    stats: Counter[str] = Counter()
    docs: list[Doc] = []
    if args.kumparan:
        docs += kumparan_docs(nlp, vocab, args.kumparan, rng, stats)
    if args.news_raw:
        docs += news_raw_docs(nlp, vocab, args.news_raw, rng, stats)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    for doc in docs:
        db.add(doc)
    db.to_disk(args.out)
    n_missing = sum(t.ent_iob == 0 for d in docs for t in d)
    n_tok = sum(len(d) for d in docs)
    print(f"{len(docs)} silver docs, {n_tok} tokens ({n_missing} missing), {dict(sorted(stats.items()))}")


if __name__ == "__main__":
    main()
