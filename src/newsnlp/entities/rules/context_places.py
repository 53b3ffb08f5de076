"""Places by context. Places that are also common words (``Padang``, ``Palu``, ``Medan``): the place
only right after a locative word (``di``, ``ke``, ``dari``: ``curated/locative_words.txt``) and in
Title Case. A lone name the model took for a person right after ``di`` is a place
(``place_prepositions``)."""

from __future__ import annotations

import re

from ..candidates import gaz_score
from ..mention import PRIO_GAZ, Mention
from ..resources import RULES
from .context import RuleContext

__all__ = ["add_context_places", "relabel_located_persons"]

#: The word right before a position (spaces between).
_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(\w+)[ \u00a0]+\Z")


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


#: Prepositions after which a lone capitalised name is where something happens, not who.
_PLACE_PREPOSITIONS = frozenset(RULES["place_prepositions"])


def relabel_located_persons(ctx: RuleContext) -> None:
    """A one-word model PER or LOC mention right after ``di`` (``wukuf di [Arafah]``, ``kuliner di
    [Suryakencana]``: ``place_prepositions``) is a place, with ``evidence``, so that the article's
    other mentions of the word follow it (the model may call the same word a person after ``ke``
    or ``sampai``); not when the word belongs to a longer person's name in the article (``Amira``
    of ``Amira Putri``) or the gazetteer knows it as a person."""
    text, gaz = ctx.text, ctx.gaz
    cands = [
        m
        for m in ctx.chosen
        if m.label in ("PER", "LOC") and m.source == "model" and m.entry is None and not m.fixed
    ]
    if not cands:
        return
    name_words: set[str] | None = None
    for m in cands:
        word = text[m.start : m.end]
        if not (word.isalpha() and word.istitle()):
            continue
        before = text[max(0, m.start - 12) : m.start]
        prep = _PREPOSITION_BEFORE.search(before)
        if prep is None or prep.group(1).lower() not in _PLACE_PREPOSITIONS:
            continue
        if name_words is None:
            name_words = {
                w.lower()
                for x in ctx.chosen
                if x.label == "PER" and " " in text[x.start : x.end].strip()
                for w in text[x.start : x.end].split()
            }
        entry = gaz.lookup(word)
        if word.lower() in name_words or (entry is not None and gaz.labels[entry] == "PER"):
            continue
        m.label = "LOC"
        m.evidence = True
