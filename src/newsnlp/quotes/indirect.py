"""Indirect quotes: paraphrases introduced by a reporting verb or phrase (``docs/quotes.md`` 1, 2.2).

Sentence by sentence, over the cues outside quotation marks that no direct quote took:

- a short form or ``menurut`` after a comma covers its whole sentence: the clause before it
  (``C, kata Budi.``), or the clause around it, cue included (``Harga, kata dia, akan naik.``);
- otherwise, left to right: ``Menurut X, C``, ``Kata X, C``, ``Dikatakan X, C``, ``Berdasarkan
  penuturan X, C`` and ``X mengatakan(,) (bahwa) C``: the content runs from the first word of C to
  the end of the sentence, or to a coordinated second cue (``mengakui C1, tapi menilai C2``);
- an active verb needs a subject and a clause: a separator (``,``, ``:``, ``bahwa``) or a
  predicate (``Polri menyatakan siap ...``, ``membantah adanya ...``); a noun phrase alone
  (``menjelaskan prosedurnya``) and a directive (``mengingatkan warga agar ...``) are no quotes;
- ``Hal itu disampaikan oleh X`` attributes the sentence before it when nothing else does.

A paraphrase that holds the source's own words in quotation marks is ``mixed``.
"""

from __future__ import annotations

import bisect

from .cues import CueMatch
from .direct import _attr_end, _only_openers, _speaker_after_cue
from .draft import Draft
from .lexicon import Lexicon
from .marks import Quotation
from .speakers import CLITIC, Speaker, speaker_after
from .subjects import subject_before
from .view import ArticleView
from .words import Word, is_capitalised, is_word

__all__ = ["find_indirect"]

_TRAIL = " \t.,;:!?\u00a0"


def find_indirect(
    view: ArticleView, lex: Lexicon, quotations: list[Quotation], directs: list[Draft]
) -> list[Draft]:
    """The indirect and mixed quotes of the article, in text order."""
    spans = [(q.open_start, q.close_end) for q in quotations]
    starts = [s for s, _ in spans]
    used = {d.cue[0] for d in directs if d.cue is not None}

    def quoted(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and pos < spans[k][1]

    by_sentence: dict[tuple[int, int], list[CueMatch]] = {}
    for m in view.cues():
        if m.start() in used or quoted(m.start()):
            continue
        by_sentence.setdefault(view.sentence(m.start()), []).append(m)
    finder = _Finder(view, lex, quotations, directs)
    for sent, cands in by_sentence.items():
        finder.sentence(sent, cands)
    return sorted(finder.out, key=lambda d: d.start)


class _Finder:
    def __init__(self, view: ArticleView, lex: Lexicon, quotations: list[Quotation], directs: list[Draft]):
        self.view, self.lex, self.text = view, lex, view.text
        self.quotations = quotations
        self._q_starts = [q.open_start for q in quotations]
        self.directs = directs
        self._d_starts = [d.start for d in directs]
        self._d_ends = [d.end for d in directs]
        self.out: list[Draft] = []
        self._o_ends: list[int] = []

    # -- helpers ------------------------------------------------------------------------------
    def _words(self, start: int, end: int) -> list[Word]:
        return [w for w in self.view.words(start, end) if is_word(w)]

    def _end(self, start: int, end: int) -> int:
        while end > start and self.text[end - 1] in _TRAIL:
            end -= 1
        return end

    def _begin(self, start: int, end: int) -> int:
        while start < end and self.text[start] in " \t,:\u00a0":
            start += 1
        return start

    def _add(
        self, start: int, end: int, cue: tuple[int, int], speaker: Speaker | None, source: Draft | None = None
    ) -> Draft | None:
        start, end = self._begin(start, end), self._end(start, end)
        if len(self._words(start, end)) < 2:
            return None
        if self._overlaps(start, end):
            return None
        d = Draft(start, end, self._type(start, end), cue, speaker, source=source)
        self.out.append(d)
        self._o_ends.append(end)
        return d

    def _overlaps(self, start: int, end: int, found: bool = False) -> bool:
        """Whether ``[start, end)`` overlaps a direct quote (or, with ``found``, a quote found
        here); direct quotes do not overlap one another, so a binary search finds it."""
        k = bisect.bisect_left(self._d_starts, end) - 1
        if k >= 0 and self.directs[k].end > start:
            return True
        return found and any(d.start < end and start < d.end for d in self.out[-3:])

    def _type(self, start: int, end: int) -> str:
        """``mixed`` when the content holds a quoted fragment of the source's own words."""
        k = bisect.bisect_left(self._q_starts, start)
        while k < len(self.quotations) and self.quotations[k].open_start < end:
            if self._own_words(self.quotations[k]):
                return "mixed"
            k += 1
        return "indirect"

    def _own_words(self, q: Quotation) -> bool:
        ws = self._words(q.content_start, q.content_end)
        if len(ws) < 2 or all(is_capitalised(w.text) for w in ws):
            return False
        before = self._words(max(0, q.open_start - 30), q.open_start)
        return not (before and before[-1].low in self.lex.naming_nouns)

    def _previous_draft(self, pos: int) -> Draft | None:
        best = None
        k = bisect.bisect_right(self._d_ends, pos) - 1
        if k >= 0:
            best = self.directs[k]
        k = bisect.bisect_right(self._o_ends, pos) - 1
        if k >= 0 and (best is None or self.out[k].end > best.end):
            best = self.out[k]
        return best if best is not None and pos - best.end < 400 else None

    # -- one sentence ----------------------------------------------------------------------------
    def sentence(self, sent: tuple[int, int], cands: list[CueMatch]) -> None:
        s_start, s_end = sent
        start = self.view.after_dateline(s_start)
        # a clause of prose is never longer: a sentence of thousands of cues stays linear
        longest = self.lex.limits["clause_chars"]
        for m in cands:
            if self._clause_wide(m, max(start, m.start() - longest), s_end):
                return
        pos = start
        inherited: dict[int, Draft] = {}
        for i, m in enumerate(cands):
            if m.start() < pos:
                continue
            floor = max(start, m.start() - longest)
            kind = m.lastgroup
            if kind == "active":
                d = self._active(m, floor, s_end, cands[i + 1 :], inherited)
            elif kind == "menurut":
                d = self._menurut(m, floor, s_end)
            elif kind == "post":
                d = self._initial_post(m, floor, s_end)
            elif kind == "passive":
                d = self._passive(m, floor, s_end)
            else:
                d = self._noun(m, floor, s_end)
            if d is not None and d.start >= m.start():
                pos = d.end

    def _clause_wide(self, m: CueMatch, floor: int, s_end: int) -> bool:
        """``C, kata X.`` / ``C, menurut X.`` (content before) and ``A, kata X, B.`` (the clause)."""
        if m.lastgroup not in ("post", "menurut", "passive"):
            return False
        text = self.text
        before = text[floor : m.start()].rstrip()
        if not before.endswith(","):
            return False
        comma = floor + len(before) - 1
        if before[:-1].rstrip()[-1:] in "\"“”„«»'":
            return False
        if not self._words(floor, comma):
            return False
        post = m.lastgroup == "post"
        word = (m.group("post") or "").lower().removesuffix("nya")
        speaker = _speaker_after_cue(self.view, self.lex, m) if m.lastgroup != "menurut" else None
        if m.lastgroup == "menurut":
            if m.group("mnya"):
                speaker = Speaker(m.start("mnya"), m.end("mnya"), CLITIC)
            else:
                speaker, _ = speaker_after(self.view, self.lex, m.end())
        if speaker is None:
            return False
        if (
            post
            and word in self.lex.postposed_ambiguous
            and speaker.kind not in ("name", "pronoun", "clitic", "title", "org")
        ):
            return False
        if m.lastgroup == "passive" and speaker.kind == CLITIC:
            return False
        nya = m.group("pnya") or m.group("mnya") or m.group("pasnya")
        cue = (m.start(), m.end() - (3 if nya else 0))
        attr = _attr_end(text, max(speaker.end, m.end()), s_end)
        rest = self._words(attr, s_end)
        if text[attr - 1 : attr] == "," and len(rest) >= 2 and rest[0].low not in self.lex.speaker_stops:
            return self._add(floor, s_end, cue, speaker) is not None
        if m.lastgroup == "passive" or len(self._words(floor, comma)) < 2:
            return False
        return self._add(floor, comma, cue, speaker) is not None

    def _initial_post(self, m: CueMatch, floor: int, s_end: int) -> Draft | None:
        """``Kata Budi, C.`` / ``Katanya, C.`` at the start of a sentence."""
        if not _only_openers(self.view, self.lex, floor, m.start()):
            return None
        word = m.group("post").lower().removesuffix("nya")
        if word not in self.lex.postposed:
            return None
        if m.group("pnya"):
            speaker = Speaker(m.start("pnya"), m.end("pnya"), CLITIC)
            return self._add(m.end(), s_end, (m.start(), m.start("pnya")), speaker)
        if word in self.lex.postposed_ambiguous:
            return None
        return self._to_comma(m, s_end, (m.start(), m.end()))

    def _to_comma(self, m: CueMatch, s_end: int, cue: tuple[int, int]) -> Draft | None:
        """A cue followed by its speaker up to a comma, the content after it (``Menurut X, C``)."""
        text = self.text
        comma = text.find(",", m.end(), s_end)
        if comma < 0 or len(self._words(m.end(), comma)) > self.lex.limits["speaker_words"] + 4:
            return None
        speaker = _speaker_after_cue(self.view, self.lex, m)
        if speaker is None or speaker.end > comma:
            return None
        app = self._apposition(comma + 1, s_end)
        if app is not None:
            if speaker.kind != "name":
                named, _ = speaker_after(self.view, self.lex, comma + 1, to_comma=True)
                if named is not None and named.kind == "name":
                    speaker = named
            comma = app
        return self._add(comma + 1, s_end, cue, speaker)

    def _apposition(self, pos: int, s_end: int) -> int | None:
        """The comma closing a name in apposition right after ``pos`` (``Menurut Manajer PSIM,
        Razzi Taruna, C``), or ``None``."""
        comma = self.text.find(",", pos, min(s_end, pos + 60))
        if comma < 0:
            return None
        ws = self.view.words(pos, comma)
        if not ws or len(ws) > 4 or not all(is_word(w) and is_capitalised(w.text) for w in ws):
            return None
        if any(self.view.ordinary(w) for w in ws):
            return None
        return comma

    def _menurut(self, m: CueMatch, floor: int, s_end: int) -> Draft | None:
        cue = (m.start(), m.start("mnya") if m.group("mnya") else m.end())
        if m.group("mnya"):
            return self._add(m.end(), s_end, cue, Speaker(m.start("mnya"), m.end("mnya"), CLITIC))
        return self._to_comma(m, s_end, cue)

    def _noun(self, m: CueMatch, floor: int, s_end: int) -> Draft | None:
        """``Berdasarkan penuturan X, C.``"""
        lead = self._words(floor, m.start())
        if not lead or lead[-1].low not in self.lex.cue_noun_leads:
            return None
        if not _only_openers(self.view, self.lex, floor, lead[-1].start):
            return None
        return self._to_comma(m, s_end, (m.start(), m.end()))

    def _passive(self, m: CueMatch, floor: int, s_end: int) -> Draft | None:
        """``Dikatakan Budi, C.``, ``Dijelaskannya, C.``, ``Dikatakan bahwa C`` (the source quoted
        just before), and ``Hal itu disampaikan oleh X.`` (the sentence before)."""
        text = self.text
        head = tuple(w.low for w in self._words(floor, m.start()))
        cue = (m.start(), m.start("pasnya") if m.group("pasnya") else m.end())
        if head and head in self.lex.back_reference:
            return self._back_reference(m, floor, cue)
        if not _only_openers(self.view, self.lex, floor, m.start()):
            return None
        if m.group("pasnya"):
            speaker = Speaker(m.start("pasnya"), m.end("pasnya"), CLITIC)
            return self._add(m.end(), s_end, cue, speaker)
        nxt = self._words(m.end(), min(s_end, m.end() + 30))
        if nxt and nxt[0].low in self.lex.complementisers:
            prev = self._previous_draft(m.start())
            if prev is None or prev.speaker is None:
                return None
            return self._add(nxt[0].end, s_end, cue, prev.speaker, source=prev)
        del text
        return self._to_comma(m, s_end, cue)

    def _back_reference(self, m: CueMatch, floor: int, cue: tuple[int, int]) -> Draft | None:
        prev = self.view.previous_sentence(floor)
        if prev is None:
            return None
        start, end = prev
        if self._overlaps(start, end, found=True):
            return None
        if self.lex.mark_re.search(self.text, start, end):
            return None
        speaker = _speaker_after_cue(self.view, self.lex, m)
        if speaker is None:
            return None
        return self._add(self.view.after_dateline(start), end, cue, speaker)

    # -- active verbs ------------------------------------------------------------------------
    def _active(
        self, m: CueMatch, floor: int, s_end: int, later: list[CueMatch], inherited: dict[int, Draft]
    ) -> Draft | None:
        lex, _text = self.lex, self.text
        verb = m.group("active").lower()
        if verb not in lex.reporting_verbs:
            return None
        speaker, _, ended = subject_before(self.view, lex, m.start(), floor)
        source = None
        if ended == "blocked":
            return None
        if ended == "coordinated" and m.start() in inherited:
            source = inherited[m.start()]
            speaker = source.speaker
        if speaker is None:
            return None
        start, separated = self._complement(m.end(), s_end)
        if start is None:
            return None
        end = s_end
        for n in later:
            if n.start() - start > lex.limits["clause_chars"]:
                break  # no clause of prose is longer (linear on a sentence of cues)
            if n.lastgroup != "active" or n.group("active").lower() not in lex.reporting_verbs:
                continue
            cut = self._coordinated(start, n.start())
            if cut is not None:
                end = cut
                break
        if not separated and not self._clause(verb, start, end):
            return None
        d = self._add(start, end, (m.start(), m.end()), speaker, source=source)
        if d is not None and end < s_end:
            for n in later:
                if n.start() >= end:
                    inherited[n.start()] = d
                    break
        return d

    def _complement(self, pos: int, s_end: int) -> tuple[int | None, bool]:
        """Start of a verb's complement after its separator, adjuncts and complementiser, and
        whether a separator (``,``, ``:``, ``bahwa``) was there; ``None`` for a quotation."""
        text, lex = self.text, self.lex
        separated = False
        for _ in range(3):
            while pos < s_end and text[pos] in " \t\u00a0":
                pos += 1
            if pos < s_end and text[pos] in ",:":
                separated = True
                pos += 1
                continue
            ws = self._words(pos, min(s_end, pos + 200))
            if not ws:
                return None, separated
            if ws[0].low in lex.complementisers:
                separated = True
                pos = ws[0].end
                continue
            if ws[0].low in lex.speaker_stops or (separated and self._adjunct(ws)):
                comma = text.find(",", pos, s_end)
                if 0 <= comma and len(self._words(pos, comma)) <= lex.limits["adjunct_words"]:
                    pos = comma + 1
                    separated = True
                    continue
            break
        while pos < s_end and text[pos] in " \t\u00a0":
            pos += 1
        if pos >= s_end or lex.mark_re.match(text, pos):
            return None, separated
        return pos, separated

    def _adjunct(self, ws: list[Word]) -> bool:
        return ws[0].low in self.lex.speaker_stops

    def _coordinated(self, start: int, verb_start: int) -> int | None:
        """Where content ends before a coordinated second cue (``C1, tapi menilai C2``)."""
        ws = self.view.words(start, verb_start)
        k = len(ws)
        while k > 0 and ws[k - 1].low in self.lex.subject_adverbs:
            k -= 1
        if k == 0 or ws[k - 1].low not in self.lex.coordinators:
            return None
        k -= 1
        while k > 0 and not is_word(ws[k - 1]):
            k -= 1
        return ws[k - 1].end if k > 0 else None

    def _clause(self, verb: str, start: int, end: int) -> bool:
        """Whether the complement is a clause (a predicate before any relative ``yang``), not a
        noun phrase or a directive."""
        lex = self.lex
        ws = self._words(start, end)[: lex.limits["clause_check_words"]]
        if not ws:
            return False
        first = ws[0].low
        if first in lex.nominal_markers or verb in lex.always_clause_verbs:
            return True
        if first in lex.directives:
            return False
        if verb in lex.bare_predicate_verbs and (
            first in lex.predicate_markers or lex.looks_like_verb(first)
        ):
            return True
        for w in ws[1:]:
            if w.low == "yang" or w.low in lex.directives:
                return False
            if w.low in lex.predicate_markers or lex.looks_like_passive(w.low):
                return True
            if verb in lex.bare_predicate_verbs and lex.looks_like_verb(w.low):
                return True
        return False
