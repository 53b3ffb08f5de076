"""Cue words: the reporting verbs, short forms, passives, ``menurut`` and nouns of saying of the
lexicon, found by looking each word of the text up in one table (a dictionary lookup per word,
linear in the text), with ``-nya`` split off and a long verb glued to the word before it by
scraping (``TNImenyatakan``) cut out."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .words import GLUE_RE, Word

__all__ = ["CueMatch", "capital_words", "cue_in_word", "find_cues", "glued_verb_length", "runs_at"]

_LETTERS = re.compile(r"[^\W\d_]{3,}")
_LETTER = re.compile(r"[^\W\d_]")

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


def find_cues(lex: Lexicon, text: str) -> list[CueMatch]:
    """Every cue word of ``text``, in order: the distinct runs of letters are looked up in the cue
    table, and only the runs found there are located in the text (most words of an article are
    no cue, so the text is read by the regular-expression engine, not word by word in Python)."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: read word by word
        return _find_cues_by_word(lex, text)
    forms = lex.cue_forms
    found: list[tuple[int, str, tuple[str, bool] | None]] = []
    for run in set(_LETTERS.findall(low)):
        form = forms.get(run)
        if form is not None:
            found.extend((pos, run, form) for pos in runs_at(low, run))
        elif len(run) > 9:
            length = glued_verb_length(lex, run)
            if length:
                for pos in runs_at(low, run):
                    if text[pos : pos + len(run)] != run:  # a capital: glued by scraping
                        found.append((pos, run, None))
    out = []
    found.sort(key=lambda f: f[0])
    surfaces: dict[str, str] = {}  # cues of the same spelling share their string
    for pos, run, form in found:
        end = pos + len(run)
        if form is None:
            length = glued_verb_length(lex, run)
            out.append(CueMatch(end - length, end, "active", text[end - length : end], False))
        else:
            surface = text[pos:end]
            out.append(CueMatch(pos, end, form[0], surfaces.setdefault(surface, surface), form[1]))
    return out


def runs_at(
    low: str, run: str, start: int = 0, end: int | None = None, glued: str | None = None
) -> list[int]:
    """Starts of ``run`` in ``low[start:end]`` as a whole run of letters; with ``glued`` (the text
    ``low`` is the lower case of), also where it starts a word glued to the one before it by
    scraping (``GerindraHashim``)."""
    out = []
    n = len(run)
    end = len(low) if end is None else end
    pos = low.find(run, start, end + n)
    while 0 <= pos < end:
        if not _LETTER.match(low, pos + n) and (
            pos == 0 or not _LETTER.match(low, pos - 1) or (glued is not None and GLUE_RE.match(glued, pos))
        ):
            out.append(pos)
        pos = low.find(run, pos + 1, end + n)
    return out


def _find_cues_by_word(lex: Lexicon, text: str) -> list[CueMatch]:
    out = []
    forms = lex.cue_forms
    for m in _LETTERS.finditer(text):
        w = m.group()
        low = w.lower()
        form = forms.get(low)
        if form is not None:
            out.append(CueMatch(m.start(), m.end(), form[0], w, form[1]))
        elif len(w) > 9 and w != low:
            length = glued_verb_length(lex, w)
            if length:
                out.append(CueMatch(m.end() - length, m.end(), "active", w[-length:], False))
    return out


def capital_words(text: str) -> dict[str, list[int]]:
    """Starts of the runs of letters written with a capital (and of the words glued to them by
    scraping: ``GerindraHashim``), by their lower-case form."""
    out: dict[str, list[int]] = {}
    for m in _LETTERS.finditer(text):
        w = m.group()
        if w[0].isupper():
            out.setdefault(w.lower(), []).append(m.start())
        if not w[1:].islower() and not w.isupper():  # a word glued to it: GerindraHashim
            pos = m.start()
            for part in GLUE_RE.split(w):
                if pos > m.start() and len(part) >= 3:
                    out.setdefault(part.lower(), []).append(pos)
                pos += len(part)
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
    if n > 9 and word[-3:].lower() in lex.glued_endings and word.isalpha():
        low = word.lower()
        for length in lex.glued_lengths:
            if length + 2 <= n and low[-length:] in lex.glued_verbs:
                return length
    return 0
