"""Titles of works are not persons: a quoted title after ``film``, ``lagu``, ``album``, ``serial``
... (``work_words`` in ``data/entities/rules.json``) holds no model or rule mention
(``film "Habibie & Ainun"``, ``lagu "Bunga Citra"``)."""

from __future__ import annotations

import re

from ...lines import LINE_BREAKS
from ..mention import Mention
from ..resources import RULES, phrase_alternatives

__all__ = ["drop_work_titles"]

_WORK = re.compile(
    r"(?<![\w-])(?:"
    + phrase_alternatives(RULES["work_words"])
    + r")[ \u00a0]*[\"\u201c'\u2018]([^\"\u201d'\u2019"
    + re.escape(LINE_BREAKS)
    + r"]{1,80})[\"\u201d'\u2019]",
    re.IGNORECASE,
)


def drop_work_titles(text: str, chosen: list[Mention]) -> list[Mention]:
    """Drop model and rule mentions, and person names of any source, inside a quoted work title."""
    if not any(q in text for q in "\"\u201c'\u2018"):
        return chosen
    spans = [m.span(1) for m in _WORK.finditer(text)]
    if not spans:
        return chosen
    return [
        m
        for m in chosen
        if m.fixed
        or (m.source not in ("model", "rule") and m.label != "PER")
        or not any(a <= m.start and m.end <= b for a, b in spans)
    ]
