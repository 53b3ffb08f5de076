"""Tidying the model's spans before the merge (docs/entities.md, step 0).

:func:`clean_model_span` cuts a model span to the name it holds (brackets, lower-case edge words,
headline words, titles) or refuses it. (Language names, ``bahasa Inggris``, are
:mod:`newsnlp.entities.rules.languages`.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .candidates import trim_punct
from .gazetteer import Gazetteer
from .mention import Mention
from .resources import RULES
from .textutil import Pieces, breaks_as_newlines, has_line_break, name_key, pieces
from .titles import strip_title, title_before

__all__ = ["GazIndex", "clean_model_span", "headline_line"]

#: Persons' names of the gazetteer a one-word ordinary word must be part of to stay a person.
_PERSON_WORD_NAMES: int = RULES["ordinary_person_word_names"]

_ACRONYM = re.compile(r"[A-Z]{3,}")
#: An academic degree written after a name and a comma (``S.H``, ``M.Psi``, ``Ph.D``).
_DEGREE = re.compile(r"[A-Z][A-Za-z]{0,3}(?:\.[A-Za-z]{1,4})+\.?")
#: A passive verb (``Diakui``, ``Dikatakan``) opening a sentence before a name: not the name.
_PASSIVE = re.compile(rf"{RULES['passive_prefix'].capitalize()}[a-z]{{3,}}")
#: Lower-case name particles that may stand at the edge of a name (``bin``, ``van``, ``de``).
_LOWER_EDGE_OK = frozenset(RULES["lower_edge_words"])
#: Apostrophes written inside a name (``Ma’ruf``, ``Mu'ti``, ``Jum'at``).
_APOSTROPHES = frozenset("'’`´")
_HEADLINE = RULES["headline"]
#: Longest line (characters) taken for a headline by :func:`headline_line`.
HEADLINE_MAX: int = _HEADLINE["max_chars"]
HEADLINE_MIN_WORDS: int = _HEADLINE["min_words"]
HEADLINE_CAPITALISED: float = _HEADLINE["capitalised_share"]


class GazIndex:
    """Gazetteer candidates indexed by span and by start, for :func:`clean_model_span`."""

    __slots__ = ("_by_start",)

    def __init__(self, cands: list[Mention]) -> None:
        # a start holds one mention (most) or a list of them: no list per mention
        by_start: dict[int, Mention | list[Mention]] = {}
        for g in cands:
            got = by_start.get(g.start)
            if got is None:
                by_start[g.start] = g
            elif isinstance(got, list):
                got.append(g)
            else:
                by_start[g.start] = [got, g]
        self._by_start = by_start

    def at(self, start: int) -> Sequence[Mention]:
        """The candidates that start at ``start``, in their order."""
        got = self._by_start.get(start)
        if got is None:
            return ()
        return got if isinstance(got, list) else (got,)

    def has(self, start: int, end: int) -> bool:
        """Whether a candidate spans exactly ``[start, end)``."""
        return any(g.end == end for g in self.at(start))


def clean_model_span(text: str, m: Mention, gaz: Gazetteer, gaz_cands: list[Mention] | GazIndex) -> bool:
    """Tidy a model span; ``False`` when nothing name-like is left (docs/entities.md, step 0).

    * an unbalanced ``(`` cuts the span before it (``Komisi Yudisial (KY``), an unbalanced ``)``
      starts it after (``RUPST) PT Sarana``);
    * lower-case words at either edge go (``citra Angel Lelga``, ``Ani cocok``; glued words are
      cut at their camel-case boundary: ``disapaBro`` -> ``Bro``);
    * academic degrees after a name and a comma (``S.H``, ``M.Psi``) are dropped; a passive verb
      opening the sentence leaves a PER span (``Diakui Asroni`` -> ``Asroni``);
    * a single ordinary word (``Begini``, ``Jadwal``: in the common-word list), unless the model
      calls it a person inside a sentence (``yaitu Ari, Derry``), or a span made of titles only
      (``CEO``) is dropped;
    * in a headline, capitalised ordinary words after a name of 3+ words go (``Siti Nurjanah Sidang``),
      anywhere when a period is before them (``Fighter X. Konsumen``);
    * titles at the start of a PER span move to ``title``;
    * a PER span after a title that starts with a known place or organisation loses it
      (``Presiden [Perancis Jacques Chirac]`` -> ``Jacques Chirac``, title ``Presiden Perancis``).
    """
    index = gaz_cands if isinstance(gaz_cands, GazIndex) else GazIndex(gaz_cands)
    span = text[m.start : m.end]
    if has_line_break(span):
        # a span across a line break (any of newsnlp.lines): keep its longest line
        # (BBC INDONESIA)\n\nPihaknya)
        best = None
        off = 0
        for line in breaks_as_newlines(span).split("\n"):
            stripped = line.strip()
            if stripped and (best is None or len(stripped.split()) > len(best[2].split())):
                best = (m.start + off + line.index(stripped[0]), 0, stripped)
            off += len(line) + 1
        if best is None:
            return False
        m.start = best[0]
        m.end = best[0] + len(best[2])
        trim_punct(text, m)
        span = text[m.start : m.end]
    if name_key(span) in gaz.not_entities:
        return False
    if span.count("(") > span.count(")"):
        cut = span.rfind("(")
        m.end = m.start + len(span[:cut].rstrip(" \u00a0"))
    elif span.count(")") > span.count("("):
        # an unbalanced ``)`` starts the span after it (``RUPST) PT Sarana`` -> ``PT Sarana``)
        cut = span.find(")") + 1
        rest = span[cut:]
        m.start += cut + len(rest) - len(rest.lstrip(" \u00a0"))
        if m.start >= m.end:
            return False
    ps = pieces(text[m.start : m.end])
    if not ps:
        return False
    base = m.start
    seg = text[m.start : m.end]
    i, j = 0, len(ps)
    while i < j and _lower_word(seg, ps, i):
        i += 1
    while j > i and _lower_word(seg, ps, j - 1):
        j -= 1
    if i >= j:
        return False
    m.start, m.end = base + ps.starts[i], base + ps.ends[j - 1]
    if not any(c.isupper() or c.isdigit() for c in text[m.start : m.end]):
        return False
    words = text[m.start : m.end].split()
    if _DEGREE.fullmatch(text, m.start, m.end) and text[: m.start].rstrip(" \u00a0").endswith(","):
        return False  # Anna Vanani, [S.Psi]., [M.Psi].: degrees, not names
    if (
        m.label == "PER"
        and len(words) >= 2
        and _PASSIVE.fullmatch(words[0])
        and name_key(words[0]) in gaz.common
        and _sentence_start(text, m.start)
    ):
        # Diakui Asroni, ...: the passive cue opens the sentence, the name follows it
        rest = text[m.start + len(words[0]) : m.end]
        m.start = m.end - len(rest.lstrip(" \u00a0"))
        words = words[1:]
    if (
        len(words) == 1
        and name_key(words[0]) in gaz.common
        and not (
            m.label == "PER"
            and len(words[0]) > 1
            and words[0].istitle()
            and _inside_sentence(text, m.start, m.end)
            and (m.evidence or gaz.person_word_count(words[0]) >= _PERSON_WORD_NAMES)
        )
    ):
        # a capitalised ordinary word (Begini, Jadwal); the gazetteer knows the rest. Inside a
        # sentence, a word the model calls a person is a name when persons are called so (yaitu
        # Ari, Derry; menemui Jack) or its position says so (kata Teguh), not a unit, a noun or a
        # source the model took for one (kilo Watt, penjahat Zionis, dilansir dari Crash)
        return False
    if all(w.lower() in gaz.title_set for w in words):
        return False  # a title or role alone (CEO, Presiden) is not a name
    if m.label == "PER" and len(words) >= 2 and gaz.starts_with_place_head(text[m.start : m.end]):
        m.label = "LOC"  # Desa Sukamaju, Jl Sudirman, Bandara Juanda, Pantai Kuta: a place
    if m.label == "PER" and len(words) >= 3 and not index.has(m.start, m.end):
        # a headline-cased word after a name (Siti Nurjanah Sidang) or the next sentence's first
        # word (Fighter X. Konsumen); in running text a capitalised word after a name is the
        # name's own (Djaka Budi Utama, Anggara Pratama Putra)
        headline = None
        while len(words) > 2 and words[-1].isalpha() and name_key(words[-1]) in gaz.common:
            cut = m.start + text[m.start : m.end].rstrip().rfind(words[-1])
            after_period = text[m.start : cut].rstrip(" \u00a0").endswith(".")
            if not after_period:
                if headline is None:
                    headline = headline_line(text, m.start, m.end)
                if not headline:
                    break
            m.end = m.start + len(text[m.start : cut].rstrip(" \u00a0"))
            words.pop()
    if len(words) >= 2 and not index.has(m.start, m.end) and headline_line(text, m.start, m.end):
        # a known name followed by headline-cased ordinary words (Microsoft Diskusi dengan ...)
        for g in index.at(m.start):
            rest = text[g.end : m.end].split()
            if g.end < m.end and rest and all(w.isalpha() and name_key(w) in gaz.common for w in rest):
                m.end = g.end
                m.label = g.label
                break
    strip_title(text, m, gaz)
    before = m.start
    while before > 0 and text[before - 1] in " \u00a0":
        before -= 1
    if m.label == "PER" and title_before(text, before, gaz.titles):
        for g in index.at(m.start):
            if g.end < m.end and g.label in ("LOC", "ORG"):
                rest = text[g.end : m.end]
                if rest[:1] in (" ", "\u00a0") and rest.strip()[:1].isupper():
                    m.start = m.end - len(rest.lstrip(" \u00a0"))
                break
    if m.label == "PER" and m.start < m.end:
        span = text[m.start : m.end]
        if any(c.isdigit() for c in span):
            return False  # no personal name holds a digit (Covid-19, MERS-CoV 2)
        if _ACRONYM.fullmatch(span):
            entry = gaz.lookup(span)
            if entry is None or gaz.labels[entry] != "PER":
                # an acronym the model alone calls a person is an organisation or a stock
                # ticker (SMIL, LSIP, YLBHI); persons known by initials (SBY) are in the gazetteer
                m.label = "ORG"
    return m.start < m.end


def headline_line(text: str, start: int, end: int) -> bool:
    """Whether the line around ``text[start:end]`` is a headline in Title Case: at most
    ``HEADLINE_MAX`` characters, 4+ words, and 70 % or more of its words capitalised."""
    lo = max(0, start - HEADLINE_MAX)
    window = breaks_as_newlines(text[lo : end + HEADLINE_MAX])
    a = window.rfind("\n", 0, start - lo)
    a = a + lo if a >= 0 else -1
    if a < 0 and start > HEADLINE_MAX:
        return False
    b = window.find("\n", end - lo)
    b = b + lo if b >= 0 else -1
    if b < 0:
        if len(text) - end > HEADLINE_MAX:
            return False
        b = len(text)
    words = [w for w in text[a + 1 : b].split() if w[:1].isalpha()]
    if len(words) < HEADLINE_MIN_WORDS or b - a > HEADLINE_MAX:
        return False
    return sum(w[:1].isupper() for w in words) >= HEADLINE_CAPITALISED * len(words)


def _sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence or a line (after ``.``, ``!``, ``?``, a closing quote)."""
    before = text[max(0, pos - 3) : pos].rstrip(" \u00a0")
    return not before or before[-1] in '.!?"\u201d' or has_line_break(before[-1])


def _inside_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` stands inside a sentence of running text: not at its start (nor
    after an opening bracket or a dateline's dash) and not on a headline line."""
    before = text[max(0, start - 3) : start].rstrip(" \u00a0")
    if before.endswith(("(", "-", "\u2013", "\u2014")) or _sentence_start(text, start):
        return False
    return not headline_line(text, start, end)


def _lower_word(seg: str, ps: Pieces, k: int) -> bool:
    w = seg[ps.starts[k] : ps.ends[k]]
    if k >= 2 and _glued_apostrophe(seg, ps, k):
        return False  # the rest of one word after an apostrophe (Ma'ruf, Mu'ti), not a word of its own
    return w[0].islower() and w.isalpha() and w not in _LOWER_EDGE_OK


def _glued_apostrophe(seg: str, ps: Pieces, k: int) -> bool:
    """Whether piece ``k`` follows an apostrophe written inside one word (``Ma|’|ruf``)."""
    starts, ends = ps.starts, ps.ends
    return (
        seg[starts[k - 1] : ends[k - 1]] in _APOSTROPHES
        and ends[k - 2] == starts[k - 1]
        and ends[k - 1] == starts[k]
        and seg[starts[k - 2]].isalpha()
    )
