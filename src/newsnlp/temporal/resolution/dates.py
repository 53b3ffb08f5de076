"""Resolvers of calendar dates, ranges, months, years, weekdays and ordinal weeks."""

from __future__ import annotations

import datetime as dt

from ..calendar import add_months, nearest_month_year, nearest_year, valid_date, week
from ..context import tense_of
from ..types import Candidate
from .common import Ctx, resolve_one, resolver


@resolver("date")
def r_date(cx: Ctx, c: Candidate, te) -> dt.date | None:
    info = c.info
    ref = cx.ref
    mm, dd, wd = info["m"], info["d"], info.get("wd")
    if info.get("bad_year"):
        te.flags.append("invalid_year")
        te.value = None
        return None
    if (
        not (1 <= mm <= 12 and 1 <= dd <= 31)
        or ("y" in info and valid_date(info["y"], mm, dd) is None)
        or valid_date(2000, mm, dd) is None
    ):
        te.flags.append("impossible_date")
        te.value = None
        return None
    if "y" in info:
        y = info["y"]
        te.anchor = "absolute"
    elif "relyear" in info:
        if ref is None:
            te.anchor = "published"
            te.value = f"XXXX-{mm:02d}-{dd:02d}"
            return None
        y = ref.year + info["relyear"]
        te.anchor = "published"
    else:
        te.anchor = "published"
        if ref is None:
            te.value = f"XXXX-{mm:02d}-{dd:02d}"
            return None
        tense = tense_of(cx.tg, cx.text, c)
        y = nearest_year(mm, dd, ref, tense, wd)
        if (
            wd is not None
            and tense is not None
            and "tense" not in info
            and y is not None
            and valid_date(y, mm, dd)
            and valid_date(y, mm, dd).isoweekday() != wd
        ):
            # a future cue earlier in the sentence is weaker evidence than the stated weekday
            y2 = nearest_year(mm, dd, ref, None, wd)
            if y2 is not None and valid_date(y2, mm, dd).isoweekday() == wd:
                y = y2
        if y is None:
            te.flags.append("impossible_date")
            return None
    day = valid_date(y, mm, dd)
    if day is None:
        te.flags.append("impossible_date")
        te.value = None
        return None
    if wd is not None and day.isoweekday() != wd:
        te.flags.append("weekday_mismatch")
    if "d0" in info:
        m0 = info.get("m0", mm)
        d0 = valid_date(y, m0, info["d0"])
        if d0 is None or d0 > day:
            te.flags.append("impossible_date")
            te.value = None
            return None
        te.value = f"{d0.isoformat()}/{day.isoformat()}"
        return day
    te.value = day.isoformat()
    return day


@resolver("range")
def r_range(cx: Ctx, c: Candidate, te) -> dt.date | None:
    a, b = c.info["a"], c.info["b"]
    if a.kind == "date" and b.kind == "date" and "y" not in a.info and "y" in b.info:
        a.info["y"] = b.info["y"]
        if "m" not in a.info:
            a.info["m"] = b.info["m"]
    if a.kind in ("month",) and b.kind == "monthyear":
        a = Candidate(a.start, a.end, "monthyear", {"m": a.info["m"], "y": b.info["y"]})
    ta, da = resolve_one(Ctx(cx.tg, cx.text, cx.anchor, dict(cx.state)), a)
    tb, db = resolve_one(Ctx(cx.tg, cx.text, cx.anchor, dict(cx.state)), b)
    if da and db and db < da and b.kind == "weekday":
        db = db + dt.timedelta(days=7 * ((da - db).days // 7 + 1))
        tb.value = db.isoformat()
    te.flags = ta.flags + [f for f in tb.flags if f not in ta.flags]
    if ta.value and tb.value:
        te.value = f"{ta.value}/{tb.value}"
    te.anchor = (
        "absolute"
        if ta.anchor == tb.anchor == "absolute"
        else ("previous" if "previous" in (ta.anchor, tb.anchor) else "published")
    )
    if not cx.ref and te.anchor != "absolute":
        te.value = None
    return db


@resolver("tanggal")
def r_tanggal(cx: Ctx, c: Candidate, te) -> dt.date | None:
    info = c.info
    ref = cx.ref
    te.anchor = "published"
    day = None
    if ref:
        y, mo = add_months(ref.year, ref.month, info.get("mrel", 0))
        if "mrel" not in info:
            best = None
            for k in (-1, 0, 1):
                yy, mm = add_months(ref.year, ref.month, k)
                d = valid_date(yy, mm, info["d"])
                if d and (best is None or abs((d - ref).days) < abs((best - ref).days)):
                    best = d
            day = best
        else:
            day = valid_date(y, mo, info["d"])
        te.value = day.isoformat() if day else None
    return day


@resolver("month")
def r_month(cx: Ctx, c: Candidate, te) -> None:
    info = c.info
    ref = cx.ref
    te.anchor = "published"
    if "relyear" in info and ref:
        te.value = f"{ref.year + info['relyear']:04d}-{info['m']:02d}"
    elif ref:
        tense = tense_of(cx.tg, cx.text, c)
        y = ref.year
        if tense == -1 and info["m"] > ref.month - (1 if info.get("tense_word") else 0):
            y -= 1 if info["m"] >= ref.month else 0
        if tense == 1 and info["m"] < ref.month:
            y += 1
        if tense is None:
            y = nearest_month_year(info["m"], ref)
        te.value = f"{y:04d}-{info['m']:02d}"
    else:
        te.value = f"XXXX-{info['m']:02d}"
    return None


@resolver("weekday")
def r_weekday(cx: Ctx, c: Candidate, te) -> dt.date | None:
    info = c.info
    ref = cx.ref
    wd = info["wd"]
    te.anchor = "published"
    if ref is None:
        te.value = f"XXXX-WXX-{wd}"
        if info.get("part"):
            te.type = "TIME"
            te.value += "T" + info["part"]
        return None
    tense = tense_of(cx.tg, cx.text, c)
    diff = wd - ref.isoweekday()
    tw = info.get("tense_word")
    if tense == -1:
        back = (-diff) % 7 or (7 if tw else 0)
        day = ref - dt.timedelta(days=back)
    elif tense == 1:
        fwd = diff % 7 or (7 if tw else 0)
        day = ref + dt.timedelta(days=fwd)
    elif tense == 0:
        day = ref + dt.timedelta(days=diff)
    else:
        back = (-diff) % 7
        fwd = diff % 7
        day = ref - dt.timedelta(days=back) if back <= fwd else ref + dt.timedelta(days=fwd)
    te.value = day.isoformat()
    return day


@resolver("monthyear")
def r_monthyear(cx: Ctx, c: Candidate, te) -> None:
    te.value = f"{c.info['y']:04d}-{c.info['m']:02d}"
    return None


@resolver("year")
def r_year(cx: Ctx, c: Candidate, te) -> None:
    info = c.info
    y = info["y"]
    if info.get("bc"):
        te.value = f"-{y:04d}" if y < 10000 else None
    elif "y2" in info:
        te.value = f"{y}/{info['y2']}"
    else:
        te.value = f"{y:04d}"
    return None


@resolver("decade")
def r_decade(cx: Ctx, c: Candidate, te) -> None:
    te.value = c.info["value"]
    return None


@resolver("century")
def r_century(cx: Ctx, c: Candidate, te) -> None:
    te.value = ("-" if c.info["bc"] else "") + f"{c.info['n'] - 1:02d}"
    return None


@resolver("ordweek")
def r_ordweek(cx: Ctx, c: Candidate, te) -> None:
    info = c.info
    ref = cx.ref
    if "m" in info:
        mm = info["m"]
        if "y" in info:
            y = info["y"]
            te.anchor = "absolute"
        else:
            te.anchor = "published"
            if ref is None:
                te.value = None
                return None
            y = ref.year
            tense = info.get("tense")
            if tense == -1 and mm > ref.month:
                y -= 1
            elif tense == 1 and mm < ref.month:
                y += 1
            elif tense is None:
                y = nearest_month_year(mm, ref)
    else:
        te.anchor = "published"
        if ref is None:
            te.value = None
            return None
        y, mm = add_months(ref.year, ref.month, info["mrel"])
    o = info["o"]
    if o == -1:
        last = (dt.date(*add_months(y, mm, 1), 1) - dt.timedelta(days=1)).day
        probe = dt.date(y, mm, last - 3)
    else:
        probe = valid_date(y, mm, 7 * (o - 1) + 4)
    te.value = week(probe) if probe else None
    return None
