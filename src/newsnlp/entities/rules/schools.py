"""Schools: a school's type and number before a place mention is one ORG (``SMAN 1 Bandung``,
``SMP Negeri 3 Kota Malang``); school types are data (``data/entities/rules.json``)."""

from __future__ import annotations

import re

from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES

__all__ = ["add_schools"]

_TYPES: list[str] = RULES["school_types"]
_STATUS: list[str] = RULES["school_status"]
#: A school's type and number, up to where the place name starts (``SMAN 1 ``, ``SMP Negeri 3 ``).
_SCHOOL = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(t) for t in sorted(_TYPES, key=len, reverse=True))
    + r")(?:[ \u00a0]+(?:"
    + "|".join(re.escape(s) for s in _STATUS)
    + r"))?[ \u00a0]+\d{1,3}[ \u00a0]+(?=[A-Z])"
)
#: Cheap tests before the pattern runs: every type starts with one of these.
_HINTS = tuple(sorted({t[:2] for t in _TYPES}))


def add_schools(text: str, out: list[Mention]) -> list[Mention]:
    """Replace a place mention and any mention over the type and number before it with one ORG
    (``Perwakilan SMAN`` from the model goes too). Returns the new list (not sorted)."""
    if not any(h in text for h in _HINTS):
        return out
    loc_at = {m.start: m for m in out if m.label == "LOC"}
    for sm in _SCHOOL.finditer(text):
        place = loc_at.get(sm.end())
        if place is None or place not in out:
            continue
        # mentions over the type and number go too (SMP Negeri, Perwakilan SMAN)
        gone = [m for m in out if m.start < place.end and sm.start() < m.end]
        if any(m.fixed for m in gone):
            continue
        out = [m for m in out if not (m.start < place.end and sm.start() < m.end)]
        out.append(Mention(sm.start(), place.end, "ORG", "rule", SCORE_RULE, PRIO_RULE))
    return out
