"""Misspelled variants of a name inside one article: ``Satya Nadela`` joins ``Satya Nadella``,
``Microsft`` joins ``Microsoft``, with rapidfuzz, guarded so that different people with similar
names stay apart (``Joko Widodo`` / ``Joko Susilo``).

Mentions are compared only within a block (the same label family and first letter, lengths within
two characters), with the gazetteer's fuzzy thresholds (``fuzzy.cutoffs``); persons must have the
same number of words, all equal but one, and that one a near spelling of the other
(``fuzzy.article_word_cutoff``) of five or more letters. Two mentions linked to different gazetteer
entries are never joined.
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz

from .gazetteer import FUZZY_CUTOFFS, FUZZY_MIN_LEN, Gazetteer, is_derived
from .mention import Mention
from .resources import RULES
from .textutil import name_key

__all__ = ["join_variants", "same_person_spelling"]

WORD_CUTOFF: float = RULES["fuzzy"]["article_word_cutoff"]
_FAMILY = {"PER": "PER", "LOC": "LOC", "ORG": "NAME", "PRODUCT": "NAME", "EVENT": "NAME", "MISC": "NAME"}


def same_person_spelling(a: str, b: str) -> bool:
    """Whether two person names are one name spelled two ways: the same words but one, which is a
    near spelling (one or two edits) of the other, starts with the same letter and has 5+ letters."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    diff = [(x, y) for x, y in zip(wa, wb) if x.lower() != y.lower()]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if x[0].lower() != y[0].lower() or min(len(x), len(y)) < 5:
        return False
    return fuzz.ratio(x.lower(), y.lower()) >= WORD_CUTOFF


def join_variants(text: str, ms: list[Mention], gaz: Gazetteer, union: Callable[[int, int], None]) -> None:
    """Call ``union(i, j)`` for mentions ``i``, ``j`` that are spellings of one name."""
    first: dict[str, int] = {}  # key -> first mention with it
    blocks: dict[tuple[str, str], list[str]] = {}
    for i, m in enumerate(ms):
        key = name_key(text[m.start : m.end])
        if len(key) < FUZZY_MIN_LEN or key in first:
            continue
        first[key] = i
        blocks.setdefault((_FAMILY.get(m.label, "NAME"), key[0]), []).append(key)
    for (family, _), keys in blocks.items():
        if len(keys) < 2:
            continue
        for x in range(len(keys)):
            a = keys[x]
            cutoff = next(c for n, c in FUZZY_CUTOFFS if len(a) >= n)
            for y in range(x + 1, len(keys)):
                b = keys[y]
                if abs(len(a) - len(b)) > 2 or is_derived(a, b) or is_derived(b, a):
                    continue
                i, j = first[a], first[b]
                ei, ej = ms[i].entry, ms[j].entry
                if ei is not None and ej is not None and ei != ej:
                    continue
                if fuzz.ratio(a, b) < cutoff:
                    continue
                if family == "PER" and not same_person_spelling(
                    text[ms[i].start : ms[i].end], text[ms[j].start : ms[j].end]
                ):
                    continue
                union(i, j)
