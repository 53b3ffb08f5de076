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

__all__ = ["infer_published"]

_BREAK = re.compile(LINE_BREAK_CLASS)


def infer_published(tagger: TimeTagger, text: str, cands: list[Candidate]) -> Anchor | None:
    """Guess the publication date from the candidates of an article.

    In order: a full date after a publication cue (``Tayang:``, ``Diperbarui``, ``Kompas.com -``) or
    directly followed by a clock time (a header stamp such as ``Senin, 03 Agustus 2020 14:20 WIB``),
    the first one found; else the latest full date with a weekday in the first 2,000 characters
    (news dates the events it reports as ``Senin (3/8/2020)``); else the latest such date anywhere;
    else the latest full date in the first 2,000 characters.
    """
    full: list[tuple[int, Candidate, dt.date]] = []
    for i, c in enumerate(cands):
        if c.kind != "date" or "y" not in c.info or "d0" in c.info or c.info.get("bad_year"):
            continue
        d = valid_date(c.info["y"], c.info["m"], c.info["d"])
        if d is None:
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
