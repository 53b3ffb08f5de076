"""Context of an expression in its text: sentence bounds, the tense that decides the direction of an
underspecified date, and attribution dates that only date the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .types import Candidate

if TYPE_CHECKING:
    from .tagger import TimeTagger

__all__ = ["is_reporting", "sentence_end", "sentence_start", "starts_sentence", "tense_of"]


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
    return j < 0 or text[j] in ".!?\n:"


def tense_of(tg: TimeTagger, text: str, c: Candidate) -> int | None:
    """-1 (past), 0 (present), 1 (future) or ``None``: the expression's own tense word, else a future
    cue earlier in its sentence (``akan``, ``dijadwalkan``)."""
    t = c.info.get("tense")
    if t is not None:
        return t
    lo = max(0, c.start - 120)
    seg = text[lo : c.start]
    cut = max(seg.rfind(". "), seg.rfind("\n"))
    seg = seg[cut + 1 :] if cut >= 0 else seg
    if tg.p.future_cue.search(seg):
        return 1
    return None


def is_reporting(tg: TimeTagger, text: str, c: Candidate) -> bool:
    """A date that only dates the report ("..., kata X di Jakarta, Senin (9/6/2025).")."""
    if c.kind != "date" or not c.info.get("wd"):
        return False
    j = c.start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0 or text[j] != ",":
        return False
    tail = text[c.end : c.end + 3].lstrip(")")
    if tail[:1] not in (".", "\n", ""):
        return False
    lo = sentence_start(tg, text, c.start)
    return tg.reporting.search(text, lo, c.start) is not None
