"""Resolution of clock times, after every other expression: a clock time takes its day from a date
in its sentence (before it, else after it), else the last date before it, else the publication date."""

from __future__ import annotations

import datetime as dt

from ...record import TimeExpression
from ..context import quote_end, sentence_end, sentence_start
from ..types import Candidate
from .common import Ctx

__all__ = ["resolve_clock", "resolve_quoted_day"]


def resolve_clock(
    cx: Ctx,
    idx: int,
    c: Candidate,
    out: list[TimeExpression],
    day_of: list[dt.date | None],
    reporting: list[bool],
) -> None:
    """Set the value of the clock time ``out[idx]`` (candidate ``c``); ``day_of`` holds the day of
    every expression resolved so far and gets this one's; ``reporting`` marks attribution dates
    (``..., ujar X, Selasa (30/12/2014).``), which never give a clock time its day."""
    text = cx.text
    anchor = cx.anchor
    te = out[idx]
    info = c.info
    zone = info.get("zone", "")
    if idx > 0 and out[idx - 1].type == "SET" and not text[out[idx - 1].end : c.start].strip(" ,"):
        # "setiap hari pukul 18.00 WIB": a clock time of a repeated event has no day
        te.type, te.anchor = "TIME", "absolute"
        te.value = f"XXXX-XX-XXT{info['h']:02d}:{info['mi']:02d}{zone}"
        if "h2" in info:
            te.value += f"/XXXX-XX-XXT{info['h2']:02d}:{info['mi2']:02d}{zone}"
        return
    # the day: a resolved date in the same sentence (before, else after), else the last date, else published
    s_lo = sentence_start(cx.tg, text, c.start)
    s_hi = sentence_end(cx.tg, text, c.end)
    day = None
    src = None
    for j in range(idx - 1, -1, -1):
        if out[j].end < s_lo:
            break
        if day_of[j] is not None and not reporting[j]:
            day, src = day_of[j], "previous"
            break
    if day is None:
        for j in range(idx + 1, len(out)):
            if out[j].start > s_hi:
                break
            if day_of[j] is not None and not reporting[j]:
                day, src = day_of[j], "previous"
                break
    if day is None and info.get("_last") is not None:
        day, src = info["_last"], "previous"
    if day is None and anchor is not None:
        day, src = anchor.date, "published"
    zone = info.get("zone", "")
    hhmm = f"T{info['h']:02d}:{info['mi']:02d}"
    date_s = day.isoformat() if day else "XXXX-XX-XX"
    te.type = "TIME"
    te.anchor = src or "published"
    te.value = date_s + hhmm + zone
    if "h2" in info:
        te.value += f"/{date_s}T{info['h2']:02d}:{info['mi2']:02d}{zone}"
    day_of[idx] = day


def resolve_quoted_day(
    cx: Ctx, idx: int, c: Candidate, out: list[TimeExpression], day_of: list[dt.date | None]
) -> None:
    """A deictic day inside a quotation (``"... hari ini gw ...," tulisnya pada Minggu (8/6/2025).``)
    counts from the day the quotation was said, the date of its attribution after the closing quote.
    Without one it keeps its reading against the publication date."""
    text = cx.text
    day = None
    end = quote_end(text, c.end)
    if end is not None:
        s_hi = sentence_end(cx.tg, text, end)
        for j in range(idx + 1, len(out)):
            if out[j].start > s_hi:
                break
            if out[j].start >= end and day_of[j] is not None:
                day = day_of[j]
                break
    if day is None:
        return
    te = out[idx]
    day = day + dt.timedelta(days=c.info["k"])
    te.value, te.anchor = day.isoformat(), "previous"
    if c.info.get("part"):
        te.type = "TIME"
        te.value += "T" + c.info["part"]
    day_of[idx] = day
