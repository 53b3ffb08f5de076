"""Company legal suffixes belong to the name: ``PT Aneka Tambang Tbk``, ``PT Pertamina (Persero)``,
``Xiaomi Corp`` (``legal_suffixes`` in ``data/entities/rules.json``); an ORG mention cut before one
is extended over it, and over up to 4 capitalised words between (joined by ``and``, ``&``, ``of``)
that end with one: ``[Mitsubishi Fuso] Truck and Bus Corporation``, ``[Samsung] Electronics Co Ltd``."""

from __future__ import annotations

import re

from ..mention import Mention
from ..resources import RULES, phrase_alternatives

__all__ = ["extend_legal_suffixes"]

_SUFFIXES = phrase_alternatives(RULES["legal_suffixes"])
_SUFFIX = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:" + _SUFFIXES + r")(?![\w-])")
#: Capitalised words of the name, then the suffix (the words stay in the name: no comma before it).
_WORDS_SUFFIX = re.compile(
    r"(?:[ \u00a0]+(?:(?:and|&|of)[ \u00a0]+)?[A-Z][\w'’-]*){1,4}?[ \u00a0]+(?:" + _SUFFIXES + r")(?![\w-])"
)


def extend_legal_suffixes(text: str, chosen: list[Mention]) -> list[Mention]:
    """Extend ORG mentions over a legal suffix right after them (when nothing else is there)."""
    for k, m in enumerate(chosen):
        if m.label != "ORG" or m.fixed:
            continue
        sm = _SUFFIX.match(text, m.end) or _WORDS_SUFFIX.match(text, m.end)
        if sm is None:
            continue
        nxt = chosen[k + 1].start if k + 1 < len(chosen) else len(text)
        if sm.end() > nxt:
            continue
        m.end = sm.end()  # the same organisation (its entry too), written with its legal form
    return chosen
