"""Places that are also common words (``Padang``, ``Palu``, ``Medan``): the place only right after
a locative word (``di``, ``ke``, ``dari``: ``curated/locative_words.txt``) and in Title Case."""

from __future__ import annotations

from ..candidates import gaz_score
from ..mention import PRIO_GAZ, Mention
from .context import RuleContext

__all__ = ["add_context_places"]


def add_context_places(ctx: RuleContext) -> None:
    """``jatuh di Palu`` -> LOC ``Palu`` with its region's entry; ``Medan yang berat`` stays a word."""
    gaz, text, ps = ctx.gaz, ctx.text, ctx.ps
    if not gaz.context_places:
        return
    norms = ctx.get_norms()
    for k, w in enumerate(norms):
        entry = gaz.context_places.get(w)
        if entry is None or k == 0:
            continue
        p = ps[k]
        t = text[p.start : p.end]
        prev = ps[k - 1]
        if not t.istitle() or p.glued or p.newline or norms[k - 1] not in gaz.locative_words:
            continue
        if prev.glued or not text[prev.start].isalpha() or not ctx.free(p.start, p.end):
            continue
        ctx.add(Mention(p.start, p.end, "LOC", "gazetteer", gaz_score(gaz, entry), PRIO_GAZ, entry))
