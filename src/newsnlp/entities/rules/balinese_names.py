"""Balinese names: ``I`` (men) or ``Ni`` (women) before a birth-order or caste name (``Wayan``,
``Made``, ``Nyoman``, ``Ketut``, ``Putu``, ``Gusti``, ``Luh`` ...: ``balinese_names`` in
``data/entities/rules.json``) opens a person's name. The model often leaves the one-letter word
out or puts it into the role before it (``Marsekal Pertama TNI I [Nyoman Suadnyana]``, title
``... TNI I``; ``Gubernur Bali I [Wayan Koster]``), cuts the name in two (``[I Ketut] [Sunadra]``),
or labels it a place or an organisation (``Ketua Bawaslu Bali I Ketut [Rudia]`` LOC, ``[Ni Luh
Djelantik]`` ORG).

The rule makes the name one PER mention: the prefix, the name words of the list after it, then
the capitalised words that follow (no ordinary word, title, acronym or word the gazetteer knows as
a place or an organisation), or as far as a model mention there reaches over capitalised words
(``[Ni Luh Putu Sari]`` ORG: ``Sari`` is also an ordinary word). Model
mentions inside it give way, one that runs into it from the left (``[TNI I]``, ``[Formappi I Made
Leo Wiratma]``) is cut before it. A place named after a person is left alone: a mention opening
with a place head that holds the prefix (``Bandara I Gusti Ngurah Rai``), or a word of such a
place among the three words before it (``Bandara Internasional I Gusti Ngurah Rai``, ``Stadion
Kapten I Wayan Dipta``: ``balinese_names.place_heads``; administrative heads are not among them,
``Kepala Desa I Ketut Arsana`` is a person). Mentions the user gave are never changed.
"""

from __future__ import annotations

import re

from ...lines import line_start
from ..gazetteer import Gazetteer
from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES
from ..textutil import has_line_break, norm

__all__ = ["join_balinese_names"]

_DATA = RULES["balinese_names"]
_PREFIXES: list[str] = _DATA["prefixes"]
_WORDS: frozenset[str] = frozenset(_DATA["words"])
#: Words of a place named after a person before its name (``Bandara``, ``Stadion Kapten``).
_PLACE_WORDS: frozenset[str] = frozenset(w for p in _DATA["place_heads"] for w in p.split())
_PREFIX = re.compile(
    r"(?<![\w.'’-])(?:"
    + "|".join(map(re.escape, _PREFIXES))
    + r")[ \u00a0]+(?=("
    + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
    + r")(?![\w'’-]))"
)
_WORD = re.compile(r"[\w'’-]+")
_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Z][\w'’-]*)(?![\w'’-])")
#: Most words of a name after the prefix.
_MAX_WORDS = 6
#: Words before the prefix searched for a place head (a place named after the person).
_HEAD_WORDS = 3
_HEAD_CHARS = 80


def join_balinese_names(text: str, chosen: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The mentions with every Balinese name written as one PER mention (module docstring)."""
    if not any(f"{p} " in text or f"{p}\u00a0" in text for p in _PREFIXES):
        return chosen
    out = chosen
    for pm in _PREFIX.finditer(text):
        s = pm.start()
        end = _name_end(text, pm.end(), gaz)
        if end is None or _place_before(text, s):
            continue
        inside = [m for m in out if m.start < end and m.end > s]
        if any(m.fixed for m in inside) or any(
            m.start < s and gaz.starts_with_place_head(text[m.start : m.end]) for m in inside
        ):
            continue
        person = None
        for m in inside:
            if m.source == "model" and m.end > end and _name_words(text, end, m.end, gaz):
                end = m.end  # I Gusti Ngurah [Rai Wahyudi], [Ni Luh Putu Sari]: the model reaches further
        keep: list[Mention] = []
        for m in out:
            if not (m.start < end and m.end > s):
                keep.append(m)
            elif m.start < s:
                cut = s
                while cut > m.start and text[cut - 1] in " \u00a0":
                    cut -= 1
                if cut > m.start and any(c.isupper() for c in text[m.start : cut]):
                    m.end = cut  # [TNI I] -> TNI: the organisation before the name
                    keep.append(m)
            elif person is None and m.label == "PER" and m.source in ("model", "both"):
                person = m
        if person is None:
            person = Mention(s, end, "PER", "rule", SCORE_RULE, PRIO_RULE)
        person.start, person.end, person.label = s, end, "PER"
        person.entry = person.link = None
        person.evidence = True
        keep.append(person)
        out = sorted(keep, key=lambda m: m.start)
    return out


def _name_end(text: str, pos: int, gaz: Gazetteer) -> int | None:
    """End of the name whose first word after the prefix starts at ``pos``: the list's words, then
    capitalised name words (module docstring); ``None`` when a line break comes first."""
    m = _WORD.match(text, pos)
    if m is None:
        return None
    end = m.end()
    n = 1
    while n < _MAX_WORDS:
        nxt = _NEXT_WORD.match(text, end)
        if nxt is None:
            break
        w = nxt.group(1)
        if w not in _WORDS:
            key = norm(w)
            if (w.isupper() and len(w) > 1) or key in gaz.common or key in gaz.title_set:
                break
            entry = gaz.lookup(w)
            if entry is not None and gaz.labels[entry] != "PER":
                break
        end = nxt.end(1)
        n += 1
    return end


def _name_words(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """Whether ``text[start:end]`` (on one line) holds only capitalised words, none a title or an
    acronym (a word the article writes as a name may be an ordinary word: ``Sari``, ``Putra``)."""
    words = text[start:end].split()
    return (
        bool(words)
        and all(
            w[:1].isupper() and not (w.isupper() and len(w) > 1) and norm(w) not in gaz.title_set
            for w in words
        )
        and not has_line_break(text[start:end])
    )


def _place_before(text: str, s: int) -> bool:
    """Whether one of the few words before ``s`` on its line is a word of a place named after a
    person (``Bandara``, ``Stadion Kapten``: ``place_heads``)."""
    lo = max(0, s - _HEAD_CHARS)
    before = text[lo:s]
    words = before[line_start(before, len(before)) :].split()[-_HEAD_WORDS:]
    return any(w in _PLACE_WORDS for w in words)
