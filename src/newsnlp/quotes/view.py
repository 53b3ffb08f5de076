"""What the quotes stage reads of the record, indexed once per article: lines (``newsnlp.lines``),
sentences, entity mentions and segments, each looked up by offset with a binary search; and the
words of any stretch of text.

Every lookup is local (a binary search, or a scan bounded by a line or a few words), so that the
stage stays linear in the article's length.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..lines import LINE_BREAK_RE
from ..record import Article, Entity
from ..textnorm import fold

__all__ = ["ArticleView", "Word", "is_capitalised", "words"]

_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|\S")
#: Where scraped link text glued two words: ``SetiabudiKompol``, ``PSSIErick`` (parts of 3+ letters).
_GLUE_RE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})")
#: A name glued to an affixed verb after it (``Setiawanmenanggapi``): the last such verb-looking end.
_GLUED_VERB_RE = re.compile(r"(?<=[a-z]{3})(?:me|ber|ter)[a-z]{5,}$")


class Word(NamedTuple):
    """A word (or one punctuation character) at ``[start, end)``; ``low`` is its matching form."""

    start: int
    end: int
    text: str
    low: str


def words(text: str, start: int, end: int) -> list[Word]:
    """The words and punctuation characters of ``text[start:end]``, with their offsets; a word
    glued to the next one by scraping (``SetiabudiKompol``) is cut where they meet."""
    out = []
    for m in _WORD_RE.finditer(text, start, end):
        w = m.group()
        if len(w) >= 6 and not w.islower() and not w.isupper():
            parts = _GLUE_RE.split(w)
            if len(parts[-1]) >= 10 and parts[-1][0].isupper():
                g = None
                for g in _GLUED_VERB_RE.finditer(parts[-1]):
                    pass
                if g is not None and g.start() >= 4:
                    parts[-1:] = [parts[-1][: g.start()], parts[-1][g.start() :]]
            pos = m.start()
            for part in parts:
                out.append(Word(pos, pos + len(part), part, part.lower()))
                pos += len(part)
        else:
            out.append(Word(m.start(), m.end(), w, w.lower()))
    return out


def is_capitalised(word: str) -> bool:
    """A word written as a name: a capital letter or a digit first (``Budi``, ``KPK``, ``2025``)."""
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def is_word(word: Word) -> bool:
    """Letters or digits, not punctuation."""
    return word.text[0].isalnum()


class ArticleView:
    """The article as the quotes stage reads it (never written through this object)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = text = article.text
        starts = [0]
        starts.extend(m.end() for m in LINE_BREAK_RE.finditer(text))
        self._line_starts = starts
        self._line_ends = [m.start() for m in LINE_BREAK_RE.finditer(text)] + [len(text)]
        if article.sentences:
            sents = sorted((s.start, s.end) for s in article.sentences)
        else:
            sents = list(zip(starts, self._line_ends, strict=True))
        self._sent_starts = [s for s, _ in sents]
        self._sent_ends = [e for _, e in sents]
        self.entities: list[Entity] = sorted(article.entities, key=lambda e: (e.start, e.end))
        self._ent_starts = [e.start for e in self.entities]
        #: Words of the article's place, organisation and product names (``jakarta``, ``riau``),
        #: which before a person's name belong to a role (``Kantor SAR Jakarta Desiana ...``).
        self.place_org_words = frozenset(
            w
            for e in self.entities
            if e.label != "PER" and e.source != "model"
            for w in e.text.lower().split()
            if len(w) > 2
        )
        self.label_of = article.segment_labeler()
        self._tokens = article.tokens
        self._tok_starts = [t.start for t in article.tokens]
        self._datelines = sorted((s.start, s.end) for s in article.segments if s.label == "dateline")

    # -- lines and sentences -------------------------------------------------------------
    def line(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the line holding ``pos`` (breaks excluded)."""
        k = bisect.bisect_right(self._line_starts, pos) - 1
        return self._line_starts[k], self._line_ends[k]

    def next_line(self, pos: int) -> tuple[int, int] | None:
        """The first non-blank line after the line holding ``pos``."""
        k = bisect.bisect_right(self._line_starts, pos)
        text = self.text
        while k < len(self._line_starts):
            s, e = self._line_starts[k], self._line_ends[k]
            if text[s:e].strip():
                return s, e
            k += 1
        return None

    def previous_line(self, pos: int) -> tuple[int, int] | None:
        """The last non-blank line before the line holding ``pos``."""
        k = bisect.bisect_right(self._line_starts, pos) - 2
        text = self.text
        while k >= 0:
            s, e = self._line_starts[k], self._line_ends[k]
            if text[s:e].strip():
                return s, e
            k -= 1
        return None

    def sentence(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence holding ``pos``, cut to its line (the line when no
        sentence holds it)."""
        ls, le = self.line(pos)
        k = bisect.bisect_right(self._sent_starts, pos) - 1
        if k >= 0 and pos < self._sent_ends[k]:
            return max(ls, self._sent_starts[k]), min(le, self._sent_ends[k])
        return ls, le

    def previous_sentence(self, pos: int) -> tuple[int, int] | None:
        """The sentence ending before ``pos`` (on the same line or the line before)."""
        k = bisect.bisect_right(self._sent_ends, pos) - 1
        while k >= 0 and self._sent_ends[k] > pos:
            k -= 1
        if k < 0:
            return None
        start, end = self._sent_starts[k], self._sent_ends[k]
        if not self.text[start:end].strip():
            return None
        return start, end

    def after_dateline(self, pos: int) -> int:
        """``pos``, or the end of the dateline (``JAKARTA, KOMPAS.com -``) that holds it."""
        k = bisect.bisect_right(self._datelines, (pos, len(self.text) + 1)) - 1
        if k >= 0 and self._datelines[k][0] <= pos < self._datelines[k][1]:
            end = self._datelines[k][1]
            while end < len(self.text) and self.text[end] in " \t-–—:":
                end += 1
            return end
        return pos

    def ordinary(self, w: Word) -> bool:
        """Whether a word written with a capital is an ordinary word by the text stage's stems
        (``Selain``, ``Kesehatan``: lower-case stem), not a name (whose stem keeps its form)."""
        k = bisect.bisect_left(self._tok_starts, w.start)
        if k < len(self._tokens):
            t = self._tokens[k]
            if t.start == w.start and t.end == w.end and t.stem:
                return t.stem[0].islower() and not t.ent
        return False

    # -- entities --------------------------------------------------------------------------
    def entities_in(self, start: int, end: int) -> list[Entity]:
        """Entity mentions overlapping ``[start, end)``."""
        k = bisect.bisect_left(self._ent_starts, start)
        while k > 0 and self.entities[k - 1].end > start:
            k -= 1
        out = []
        while k < len(self.entities) and self.entities[k].start < end:
            e = self.entities[k]
            if e.end > start:
                out.append(e)
            k += 1
        return out

    def entities_before(self, pos: int, limit: int) -> list[Entity]:
        """Entity mentions ending at or before ``pos`` and starting after ``pos - limit``, nearest
        first."""
        k = bisect.bisect_left(self._ent_starts, pos)
        out = []
        while k > 0:
            k -= 1
            e = self.entities[k]
            if e.start < pos - limit:
                break
            if e.end <= pos:
                out.append(e)
        return out

    def segment(self, start: int, end: int) -> str | None:
        """The structure label of ``[start, end)``."""
        return self.label_of(start, end)

    def fold(self, start: int, end: int) -> str:
        """The matching form of ``text[start:end]``."""
        return fold(self.text[start:end])
