"""Context of an expression in its text: sentence bounds, the tense that decides the direction of an
underspecified date, and attribution dates that only date the report."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lines import LINE_BREAK_CLASS, LINE_BREAKS
from .types import Candidate

if TYPE_CHECKING:
    from .tagger import TimeTagger

__all__ = [
    "in_quote",
    "is_reporting",
    "quote_end",
    "sentence_end",
    "sentence_start",
    "starts_sentence",
    "tense_of",
]

_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"
_SENTENCE_ENDS = ".!?:" + LINE_BREAKS
_QUOTE_REACH = 1500  # a quotation is looked for within this many characters (bounded work)
_BREAK = re.compile(LINE_BREAK_CLASS)
_QUOTE_OR_BREAK = re.compile(f'[”»"]|{LINE_BREAK_CLASS}')


def sentence_start(tg: TimeTagger, text: str, pos: int) -> int:
    """Start of the sentence holding ``pos`` (looking back at most 400 characters)."""
    lo = max(0, pos - 400)
    best = lo
    for m in tg.p.sentence_break.finditer(text, lo, pos):
        best = m.end()
    return best


def sentence_end(tg: TimeTagger, text: str, pos: int) -> int:
    """End of the sentence holding ``pos`` (looking ahead at most 400 characters)."""
    m = tg.p.sentence_break.search(text, pos, min(len(text), pos + 400))
    return m.start() if m else min(len(text), pos + 400)


def starts_sentence(text: str, pos: int) -> bool:
    """Nothing but spaces, quotes or an opening bracket between the last sentence end and ``pos``."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\"'“(":
        j -= 1
    return j < 0 or text[j] in _SENTENCE_ENDS


def tense_of(tg: TimeTagger, text: str, c: Candidate) -> int | None:
    """-1 (past), 0 (present), 1 (future) or ``None``: the expression's own tense word, else a future
    cue earlier in its sentence (``akan``, ``dijadwalkan``)."""
    t = c.info.get("tense")
    if t is not None:
        return t
    lo = max(0, c.start - 120)
    seg = text[lo : c.start]
    cut = seg.rfind(". ")
    for m in _BREAK.finditer(seg):
        cut = max(cut, m.start())
    seg = seg[cut + 1 :] if cut >= 0 else seg
    if tg.p.future_cue.search(seg):
        return 1
    return None


def is_reporting(tg: TimeTagger, text: str, c: Candidate) -> bool:
    """A date that only dates the report ("..., kata X di Jakarta, Senin (9/6/2025).")."""
    if c.kind not in ("date", "weekday") or not c.info.get("wd"):
        return False
    j = c.start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0 or text[j] != ",":
        return False
    tail = text[c.end : c.end + 3].lstrip(")")
    if tail[:1] and tail[:1] != "." and tail[:1] not in LINE_BREAKS:
        return False
    lo = sentence_start(tg, text, c.start)
    return tg.reporting.search(text, lo, c.start) is not None


def in_quote(text: str, pos: int) -> bool:
    """``pos`` is inside a quotation of its line (paragraph): an opening quote before it on the line
    is not closed (curly quotes), or an odd number of straight double quotes precede it."""
    seg = text[max(0, pos - _QUOTE_REACH) : pos]
    cut = 0
    for m in _BREAK.finditer(seg):
        cut = m.end()
    seg = seg[cut:]
    opened = sum(seg.count(q) for q in _OPEN_QUOTES) - sum(seg.count(q) for q in _CLOSE_QUOTES)
    return opened > 0 or seg.count('"') % 2 == 1


def quote_end(text: str, pos: int) -> int | None:
    """Offset just after the closing quote of the quotation holding ``pos`` on its line, or ``None``."""
    m = _QUOTE_OR_BREAK.search(text, pos, pos + _QUOTE_REACH)
    return m.end() if m is not None and m.group() in _CLOSE_QUOTES + '"' else None
