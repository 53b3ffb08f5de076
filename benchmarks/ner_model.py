"""Speed (and size, load time, F1) of the NER model, one thread, over news-dev.

Tokenizes every article of ``../shared/data/news-dev/articles.jsonl`` with newsnlp's tokenizer
(not timed), then times :meth:`NerModel.predict` on all of them in batch mode: wall-clock
articles/s and tokens/s, and the process CPU time per article (``time.process_time()``, less
sensitive than wall time to other jobs on a shared machine), plus the CPU time of the ``tok2vec``
and ``ner`` components alone (``ner`` decoded by spaCy's greedy loop, as ``nlp.pipe`` does, and by
its beam search at width 1, as :meth:`NerModel.predict_docs` does; ``same`` says whether the two give
identical entities on every Doc). With ``--f1`` it
also runs ``evaluation/ner.py`` for each model (idner test and news-dev PER/ORG/LOC) so that the
speed/accuracy trade-off of several model sizes comes out in one table::

    OMP_NUM_THREADS=1 python benchmarks/ner_model.py --f1 \
        --model src/newsnlp/data/ner_model --model training/ner/build/models/w64/model-best

With ``--context`` it prints, for the first model, how the fast path's context width
(``predict(context=...)``, and the sentence-initial common-word rule that the entities stage adds,
``+common``) changes the tokens the model reads, its CPU time and its mentions against reading
whole lines (``context=None``).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWSDEV = ROOT / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"


def _load_eval():
    spec = importlib.util.spec_from_file_location("ner_eval", ROOT / "evaluation" / "ner.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def model_size_mb(path: Path) -> float:
    """Size of a model directory on disk, in MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def load_seconds(path: Path) -> float:
    """Time to load the model in a fresh interpreter (after ``import spacy``), in seconds."""
    code = (
        "import time, spacy\n"
        "from newsnlp.entities.model import NerModel\n"
        f"t = time.perf_counter(); NerModel.load({str(path)!r}); print(time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def component_cpu(model, docs: list, batch_size: int, repeat: int) -> tuple[float, float, float, bool]:
    """Best CPU seconds of the ``tok2vec`` and ``ner`` components alone over ``docs``.

    Each document is one spaCy Doc of its non-blank tokens (no piece splitting, no post-processing,
    unlike :meth:`NerModel.predict`). Returns the ``tok2vec`` time, the ``ner`` time with spaCy's
    greedy decoder, the ``ner`` time with its beam search at width 1, and whether both decoders
    gave the same entities on every Doc.
    """
    words = [[w for w in ws if w and not w.isspace()] for ws, _ in docs]
    words = [w for w in words if w]
    t2v, ner = model.nlp.get_pipe("tok2vec"), model.nlp.get_pipe("ner")
    best_t2v = best_greedy = best_beam = float("inf")
    same = True
    for _ in range(repeat):
        sdocs = [model.make_doc(w) for w in words]
        c = time.process_time()
        sdocs = list(t2v.pipe(sdocs, batch_size=batch_size))
        best_t2v = min(best_t2v, time.process_time() - c)
        c = time.process_time()
        greedy = [
            [(e.start, e.end, e.label_) for e in d.ents] for d in ner.pipe(sdocs, batch_size=batch_size)
        ]
        best_greedy = min(best_greedy, time.process_time() - c)
        c = time.process_time()
        for i in range(0, len(sdocs), batch_size):
            group = sdocs[i : i + batch_size]
            ner.set_annotations(group, ner.beam_parse(group, beam_width=1))
        best_beam = min(best_beam, time.process_time() - c)
        same = same and greedy == [[(e.start, e.end, e.label_) for e in d.ents] for d in sdocs]
    return best_t2v, best_greedy, best_beam, same


def context_table(model, docs: list, line_starts: list, batch_size: int, repeat: int) -> None:
    """Tokens read, CPU time and mentions of ``predict`` for several context widths."""
    from newsnlp.entities import model as model_mod

    read: list[int] = []
    decode = model._decode

    def counting(spacy_docs):
        read.extend(len(d) for d in spacy_docs)
        return decode(spacy_docs)

    model._decode = counting
    from newsnlp.entities.gazetteer import Gazetteer

    common = Gazetteer.load().common
    results = {}
    # (context, with the gazetteer's common words as the entities stage passes them)
    for context, use_common in ((None, False), (4, False), (3, False), (2, False), (3, True), (2, True)):
        best = float("inf")
        for _ in range(repeat):
            read.clear()
            c = time.process_time()
            out = model.predict(
                docs,
                batch_size=batch_size,
                line_starts=line_starts,
                context=context,
                common_words=common if use_common else frozenset(),
            )
            best = min(best, time.process_time() - c)
        mentions = {(n, m.start, m.end, m.label) for n, ms in enumerate(out) for m in ms}
        results[f"{context}{' +common' if use_common else ''}"] = (sum(read), best, mentions)
    del model._decode
    full = results["None"][2]
    print(
        f"\ncontext (default {model_mod.CONTEXT_TOKENS}): tokens read, CPU ms/article, mentions vs whole lines"
    )
    print(f"{'context':>10} {'tokens':>8} {'CPU ms':>7} {'mentions':>8} {'same':>6} {'lost':>5} {'new':>4}")
    for context, (n_tok, cpu, mentions) in results.items():
        print(
            f"{context:>10} {n_tok:8d} {1000 * cpu / len(docs):7.2f} {len(mentions):8d}"
            f" {len(mentions & full):6d} {len(full - mentions):5d} {len(mentions - full):4d}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", action="append", default=None, help="model directory (repeatable)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=2, help="timed passes (best is reported)")
    ap.add_argument("--f1", action="store_true", help="also score each model with evaluation/ner.py")
    ap.add_argument("--context", action="store_true", help="also compare context widths (first model)")
    args = ap.parse_args()

    from newsnlp.entities.model import DEFAULT_MODEL_PATH, NerModel
    from newsnlp.entities.textutil import has_line_break

    ev = _load_eval()
    models = [Path(m) for m in (args.model or [DEFAULT_MODEL_PATH])]
    texts = [json.loads(line)["text"] for line in NEWSDEV.open(encoding="utf-8")]
    toks = ev.news_tokenize(texts)
    docs = [(w, s) for w, s, _ in toks]
    # the tokens that begin a line, as the entities stage passes them (it tags lines separately)
    starts = [
        {i for i in range(1, len(w)) if has_line_break(text[st[i - 1] + len(w[i - 1]) : st[i]])}
        for text, (w, _, st) in zip(texts, toks)
    ]
    n_tokens = sum(len(w) for w, _ in docs)
    print(
        f"news-dev: {len(docs)} articles, {n_tokens} tokens ({n_tokens / len(docs):.0f} per article); "
        f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}"
    )
    header = (
        f"{'model':<48} {'MB':>5} {'load s':>6} {'art/s':>7} {'tok/s':>8} {'CPU ms/art':>10}"
        f" {'t2v ms':>6} {'greedy':>6} {'beam-1':>6} {'same':>5}"
    )
    if args.f1:
        header += f" {'idner F1':>8} {'dev F1':>7} {'news-dev F1':>11}"
    print(header)
    for path in models:
        model = NerModel.load(path)
        model.predict(docs[:16], batch_size=args.batch_size, line_starts=starts[:16])  # warm-up
        best = best_cpu = float("inf")
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            model.predict(docs, batch_size=args.batch_size, line_starts=starts)
            best = min(best, time.perf_counter() - t)
            best_cpu = min(best_cpu, time.process_time() - c)
        t2v_cpu, greedy_cpu, beam_cpu, same = component_cpu(model, docs, args.batch_size, args.repeat)
        name = (
            str(path.resolve().relative_to(ROOT.resolve()))
            if path.resolve().is_relative_to(ROOT.resolve())
            else str(path)
        )
        row = (
            f"{name:<48} {model_size_mb(path):5.1f} {load_seconds(path):6.2f} "
            f"{len(docs) / best:7.0f} {n_tokens / best:8.0f} {1000 * best_cpu / len(docs):10.2f}"
            f" {1000 * t2v_cpu / len(docs):6.2f} {1000 * greedy_cpu / len(docs):6.2f}"
            f" {1000 * beam_cpu / len(docs):6.2f} {'yes' if same else 'NO':>5}"
        )
        if args.f1:
            test = ev.evaluate("model", "test", str(path), ("idner", "newsdev"))
            dev = ev.evaluate("model", "dev", str(path), ("idner",))
            row += (
                f" {test['idner-test']['ALL']['f']:8.3f} {dev['idner-dev']['ALL']['f']:7.3f}"
                f" {test['newsdev-PER/ORG/LOC']['ALL']['f']:11.3f}"
            )
        print(row, flush=True)
    if args.context:
        model = NerModel.load(models[0])
        context_table(model, docs, starts, args.batch_size, args.repeat)


if __name__ == "__main__":
    main()
