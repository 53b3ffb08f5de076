"""Organisations named by a head and capitalised words that no source found: ``Perkumpulan Lyceum
Kristen``, ``Dinas Sosial``, ``Direktorat Jenderal Imigrasi``. The head of a body
(``curated/org_heads.txt``, not a building or a generic group: ``Kantor``, ``Sekolah``,
``Panitia`` are ``org_units.weak_heads``) in Title Case, then 1-6 capitalised words (``dan``/``&`` between
capitalised words allowed, unless another head follows: ``Kejaksaan Tinggi dan Kejaksaan Negeri``
are two bodies), is an ORG when nothing covers it, no word is a title or role word (``Majelis
Hakim``, ``Dewan Komisaris``: a panel or a board, not a body's name), no word is glued to the
next one by scraping (``Bank BCABuruan``), the phrase does not continue a capitalised name before
it and is not a common noun (``Sekolah Menengah``: ``curated/not_entities.txt``). Roman numerals
are left out: a parliament's commission (``Komisi III``) is unlabelled in idner-news-2k and
labelled in the news-dev gold."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import Gazetteer
from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..textutil import name_key
from .context import RuleContext
from .org_places import strong_org_head

__all__ = ["add_headed_orgs"]

_CAP = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"


@lru_cache(maxsize=4)
def _phrase(gaz: Gazetteer) -> re.Pattern[str]:
    """A strong organisation head of ``gaz`` in Title Case, then capitalised words and connectors
    between them (compiled once per gazetteer)."""
    heads = [h for h in gaz.org_heads if strong_org_head(h, gaz)]
    alternatives = "|".join(
        sorted((re.escape(h.capitalize()) for h in heads if h.isalpha()), key=len, reverse=True)
    )
    return re.compile(
        r"(?=[A-Z])(?<![\w.@/-])(?P<head>" + (alternatives or "(?!)") + r")"
        r"(?:[ \u00a0]" + _CAP + r"(?![\w-]))"
        r"(?:(?:[ \u00a0](?:dan|&))?[ \u00a0]" + _CAP + r"(?![\w-])){0,5}"
    )


#: A Roman numeral or a number right after the phrase.
_NUMERAL_AFTER = re.compile(r"[ \u00a0](?:[IVX]+(?![\w-])|\d)")
#: A connector and the word after it.
_CONNECTED = re.compile(r"[ \u00a0](?:dan|&)[ \u00a0]([A-Z][a-z]+)")
#: A capitalised word right before the phrase (it would be part of a longer name).
_CAP_BEFORE = re.compile(r"[A-Z][\w'\u2019.-]*[ \u00a0]+\Z")


def add_headed_orgs(ctx: RuleContext) -> None:
    """Add the ORG mentions of the module docstring where nothing is chosen yet."""
    text, gaz = ctx.text, ctx.gaz
    for pm in _phrase(gaz).finditer(text):
        s, e = pm.span()
        if any(c.group(1).lower() in gaz.org_heads for c in _CONNECTED.finditer(text, s, e)):
            continue
        words = text[s:e].split()
        if any(w.lower() in gaz.title_set for w in words):
            continue
        if e < len(text) and text[e].isalnum():
            continue  # the last word runs into a glued one (Bank BCABuruan)
        if _NUMERAL_AFTER.match(text, e):
            continue  # Balai Teknik Kelas I Jakarta, SMA Negeri 8 Bekasi: the name goes on

        if _CAP_BEFORE.search(text, max(0, s - 40), s) or not ctx.free(s, e):
            continue
        if name_key(text[s:e]) in gaz.not_entities:
            continue
        ctx.add(Mention(s, e, "ORG", "rule", SCORE_RULE, PRIO_RULE))
