"""Acronyms defined in the article: ``Komisi Pemberantasan Korupsi (KPK)``.

The acronym in brackets links to the mention right before it; its later occurrences become
mentions of the same entity. When no source found the long form, the capitalised words before the
bracket whose initials spell the acronym become an ORG mention if they start with an organisation
head word (``Lembaga``, ``Badan``). A bracketed word of the name itself is its short form
(``PT Pintu Kemana Saja (Pintu)``), and so is a short form made of its syllables (``Badan Legislasi
(Baleg)``, ``Dinas Pendidikan dan Kebudayaan (Disdikbud)``).
"""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES
from ..textutil import breaks_as_newlines, name_key
from .context import RuleContext, word_spans

__all__ = ["add_acronyms", "initials_mention", "syllabic_short_form"]

_ACRONYM_DEF = re.compile(r"\([ \t\u00a0]*([A-Z][A-Za-z0-9&-]{1,11})[ \t\u00a0]*\)")
#: Characters looked back for the words an acronym abbreviates.
_LOOKBACK: int = RULES["windows"]["acronym_chars"]


def add_acronyms(ctx: RuleContext) -> None:
    """Acronym definitions and the acronyms' later occurrences (see the module docstring)."""
    text, gaz, starts, ends = ctx.text, ctx.gaz, ctx.starts, ctx.ends
    free, add = ctx.free, ctx.add
    acr_links: dict[str, list[Mention]] = {}
    for am in _ACRONYM_DEF.finditer(text):
        acr = am.group(1)
        if name_key(acr) in gaz.not_entities:
            continue  # a common noun's abbreviation (Bantuan Langsung Tunai (BLT)) names nothing
        letters = [c for c in acr if c.isalpha()]
        short_name = False  # PT Pintu Kemana Saja (Pintu): a word of the name, not its initials
        if sum(c.isupper() for c in letters) < max(2, len(letters) - 2):
            short_name = True
        long_m = None
        before_end = am.start()  # len(text[: am.start()].rstrip(" \u00a0")), without the copy
        while before_end > 0 and text[before_end - 1] in " \u00a0":
            before_end -= 1
        if short_name:
            long_m = ends.get(before_end) if before_end < am.start() else None
            if long_m is None or long_m.label not in ("ORG", "PRODUCT"):
                continue
            long_text = text[long_m.start : long_m.end]
            if acr not in long_text.split()[1:] and not syllabic_short_form(acr, long_text, gaz):
                continue
        elif before_end < am.start():
            long_m = ends.get(before_end)
            if long_m is not None and long_m.label == "LOC" and acr[0].lower() != text[long_m.start].lower():
                # a place name right before the brackets is not what they abbreviate when the
                # initial differs: it ends a longer name (Kawasan Industri Indonesia (HKI))
                continue
            if long_m is None:
                long_m = initials_mention(text, before_end, acr, gaz)
                if long_m is not None and not gaz.has_org_head(text[long_m.start : long_m.end]):
                    long_m = None
                if long_m is not None and free(long_m.start, long_m.end):
                    add(long_m)
                else:
                    long_m = None
        if long_m is None:
            continue
        if long_m.label == "PER":
            # a person's initials (Susilo Bambang Yudhoyono (SBY)): their letters, in order
            words = [w for w in text[long_m.start : long_m.end].split() if w.lower() not in gaz.particles]
            if short_name or "".join(w[0] for w in words).upper() != acr.upper():
                continue
        elif long_m.label not in ("ORG", "LOC", "EVENT", "PRODUCT", "MISC"):
            continue
        s, e = am.start(1), am.end(1)
        inner = starts.get(s)
        if inner is not None and inner.end == e:
            if inner.entry is not None and inner.label != long_m.label:
                # a known name of another kind abbreviates the end of the long form, not all of
                # it: Angkatan Laut Amerika Serikat (AS) is the navy, AS the country
                continue
            inner.link = long_m
            if inner.entry is None:
                inner.label = long_m.label  # the model's Gaikindo PER is the long form's ORG
        elif free(s, e):
            add(Mention(s, e, long_m.label, "rule", SCORE_RULE, PRIO_RULE, long_m.entry, link=long_m))
        if not (short_name and name_key(acr) in gaz.common):
            # later mentions; an ordinary word (pintu) only in brackets
            acr_links.setdefault(acr, []).append(long_m)
    for acr, defs in acr_links.items():
        # each occurrence links to the nearest definition before it: an acronym defined again
        # (a repeated paragraph, a recap) keeps the mentions between the two definitions
        k = 0
        for a, b in word_spans(text, acr, defs[0].start):
            while k + 1 < len(defs) and defs[k + 1].start <= a:
                k += 1
            long_m = defs[k]
            inner = starts.get(a)
            if inner is not None and inner.end == b:
                if inner.link is None:
                    inner.link = long_m
            elif free(a, b):
                add(Mention(a, b, long_m.label, "rule", SCORE_RULE, PRIO_RULE, long_m.entry, link=long_m))


def initials_mention(text: str, end: int, acr: str, gaz: Gazetteer) -> Mention | None:
    """An ORG mention for the capitalised words before ``end`` whose initials spell ``acr``."""
    lo = max(0, end - _LOOKBACK)
    lo += breaks_as_newlines(text[lo:end]).rfind("\n") + 1  # the long form stays on its line
    head = text[lo:end]
    words = list(re.finditer(r"[\w'’-]+", head))
    target = acr.upper()
    letters: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k].group()
        if w.lower() in gaz.particles:
            continue
        if not w[0].isupper():
            break
        letters.insert(0, w[0])
        got = "".join(letters)
        if got == target:
            s = lo + words[k].start()
            return Mention(s, end, "ORG", "rule", SCORE_RULE, PRIO_RULE)
        if not target.endswith(got):
            # allow acronyms built from syllables (Kemenkes): stop when initials stop matching
            break
    return None


def syllabic_short_form(short: str, name: str, gaz: Gazetteer) -> bool:
    """Whether ``short`` abbreviates ``name`` by its syllables (``Baleg`` for ``Badan Legislasi``,
    ``Disdikbud`` for ``Dinas Pendidikan dan Kebudayaan``): at least 4 letters, not an ordinary
    word, the same first letter, its letters in order among the name's, its last letters taken
    from the name's last word (``kes`` of ``Kesehatan``)."""
    letters = short.lower()
    if len(letters) < 4 or not letters.isalpha() or letters in gaz.common:
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    if len(words) < 2 or words[0][0] != letters[0]:
        return False
    flat = "".join(words)
    pos = 0
    for c in letters:
        pos = flat.find(c, pos) + 1
        if pos == 0:
            return False
    return pos > len(flat) - len(words[-1])  # the last letter falls in the last word
