"""Publication-date inference: the date an article was published, guessed from its candidates when
the caller gives none."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..lines import LINE_BREAK_CLASS
from .calendar import valid_date
from .types import Anchor, Candidate

if TYPE_CHECKING:
    from .tagger import TimeTagger

__all__ = ["infer_published", "plausible_window"]

_BREAK = re.compile(LINE_BREAK_CLASS)


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

    In order: a full date after a publication cue (``Tayang:``, ``Diperbarui``, ``Kompas.com -``) or
    directly followed by a clock time (a header stamp such as ``Senin, 03 Agustus 2020 14:20 WIB``),
    the first one found; else the latest full date with a weekday in the first 2,000 characters
    (news dates the events it reports as ``Senin (3/8/2020)``); else the latest such date anywhere;
    else the latest full date in the first 2,000 characters. Dates outside :func:`plausible_window`
    are never taken (a typo ``18/6/2926``, a birth date ``29/11/1899``; with ``reference``, a date far
    from the day the article was collected).
    """
    lo, hi = plausible_window(tagger.lex, reference)
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
    p = tagger.p
    for i, c, d in full:
        line_start = max(0, c.start - 60)
        for br in _BREAK.finditer(text, line_start, c.start):
            line_start = br.end()
        cue = p.pub_cue.search(text, max(line_start, c.start - 60), c.start)
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        stamp = nxt is not None and nxt.kind == "clock" and p.stamp_gap.fullmatch(text, c.end, nxt.start)
        if "clock" in c.info:
            return Anchor(d, c.info["clock"][0], c.info["clock"][1], c.info.get("zone"))
        if stamp:
            return Anchor(d, nxt.info["h"], nxt.info["mi"], nxt.info.get("zone"))
        if cue:
            return Anchor(d)
    with_wd = [(c, d) for _, c, d in full if c.info.get("wd")]
    for pool in (
        [d for c, d in with_wd if c.start < 2000],
        [d for _, d in with_wd],
        [d for _, c, d in full if c.start < 2000],
    ):
        if pool:
            return Anchor(max(pool))
    return None
