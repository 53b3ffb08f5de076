"""Nicknames defined in the article: ``Tirta Mandira Hudhi, yang akrab disapa Tirta``, ``Budi
Santoso alias Budi``: the nickname joins the person, here and wherever it stands alone later
(cue words: ``nickname_cues`` in ``data/entities/rules.json``)."""

from __future__ import annotations

import re

from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES
from .context import RuleContext, word_spans

__all__ = ["add_nicknames"]

_CUES = "|".join(
    r"[ \t\u00a0]+".join(map(re.escape, c.split()))
    for c in sorted(RULES["nickname_cues"], key=len, reverse=True)
)
#: After a person's name: an optional comma and ``yang``, a cue, then 1-2 capitalised words.
_NICK = re.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]*(?:yang[ \t\u00a0]+)?(?:" + _CUES + r")[ \t\u00a0]+"
    r"([A-Z][a-z'\u2019-]+(?:[ \t\u00a0][A-Z][a-z'\u2019-]+)?)(?![\w-])"
)


def add_nicknames(ctx: RuleContext) -> None:
    """Link nicknames to the person mention they follow (see the module docstring)."""
    text, gaz, starts = ctx.text, ctx.gaz, ctx.starts
    for m in ctx.chosen:
        if m.label != "PER":
            continue
        nm = _NICK.match(text, m.end)
        if nm is None:
            continue
        nick = nm.group(1)
        if nick.split()[0].lower() in gaz.title_set:
            continue
        for a, b in word_spans(text, nick, nm.start(1)):
            inner = starts.get(a)
            if inner is not None and inner.end == b:
                if not inner.fixed and inner.entry is None:
                    inner.label, inner.link = "PER", m
            elif ctx.free(a, b):
                ctx.add(Mention(a, b, "PER", "rule", SCORE_RULE, PRIO_RULE, link=m))
