"""Quantities of time and repetitions: durations (``tiga bulan``, ``1 jam 30 menit``, ``beberapa
hari``, ``bertahun-tahun``, ``1x24 jam``), quantities with a direction (``dua hari lalu``, ``3 hari
lagi``, ``dua hari kemudian``) and sets (``setiap Senin``, ``per hari``, ``dua kali sehari``)."""

from __future__ import annotations

import re
from typing import Any

from ..calendar import UNIT_ORDER, join_durations
from ..lexicon import norm, parse_number
from ..types import Candidate
from .common import groups, handler


@handler("setx")
def x_setx(tg, m, text):
    g = groups(m, "setx")
    if g("pu"):
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and norm(before[-1]).rstrip(".") in tg.rate_units:
            return None  # "200 km per jam" is a speed
        return Candidate(m.start(), m.end(), "set", {"value": tg.dur(1, tg.units[norm(g("pu"))])})
    if g("n"):
        n = parse_number(g("n"), tg.lex)
        if n is None:
            return None
        return Candidate(m.start(), m.end(), "set", {"value": tg.dur(n, tg.units[norm(g("u"))])})
    wd = g("hwd") or g("wd")
    if wd:
        v = f"XXXX-WXX-{tg.wd(wd)}"
        if g("wpart"):
            v += "T" + tg.parts[norm(g("wpart"))]
        return Candidate(m.start(), m.end(), "set", {"value": v})
    if g("part"):
        return Candidate(m.start(), m.end(), "set", {"value": "T" + tg.parts[norm(g("part"))]})
    if g("td"):
        return Candidate(m.start(), m.end(), "set", {"value": f"XXXX-XX-{int(g('td')):02d}"})
    if g("dd"):
        return Candidate(
            m.start(),
            m.end(),
            "set",
            {"value": f"XXXX-{tg.months[norm(g('dmon')).rstrip('.')]:02d}-{int(g('dd')):02d}"},
        )
    uw = norm(g("u1"))
    uw = uw[:-3] if uw.endswith("nya") else uw
    return Candidate(m.start(), m.end(), "set", {"value": tg.dur(1, tg.units[uw])})


@handler("timesx")
def x_timesx(tg, m, text):
    g = groups(m, "timesx")
    uw = tg.lex["se_units"][norm(g("se"))] if g("se") else norm(g("u"))
    return Candidate(m.start(), m.end(), "set", {"value": tg.dur(1, tg.units[uw])})


@handler("qty")
def x_qty(tg, m, text):
    g = groups(m, "qty")
    info: dict[str, Any] = {"dir": norm(g("dir")) if g("dir") else None}
    if g("rd"):
        info["value"] = tg.lex["reduplicated_units"][norm(g("rd"))]
        info["vague"] = True
        info["unit"] = info["value"][-1]
    elif g("vq"):
        if _object_after(tg, norm(g("vu")), text, m.end("qty_vu")):
            return None  # "sejumlah jam tangan"
        u = tg.units[norm(g("vu"))]
        info["vague"] = True
        info["unit"] = u
        info["value"] = ("PTX" if u in ("H", "Mi", "S") else "PX") + {
            "Mi": "M",
            "DE": "DE",
            "CE": "CE",
        }.get(u, u[0])
    else:
        if g("se"):
            n: float | None = 1.0
            uw = tg.lex["se_units"][norm(g("se"))]
        else:
            n = parse_number(g("n"), tg.lex)
            uw = norm(g("u"))
            hi = g("nr") or g("nr2")
            if hi is not None and n is not None:
                nh = parse_number(hi, tg.lex)
                if nh is None or nh <= n:
                    return None  # "3-1 menit" is a score, not a range
                n = nh  # "dua-tiga tahun": the upper bound, approximately
                info["range"] = True
        if n is None or (g("n") and len(g("n")) == 4 and g("n")[:2] in ("19", "20")):
            return None  # "IFA 2017 bulan kemarin": a year of an event, not 2,017 months
        if g("an") and not g("n")[:1].isdigit():
            return None  # "dua tahunan": an adjective; "20 tahunan" is about twenty years
        if g("an"):
            info["range"] = True  # approximately
        if uw in tg.weekdays and g("u") and g("u")[0].isupper():
            return None  # "dua Minggu": Sunday, not weeks
        u = tg.units[uw]
        if u in ("Mi", "S") and tg.angle_before.search(text, max(0, m.start() - 25), m.start()):
            return None  # "08 derajat 50 menit LS": arc-minutes of a coordinate
        if _object_after(tg, uw, text, m.end("qty_u")):
            return None  # "sejumlah jam tangan": watches
        after = text[m.end("qty_u") if g("u") else m.end() : m.end("qty_u") + 8 if g("u") else m.end()]
        if u == "Y" and re.match(r"\s+\d{4}", after):
            return None
        if info["dir"] == "ini" and n >= 100:
            return None  # "sekitar 16.300 hari ini": a figure followed by "hari ini"
        info["n"], info["unit"] = n, u
        info["value"] = tg.dur(n, u)
        if g("n2"):
            n2 = parse_number(g("n2"), tg.lex)
            u2 = tg.units[norm(g("u2"))]
            if n2 is not None and UNIT_ORDER.index(u2) > UNIT_ORDER.index(u):
                info["value2"] = tg.dur(n2, u2)
                info["value"] = join_durations(info["value"], info["value2"])
            else:  # "15 tahun dan 20 tahun": two durations, not one
                info["dir"] = None
                return Candidate(m.start(), m.end("qty_an") if g("an") else m.end("qty_u"), "qty", info)
    return Candidate(m.start(), m.end(), "qty", info)


def _object_after(tg, unit_word: str, text: str, end: int) -> bool:
    """The unit word names an object here ("jam tangan", "jam dinding")."""
    nouns = tg.lex["unit_objects"].get(unit_word)
    if not nouns:
        return False
    nxt = text[end : end + 20].split(None, 1)
    return bool(nxt) and norm(nxt[0]).strip(".,;:") in nouns


@handler("vdur")
def x_vdur(tg, m, text):
    value = tg.lex["vague_durations"][norm(m.group("vdur_w"))]
    return Candidate(m.start(), m.end(), "qty", {"dir": None, "vague": True, "unit": "Mi", "value": value})


@handler("xdur")
def x_xdur(tg, m, text):
    g = groups(m, "xdur")
    u = tg.units[norm(g("u"))]
    n = int(g("a")) * int(g("b"))
    if not n:
        return None
    return Candidate(
        m.start(), m.end(), "qty", {"dir": None, "n": float(n), "unit": u, "value": tg.dur(n, u)}
    )
