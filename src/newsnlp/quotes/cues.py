"""Cue words: the reporting verbs, short forms, passives, ``menurut`` and nouns of saying of the
lexicon, found by looking each word of the text up in one table (a dictionary lookup per word,
linear in the text), with ``-nya`` split off and a long verb glued to the word before it by
scraping (``TNImenyatakan``) cut out."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .words import Word

__all__ = ["CueMatch", "cue_in_word", "find_cues", "glued_verb_length"]

_LETTERS = re.compile(r"[^\W\d_]{3,}")

#: The group names of a match, by kind: the cue word, and its ``-nya``.
_NYA_GROUP = {"menurut": "mnya", "post": "pnya", "passive": "pasnya"}


class CueMatch:
    """One cue in the text, read like a regular-expression match of the cue lexicon: its kind is
    ``lastgroup`` (``menurut``, ``active``, ``post``, ``passive``, ``noun``), ``group(kind)`` the
    whole word, ``group("pnya")`` (``mnya``, ``pasnya``) its clitic ``nya`` or ``None``, and
    ``start``/``end`` the offsets of either."""

    __slots__ = ("_end", "_nya", "_start", "_text", "lastgroup")

    def __init__(self, start: int, end: int, kind: str, text: str, nya: bool) -> None:
        self._start, self._end, self.lastgroup, self._text, self._nya = start, end, kind, text, nya

    def _is_nya(self, group: str | int) -> bool:
        return group == _NYA_GROUP.get(self.lastgroup)

    def group(self, group: str | int = 0) -> str | None:
        if group in (0, self.lastgroup):
            return self._text
        if self._is_nya(group):
            return self._text[-3:] if self._nya else None
        return None

    def start(self, group: str | int = 0) -> int:
        if self._is_nya(group):
            return self._end - 3 if self._nya else -1
        return self._start

    def end(self, group: str | int = 0) -> int:
        if self._is_nya(group):
            return self._end if self._nya else -1
        return self._end


def find_cues(lex: Lexicon, text: str, capitals: dict[str, list[int]] | None = None) -> list[CueMatch]:
    """Every cue word of ``text``, in order (one dictionary lookup per run of letters); the
    starts of the capitalised words are added to ``capitals`` by their lower-case form."""
    out = []
    forms = lex.cue_forms
    for m in _LETTERS.finditer(text):
        w = m.group()
        low = w.lower()
        if capitals is not None and w[0].isupper():
            capitals.setdefault(low, []).append(m.start())
        form = forms.get(low)
        if form is not None:
            out.append(CueMatch(m.start(), m.end(), form[0], w, form[1]))
        elif len(w) > 9 and w != low:
            length = glued_verb_length(lex, w)
            if length:
                out.append(CueMatch(m.end() - length, m.end(), "active", w[-length:], False))
    return out


def cue_in_word(lex: Lexicon, w: Word) -> CueMatch | None:
    """The cue a word is (or ends with, for a verb glued to the word before it), or ``None``."""
    form = lex.cue_forms.get(w.low)
    if form is not None:
        kind, nya = form
        return CueMatch(w.start, w.end, kind, w.text, nya)
    length = glued_verb_length(lex, w.text)
    if length:
        return CueMatch(w.end - length, w.end, "active", w.text[-length:], False)
    return None


def glued_verb_length(lex: Lexicon, word: str) -> int:
    """Length of a long reporting verb glued at the end of ``word`` by scraping
    (``TNImenyatakan`` -> 10), or 0."""
    n = len(word)
    if n > 9 and word.isalpha():
        low = word.lower()
        for length in lex.glued_lengths:
            if length + 2 <= n and low[-length:] in lex.glued_verbs:
                return length
    return 0
