"""A person's name at the end of an organisation or place span: the model runs a role's
organisation into the name after it (``Analis [PT Mirae Asset Sekuritas Indonesia Tasrul Tanar]``,
``Kadis [Bandar Lampung Dedi Sutiyoso]``). When the words at the end of a model ORG or LOC span
are, or begin, a person's name of at least two words that the article writes as a PER mention
elsewhere (``kata Tasrul``, ``Tasrul Tanar``), the span is cut before them and they become a PER
mention. Spans opening with a place head (``Bandara Frans Seda``, ``Jalan Margonda Raya``: a
place named after a person) are left whole, and at least two words must stay before the name
(``Universitas Yamaguci``, ``Iran Khodro`` stay whole).
"""

from __future__ import annotations

from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..textutil import norm
from .context import RuleContext

__all__ = ["split_name_tails"]


def split_name_tails(ctx: RuleContext) -> None:
    """Cut person names off the end of model ORG/LOC spans (module docstring)."""
    text, gaz = ctx.text, ctx.gaz
    persons: dict[str, list[tuple[str, ...]]] = {}
    for m in ctx.chosen:
        if m.label == "PER":
            words = tuple(text[m.start : m.end].split())
            persons.setdefault(words[0], []).append(words)
    if not persons:
        return
    for m in ctx.chosen:
        if m.label not in ("ORG", "LOC") or m.source != "model" or m.entry is not None:
            continue
        span = text[m.start : m.end]
        words = span.split()
        if len(words) < 3 or gaz.starts_with_place_head(span):
            continue
        for j in range(2, len(words)):
            tail = tuple(words[j:])
            if tail[0] not in persons or not _name_words(tail, gaz):
                continue
            if not any(_fits(tail, p) for p in persons[tail[0]]):
                continue
            cut = m.start + _offset(span, j)
            end = cut
            while end > m.start and text[end - 1] in " \u00a0":
                end -= 1
            ctx.add(Mention(cut, m.end, "PER", "rule", SCORE_RULE, PRIO_RULE))
            m.end = end
            break


def _fits(tail: tuple[str, ...], person: tuple[str, ...]) -> bool:
    """Whether the tail and a person's name written elsewhere are one name of 2+ words."""
    short, full = sorted((tail, person), key=len)
    return len(full) >= 2 and full[: len(short)] == short


def _name_words(words: tuple[str, ...], gaz) -> bool:
    """Capitalised words, none an ordinary word or a known place's or organisation's name."""
    for w in words:
        if not (w.isalpha() and w[0].isupper() and not w.isupper()) or norm(w) in gaz.common:
            return False
        entry = gaz.lookup(w)
        if entry is not None and gaz.labels[entry] != "PER":
            return False
    return True


def _offset(span: str, j: int) -> int:
    """Character offset of word ``j`` in ``span`` (words split on whitespace)."""
    pos = 0
    for _ in range(j):
        while span[pos].isspace():
            pos += 1
        while not span[pos].isspace():
            pos += 1
    while span[pos].isspace():
        pos += 1
    return pos
