"""Clock times and parts of day: ``pukul 14.20 WIB``, ``14:20 WITA``, ``pukul 7 malam``,
``pukul 16.00 WIB sampai 16.55 WIB``, ``pagi hari``, ``pada malam, ...``."""

from __future__ import annotations

from typing import Any

from ..context import starts_sentence
from ..lexicon import norm
from ..types import Candidate
from .common import groups, handler


def clock_info(tg, m, rule: str) -> dict[str, Any] | None:
    """Hour, minute, optional end of a range and zone of a clock match; ``None`` when out of range."""
    g = groups(m, rule)
    h = int(g("h"))
    mi = int(g("mi")) if g("mi") else 0
    if h > 24 or mi > 59:
        return None
    info: dict[str, Any] = {"h": h, "mi": mi}
    if g("h2"):
        h2 = int(g("h2"))
        mi2 = int(g("mi2")) if g("mi2") else 0
        if h2 > 24 or mi2 > 59:
            return None
        info["h2"], info["mi2"] = h2, mi2
    z = g("z") or g("z0") or (g("z2") if rule == "clock" else None)
    if z:
        info["zone"] = tg.zones[norm(z)]
    return info


@handler("clock")
def x_clock(tg, m, text):
    info = clock_info(tg, m, "clock")
    if info is None:
        return None
    g = groups(m, "clock")
    if tg.lex["clock_words"][norm(g("pre"))] and not (g("mi") or g("z") or g("part")):
        return None  # "jam 3" needs minutes, a zone or a part of day to be a clock time
    if g("part"):
        word = norm(g("part"))
        info["part_word"] = word
        # [hours to add, only below this hour, 12 o'clock is midnight]: "pukul 7 malam" = 19:00
        shift, below, midnight = tg.lex["part_hour_shift"].get(word, (0, 12, False))
        if shift and info["h"] < below:
            info["h"] += shift
            if "h2" in info and info["h2"] < 12:
                info["h2"] += shift
        if midnight and info["h"] == 12:
            info["h"] = 0
    return Candidate(m.start(), m.end(), "clock", info)


@handler("clockz")
def x_clockz(tg, m, text):
    info = clock_info(tg, m, "clockz")
    if info is None:
        return None
    return Candidate(m.start(), m.end(), "clock", info)


@handler("partday")
def x_partday(tg, m, text):
    if m.group()[0].isupper() and not starts_sentence(text, m.start()):
        return None  # "Timur Tengah hari ini": a capitalised word mid-sentence is a name
    if _habitual_before(tg, text, m.start()):
        return None  # "rutin di pagi hari": a habit, no particular morning
    p = norm(m.group("partday_p"))
    part = tg.parts[p] if p in tg.parts else tg.parts[p.rsplit(" ", 1)[0]]
    return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": 0, "part": part})


@handler("prayer")
def x_prayer(tg, m, text):
    """``Minggu selepas ashar``, ``usai salat Jumat``, ``subuh``: a prayer time is a part of day."""
    g = groups(m, "prayer")
    pre = norm(g("pre") or "")
    mod = tg.lex["part_preps"].get(pre)
    start = m.start()
    if pre and not mod:  # "pada salat subuh": a plain preposition stays outside the span
        start = m.end("prayer_pre")
        while text[start].isspace():
            start += 1
    if g("w"):
        wd, part = tg.lex["weekly_prayers"][norm(g("w"))]
        return Candidate(start, m.end(), "weekday", {"wd": wd, "part": tg.parts[part]}, mod=mod)
    part = tg.parts[tg.lex["prayer_times"][norm(g("p"))]]
    return Candidate(start, m.end(), "prev", {"unit": "D", "k": 0, "part": part}, mod=mod)


@handler("barepart")
def x_barepart(tg, m, text):
    before = text[max(0, m.start() - 12) : m.start()].split()
    if not before or norm(before[-1]) not in tg.bare_after:
        return None
    if _habitual_before(tg, text, m.start()):
        return None
    p = norm(m.group("barepart_p"))
    return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": 0, "part": tg.parts[p]})


def _habitual_before(tg, text: str, start: int) -> bool:
    """A habitual word among the three words before (``rutin``, ``biasanya``, ``selalu``)."""
    words = text[max(0, start - 30) : start].split()[-3:]
    return any(norm(w) in tg.habitual for w in words)
