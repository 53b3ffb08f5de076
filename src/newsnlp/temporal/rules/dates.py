"""Calendar dates, months, years and weekdays: ``Minggu (2/8/2020)``, ``17 Agustus 1945``,
``2020-08-02``, ``Agustus 1990``, ``tahun 2019``, ``pada Senin``, ``tanggal 10``."""

from __future__ import annotations

from typing import Any

from ..context import starts_sentence
from ..lexicon import norm
from ..types import Candidate
from .common import groups, handler, suffix


@handler("iso")
def x_iso(tg, m, text):
    g = groups(m, "iso")
    info = {"y": int(g("y")), "m": int(g("m")), "d": int(g("d"))}
    if g("hh"):
        info["clock"] = (int(g("hh")), int(g("mi")))
    return Candidate(m.start(), m.end(), "date", info)


@handler("datenum")
def x_datenum(tg, m, text):
    g = groups(m, "datenum")
    info: dict[str, Any] = {"wd": tg.wd(g("wd"))}
    if g("d"):
        info["d"], info["m"] = int(g("d")), int(g("m"))
        if g("d2"):
            info["d0"] = info["d"]
            info["d"] = int(g("d2"))
        y = g("y")
        if y is None and info["wd"] is None:
            return None
    elif g("pd"):
        # "Pada 2/8," without a year: a date only right after a date preposition
        if not tg.date_prep_before.search(text, max(0, m.start() - 12), m.start()):
            return None
        info["d"], info["m"] = int(g("pd")), int(g("pm"))
        if not (1 <= info["d"] <= 31 and 1 <= info["m"] <= 12):
            return None
        y = None
    else:
        info["d"], info["m"] = int(g("bd")), int(g("bm"))
        y = g("by")
        if g("sep") == "." and len(y) != 4:
            return None
    if y is not None:
        if len(y) == 4:
            info["y"] = int(y)
        elif len(y) == 2 and not g("d"):
            info["y"] = 2000 + int(y) if int(y) < 50 else 1900 + int(y)
        else:
            info["bad_year"] = True
    if info["wd"] is not None and g("wd")[0].islower():
        return None
    suffix(tg, m, "datenum", info)
    if g("wpart") and "part" not in info:
        info["part"] = tg.parts[norm(g("wpart"))]
    return Candidate(m.start(), m.end(), "date", info)


@handler("hijri")
def x_hijri(tg, m, text):
    g = groups(m, "hijri")
    info = {"hd": int(g("d")), "hm": tg.lex["hijri_months"][norm(g("hm"))], "hy": int(g("hy"))}
    return Candidate(m.start(), m.end(), "hijri", info)


@handler("datetext")
def x_datetext(tg, m, text):
    g = groups(m, "datetext")
    wd = g("wd")
    if wd and wd[0].islower():
        return None
    mon = g("mon")
    if mon[0].islower() and norm(mon).rstrip(".") in tg.month_abbrev:
        return None  # "49 des(a)": lower-case abbreviations are not months
    if int(g("d")) > 31:
        return None
    info: dict[str, Any] = {"wd": tg.wd(wd), "d": int(g("d")), "m": tg.months[norm(mon).rstrip(".")]}
    if g("d2"):
        info["d0"] = info["d"]
        info["d"] = int(g("d2"))
        if g("m1"):
            info["m0"] = tg.months[norm(g("m1")).rstrip(".")]
    if g("y"):
        info["y"] = int(g("y"))
    suffix(tg, m, "datetext", info)
    return Candidate(m.start(), m.end(), "date", info)


@handler("engdate")
def x_engdate(tg, m, text):
    g = groups(m, "engdate")
    info = {
        "wd": tg.wd(g("wd")),
        "d": int(g("d")),
        "m": tg.months[norm(g("mon")).rstrip(".")],
        "y": int(g("y")),
    }
    return Candidate(m.start(), m.end(), "date", info)


@handler("tanggal")
def x_tanggal(tg, m, text):
    g = groups(m, "tanggal")
    d = int(g("d"))
    if not 1 <= d <= 31:
        return None
    info: dict[str, Any] = {"d": d}
    if g("mt"):
        info["mrel"] = tg.shift_of[norm(g("mt")).split(None, 1)[1]]
    return Candidate(m.start(), m.end(), "tanggal", info)


@handler("monthyear")
def x_monthyear(tg, m, text):
    g = groups(m, "monthyear")
    return Candidate(
        m.start(), m.end(), "monthyear", {"m": tg.months[norm(g("mon")).rstrip(".")], "y": int(g("y"))}
    )


@handler("year")
def x_year(tg, m, text):
    g = groups(m, "year")
    pre = g("pre")
    start = m.start()
    if pre:
        if tg.p.law_before.search(text, max(0, start - 25), start):
            return None
    else:
        before = text[max(0, start - 20) : start].rstrip()
        if not before:
            return None
        season = g("y2") and int(g("y2")) == int(g("y")) + 1 and int(g("y")) >= 1900
        if before[-1] not in "(,–-" and not season:
            last = norm(before.rsplit(None, 1)[-1])
            if last not in tg.year_prep:
                return None
        lead = tg.year_lead.search(text, max(0, start - 12), start)
        if lead and tg.p.law_before.search(text, max(0, start - 40), start - len(lead.group())):
            return None
    info: dict[str, Any] = {"y": int(g("y"))}
    if g("bc") and tg.lex["era_suffixes"][norm(g("bc"))] < 0:
        info["bc"] = True
    if g("y2"):
        y2 = int(g("y2"))
        if y2 <= info["y"]:
            return None
        info["y2"] = y2
    return Candidate(start, m.end(), "year", info)


@handler("month")
def x_month(tg, m, text):
    g = groups(m, "month")
    mon = g("mon")
    if not mon[0].isupper():
        return None
    info: dict[str, Any] = {"m": tg.months[norm(mon)]}
    suffix(tg, m, "month", info)
    has_bulan = (
        norm(m.group("month")).split()[0] in tg.month_units
        or tg.p.month_range_after.match(text, m.end()) is not None
    )
    if not (
        has_bulan
        or "tense" in info
        or "relyear" in info
        or tg.p.month_prep.search(text, max(0, m.start() - 20), m.start())
    ):
        return None
    if info.get("part"):
        return None
    return Candidate(m.start(), m.end(), "month", info)


@handler("weekday")
def x_weekday(tg, m, text):
    g = groups(m, "weekday")
    wd = g("wd")
    if not wd[0].isupper():
        return None
    info: dict[str, Any] = {"wd": tg.wd(wd)}
    suffix(tg, m, "weekday", info)
    if "relyear" in info:
        return None
    if norm(wd) in tg.week_units and "tense" in info and starts_sentence(text, m.start()):
        # "Minggu lalu." opening a sentence: last week, not last Sunday
        return Candidate(m.start(), m.end(), "unitrel", {"unit": "W", "k": tg.shift_of[info["tense_word"]]})
    return Candidate(m.start(), m.end(), "weekday", info)
