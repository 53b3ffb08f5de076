"""Resolvers of holidays: Hijri dates, Islamic holidays, fixed and movable holidays, anniversaries."""

from __future__ import annotations

import datetime as dt

from ...record import TimeExpression
from ..calendar import hijri, hijri_year, movable_holiday, nearest_year, valid_date
from ..context import tense_of
from ..types import Candidate
from .common import Ctx, resolver


def _hijri(te: TimeExpression, hy: int, hm: int, hd: int) -> dt.date | None:
    """Set ``te.value`` to the Gregorian value of a Hijri date (flag ``impossible_date`` when none)."""
    value, day = hijri(hy, hm, hd)
    if value is None:
        te.flags.append("impossible_date")
    te.value = value
    return day


@resolver("hijri")
def r_hijri(cx: Ctx, c: Candidate, te) -> dt.date | None:
    return _hijri(te, c.info["hy"], c.info["hm"], c.info["hd"])


@resolver("islamic")
def r_islamic(cx: Ctx, c: Candidate, te) -> dt.date | None:
    info = c.info
    ref = cx.ref
    hm, hd = info["hm"], info["hd"]
    if "hy" in info:
        return _hijri(te, info["hy"], hm, hd)
    if "y" in info:
        y = info["y"]
        hy0 = hijri_year(y, 7, 1) if 1925 <= y <= 2075 else None
        if hy0 is None:
            te.value = None
            return None
        for hy in (hy0 - 1, hy0, hy0 + 1):
            probe = TimeExpression(0, 0, "", "DATE")
            d = _hijri(probe, hy, hm, hd or 1)
            if d and (d.year == y or (hd == 0 and probe.value and probe.value[:4] == str(y))):
                return _hijri(te, hy, hm, hd)
        te.value = None
        return None
    te.anchor = "published"
    if ref is None or not (1925 <= ref.year <= 2075):
        te.value = None
        return None
    tense = tense_of(cx.tg, cx.text, c)
    hy0 = hijri_year(ref.year, ref.month, ref.day)
    best = None
    for hy in (hy0 - 1, hy0, hy0 + 1):
        probe = TimeExpression(0, 0, "", "DATE")
        d = _hijri(probe, hy, hm, hd)
        if hd == 0 and probe.value:
            d, probe_end = (dt.date.fromisoformat(x) for x in probe.value.split("/"))
        if d is None:
            continue
        delta = (d - ref).days
        if hd == 0 and d <= ref <= probe_end:
            delta = 0
        if (tense == -1 and delta > 0) or (tense == 1 and delta < 0):
            continue
        if best is None or abs(delta) < best[0]:
            best = (abs(delta), hy)
    if best is None:
        te.value = None
        return None
    return _hijri(te, best[1], hm, hd)


@resolver("anniv")
def r_anniv(cx: Ctx, c: Candidate, te) -> dt.date | None:
    day = valid_date(c.info["y"], c.info["m"], c.info["d"])
    te.value = day.isoformat() if day else None
    return day


@resolver("holiday")
def r_holiday(cx: Ctx, c: Candidate, te) -> dt.date | None:
    info = c.info
    ref = cx.ref
    y = info.get("y")
    if y is None:
        if ref is None:
            te.value = f"XXXX-{info['m']:02d}-{info['d']:02d}"
            te.anchor = "published"
            return None
        y = nearest_year(info["m"], info["d"], ref, tense_of(cx.tg, cx.text, c))
        te.anchor = "published"
    day = valid_date(y, info["m"], info["d"])
    te.value = day.isoformat() if day else None
    return day


@resolver("yholiday")
def r_yholiday(cx: Ctx, c: Candidate, te) -> dt.date | None:
    info = c.info
    ref = cx.ref
    lex = cx.tg.lex
    y = info.get("y")
    te.anchor = "absolute"
    if y is None:
        te.anchor = "published"
        if ref is None:
            te.value = None
            return None
        tense = tense_of(cx.tg, cx.text, c)
        best = None
        for yy in (ref.year - 1, ref.year, ref.year + 1):
            d = movable_holiday(info["name"], yy, lex)
            if d is None or (tense == -1 and d > ref) or (tense == 1 and d < ref):
                continue
            if best is None or abs((d - ref).days) < abs((best - ref).days):
                best = d
        day = best
    else:
        day = movable_holiday(info["name"], y, lex)
    te.value = day.isoformat() if day else None
    return day
