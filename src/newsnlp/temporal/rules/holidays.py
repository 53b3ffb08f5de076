"""Holidays: Islamic ones (``Idul Fitri 1441 H``, ``Lebaran lalu``), fixed ones (``Natal 2020``,
``Tahun Baru``), movable ones dated per year or from Easter (``Imlek 2025``, ``Paskah``) and
anniversaries (``HUT RI ke-75``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..lexicon import norm
from ..types import Candidate
from .common import groups, handler, holiday_tense


@handler("islamic")
def x_islamic(tg, m, text):
    g = groups(m, "islamic")
    name = norm(g("name"))
    hm, hd = tg.lex["islamic_holidays"][name]
    info: dict[str, Any] = {"hm": hm, "hd": hd}
    if g("y"):
        y = int(g("y"))
        h = norm(g("h") or "")
        if h in tg.lex["hijri_year_suffix"]:
            info["hy"] = y
        elif 1300 <= y <= 1500 and not h:
            info["hy"] = y
        else:
            info["y"] = y
    holiday_tense(tg, m, "islamic", info)
    if (
        g("name")[0].islower()
        and "y" not in info
        and "hy" not in info
        and name in tg.lex["islamic_capitalised_only"]
    ):
        return None
    return Candidate(m.start(), m.end(), "islamic", info)


@handler("anniv")
def x_anniv(tg, m, text):
    g = groups(m, "anniv")
    n = g("n1") or g("n2")
    if not n:
        return None
    base = dt.date.fromisoformat(tg.lex["anniversaries"][norm(g("who"))])
    return Candidate(m.start(), m.end(), "anniv", {"y": base.year + int(n), "m": base.month, "d": base.day})


@handler("holiday")
def x_holiday(tg, m, text):
    g = groups(m, "holiday")
    name = norm(g("name"))
    if " " not in name and not g("name")[0].isupper():
        return None
    mm, dd = (int(x) for x in tg.lex["holidays_fixed"][name].split("-"))
    info: dict[str, Any] = {"m": mm, "d": dd}
    if g("y"):
        info["y"] = int(g("y"))
    holiday_tense(tg, m, "holiday", info)
    return Candidate(m.start(), m.end(), "holiday", info)


@handler("yholiday")
def x_yholiday(tg, m, text):
    g = groups(m, "yholiday")
    name = norm(g("name"))
    if not g("name")[0].isupper():
        return None  # "paskah" in lower case is rare in news; names of holidays are capitalised
    info: dict[str, Any] = {"name": name}
    if g("y"):
        info["y"] = int(g("y"))
    holiday_tense(tg, m, "yholiday", info)
    return Candidate(m.start(), m.end(), "yholiday", info)
