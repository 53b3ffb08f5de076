"""Organisations whose name holds a place are kept whole: an organisation head (``Pemprov``,
``Polda``, ``Bank``, ``Universitas``: ``org_place_prefixes`` in ``data/entities/rules.json`` and the
gazetteer's organisation heads) right before a place mention makes one ORG (``Pemprov Jawa Barat``,
``Bank DKI``), not the place alone. Well-known companies named after a country (``Garuda
Indonesia``, ``Pos Indonesia``) are curated gazetteer names. An organisation mention followed
by a country's name is the organisation's branch in that country, one ORG (``Xpeng Indonesia``,
``PKB Indonesia``), not the organisation and a place. An organisation head followed by
capitalised ordinary words and then a place mention is one ORG over all of it (``Kejaksaan
Tinggi Sulawesi Selatan``, ``Bursa Efek New York``): the body of that place, not the place alone;
``Partai`` and ``Universitas`` join the organisation right after them (``Partai PSI``)."""

from __future__ import annotations

import re

from ..cleanup import headline_line
from ..gazetteer import Gazetteer
from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES, phrase_alternatives
from ..textutil import norm

__all__ = [
    "extend_org_conjunctions",
    "join_org_countries",
    "join_org_places",
    "join_org_units",
    "strong_org_head",
]

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


#: A capitalised word right before a position, separated by spaces only.
_WORD_BEFORE = re.compile(r"(?<![\w.-])([A-Z][a-z]+)[ \u00a0]+\Z")
_UNITS = RULES["org_units"]
#: Heads that make one ORG with the organisation mention right after them (``Partai PSI``).
_UNIT_HEADS = frozenset(norm(w) for w in _UNITS["heads"])
#: Organisation heads that also name buildings, places or generic groups (``Kantor``, ``Pusat``,
#: ``Sekolah``, ``Panitia``): read as ordinary words, never as the head of a unit.
_WEAK_HEADS = frozenset(norm(w) for w in _UNITS["weak_heads"])
#: At most this many ordinary words between the head and the place.
_UNIT_GAP: int = _UNITS["gap_words"]


def strong_org_head(word: str, gaz: Gazetteer) -> bool:
    """Whether ``word`` opens the name of a body (``Badan``, ``Dinas``, ``Kejaksaan``), not a
    building or a generic group (``Kantor``, ``Pusat``: ``org_units.weak_heads``)."""
    key = norm(word)
    return key in gaz.org_heads and key not in _WEAK_HEADS


def join_org_units(text: str, chosen: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Replace a LOC mention preceded by an organisation head and capitalised ordinary words
    (``Kejaksaan Tinggi [Sulawesi Selatan]``, ``Bursa Efek [New York]``), or an ORG mention
    preceded by a unit head alone (``Partai [PSI]``), with one ORG over all.

    The words between must be ordinary words of the gazetteer's common-word list in Title Case,
    no title or role word (``Kantor Gubernur Jawa Barat`` is the governor's office, left alone),
    and no mention may cover them; only spaces separate the words. A body and the organisation
    after it stay apart (``Dewan Pakar [Partai Golkar]``: idner-news-2k labels the party alone)."""
    out: list[Mention] = []
    for m in chosen:
        if m.label not in ("LOC", "ORG") or m.fixed:
            out.append(m)
            continue
        floor = out[-1].end if out else 0
        start = None
        if m.label == "ORG":
            wm = _WORD_BEFORE.search(text, max(floor, m.start - 40), m.start)
            if wm is not None and norm(wm.group(1)) in _UNIT_HEADS:
                start = wm.start(1)
        else:
            pos, gap = m.start, 0
            while pos > floor:
                wm = _WORD_BEFORE.search(text, max(floor, pos - 40), pos)
                if wm is None:
                    break
                key = norm(wm.group(1))
                if key in gaz.title_set:
                    break
                if gap and strong_org_head(key, gaz):
                    start = wm.start(1)
                    break
                if key not in gaz.common or gap >= _UNIT_GAP:
                    break
                gap += 1
                pos = wm.start(1)
        if start is None:
            out.append(m)  # a head right before a place: join_org_places' business
            continue
        out.append(Mention(start, m.end, "ORG", "rule", SCORE_RULE, PRIO_RULE))
    return out


#: ``dan`` and 1-4 capitalised words or acronyms right after an organisation mention.
_AND_TAIL = re.compile(r"[ \u00a0](?:dan|&)[ \u00a0]((?:[A-Z][\w-]*)(?:[ \u00a0][A-Z][\w-]*){0,3})(?![\w-])")


def extend_org_conjunctions(text: str, chosen: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Extend an ORG mention that opens with an organisation head over ``dan`` and the capitalised
    words after it (``Kementerian Koperasi [dan UKM]``, ``Kementerian Perumahan [dan Kawasan
    Permukiman]``: ministries and agencies named after two fields). Not over a person, a name the
    gazetteer links, another organisation or place head (``Kejaksaan Tinggi dan Kejaksaan Negeri``
    are two bodies), nor on a Title Case headline; mentions the model made inside the words are
    absorbed."""
    out: list[Mention] = []
    k, n = 0, len(chosen)
    while k < n:
        m = chosen[k]
        k += 1
        out.append(m)
        if m.label != "ORG" or m.fixed or not gaz.has_org_head(text[m.start : m.end]):
            continue
        tail = _AND_TAIL.match(text, m.end)
        if tail is None:
            continue
        words = tail.group(1).split()
        first = norm(words[0])
        if first in gaz.org_heads or first in gaz.title_heads:
            continue  # two bodies (Kejaksaan Tinggi dan Kejaksaan Negeri)
        if first in gaz.place_heads and not strong_org_head(text[m.start : m.end].split()[0], gaz):
            continue  # a building and a place (Rumah Sakit Kusta dan Gereja ...); a ministry's
            # second field may start like a place (Kementerian Perumahan dan Kawasan Permukiman)
        if headline_line(text, m.start, tail.end(1)):
            continue  # a Title Case headline: the words after dan are its own (... dan Kembangkan)
        end = tail.end(1)
        inside = []
        j = k
        while j < n and chosen[j].start < end:
            inside.append(chosen[j])
            j += 1
        if any(x.end > end or x.fixed or x.label == "PER" or x.entry is not None for x in inside):
            continue
        out[-1] = Mention(m.start, end, "ORG", "rule", SCORE_RULE, PRIO_RULE)
        k = j  # the mentions inside the words are absorbed
    return out
