"""Direct quotes: which quotations are someone's words, and whose.

A quotation (:mod:`newsnlp.quotes.marks`) is a direct quote when something attributes it, tried in
this order (``docs/quotes.md`` sections 1, 2.4, 2.7, 3.1, 3.6):

1. a cue before it in its sentence, or ending the sentence or line before it with ``:`` or ``,``
   (``Budi mengatakan, "..."``, ``Kata dia: "..."``); a cue on both sides: the one before wins;
2. a cue right after it (``"...," kata Budi``, ``"...," ujarnya``, ``"...," Budi menambahkan``,
   ``"...," demikian pernyataan resmi klub``);
3. a sentence after it that names its source (``Demikian disampaikan Budi.``);
4. a reporting verb in the sentence before, when the quotation opens its sentence
   (``Budi menekankan sikap partainya. "..."``);
5. the cue of the quotation just before it, when only that attribution stands between them
   (``"A," kata Budi. "B."``: two quotes, one cue);
6. the speaker of the quote ending the paragraph before, when the quotation is a paragraph of its
   own (a floating quote: no cue).

A quotation nothing attributes (a title, a term, a slogan) is no quote.
"""

from __future__ import annotations

import re

from .cues import CueMatch
from .draft import Draft
from .lexicon import Lexicon
from .marks import Quotation
from .speakers import CLITIC, NAME, ORG, PRONOUN, TITLE, Speaker, speaker_after
from .subjects import subject_before
from .view import ArticleView

__all__ = ["attribute_direct", "cue_before", "postposed_cue"]

_CLAUSE_END = re.compile(r"[.?!;]\s|[\"“”„«»]")
_GAP_OK = re.compile(r"\s*[,:]?\s*")
_ATTR_END = re.compile(r"[.,;:?!\"“”„«»]")
_STRONG = (NAME, PRONOUN, TITLE, ORG, CLITIC)


def attribute_direct(view: ArticleView, lex: Lexicon, quotations: list[Quotation]) -> list[Draft]:
    """The direct quotes among ``quotations``, each with its cue and speaker mention."""
    out: list[Draft] = []
    prev: Draft | None = None
    for q in quotations:
        d = (
            _before(view, lex, q)
            or _after(view, lex, q)
            or _next_sentence(view, lex, q)
            or _previous_sentence(view, lex, q)
            or _split(view, prev, q)
            or _floating(view, prev, q)
        )
        if d is not None:
            out.append(d)
            prev = d
    return out


# -- 1. a cue before ------------------------------------------------------------------------
def _clause_start(text: str, start: int, pos: int) -> int:
    last = start
    for m in _CLAUSE_END.finditer(text, start, pos):
        last = m.end()
    return last


def cue_before(
    view: ArticleView, lex: Lexicon, floor: int, end: int
) -> tuple[tuple[int, int], Speaker | None] | None:
    """The cue ending the clause ``[floor, end)`` (followed by nothing, ``,``, ``:``, ``bahwa`` or a
    few adjunct words and a comma or colon) and its speaker."""
    text = view.text
    # a clause of prose is never longer: a sentence of thousands of cues stays linear
    floor = max(floor, end - lex.limits["clause_chars"])
    start = _clause_start(text, floor, end)
    last = None
    for m in view.cues(start, end):
        last = m
    if last is None:
        return None
    kind = last.lastgroup
    gap = text[last.end() : end].strip()
    gap_words = [w for w in view.words(last.end(), end) if w.text[0].isalnum()]
    if gap_words and gap_words[-1].low in lex.complementisers:
        gap_words = gap_words[:-1]
        gap = gap.rstrip(",: ")
        gap = "," if gap_words else ""
    if gap and gap[-1] not in ",:":
        return None
    if len(gap_words) > lex.limits["adjunct_words"]:
        return None
    if kind == "active":
        verb = last.group("active").lower()
        if verb not in lex.reporting_verbs and verb not in lex.direct_verbs:
            return None
        speaker, _, ended = subject_before(view, lex, last.start(), start)
        if ended == "blocked":
            return None
        return (last.start(), last.end()), speaker
    if kind in ("post", "menurut", "passive", "noun"):
        cue_end = last.end() - (3 if last.group("pnya") or last.group("mnya") or last.group("pasnya") else 0)
        head = text[start : last.start()].strip(" ,")
        if kind == "post" and head and not _only_openers(view, lex, start, last.start()):
            return None
        speaker = _speaker_after_cue(view, lex, last)
        if speaker is None and kind == "noun":
            speaker, _, _ = subject_before(view, lex, last.start(), start)
        if speaker is None and kind != "noun":
            return None
        return (last.start(), cue_end), speaker
    return None


def _only_openers(view: ArticleView, lex: Lexicon, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds nothing but an opener phrase (``Sementara itu,``). Only
    the first words are read: a range with more words than the longest opener (allowing for
    punctuation between them) is no opener, however long it is (linear on a sentence of cues)."""
    longest = max(map(len, lex.openers), default=0)
    window = 3 * longest + 3
    first = view.words(start, end, limit=window)
    if len(first) == window and sum(w.text[0].isalnum() for w in first) > longest:
        return False
    ws = [w.low for w in (first if len(first) < window else view.words(start, end)) if w.text[0].isalnum()]
    return not ws or any(tuple(ws) == op for op in lex.openers)


def _speaker_after_cue(view: ArticleView, lex: Lexicon, m: CueMatch) -> Speaker | None:
    """The speaker of a cue match with ``-nya`` or a phrase after it."""
    for group in ("pnya", "mnya", "pasnya"):
        if m.group(group):
            return Speaker(m.start(group), m.end(group), CLITIC)
    pos = m.end()
    text = view.text
    nxt = view.words(pos, min(len(text), pos + 20))
    if nxt and nxt[0].low in lex.agent_markers:
        pos = nxt[0].end
    speaker, _ = speaker_after(view, lex, pos, to_comma=m.lastgroup == "menurut")
    return speaker


def _before(view: ArticleView, lex: Lexicon, q: Quotation) -> Draft | None:
    line_start, _ = view.line(q.open_start)
    floor = line_start
    if not view.text[line_start : q.open_start].strip():
        prev = view.previous_line(q.open_start)
        if prev is None:
            return None
        body = view.text[prev[0] : prev[1]].rstrip()
        if not body.endswith((":", ",")):
            return None
        floor, end = prev[0], prev[0] + len(body)
    else:
        end = q.open_start
    found = cue_before(view, lex, floor, end)
    if found is None:
        return None
    cue, speaker = found
    return Draft(q.content_start, q.content_end, "direct", cue, speaker)


# -- 2. a cue after -------------------------------------------------------------------------
def postposed_cue(
    view: ArticleView, lex: Lexicon, pos: int
) -> tuple[tuple[int, int], Speaker | None, int] | None:
    """A cue starting at ``pos`` (after a quotation or a clause and its comma): a short form with
    ``-nya`` or a speaker, ``menurut X``, a passive with its agent, an echo (``demikian pernyataan
    resmi klub``), or a subject and an active verb (``Budi menambahkan``). Returns the cue, the
    speaker and the end of the attribution."""
    text = view.text
    _, line_end = view.line(pos)
    ws = [w for w in view.words(pos, min(line_end, pos + 160)) if w.text[0].isalnum()]
    if not ws:
        return None
    k = 0
    for echo in lex.echo:
        if tuple(w.low for w in ws[: len(echo)]) == echo:
            k = len(echo)
            break
    if k:
        for w in ws[k : k + 6]:
            m = view.cue_at(w.start)
            if m is not None and m.lastgroup in ("post", "passive", "noun", "active", "menurut"):
                if m.lastgroup == "noun" and w.low in ("isi", "bunyi"):
                    continue
                return _cue_result(view, lex, m)
        return None
    m = view.cue_at(ws[0].start)
    if m is not None and m.lastgroup in ("post", "passive", "menurut") and m.start() == ws[0].start:
        word = (m.group("post") or "").lower().removesuffix("nya")
        found = _cue_result(view, lex, m)
        if found is None:
            return None
        if m.lastgroup == "post" and word in lex.postposed_ambiguous and found[1] is not None:
            if found[1].kind not in _STRONG:
                return None
        return found
    for w in ws[1:7]:
        m = view.cue_at(w.start)
        if m is not None and m.lastgroup == "active" and m.start() == w.start:
            speaker, sub_start, ended = subject_before(view, lex, m.start(), pos)
            if (
                speaker is None
                or speaker.kind not in _STRONG
                or ended == "blocked"
                or sub_start > ws[0].start
            ):
                return None
            return (m.start(), m.end()), speaker, _attr_end(text, m.end(), line_end)
    return None


def _cue_result(
    view: ArticleView, lex: Lexicon, m: CueMatch
) -> tuple[tuple[int, int], Speaker | None, int] | None:
    text = view.text
    nya = m.group("pnya") or m.group("mnya") or m.group("pasnya")
    cue = (m.start(), m.end() - (3 if nya else 0))
    speaker = _speaker_after_cue(view, lex, m)
    if speaker is None:
        return None
    _, line_end = view.line(m.start())
    return cue, speaker, _attr_end(text, max(speaker.end, m.end()), line_end)


def _attr_end(text: str, pos: int, line_end: int) -> int:
    m = _ATTR_END.search(text, pos, line_end)
    if m is None:
        return line_end
    return m.end() if m.group() in ".,;:?!" else m.start()


def _after(view: ArticleView, lex: Lexicon, q: Quotation) -> Draft | None:
    if not q.closed:
        return None
    text = view.text
    m = _GAP_OK.match(text, q.close_end)
    found = postposed_cue(view, lex, m.end())
    if found is None:
        return None
    cue, speaker, attr_end = found
    return Draft(q.content_start, q.content_end, "direct", cue, speaker, attr_end=attr_end)


# -- 3. the sentence after -------------------------------------------------------------------
def _next_sentence(view: ArticleView, lex: Lexicon, q: Quotation) -> Draft | None:
    if not q.closed:
        return None
    text = view.text
    _, line_end = view.line(q.close_end)
    pos = q.close_end
    rest = text[pos:line_end]
    stripped = rest.lstrip(" .\t")
    if not stripped.strip():
        nxt = view.next_line(q.close_end)
        if nxt is None:
            return None
        pos = nxt[0]
    else:
        pos = line_end - len(stripped)
    ws = [w for w in view.words(pos, min(len(text), pos + 60)) if w.text[0].isalnum()]
    lows = tuple(w.low for w in ws)
    for ref in lex.back_reference:
        if lows[: len(ref)] == ref and len(ws) > len(ref):
            m = view.cue_at(ws[len(ref)].start)
            if m is not None and m.lastgroup in ("passive", "post", "noun"):
                found = _cue_result(view, lex, m)
                if found is not None:
                    return Draft(q.content_start, q.content_end, "direct", found[0], found[1])
    return None


# -- 4. the sentence before --------------------------------------------------------------------
def _previous_sentence(view: ArticleView, lex: Lexicon, q: Quotation) -> Draft | None:
    text = view.text
    line_start, _ = view.line(q.open_start)
    if text[line_start : q.open_start].strip():
        start, _ = view.sentence(q.open_start)
        if text[start : q.open_start].strip():
            return None
    prev = view.previous_sentence(q.open_start)
    if prev is None or prev[1] < q.open_start - 400:
        return None
    start, end = prev
    if lex.mark_re.search(text, start, end):
        return None
    best = None
    for m in view.cues(start, end):
        if m.lastgroup == "active":
            best = m
    if best is None:
        return None
    speaker, _, ended = subject_before(view, lex, best.start(), start)
    if speaker is None or ended == "blocked" or speaker.kind not in _STRONG:
        return None
    return Draft(q.content_start, q.content_end, "direct", (best.start(), best.end()), speaker)


# -- 5. split by its cue; 6. floating --------------------------------------------------------
def _split(view: ArticleView, prev: Draft | None, q: Quotation) -> Draft | None:
    if prev is None or prev.attr_end is None or prev.attr_end > q.open_start:
        return None
    gap = view.text[prev.attr_end : q.open_start]
    if gap.strip(" \t.,;:") or view.line(prev.attr_end) != view.line(q.open_start):
        return None
    return Draft(q.content_start, q.content_end, "direct", prev.cue, prev.speaker, source=prev)


def _floating(view: ArticleView, prev: Draft | None, q: Quotation) -> Draft | None:
    if prev is None or prev.speaker is None or not q.closed:
        return None
    text = view.text
    line_start, _ = view.line(q.open_start)
    if text[line_start : q.open_start].strip() or text[q.close_end : view.line(q.close_end)[1]].strip(" .,"):
        return None
    before = view.previous_line(q.open_start)
    if before is None or not before[0] <= prev.end <= before[1]:
        return None
    tail_from = prev.attr_end if prev.attr_end is not None else prev.end
    if len(text[tail_from : before[1]].split()) > 3:
        return None
    return Draft(q.content_start, q.content_end, "direct", None, prev.speaker, source=prev)
