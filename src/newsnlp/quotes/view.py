"""What the quotes stage reads of the record, indexed once per article: lines (``newsnlp.lines``),
sentences, entity mentions and segments, each looked up by offset with a binary search; and the
words of any stretch of text.

Every lookup is local (a binary search, or a scan bounded by a line or a few words), so that the
stage stays linear in the article's length.
"""

from __future__ import annotations

import bisect
import re
from functools import partial

from ..lines import LINE_BREAK_RE
from ..record import Article, Entity
from ..textnorm import fold
from .cues import CueMatch, capital_words, find_cues, glued_verb_length, runs_at
from .lexicon import Lexicon
from .words import Word, cut, words

__all__ = ["ArticleView"]

#: Up to this length, an article's capitalised words are looked for with ``str.find``.
_FIND_LIMIT = 100_000
_RUN = re.compile(r"[^\W\d_]{3,}")
_ANY_RUN = re.compile(r"[^\W\d_]+")
_LAST_RUN = re.compile(r"[^\W\d_]+\Z")


def _glued_before(text: str, pos: int) -> str | None:
    """How the word at ``pos`` is glued to the one before it: ``letter`` (``GerindraHashim``),
    ``mark`` (a comma, period or dash right after a letter or digit: ``PSSI,Erick``), or ``None``."""
    c = text[pos - 1]
    if c.isalpha():
        return "letter"
    if c in ",.;:-–" and pos > 1 and text[pos - 2].isalnum():
        return "mark"
    return None


#: Texts longer than this (characters) share the strings of repeated words.
_SHARE_WORDS_ABOVE = 50_000


class ArticleView:
    """The article as the quotes stage reads it (never written through this object)."""

    def __init__(self, article: Article, lex: Lexicon) -> None:
        self.article = article
        self.lex = lex
        self.text = text = article.text
        self._glued = partial(glued_verb_length, lex)
        self._line_words: dict[int, tuple[list[Word], list[int]]] = {}
        # words of the same spelling share their strings (see ``words``) in long texts, where
        # they would hold most of the memory; an ordinary article skips the lookups
        self._forms: dict[str, tuple[str, str]] | None = {} if len(text) > _SHARE_WORDS_ABOVE else None
        self._capitals: dict[str, list[int]] | None = None
        self._low: str | None = None
        self._lower_words: frozenset[str] | None = None
        self._cues = find_cues(lex, text)
        self._cue_starts = [c.start() for c in self._cues]
        breaks = [m.span() for m in LINE_BREAK_RE.finditer(text)]
        self._line_starts = starts = [0] + [b for _, b in breaks]
        self._line_ends = [a for a, _ in breaks] + [len(text)]
        if article.sentences:
            sents = sorted((s.start, s.end) for s in article.sentences)
        else:
            sents = list(zip(starts, self._line_ends, strict=True))
        self._sent_starts = [s for s, _ in sents]
        self._sent_ends = [e for _, e in sents]
        self.entities: list[Entity] = sorted(article.entities, key=lambda e: (e.start, e.end))
        self._ent_starts = [e.start for e in self.entities]
        self._place_org_words: frozenset[str] | None = None
        self.label_of = article.segment_labeler()
        self._tokens = article.tokens
        self._tok_starts = article.tokens.starts
        self._tok_stem_ent: tuple[list[str | None], list[str | None]] | None = None
        self._datelines = sorted((s.start, s.end) for s in article.segments if s.label == "dateline")

    @property
    def place_org_words(self) -> frozenset[str]:
        """Words of the article's place, organisation and product names (``jakarta``, ``riau``),
        which before a person's name belong to a role (``Kantor SAR Jakarta Desiana ...``); found
        on first use."""
        if self._place_org_words is None:
            self._place_org_words = frozenset(
                w
                for e in self.entities
                if e.label != "PER" and e.source != "model"
                for w in e.text.lower().split()
                if len(w) > 2
            )
        return self._place_org_words

    def capitals(self, low: str, start: int, end: int) -> list[int]:
        """Starts of the runs of letters in ``[start, end)`` written with a capital whose lower
        case is ``low`` (also glued to the word before: ``GerindraHashim``): found with ``str.find`` in an article of usual length, from an index of
        every capitalised word in a long one (so that many names stay linear)."""
        if not _RUN.fullmatch(low):
            return []
        text = self.text
        if len(text) > _FIND_LIMIT or len(self._lower) != len(text):
            if self._capitals is None:
                self._capitals = capital_words(text)
            return [p for p in self._capitals.get(low, ()) if start <= p < end]
        return [p for p in runs_at(self._lower, low, start, end, glued=text) if text[p].isupper()]

    def glued_name_end(self, start: int, end: int) -> int:
        """End of a name ``[start, end)`` scraped from a link glued to the words on both sides
        (``penyidikanMarcella Santosodi kasus``, ``PSSI,Erick Thohirbangga dan``): when its start is
        glued to the word before, the end of its last word that the article writes as a word in
        lower case (``di``, ``yang``; two or three letters only after a name glued to a letter), or
        a word of five letters or more of the news vocabulary (``bangga``), is cut off; else
        ``end``."""
        text = self.text
        if start == 0 or (end < len(text) and text[end].isalpha()):
            return end
        glue = _glued_before(text, start)
        if glue is None:
            return end
        m = _LAST_RUN.search(text, start, end)
        if m is None or not m.group()[:1].isupper():
            return end
        word = m.group()
        shortest = 2 if glue == "letter" else 4
        for k in range(3, len(word) - shortest + 1):  # the longest tail first, three letters of name
            tail = word[k:]
            if tail.islower() and (
                tail in self.lower_words or (len(tail) >= 5 and tail in self.lex.vocabulary())
            ):
                return m.start() + k
        return end

    @property
    def lower_words(self) -> frozenset[str]:
        """The words the article writes in lower case (found on first use)."""
        if self._lower_words is None:
            self._lower_words = frozenset(w for w in _ANY_RUN.findall(self.text) if w.islower())
        return self._lower_words

    @property
    def _lower(self) -> str:
        if self._low is None:
            self._low = self.text.lower()
        return self._low

    # -- words and cues ---------------------------------------------------------------------
    def _words_of_line(self, k: int) -> tuple[list[Word], list[int]]:
        """The words of line ``k`` and their starts, read once when first needed."""
        got = self._line_words.get(k)
        if got is None:
            ws = words(self.text, self._line_starts[k], self._line_ends[k], self._glued, self._forms)
            got = self._line_words[k] = (ws, [w.start for w in ws])
        return got

    def words(self, start: int, end: int, limit: int | None = None) -> list[Word]:
        """The words of ``text[start:end]`` (as :func:`~newsnlp.quotes.words.words`, a word
        crossing either end cut there), line by line; with ``limit``, the first ``limit`` of them
        at most (the cost then stays bounded however long the range)."""
        out: list[Word] = []
        if start >= end:
            return out
        k = bisect.bisect_right(self._line_starts, start) - 1
        while k < len(self._line_starts) and self._line_starts[k] < end:
            ws, starts = self._words_of_line(k)
            a = bisect.bisect_right(starts, start) - 1
            if a < 0 or ws[a].end <= start:
                a += 1
            b = bisect.bisect_left(starts, end, lo=max(a, 0))
            if limit is not None:
                b = min(b, max(a, 0) + limit - len(out))
            out.extend(ws[a:b])
            if limit is not None and len(out) >= limit:
                break
            k += 1
        if out and (out[0].start < start or out[-1].end > end):
            # words are in order and apart: only the first and the last can cross an end
            last = cut(out[-1], start, end)
            out[-1] = last
            if not last.text:
                out.pop()
            if out:
                first = cut(out[0], start, end)
                out[0] = first
                if not first.text:
                    del out[0]
        return out

    def cues(self, start: int = 0, end: int | None = None) -> list[CueMatch]:
        """The cue words starting in ``[start, end)``, in text order."""
        a = bisect.bisect_left(self._cue_starts, start)
        b = len(self._cues) if end is None else bisect.bisect_left(self._cue_starts, end)
        return [c for c in self._cues[a:b] if end is None or c.end() <= end]

    def cue_at(self, pos: int) -> CueMatch | None:
        """The cue word starting at ``pos``, if any."""
        k = bisect.bisect_left(self._cue_starts, pos)
        if k < len(self._cues) and self._cue_starts[k] == pos:
            return self._cues[k]
        return None

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
        starts = self._tok_starts
        k = bisect.bisect_left(starts, w.start)
        if k < len(starts) and starts[k] == w.start and self._tokens.ends[k] == w.end:
            if self._tok_stem_ent is None:  # the columns, read once per article
                self._tok_stem_ent = (self._tokens.column("stem"), self._tokens.column("ent"))
            stems, ents = self._tok_stem_ent
            if stems[k]:
                return stems[k][0].islower() and not ents[k]
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
