"""The ``time`` stage: TIMEX3 tagging of Indonesian news (dates, times, durations, sets).

Plain function API for use outside the pipeline::

    >>> from newsnlp.temporal import tag_times
    >>> times, published = tag_times("Hal itu terjadi Minggu (2/8/2020).", published="2020-08-03")
    >>> times[0].value
    '2020-08-02'

The package is named ``temporal`` (not ``time``) so that it never shadows the standard library.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ..record import TimeExpression
from .tagger import Anchor, TimeTagger, anchor_iso, infer_published

__all__ = ["TimeTagger", "get_tagger", "tag_times"]


@lru_cache(maxsize=1)
def get_tagger() -> TimeTagger:
    """The shared :class:`TimeTagger` (built once per process)."""
    return TimeTagger()


def tag_times(
    text: str, published: str | None = None, reference_date: dt.date | None = None
) -> tuple[list[TimeExpression], str | None]:
    """Find and resolve the temporal expressions of ``text``.

    ``published`` is the publication date or datetime as ISO 8601 (``2020-08-03`` or
    ``2020-08-03T14:20+07:00``). When it is ``None`` (or unparsable) it is inferred from the text.
    Returns the expressions (sorted by start, non-overlapping) and the publication date used
    (the given one, the inferred one, or ``None`` when nothing could be inferred). An inferred date
    lies in the plausible window (not before 1900, not after next year; with ``reference_date``, the
    day the article was collected, not after it nor more than a year before it).
    """
    tagger = get_tagger()
    cands = tagger.extract(text)
    anchor = Anchor.parse(published) if published else None
    used = published if anchor else None
    if anchor is None:
        anchor = infer_published(tagger, text, cands, reference_date)
        used = anchor_iso(anchor) if anchor else None
    return tagger.resolve(text, cands, anchor), used
