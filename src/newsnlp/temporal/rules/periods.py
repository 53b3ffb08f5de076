"""Periods: decades, centuries, quarters, halves, seasons, weekends, ordinal weeks and the start,
middle or end of a year, month or week (``tahun 2000-an``, ``abad ke-21``, ``kuartal III 2020``,
``semester pertama``, ``musim hujan``, ``akhir pekan ini``, ``pekan kedua Juni``, ``awal tahun``)."""

from __future__ import annotations

from typing import Any

from ..calendar import roman
from ..lexicon import norm, parse_number
from ..types import Candidate
from .common import groups, handler


@handler("decade")
def x_decade(tg, m, text):
    g = groups(m, "decade")
    y = g("y")
    if len(y) == 2:
        if not g("pre"):
            return None
        y = ("19" if int(y) >= 30 else "20") + y
    if not y.endswith("0") or not (1000 <= int(y) <= 2100):
        return None
    return Candidate(m.start(), m.end(), "decade", {"value": y[:3]})


@handler("century")
def x_century(tg, m, text):
    g = groups(m, "century")
    raw = g("n")
    n = int(raw) if raw.isdigit() else roman(norm(raw), tg.roman)
    if n is None:
        w = norm(raw)
        w = w[2:] if w.startswith("ke") else w
        n = parse_number(w, tg.lex)
        n = int(n) if n else None
    if not n or n > 30:
        return None
    bc = bool(g("bc")) and tg.lex["era_suffixes"][norm(g("bc"))] < 0
    return Candidate(m.start(), m.end(), "century", {"n": n, "bc": bc})


@handler("quarter")
def x_quarter(tg, m, text):
    g = groups(m, "quarter")
    if g("t2"):
        return Candidate(m.start(), m.end(), "quarter", {"t": tg.shift(g("t2"))})
    q = g("q") or g("qq")[1]
    qn = tg.lex["ordinals"].get(norm(q))
    if qn is None or qn > 4:
        return None
    info: dict[str, Any] = {"q": qn}
    if g("y"):
        info["y"] = int(g("y"))
    elif g("t"):
        info["t"] = tg.shift(g("t"))
    return Candidate(m.start(), m.end(), "quarter", info)


@handler("half")
def x_half(tg, m, text):
    g = groups(m, "half")
    h = tg.lex["ordinals"].get(norm(g("h")))
    if h not in (1, 2):
        return None
    info: dict[str, Any] = {"h": h}
    if g("y"):
        info["y"] = int(g("y"))
    elif g("t"):
        info["t"] = tg.shift(g("t"))
    return Candidate(m.start(), m.end(), "half", info)


@handler("season")
def x_season(tg, m, text):
    g = groups(m, "season")
    info: dict[str, Any] = {"s": tg.lex["seasons"][norm(g("name"))]}
    if g("y"):
        info["y"] = int(g("y"))
    elif g("t"):
        info["t"] = tg.shift(g("t"))
    return Candidate(m.start(), m.end(), "season", info)


@handler("weekend")
def x_weekend(tg, m, text):
    t = m.group("weekend_t")
    info = {"t": tg.shift(t) if t else None, "previous": bool(t) and norm(t) in tg.prev_after}
    return Candidate(m.start(), m.end(), "weekend", info)


@handler("periodmod")
def x_periodmod(tg, m, text):
    g = groups(m, "periodmod")
    mod = tg.mods.get(norm(g("m")), "END")
    unit = tg.units[norm(g("u"))]
    return Candidate(m.start(), m.end(), "unitrel", {"unit": unit, "k": 0}, mod=mod)


@handler("ordweek")
def x_ordweek(tg, m, text):
    g = groups(m, "ordweek")
    info: dict[str, Any] = {"o": tg.lex["ordinal_weeks"][norm(g("o"))]}
    if g("mon"):
        if not g("mon")[0].isupper():
            return None
        info["m"] = tg.months[norm(g("mon"))]
        if g("y"):
            info["y"] = int(g("y"))
        elif g("t"):
            info["tense"] = tg.tense[norm(g("t"))]
    else:
        info["mrel"] = tg.shift_of[norm(g("bt"))]
    return Candidate(m.start(), m.end(), "ordweek", info)
