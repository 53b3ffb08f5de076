"""Words: the words and punctuation characters of a stretch of text, with their offsets, as the
quotes stage reads them (scraped words glued together are cut where they meet)."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["GLUE_RE", "Word", "cut", "is_capitalised", "is_word", "words"]

_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|\S")
#: White space, then a word or one other character: the text read in consecutive pieces.
_GAP_WORD_RE = re.compile(r"(\s*)(" + _WORD_RE.pattern + ")")
#: Where scraped link text glued two words: ``SetiabudiKompol``, ``PSSIErick`` (parts of 3+ letters).
GLUE_RE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})")
#: A name glued to an affixed verb after it (``Setiawanmenanggapi``): the last such verb-looking end.
_GLUED_VERB_RE = re.compile(r"(?<=[a-z]{3})(?:me|ber|ter)[a-z]{5,}$")


class Word(NamedTuple):
    """A word (or one punctuation character) at ``[start, end)``; ``low`` is its matching form."""

    start: int
    end: int
    text: str
    low: str


_new = tuple.__new__  # builds a Word without the Python-level __new__ of NamedTuple (hot path)


#: Ranges up to this many characters are read with one ``findall``.
_BULK_CHARS = 20_000
#: Distinct words whose strings :func:`words` shares at once (then it starts afresh).
_FORMS = 50_000


def words(text: str, start: int, end: int, glued_end=None, forms: dict | None = None) -> list[Word]:
    """The words and punctuation characters of ``text[start:end]``, with their offsets; a word
    glued to the next one by scraping (``SetiabudiKompol``) is cut where they meet.

    ``glued_end``: a function giving the length of a known word glued at the end of a word
    (``TNImenyatakan`` -> 10), or 0; that word is cut off first. ``forms``: a dictionary (kept
    by the caller across calls) through which words of the same spelling share their ``text``
    and ``low`` strings (a long line of one repeated word holds two strings, not two a word)."""
    out: list[Word] = []
    append = out.append
    if forms is not None and len(forms) > _FORMS:
        forms.clear()
    pos = start
    # one findall (a gap of white space, a word) instead of a match object per word: the offsets
    # follow from the lengths, as the pieces cover the text without holes; a long range is read
    # match by match, so that its pieces are not all held at once
    if end - start <= _BULK_CHARS:
        found = _GAP_WORD_RE.findall(text, start, end)
    else:
        found = (m.groups() for m in _GAP_WORD_RE.finditer(text, start, end))
    for gap, w in found:
        a = pos + len(gap)
        n = len(w)
        pos = b = a + n
        # most words: nothing glued (a word of 9 letters or fewer is glued only where a capital
        # follows a letter: not in lower-case, upper-case or capitalised words)
        if n < 6 or (n <= 9 and (w.islower() or w.isupper() or w[1:].islower())):
            if forms is None:
                append(_new(Word, (a, b, w, w.lower())))
            else:
                f = forms.get(w)
                if f is None:
                    f = forms[w] = (w, w.lower())
                append(_new(Word, (a, b, f[0], f[1])))
            continue
        tail = glued_end(w) if glued_end is not None and n > 9 else 0
        if tail:
            out.extend(words(text, a, b - tail))
            append(Word(b - tail, b, w[-tail:], w[-tail:].lower()))
        elif not w.islower() and not w.isupper():
            parts = GLUE_RE.split(w)
            if len(parts[-1]) >= 10 and parts[-1][0].isupper():
                glued = list(_GLUED_VERB_RE.finditer(parts[-1]))
                g = glued[-1] if glued else None
                if g is not None and g.start() >= 4:
                    parts[-1:] = [parts[-1][: g.start()], parts[-1][g.start() :]]
            p = a
            for part in parts:
                append(_new(Word, (p, p + len(part), part, part.lower())))
                p += len(part)
        else:
            append(_new(Word, (a, b, w, w.lower())))
    return out


def cut(w: Word, start: int, end: int) -> Word:
    if w.start >= start and w.end <= end:
        return w
    a, b = max(w.start, start), min(w.end, end)
    t = w.text[a - w.start : b - w.start]
    return Word(a, b, t, t.lower())


def is_capitalised(word: str) -> bool:
    """A word written as a name: a capital letter or a digit first (``Budi``, ``KPK``, ``2025``)."""
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def is_word(word: Word) -> bool:
    """Letters or digits, not punctuation."""
    return word.text[0].isalnum()
