"""Publication-date inference: the date an article was published, guessed from its candidates when
the caller gives none."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING

from ..lines import has_line_break, iter_lines
from .calendar import valid_date
from .types import Anchor, Candidate

if TYPE_CHECKING:
    from .tagger import TimeTagger

__all__ = ["infer_published", "plausible_window"]

#: Dashes that end a dateline (``Jakarta, 16 Juni 2025 -``).
_DASHES = "-–—―−"


def plausible_window(
    lex: dict, reference: dt.date | None = None, today: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The dates an inferred publication date may take (``publication_window`` in the lexicon): not
    before 1900, not after the end of next year (from ``today``), and, when the date the article was
    collected (``reference``, e.g. the scrape date) is known, not after it (+1 day) nor more than a
    year before it."""
    w = lex["publication_window"]
    today = today or dt.date.today()
    lo = dt.date.fromisoformat(w["earliest"])
    hi = dt.date(today.year + w["years_ahead"], 12, 31)
    if reference is not None:
        lo = max(lo, reference - dt.timedelta(days=w["days_before_reference"]))
        hi = min(hi, reference + dt.timedelta(days=w["days_after_reference"]))
    return lo, hi


def infer_published(
    tagger: TimeTagger, text: str, cands: list[Candidate], reference: dt.date | None = None
) -> Anchor | None:
    """Guess the publication date from the candidates of an article.

    In order of strength:

    1. a header stamp: a full date after a publication cue (``Tayang:``, ``Diperbarui``,
       ``Kompas.com -``), or with its clock time (``Senin, 03 Agustus 2020 14:20 WIB``) on a short
       line of its own or opening a dateline (``publication_stamp``); the first one found;
    2. a reporting date: a weekday date closing the clause of a reporting verb or phrase
       (``..., kata Budi kepada wartawan, Senin (16/6/2025).``): the latest one;
    3. a date in the body (an event the article reports, a weaker cue): the latest full date with a
       weekday in the first 2,000 characters (news dates the events it reports as ``Senin
       (3/8/2020)``); else the latest such date anywhere; else the latest full date in the first
       2,000 characters.

    Dates outside :func:`plausible_window` are never taken (a typo ``18/6/2926``, a birth date
    ``29/11/1899``; with ``reference``, a date far from the day the article was collected), nor
    dates more than ``days_before_newest`` days older than the newest weekday date of the text (a
    birth date, a date in the article's history: ``buku yang terbit 12 Mei 1998``).
    """
    lex = tagger.lex
    lo, hi = plausible_window(lex, reference)
    full: list[tuple[int, Candidate, dt.date]] = []
    for i, c in enumerate(cands):
        if c.kind != "date" or "y" not in c.info or "d0" in c.info or c.info.get("bad_year"):
            continue
        d = valid_date(c.info["y"], c.info["m"], c.info["d"])
        if d is None or not lo <= d <= hi:
            continue
        full.append((i, c, d))
    if not full:
        return None
    # a date far older than the news the text reports is history, never the anchor
    newest = max((d for _, c, d in full if c.info.get("wd")), default=max(d for _, _, d in full))
    oldest = newest - dt.timedelta(days=lex["publication_window"]["days_before_newest"])
    full = [(i, c, d) for i, c, d in full if d >= oldest]
    p = tagger.p
    stamp_cfg = lex["publication_stamp"]
    # line bounds by bisection over the lines (one pass): linear on one long line with many dates
    bounds = [(s, e) for s, e, _ in iter_lines(text)] or [(0, len(text))]
    starts = [s for s, _ in bounds]
    cues = lex["reporting_date_cues"]
    reported: list[dt.date] = []
    for i, c, d in full:
        start, end = bounds[max(0, bisect.bisect_right(starts, c.start) - 1)]
        cue = p.pub_cue.search(text, max(start, c.start - 60), c.start)
        if cue:
            if "clock" in c.info:
                return Anchor(d, c.info["clock"][0], c.info["clock"][1], c.info.get("zone"))
            return Anchor(d)
        if _header(text, c, start, end, stamp_cfg):
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if "clock" in c.info:
                return Anchor(d, c.info["clock"][0], c.info["clock"][1], c.info.get("zone"))
            if nxt is not None and nxt.kind == "clock" and p.stamp_gap.fullmatch(text, c.end, nxt.start):
                return Anchor(d, nxt.info["h"], nxt.info["mi"], nxt.info.get("zone"))
        if c.info.get("wd") and _reporting(p, text, c, start, cues):
            reported.append(d)
    if reported:
        return Anchor(max(reported))
    with_wd = [(c, d) for _, c, d in full if c.info.get("wd")]
    for pool in (
        [d for c, d in with_wd if c.start < 2000],
        [d for _, d in with_wd],
        [d for _, c, d in full if c.start < 2000],
    ):
        if pool:
            return Anchor(max(pool))
    return None


def _header(text: str, c: Candidate, start: int, end: int, cfg: dict) -> bool:
    """Whether the date ``c`` (on the line ``text[start:end]``) is a header stamp: its line is
    short (a stamp of its own), or it opens a dateline (a dash right after it)."""
    short = cfg["line_max_words"]
    if end - start <= 40 * short and len(text[start:end].split()) <= short:
        return True
    if c.start - start > cfg["dateline_max_chars"]:
        return False
    return any(ch in _DASHES for ch in text[c.end : min(end, c.end + cfg["dash_within"])])


def _reporting(p, text: str, c: Candidate, start: int, cues: dict) -> bool:
    """Whether the weekday date ``c`` is the date of a reporting: a reporting verb or phrase stands
    before it in the same clause (no sentence end between them, an abbreviation such as ``Dr.``
    aside), the date follows a comma or the cue itself (with at most the words of ``cues["between"]``:
    ``dikutip pada Jumat ...``), and it closes the clause (a comma, a stop
    or the end of the line follows)."""
    after = text[c.end : c.end + 3].lstrip(" )\u00a0")
    if after and after[0] not in ".,;:" and not has_line_break(after[:1]):
        return False
    lo = max(start, c.start - cues["within"])
    cue = None
    for m in p.report_cue.finditer(text, lo, c.start):  # the last cue before the date
        cue = m
    if cue is None:
        return False
    # the date is the clause's last element: after a comma (``kata Budi, Senin ...``) or right
    # after the cue (``dikutip Kamis ...``), never inside the clause (``tiba pada Minggu, 22 Juni``)
    before = " ".join(text[cue.end() : c.start].lower().split())
    if before and not before.endswith(",") and before not in cues["between"]:
        return False
    for br in p.sentence_break.finditer(text, cue.end(), c.start):
        word = text[max(cue.end(), br.start() - 4) : br.start()].split()
        if not word or len(word[-1]) > 3:
            return False
    return True
