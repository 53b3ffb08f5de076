"""Check the token alignment of the ``linguistic`` stage on gold UD Indonesian trees.

Reads UD Indonesian treebanks from ``../shared/data/ud/``, builds for each file an ``Article``
whose tokens are the treebank's orthographic tokens, copies the gold words onto them with
:func:`newsnlp.linguistic.alignment.apply_document` and checks that every sentence becomes one tree
of tokens (one root, no cycle, heads inside the sentence) and that offsets are exact. Prints one
line per treebank file::

    python training/stanza/check_alignment.py
"""

from __future__ import annotations

import sys
from pathlib import Path

UD = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ud"


def check(path: Path) -> tuple[int, int, int, int, int]:
    """(sentences, tokens, multi-word tokens, broken trees, tokens whose head word is a clitic)."""
    from stanza.utils.conll import CoNLL

    from newsnlp.linguistic.alignment import apply_document
    from newsnlp.record import Article, Token

    doc = CoNLL.conll2doc(str(path))
    parts, tokens, pos = [], [], 0
    for si, sent in enumerate(doc.sentences):
        for tok in sent.tokens:
            tokens.append(Token(pos, pos + len(tok.text), tok.text, sentence=si))
            parts.append(tok.text)
            pos += len(tok.text) + 1
    art = Article(text=" ".join(parts), tokens=tokens)
    apply_document(art, doc, max_sentence_tokens=None)
    n_mwt = sum(len(t.words) > 1 for s in doc.sentences for t in s.tokens)
    members: dict[int, list[int]] = {}
    for i, tok in enumerate(art.tokens):
        assert art.text[tok.start : tok.end] == tok.text
        members.setdefault(tok.sentence, []).append(i)
    broken = 0
    for idx in members.values():
        roots = [i for i in idx if art.tokens[i].head is None]
        ok = len(roots) == 1
        for i in idx if ok else ():
            seen: set[int] = set()
            while art.tokens[i].head is not None and ok:
                ok = i not in seen and art.tokens[i].head in idx
                seen.add(i)
                i = art.tokens[i].head
        broken += not ok
    clitic_heads = sum(t.lemma in ("nya", "ku", "mu") for t in art.tokens)
    return len(doc.sentences), len(art.tokens), n_mwt, broken, clitic_heads


def main() -> int:
    """Check every UD Indonesian .conllu file found."""
    files = sorted(UD.glob("UD_Indonesian-*/*.conllu"))
    if not files:
        print(f"no treebank under {UD}", file=sys.stderr)
        return 1
    print("| file | sentences | tokens | multi-word tokens | broken trees | tokens taking a clitic |")
    print("|---|---|---|---|---|---|")
    for path in files:
        print(f"| {path.name} | " + " | ".join(str(x) for x in check(path)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
