"""Evaluate named-entity recognition: entity-level exact match, per label (seqeval semantics).

Two gold sets:

* ``idner``: the idner-news-2k split (``--split test`` by default; ``dev`` for tuning), read from
  ``../shared/data/ner/idner-news-2k``. Labels PER, ORG, LOC. Sentences are given to the system as the
  corpus tokens (the ``model`` system) or as the tokens joined by spaces (``gazetteer``/``combined``,
  which run the pipeline on text).
* ``newsdev``: our own annotations of 28 articles of ``../shared/data/news-dev/articles.jsonl``
  (``evaluation/ner/newsdev_gold.jsonl``: ``id``, character ``start``/``end``, ``label``; only the
  region given in ``evaluation/ner/newsdev_regions.jsonl`` of each article is annotated and scored).
  Scored twice: with every gold label (PER, ORG, LOC, PRODUCT, EVENT), and on PER/ORG/LOC alone (gold
  PRODUCT/EVENT spans dropped, and predictions overlapping them ignored).
* ``luthfi``: the Luthfi et al. 2014 gold (Indonesian Wikipedia), its odd documents (half ``B``; the
  model may train on half ``A``), harmonised to our contract by ``training/ner/corpora.py``;
  scored on PER/ORG/LOC.
* ``nerp``: the NERP test split (news, lower-cased as released; sentences shared with idner-news-2k
  dropped), with news casing restored by ``training/ner/recase.py`` (``nerp-lower``: as released);
  labels PER, ORG, LOC, EVENT, PRODUCT.

* ``luthfi``: the Luthfi et al. 2014 gold standard (Indonesian Wikipedia, ``../shared/data/ner/
  luthfi-2014-gold``; IO tags ``Person``/``Place``/``Organisation`` -> PER/LOC/ORG; a run of tokens
  with one tag is one span, so adjacent names of one label cannot be told apart). Out of domain for
  the shipped model (not trained on it); each paragraph (blank-line separated) is one document, its
  tokens joined by spaces. Scored on PER/ORG/LOC.

A prediction counts only if its start, end and label all match a gold span (exact match).

Systems (``--system``):

* ``model``: the statistical model alone (:class:`newsnlp.entities.model.NerModel`), on tokens from
  newsnlp's tokenizer (``newsnlp.text.tokenizer``) for news-dev;
* ``gazetteer`` / ``combined``: the ``entities`` stage of the pipeline (``Pipeline(stages=("text",
  "entities"))``), configured with the options in :data:`STAGE_OPTIONS`.

Usage::

    python evaluation/ner.py                       # model, idner test + news-dev
    python evaluation/ner.py --split dev --model training/ner/build/models/w96/model-best
    python evaluation/ner.py --system combined --json scores.json
    python evaluation/ner.py --system combined --model training/ner/build/models/w48_p2/model-best
    python evaluation/ner.py --sets luthfi,nerp --split dev
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
IDNER = DATA / "ner" / "idner-news-2k"
NEWSDEV = DATA / "news-dev" / "articles.jsonl"
GOLD_DIR = Path(__file__).resolve().parent / "ner"

MODEL_LABELS = ("PER", "ORG", "LOC")
NEWSDEV_LABELS = ("PER", "ORG", "LOC", "PRODUCT", "EVENT")

#: Options given to the ``entities`` stage factory for each pipeline-based system. The entities
#: stage owns their meaning; change them here if its option names differ.
STAGE_OPTIONS: dict[str, dict] = {
    "gazetteer": {"model": False},
    "combined": {},
}

Span = tuple[int, int, str]  # character start, end, label


# ------------------------------------------------------------------------------------- scoring
def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: list[set[Span]], pred: list[set[Span]], labels: Iterable[str]) -> dict[str, dict[str, float]]:
    """Exact-match P/R/F1 per label and micro-averaged over ``labels`` (key ``ALL``)."""
    labels = tuple(labels)
    tp: Counter[str] = Counter()
    npred: Counter[str] = Counter()
    ngold: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        g = {s for s in g if s[2] in labels}
        p = {s for s in p if s[2] in labels}
        for s in g:
            ngold[s[2]] += 1
        for s in p:
            npred[s[2]] += 1
            if s in g:
                tp[s[2]] += 1
    out = {}
    for lab in (*labels, "ALL"):
        if lab == "ALL":
            t, np_, ng = sum(tp.values()), sum(npred.values()), sum(ngold.values())
        else:
            t, np_, ng = tp[lab], npred[lab], ngold[lab]
        p, r, f = prf(t, np_, ng)
        out[lab] = {"p": p, "r": r, "f": f, "tp": t, "pred": np_, "gold": ng}
    return out


def drop_labels(gold: list[set[Span]], pred: list[set[Span]], dropped: set[str]):
    """Remove gold spans with ``dropped`` labels and the predictions that overlap them."""
    g_out, p_out = [], []
    for g, p in zip(gold, pred):
        removed = [s for s in g if s[2] in dropped]
        g_out.append({s for s in g if s[2] not in dropped})
        p_out.append({s for s in p if not any(s[0] < r[1] and r[0] < s[1] for r in removed)})
    return g_out, p_out


# ------------------------------------------------------------------------------------ the data
def read_idner(split: str) -> list[tuple[list[str], list[str]]]:
    """(words, BIO tags) sentences of an idner-news-2k split."""
    sents, words, tags = [], [], []
    for line in (IDNER / f"{split}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if words:
                sents.append((words, tags))
                words, tags = [], []
            continue
        parts = line.split()
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        sents.append((words, tags))
    return sents


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans of BIO tags; a stray ``I-X`` starts a new span (seqeval's default mode)."""
    out = []
    start, label = None, None
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                out.append((start, i, label))
                start, label = None, None
            if t != "O":
                start, label = i, t[2:]
    return out


def join_words(words: list[str]) -> tuple[str, list[int]]:
    """Join corpus tokens with single spaces; return the text and each token's start offset."""
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    return " ".join(words), starts


def idner_gold(split: str):
    """(texts, word lists, word starts, gold span sets) of an idner split, in character offsets."""
    return sentences_gold(read_idner(split))


def training_corpus(name: str) -> list[tuple[list[str], list[str]]]:
    """(words, BIO tags) sentences of the Luthfi half B or the NERP test split, harmonised by the
    training code (``training/ner/corpora.py``)."""
    sys.path.insert(0, str(ROOT / "training" / "ner"))
    import corpora

    if name == "luthfi":
        sents = corpora.read_luthfi("B")
    else:
        sents, _ = corpora.read_nerp(("test",))
        if name == "nerp":
            from recase import Truecaser

            truecaser = Truecaser.from_news_raw()
            sents = [truecaser.sentence(s) for s in sents]
    return [([w for w, _ in s], [t for _, t in s]) for s in sents]


def sentences_gold(sentences: list[tuple[list[str], list[str]]]):
    """(texts, word lists, word starts, gold span sets) of (words, BIO tags) sentences."""
    texts, word_lists, starts_l, gold = [], [], [], []
    for words, tags in sentences:
        text, starts = join_words(words)
        texts.append(text)
        word_lists.append(words)
        starts_l.append(starts)
        gold.append({(starts[a], starts[b - 1] + len(words[b - 1]), lab) for a, b, lab in bio_spans(tags)})
    return texts, word_lists, starts_l, gold


def newsdev_gold():
    """(texts, regions, gold span sets) of the annotated news-dev articles, in file order."""
    regions = [
        json.loads(x) for x in (GOLD_DIR / "newsdev_regions.jsonl").read_text().splitlines() if x.strip()
    ]
    spans: dict[str, set[Span]] = {r["id"]: set() for r in regions}
    for line in (GOLD_DIR / "newsdev_gold.jsonl").read_text().splitlines():
        if line.strip():
            d = json.loads(line)
            spans[d["id"]].add((d["start"], d["end"], d["label"]))
    want = {r["id"] for r in regions}
    texts = {}
    with NEWSDEV.open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in want:
                texts[a["id"]] = a["text"]
    ids = [r["id"] for r in regions]
    return ids, [texts[i] for i in ids], [(r["start"], r["end"]) for r in regions], [spans[i] for i in ids]


# ------------------------------------------------------------------------------------- systems
def news_tokenize(texts: list[str]) -> list[tuple[list[str], list[bool], list[int]]]:
    """Tokenize with newsnlp's tokenizer: (words, space_after, character starts) per text."""
    import spacy

    from newsnlp.text.tokenizer import build_tokenizer

    tok = build_tokenizer(spacy.blank("xx").vocab)
    out = []
    for text in texts:
        doc = tok(text)
        out.append(([t.text for t in doc], [bool(t.whitespace_) for t in doc], [t.idx for t in doc]))
    return out


def model_system(model_path: str | None) -> Callable:
    """The model alone: a function (words lists, spaces lists, starts lists) -> span sets."""
    from newsnlp.entities.model import NerModel

    model = NerModel.load(model_path)

    def run(word_lists, space_lists, start_lists) -> list[set[Span]]:
        preds = model.predict(list(zip(word_lists, space_lists)))
        out = []
        for words, starts, mentions in zip(word_lists, start_lists, preds):
            out.append(
                {(starts[m.start], starts[m.end - 1] + len(words[m.end - 1]), m.label) for m in mentions}
            )
        return out

    return run


def pipeline_system(system: str, model_path: str | None = None) -> Callable:
    """The ``entities`` stage of the pipeline: a function texts -> span sets.

    ``model_path`` (``combined`` only) replaces the shipped NER model by another model directory.
    """
    options = dict(STAGE_OPTIONS[system])
    if model_path is not None and system == "combined":
        options["model_path"] = model_path
    try:
        from newsnlp import Pipeline

        nlp = Pipeline(stages=("text", "entities"), config={"entities": options})
    except Exception as exc:  # the stage may not exist yet
        sys.exit(f"cannot build the entities stage for --system {system}: {exc!r}")

    def run(texts: list[str]) -> list[set[Span]]:
        return [{(e.start, e.end, e.label) for e in nlp(t).entities} for t in texts]

    return run


# ---------------------------------------------------------------------------------------- main
def format_table(title: str, scores: dict[str, dict[str, float]]) -> str:
    """A plain-text table of one score dict."""
    lines = [title, f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for lab, s in scores.items():
        lines.append(f"{lab:<8} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f} {s['gold']:6d} {s['pred']:6d}")
    return "\n".join(lines)


def evaluate(
    system: str = "model",
    split: str = "test",
    model_path: str | None = None,
    sets: tuple[str, ...] = ("idner", "newsdev"),
) -> dict[str, dict]:
    """Run ``system`` on the gold sets and return ``{set name: scores}``."""
    results: dict[str, dict] = {}
    run_model = model_system(model_path) if system == "model" else None
    run_pipe = pipeline_system(system, model_path) if system != "model" else None

    if "idner" in sets:
        texts, words, starts, gold = idner_gold(split)
        if run_model:
            spaces = [[True] * len(w) for w in words]
            pred = run_model(words, spaces, starts)
        else:
            pred = run_pipe(texts)
        results[f"idner-{split}"] = score(gold, pred, MODEL_LABELS)

    for name in ("luthfi", "nerp", "nerp-lower"):
        if name not in sets:
            continue
        texts, words, starts, gold = sentences_gold(training_corpus(name))
        if run_model:
            pred = run_model(words, [[True] * len(w) for w in words], starts)
        else:
            pred = run_pipe(texts)
        if name == "luthfi":
            gold, pred = drop_labels(gold, pred, {"PRODUCT", "EVENT"})
            results[name] = score(gold, pred, MODEL_LABELS)
        else:
            results[name] = score(gold, pred, NEWSDEV_LABELS)

    if "newsdev" in sets:
        _ids, texts, regions, gold = newsdev_gold()
        if run_model:
            toks = news_tokenize(texts)
            pred = run_model([t[0] for t in toks], [t[1] for t in toks], [t[2] for t in toks])
        else:
            pred = run_pipe(texts)
        pred = [{s for s in p if r[0] <= s[0] and s[1] <= r[1]} for p, r in zip(pred, regions)]
        results["newsdev-all"] = score(gold, pred, NEWSDEV_LABELS)
        g3, p3 = drop_labels(gold, pred, {"PRODUCT", "EVENT"})
        results["newsdev-PER/ORG/LOC"] = score(g3, p3, MODEL_LABELS)
    return results


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--system", choices=("model", "gazetteer", "combined"), default="model")
    ap.add_argument("--split", choices=("train", "dev", "test"), default="test", help="idner split")
    ap.add_argument(
        "--model",
        default=None,
        help="model directory for --system model/combined (default: the shipped model)",
    )
    ap.add_argument(
        "--sets", default="idner,newsdev", help="comma-separated: idner, newsdev, luthfi, nerp, nerp-lower"
    )
    ap.add_argument("--json", type=Path, default=None, help="also write the scores as JSON here")
    args = ap.parse_args(argv)
    results = evaluate(args.system, args.split, args.model, tuple(args.sets.split(",")))
    for name, scores in results.items():
        print(format_table(f"== {args.system} on {name}", scores))
        print()
    if args.json:
        args.json.write_text(json.dumps({"system": args.system, **results}, indent=2))


if __name__ == "__main__":
    main()
