"""Parts of a name: the first or last word of a multiword person name standing alone elsewhere in
the article (``Nadella`` for ``Satya Nadella``)."""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..mention import PRIO_RULE, Mention
from ..resources import RULES
from ..textutil import Pieces, norm
from .context import RuleContext

__all__ = ["add_name_parts", "name_word"]

SCORE_NAME_PART: float = RULES["scores"]["name_part"]


def add_name_parts(ctx: RuleContext, title_words: frozenset[str]) -> None:
    """PER mentions for the first and last words of multiword PER mentions found alone."""
    text, ps, gaz = ctx.text, ctx.ps, ctx.gaz
    per_parts: dict[str, Mention] = {}
    for m in ctx.chosen + ctx.extra:
        if m.label != "PER":
            continue
        words = text[m.start : m.end].split()
        if len(words) < 2:
            continue
        if not all(w.isalpha() for w in words):
            continue
        for w in (words[0], words[-1]):
            if w.isupper() or norm(w) in gaz.common or norm(w) in title_words:
                continue
            if len(w) >= 3 and w[0].isupper():
                per_parts.setdefault(w, m)
    if not per_parts:
        return
    for i, w in enumerate(map(text.__getitem__, map(slice, ps.starts, ps.ends))):
        if w not in per_parts:
            continue
        p = ps[i]
        if ctx.free(p.start, p.end):
            if p.glued or (i + 1 < len(ps) and ps[i + 1].glued and text[ps[i + 1].start].isalpha()):
                continue
            # standing alone: no other name word right before or after it (Once | Mekel)
            if name_word(text, ps, i - 1, gaz) and not ps[i].newline:
                continue
            if i + 1 < len(ps) and not ps[i + 1].newline and name_word(text, ps, i + 1, gaz):
                continue
            ctx.add(Mention(p.start, p.end, "PER", "rule", SCORE_NAME_PART, PRIO_RULE))


def name_word(text: str, ps: Pieces, k: int, gaz: Gazetteer) -> bool:
    """Whether piece ``k`` is a capitalised word that could be part of a name."""
    if k < 0 or k >= len(ps):
        return False
    w = text[ps[k].start : ps[k].end]
    return w[0].isupper() and w.isalpha() and norm(w) not in gaz.common
