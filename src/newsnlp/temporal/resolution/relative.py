"""Resolvers of expressions relative to the publication date or the previous date, of quantities,
periods, references and sets."""

from __future__ import annotations

import datetime as dt

from ..calendar import add_months, shift_value, week
from ..types import Candidate
from .common import Ctx, resolver


@resolver("set")
def r_set(cx: Ctx, c: Candidate, te) -> None:
    te.type, te.value = "SET", c.info["value"]
    return None


@resolver("ref")
def r_ref(cx: Ctx, c: Candidate, te) -> None:
    te.value, te.anchor = c.info["value"], "published"
    return None


@resolver("relday")
def r_relday(cx: Ctx, c: Candidate, te) -> dt.date | None:
    info = c.info
    ref = cx.ref
    day = None
    te.anchor = "published"
    if ref:
        day = ref + dt.timedelta(days=info["k"])
        te.value = day.isoformat()
    if info.get("part"):
        te.type = "TIME"
        te.value = (te.value or "XXXX-XX-XX") + "T" + info["part"]
    return day


@resolver("unitrel")
def r_unitrel(cx: Ctx, c: Candidate, te) -> None:
    unit, k = c.info["unit"], c.info["k"]
    te.anchor = "published"
    if cx.ref is None:
        te.value = None
        return None
    te.value = shift_value(cx.ref, unit, k)
    return None


@resolver("weekend")
def r_weekend(cx: Ctx, c: Candidate, te) -> None:
    k = c.info["t"] or 0
    ref = cx.ref
    if ref is None:
        te.value, te.anchor = "XXXX-WXX-WE", "published"
        return None
    base = ref
    if c.info["previous"] and cx.state["last"]:
        base = cx.state["last"]
        te.anchor = "previous"
    else:
        te.anchor = "published"
    te.value = week(base + dt.timedelta(weeks=k)) + "-WE"
    return None


@resolver("quarter", "half", "season")
def r_period(cx: Ctx, c: Candidate, te) -> None:
    info = c.info
    kind = c.kind
    ref = cx.ref
    y = info.get("y")
    t = info.get("t") or 0  # the direction of a tense word after it
    if y is None:
        te.anchor = "published"
        if ref is None:
            te.value = None
            return None
        y = ref.year
    if kind == "quarter":
        q = info.get("q")
        if q is None:
            q = (ref.month - 1) // 3 + 1
            idx = y * 4 + q - 1 + t
            y, q = idx // 4, idx % 4 + 1
        else:
            y += t
        te.value = f"{y:04d}-Q{q}"
    elif kind == "half":
        te.value = f"{y + t:04d}-H{info['h']}"
    else:
        te.value = f"{y + t:04d}-{info['s']}"
    return None


@resolver("prev")
def r_prev(cx: Ctx, c: Candidate, te) -> dt.date | None:
    info = c.info
    state = cx.state
    ref = cx.ref
    unit, k = info["unit"], info["k"]
    base = state["last"] if k > 0 else (state["base"] or state["last"])
    te.anchor = "previous"
    if unit == "Y":
        y = state["last_y"]
        if y is None:
            if ref is None:
                return None
            y, te.anchor = ref.year, "published"
        te.value = f"{y + k:04d}"
        return None
    if unit == "M":
        ym = state["last_m"]
        if ym is None:
            if ref is None:
                return None
            ym, te.anchor = (ref.year, ref.month), "published"
        y, mo = add_months(ym[0], ym[1], k)
        te.value = f"{y:04d}-{mo:02d}"
        return None
    if base is None:
        if ref is None:
            te.value = None
            return None
        base, te.anchor = ref, "published"
    if unit == "W":
        te.value = week(base + dt.timedelta(weeks=k))
        return None
    day = base + dt.timedelta(days=k)
    te.value = day.isoformat()
    if info.get("part"):
        te.type = "TIME"
        te.value += "T" + info["part"]
    return day


@resolver("qty")
def r_qty(cx: Ctx, c: Candidate, te) -> dt.date | None:
    text = cx.text
    info = c.info
    state = cx.state
    anchor = cx.anchor
    ref = cx.ref
    lex = cx.tg.lex
    d = info["dir"]
    unit = info["unit"]
    after = lex["quantity_after"].get(d or "")
    prev = d in lex["previous_after"]
    sign = lex["previous_after"][d] if prev else (1 if after == "future" else cx.tg.tense.get(d or "", 0))
    if sign == 0 or (after or "").startswith("duration"):
        te.type = "DURATION"
        te.value = info["value"]
        if after == "duration cut":
            # "dua tahun ini": still a duration; the extra word is not part of the expression
            te.end = c.start + len(text[c.start : c.end].rsplit(None, 1)[0])
            te.text = text[te.start : te.end]
        return None
    if "value2" in info:
        te.type, te.value = "DURATION", info["value"]
        return None
    if info.get("vague"):
        te.value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        te.anchor = "previous" if prev else "published"
        return None
    base = ref
    te.anchor = "published"
    if prev:
        if unit == "Y" and state["last_y"] is not None:
            te.anchor = "previous"
            te.value = f"{state['last_y'] + sign * int(info['n']):04d}"
            return None
        if state["last"] is not None:
            base, te.anchor = state["last"], "previous"
    if base is None:
        te.value = None
        return None
    n = info["n"]
    if n != int(n):
        te.value = None
        return None
    n = int(n) * sign
    if unit == "D":
        day = base + dt.timedelta(days=n)
        te.value = day.isoformat()
        return day
    if unit in ("W", "M", "Y", "DE"):
        te.value = shift_value(base, unit, n)
    elif unit in ("H", "Mi", "S") and anchor and anchor.hour is not None and not prev:
        t0 = dt.datetime(base.year, base.month, base.day, anchor.hour, anchor.minute or 0)
        delta = {"H": dt.timedelta(hours=n), "Mi": dt.timedelta(minutes=n), "S": dt.timedelta(seconds=n)}[
            unit
        ]
        t1 = t0 + delta
        te.type = "TIME"
        te.value = t1.strftime("%Y-%m-%dT%H:%M") + (anchor.zone or "")
    elif unit in ("H", "Mi", "S"):
        te.type = "TIME"
        te.value = "PAST_REF" if sign < 0 else "FUTURE_REF"
    else:
        te.value = None
    return None
