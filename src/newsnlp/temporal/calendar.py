"""Calendar arithmetic: ISO weeks, month shifts, TIMEX3 duration values, Easter, the Hijri calendar
and the holidays dated per year. Plain functions of numbers and dates; no text, no lexicon lookups
beyond the tables they are given."""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = [
    "UNIT_ORDER",
    "add_months",
    "duration",
    "easter",
    "hijri",
    "join_durations",
    "movable_holiday",
    "nearest_month_year",
    "nearest_year",
    "roman",
    "shift_value",
    "valid_date",
    "week",
]


#: Unit codes from the longest to the shortest (after the multiples are written in their base unit).
UNIT_ORDER = ("ML", "CE", "DE", "WI", "Y", "SEM", "Q", "M", "W", "D", "H", "Mi", "S")


def week(d: dt.date) -> str:
    """TIMEX3 ISO week of ``d`` (``2020-W32``)."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after month ``m`` of year ``y``."""
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def shift_value(base: dt.date, unit: str, k: int) -> str | None:
    """TIMEX3 value of the week, month, year, decade (``DE``) or century (``CE``) ``k`` units from
    ``base``; ``None`` for any other unit."""
    if unit == "W":
        return week(base + dt.timedelta(weeks=k))
    if unit == "M":
        y, mo = add_months(base.year, base.month, k)
        return f"{y:04d}-{mo:02d}"
    if unit == "Y":
        return f"{base.year + k:04d}"
    if unit == "DE":
        return f"{base.year // 10 + k:03d}"
    if unit == "CE":
        return f"{base.year // 100 + k:02d}"
    return None


def valid_date(y: int, m: int, d: int) -> dt.date | None:
    """The date, or ``None`` when it does not exist."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def duration(n: float, unit: str, multiples: dict[str, list]) -> str:
    """TIMEX3 duration value for ``n`` units (unit codes from the lexicon; ``multiples`` maps a unit
    written in a larger one, ``DE`` -> ``[10, "Y"]``)."""
    if unit in multiples:
        k, unit = multiples[unit]
        n = n * k
    if unit == "D" and n != int(n):
        n, unit = n * 24, "H"
    if unit == "Y" and n != int(n):
        n, unit = n * 12, "M"
    if unit == "H" and n != int(n):
        n, unit = n * 60, "Mi"
    num = str(int(n)) if n == int(n) else f"{n:g}"
    if unit in ("H", "S", "Mi"):
        return f"PT{num}{'M' if unit == 'Mi' else unit}"
    return f"P{num}{unit}"


def join_durations(a: str, b: str) -> str:
    """Join two durations: ``PT1H`` + ``PT30M`` -> ``PT1H30M``; ``P1Y`` + ``P6M`` -> ``P1Y6M``."""
    if a.startswith("PT") and b.startswith("PT"):
        return a + b[2:]
    if a.startswith("PT"):
        return a
    if b.startswith("PT"):
        return a + b[1:]
    return a + b[1:]


def roman(s: str, digits: dict[str, int]) -> int | None:
    """Value of the Roman numeral ``s`` (``digits``: the lexicon's ``roman`` table), else ``None``."""
    s = s.lower()
    if not s or any(c not in digits for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = digits[c]
        if i + 1 < len(s) and digits[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def easter(y: int) -> dt.date:
    """Easter Sunday of Gregorian year ``y`` (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def hijri(hy: int, hm: int, hd: int) -> tuple[str | None, dt.date | None]:
    """(TIMEX3 value, Gregorian day) of Hijri day ``hd`` of month ``hm`` of year ``hy`` (Umm al-Qura,
    ``hijridate``). ``hd == 0`` is the whole month, an interval value and no day. ``(None, None)``
    when the date does not exist or is out of the calendar's range."""
    from hijridate import Hijri

    try:
        if hd == 0:
            start = Hijri(hy, hm, 1)
            end = Hijri(hy, hm, start.month_length())
            g0, g1 = start.to_gregorian(), end.to_gregorian()
            return f"{g0.isoformat()}/{g1.isoformat()}", None
        g = Hijri(hy, hm, hd).to_gregorian()
    except (ValueError, OverflowError):
        return None, None
    day = dt.date(g.year, g.month, g.day)
    return day.isoformat(), day


def hijri_year(y: int, m: int, d: int) -> int:
    """The Hijri year holding the Gregorian day ``y-m-d``."""
    from hijridate import Gregorian

    return Gregorian(y, m, d).to_hijri().year


def movable_holiday(name: str, y: int, lex: dict[str, Any]) -> dt.date | None:
    """Date of a movable (non-Islamic) holiday in Gregorian year ``y``, or ``None`` when unknown:
    from Easter (``easter_holidays``) or from the per-year table (``holidays_by_year``)."""
    if name in lex["easter_holidays"]:
        if not 1583 <= y <= 4099:
            return None
        return easter(y) + dt.timedelta(days=lex["easter_holidays"][name])
    key = lex["holiday_names_by_year"][name]
    era = lex["holiday_era_offsets"].get(key)
    if era and y >= era[0]:
        y -= era[1]  # "Imlek 2576" (Kongzili), "Waisak 2569 BE" (Buddhist era)
    md = lex["holidays_by_year"][key].get(str(y))
    return dt.date.fromisoformat(f"{y}-{md}") if md else None


def nearest_month_year(mm: int, ref: dt.date) -> int:
    """The year that puts month ``mm`` within six months of ``ref``."""
    if mm - ref.month > 6:
        return ref.year - 1
    if ref.month - mm > 6:
        return ref.year + 1
    return ref.year


def nearest_year(mm: int, dd: int, ref: dt.date, tense: int | None, wd: int | None = None) -> int | None:
    """The year that puts day ``dd`` of month ``mm`` nearest ``ref`` in the direction of ``tense``
    (-1 on or before, 1 on or after, ``None`` either); a weekday ``wd`` that does not match costs
    400 days. ``None`` when the day exists in none of the nearby years."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = valid_date(y, mm, dd)
        if d is None:
            continue
        delta = (d - ref).days
        if tense == -1 and delta > 0:
            continue
        if tense == 1 and delta < 0:
            continue
        score = abs(delta) + (0 if wd is None or d.isoweekday() == wd else 400)
        if best is None or score < best[0]:
            best = (score, y)
    if best is None:
        for y in (ref.year, ref.year - 1, ref.year + 1, ref.year - 2, ref.year - 3):
            if valid_date(y, mm, dd):
                return y
        return None
    return best[1]
