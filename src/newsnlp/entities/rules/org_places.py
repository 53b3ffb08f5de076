"""Organisations whose name holds a place are kept whole: an organisation head (``Pemprov``,
``Polda``, ``Bank``, ``Universitas``: ``org_place_prefixes`` in ``data/entities/rules.json`` and the
gazetteer's organisation heads) right before a place mention makes one ORG (``Pemprov Jawa Barat``,
``Bank DKI``), not the place alone. Well-known companies named after a country (``Garuda
Indonesia``, ``Pos Indonesia``) are curated gazetteer names."""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES, phrase_alternatives
from ..textutil import norm

__all__ = ["join_org_places"]

_PREFIXES = sorted(RULES["org_place_prefixes"], key=len, reverse=True)
_PREFIX = re.compile(r"(?<![\w-])(?:" + phrase_alternatives(_PREFIXES) + r")[ \u00a0]+\Z")
#: Longest prefix looked back for (characters).
_LOOKBACK = max(len(p) for p in _PREFIXES) + 4


def join_org_places(text: str, chosen: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Replace a LOC mention preceded by an organisation head with one ORG over both."""
    out: list[Mention] = []
    for m in chosen:
        if m.label != "LOC" or m.fixed:
            out.append(m)
            continue
        lo = max(0, m.start - _LOOKBACK)
        pm = _PREFIX.search(text, lo, m.start)
        if pm is None:
            word = re.search(r"([A-Z][\w]*)[ \u00a0]+\Z", text[lo : m.start])
            if word is None or norm(word.group(1)) not in gaz.org_heads:
                out.append(m)
                continue
            start = lo + word.start(1)
        else:
            start = pm.start()
        if out and out[-1].end > start:
            prev = out[-1]
            if prev.fixed or prev.start < start or prev.label != "ORG":
                out.append(m)  # the head is part of another mention
                continue
            out.pop()  # the head alone as an ORG (Pemprov): the whole name replaces it
        out.append(Mention(start, m.end, "ORG", "rule", SCORE_RULE, PRIO_RULE))
    return out
