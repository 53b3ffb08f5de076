"""Token and sentence F1 on the UD Indonesian treebanks (CoNLL 2018 shared-task definitions).

The raw text of each treebank is rebuilt from its surface tokens (``SpaceAfter=No`` respected;
sentences joined by a space, paragraphs and documents by a blank line where the treebank marks
them). Gold and system tokens and sentences are compared as character spans, so a multiword
token such as ``menyetujuinya`` counts as one surface token. F1 = 2PR/(P+R).

    python evaluation/ud_tokenization.py [--split test|dev] [--treebank GSD|CSUI|PUD ...] [--errors N]
        [--sentence-errors N] [--json FILE]

``--json`` also writes the figures (per treebank: token and sentence P/R/F1 and counts) to FILE
(``-`` for standard output), as ``tests/eval_gate.py`` reads them.

``--sentence-errors`` lists sentence ends the system makes that the treebank does not ("extra")
and treebank sentence ends the system misses ("missed"), with the text around each.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # figures.py, also when loaded by path
from figures import add_json_argument, write_json

REPO = Path(__file__).resolve().parents[1]
UD = REPO.parent / "shared" / "data" / "ud"
TREEBANKS = {
    "GSD": UD / "UD_Indonesian-GSD" / "id_gsd-ud-test.conllu",
    "CSUI": UD / "UD_Indonesian-CSUI" / "id_csui-ud-test.conllu",
    "PUD": UD / "UD_Indonesian-PUD" / "id_pud-ud-test.conllu",
}
#: Development splits: the rules were tuned on these only (PUD has no development split).
DEV_TREEBANKS = {
    "GSD": UD / "UD_Indonesian-GSD" / "id_gsd-ud-dev.conllu",
    "CSUI": UD / "UD_Indonesian-CSUI" / "id_csui-ud-train.conllu",
}


def read_conllu(path: Path) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Rebuild the raw text; return it with gold token and sentence spans."""
    parts: list[str] = []
    pos = 0
    tokens: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    sent_tokens: list[tuple[int, int]] = []
    skip_until = 0
    new_par = False

    def emit(s: str) -> None:
        nonlocal pos
        parts.append(s)
        pos += len(s)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if line.startswith(("# newpar", "# newdoc")):
                new_par = True
            continue
        if not line.strip():
            if sent_tokens:
                sentences.append((sent_tokens[0][0], sent_tokens[-1][1]))
                sent_tokens = []
            skip_until = 0
            continue
        cols = line.split("\t")
        tid = cols[0]
        if "." in tid:
            continue
        if "-" in tid:
            _lo, hi = (int(x) for x in tid.split("-"))
            skip_until = hi
        else:
            if int(tid) <= skip_until:
                continue
        if not sent_tokens and pos:
            sep = "\n\n" if new_par else " "
            if parts and parts[-1] == " ":
                parts.pop()
                pos -= 1
            emit(sep)
        new_par = False
        form = cols[1]
        start = pos
        emit(form)
        tokens.append((start, pos))
        sent_tokens.append((start, pos))
        if "SpaceAfter=No" not in cols[9]:
            emit(" ")
    if sent_tokens:
        sentences.append((sent_tokens[0][0], sent_tokens[-1][1]))
    return "".join(parts), tokens, sentences


def f1(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> tuple[float, float, float]:
    g, s = set(gold), set(system)
    tp = len(g & s)
    p = tp / len(s) if s else 0.0
    r = tp / len(g) if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(name: str, path: Path, stage) -> dict:
    from newsnlp.text.sentences import split_sentences

    text, gold_tok, gold_sent = read_conllu(path)
    t0 = time.perf_counter()
    starts, ends = stage.offsets(text)
    sents = split_sentences(text, starts, ends)
    words = list(zip(starts, ends))
    elapsed = time.perf_counter() - t0
    tp, tr, tf = f1(gold_tok, words)
    sp, sr, sf = f1(gold_sent, [(s, e) for s, e, _, _ in sents])
    return {
        "treebank": name,
        "tokens": len(gold_tok),
        "sentences": len(gold_sent),
        "tok_p": tp,
        "tok_r": tr,
        "tok_f1": tf,
        "sent_p": sp,
        "sent_r": sr,
        "sent_f1": sf,
        "seconds": elapsed,
        "_text": text,
        "_gold": gold_tok,
        "_words": words,
        "_gold_sent": gold_sent,
        "_sents": [(s, e) for s, e, _, _ in sents],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--treebank", nargs="*", default=None)
    ap.add_argument(
        "--split",
        choices=("test", "dev"),
        default="test",
        help="test (report) or dev (GSD dev + CSUI train, for development)",
    )
    ap.add_argument("--errors", type=int, default=0, help="print this many token errors per treebank")
    ap.add_argument(
        "--sentence-errors", type=int, default=0, help="print this many sentence-end errors of each kind"
    )
    add_json_argument(ap)
    args = ap.parse_args(argv)
    if not UD.exists():
        print(f"UD data not found at {UD}", file=sys.stderr)
        return 2
    from newsnlp.text.stage import TextStage

    stage = TextStage(stem=False)
    print("| treebank | tokens | token P | token R | token F1 | sentences | sent P | sent R | sent F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    banks = TREEBANKS if args.split == "test" else DEV_TREEBANKS
    figures: dict[str, dict] = {}
    for name in args.treebank or list(banks):
        r = evaluate(name, banks[name], stage)
        figures[name] = {k: v for k, v in r.items() if not k.startswith("_")}
        print(
            f"| {name} {args.split} | {r['tokens']} | {100 * r['tok_p']:.2f} | {100 * r['tok_r']:.2f} | {100 * r['tok_f1']:.2f} "
            f"| {r['sentences']} | {100 * r['sent_p']:.2f} | {100 * r['sent_r']:.2f} | {100 * r['sent_f1']:.2f} |"
        )
        if args.errors:
            gold, sys_ = set(r["_gold"]), set(r["_words"])
            text = r["_text"]
            for kind, spans in (("gold-only", gold - sys_), ("system-only", sys_ - gold)):
                for s, e in sorted(spans)[: args.errors]:
                    print(
                        f"   {kind}:", repr(text[max(0, s - 15) : s]), repr(text[s:e]), repr(text[e : e + 15])
                    )
        if args.sentence_errors:
            print_sentence_errors(r, args.sentence_errors)
    write_json(args.json, {"split": args.split, "treebanks": figures})
    return 0


def print_sentence_errors(r: dict, limit: int) -> None:
    """Sentence ends only the system makes (extra) and only the treebank makes (missed)."""
    text = r["_text"]
    gold_ends = {e for _, e in r["_gold_sent"]}
    sys_ends = {e for _, e in r["_sents"]}
    for kind, ends in (("extra", sys_ends - gold_ends), ("missed", gold_ends - sys_ends)):
        print(f"   {len(ends)} {kind} sentence ends")
        for e in sorted(ends)[:limit]:
            print(f"   {kind}:", repr(text[max(0, e - 50) : e]), "|", repr(text[e : e + 40]))


if __name__ == "__main__":
    sys.exit(main())
