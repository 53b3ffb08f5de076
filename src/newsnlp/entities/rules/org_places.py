"""Organisations whose name holds a place are kept whole: an organisation head (``Pemprov``,
``Polda``, ``Bank``, ``Universitas``: ``org_place_prefixes`` in ``data/entities/rules.json`` and the
gazetteer's organisation heads) right before a place mention makes one ORG (``Pemprov Jawa Barat``,
``Bank DKI``), not the place alone. Well-known companies named after a country (``Garuda
Indonesia``, ``Pos Indonesia``) are curated gazetteer names. An organisation mention followed
by a country's name is the organisation's branch in that country, one ORG (``Xpeng Indonesia``,
``PKB Indonesia``), not the organisation and a place."""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES, phrase_alternatives
from ..textutil import norm

__all__ = ["join_org_countries", "join_org_places"]

_PREFIXES = sorted(RULES["org_place_prefixes"], key=len, reverse=True)
_PREFIX = re.compile(r"(?<![\w-])(?:" + phrase_alternatives(_PREFIXES) + r")[ \u00a0]+\Z")
#: Only spaces between an organisation and the country of its branch.
_BRANCH_GAP = re.compile(r"[ \u00a0]+\Z")
#: Gazetteer tiers of country names.
_COUNTRY_TIERS = ("country",)
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


def join_org_countries(text: str, chosen: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Replace an ORG mention followed by a country mention with one ORG over both (the
    organisation's branch in that country: ``Xpeng Indonesia``)."""
    countries = gaz.tier_ids(*_COUNTRY_TIERS)
    out: list[Mention] = []
    for m in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.label == "LOC"
            and prev.label == "ORG"
            and not (m.fixed or prev.fixed)
            and m.entry is not None
            and gaz.tiers[m.entry] in countries
            and _BRANCH_GAP.match(text, prev.end, m.start)
        ):
            out[-1] = Mention(prev.start, m.end, "ORG", "rule", SCORE_RULE, PRIO_RULE)
            continue
        out.append(m)
    return out
