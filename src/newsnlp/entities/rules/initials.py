"""Initials of a suspect, victim or witness: ``pria berinisial VT``, ``inisial MR dan SN`` are PER,
and so are the same initials later in the article (unless they are a known name)."""

from __future__ import annotations

import re

from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES
from ..textutil import name_key
from .context import RuleContext, word_spans

__all__ = ["add_initials"]

_CUES: list[str] = RULES["initials_cues"]
_JOINERS: list[str] = RULES["list_joiners"]


def _either_case(word: str) -> str:
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


#: A person's initials after a cue word (``inisial``, ``berinisial``): ``VT``, ``Ar``.
_INITIALS = re.compile(
    r"\b(?:"
    + "|".join(_either_case(c) for c in sorted(_CUES, key=len, reverse=True))
    + r")[ \t\u00a0]+([A-Z]{1,4}|[A-Z][a-z])(?![\w.])"
)
#: More initials in the same list: ``..., MR dan SN``.
_MORE_INITIALS = re.compile(
    r"[ \t\u00a0]*(?:,|" + "|".join(re.escape(j) for j in _JOINERS) + r")[ \t\u00a0]+([A-Z]{1,4})(?![\w.])"
)
#: A cheap test before the pattern runs: every cue contains this (``nisial``).
_HINTS = tuple({c[1:] for c in _CUES})


def add_initials(ctx: RuleContext) -> None:
    """PER mentions for initials after a cue word; a known name there (``berinisial AS``) is
    relabelled PER."""
    text, gaz, starts = ctx.text, ctx.gaz, ctx.starts
    if not any(h in text for h in _HINTS):
        return
    for im in _INITIALS.finditer(text):
        found = [im.span(1)]
        pos = im.end()
        while (more := _MORE_INITIALS.match(text, pos)) is not None:
            found.append(more.span(1))
            pos = more.end()
        for s, e in found:
            initials = text[s:e]
            later = []
            if len(initials) >= 2 and name_key(initials) not in gaz.keys:
                later = word_spans(text, initials, e)
            for a, b in [(s, e), *later]:
                m = starts.get(a)
                if m is not None and m.end == b:
                    if m.label != "PER" and not m.fixed:
                        m.label, m.entry, m.link = "PER", None, None
                elif ctx.free(a, b):
                    ctx.add(Mention(a, b, "PER", "rule", SCORE_RULE, PRIO_RULE))
