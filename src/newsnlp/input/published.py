"""The publication date a caller gives (``published=``), as one ISO 8601 form, or a typed error.

Lenient with what corpora hold: ISO 8601 strings, ``datetime``/``date`` (pandas ``Timestamp``
too), numpy ``datetime64``, the integer ``20200803`` (``YYYYMMDD``), day-first numeric dates
(``05/03/2021``, ``5-3-2021 10:00``) and Indonesian or English date strings as outlets print them
(``Jumat, 5 Maret 2021 10:00 WIB``, ``5 Mar 2021``, ``March 5, 2021``). ``None``, ``NaN``, ``NaT``,
``pd.NA`` and blank strings mean "infer it from the text". Month, weekday and zone names come from
the time lexicon (``data/temporal/lexicon.json``), the one list of them.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from numbers import Integral
from typing import Any

from ..data import load_json
from ..errors import PublishedDateError
from ..textnorm import fold

__all__ = ["PUBLISHED_YEARS", "normalise_published"]

#: Years accepted for ``published``: an anchor near the ends of the calendar would make relative
#: dates ("tahun depan", "1.000 tahun lalu") overflow, and no news article is dated there.
PUBLISHED_YEARS = (1000, 9000)

_TIME = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?"
_TAIL = rf"(?:\s*,?\s*(?:(?P<cw>[^\W\d_]+\.?)\s+)?{_TIME})?\s*(?P<z>[^\W\d_]+|[+-]\d{{2}}:?\d{{2}}|Z)?"
#: ``05/03/2021``, ``5-3-2021 10:00``, ``05.03.2021, 10.00 WIB``: day first
_NUMERIC = re.compile(rf"(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}){_TAIL}")
#: ``Jumat, 5 Maret 2021 10:00 WIB``, ``5 Mar. 2021``, ``Friday, March 5, 2021``: names are any
#: letters here, looked up (folded) in the lexicon afterwards
_WORDS = re.compile(
    r"(?:(?P<wd>[^\W\d_]+(?:['’][^\W\d_]+)?)\s*,?\s+)?"
    r"(?:(?P<d>\d{1,2})\s+(?P<mon>[^\W\d_]+)\.?|(?P<mon2>[^\W\d_]+)\.?\s+(?P<d2>\d{1,2}),?)"
    rf"\s+(?P<y>\d{{4}}){_TAIL}"
)


def normalise_published(published: Any) -> str | None:
    """Turn ``published`` into an ISO 8601 string, ``None`` (infer it), or raise :class:`PublishedDateError`.

    A datetime keeps its time (minutes precision, seconds when not zero) and zone; a date gives
    ``YYYY-MM-DD``; a string with a zone name (``WIB`` ``+07:00``, ``WITA``, ``WIT``, ``UTC``) gets
    the offset. Years outside :data:`PUBLISHED_YEARS` are refused.
    """
    if _is_missing(published):
        return None
    if hasattr(published, "dtype") and str(getattr(published, "dtype", "")).startswith("datetime64"):
        published = published.astype("datetime64[us]").item()  # numpy datetime64 -> datetime
        if published is None:
            return None  # NaT
    if isinstance(published, _dt.datetime):
        value: _dt.date = published
    elif isinstance(published, _dt.date):
        value = published
    elif isinstance(published, Integral) and not isinstance(published, bool):
        value = _from_int(published)
    elif isinstance(published, str):
        text = published.strip()
        if not text:
            return None
        parsed = _from_string(text)
        if parsed is None:
            raise PublishedDateError(published)
        value = parsed
    else:
        raise PublishedDateError(published)
    if not PUBLISHED_YEARS[0] <= value.year <= PUBLISHED_YEARS[1]:
        raise PublishedDateError(published, f"year outside {PUBLISHED_YEARS[0]}-{PUBLISHED_YEARS[1]}")
    if isinstance(value, _dt.datetime):
        return _iso_datetime(value)
    return value.isoformat()


def _is_missing(value: Any) -> bool:
    """``None``, a float NaN, pandas ``NaT`` / ``NA``: no date given."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NaTType", "NAType")


def _from_int(n: int) -> _dt.date:
    """``20200803`` -> 2020-08-03 (``YYYYMMDD``); any other integer is refused."""
    s = str(int(n))
    if len(s) != 8:
        raise PublishedDateError(n, "an integer date must be YYYYMMDD")
    try:
        return _dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
    except ValueError:
        raise PublishedDateError(n) from None


def _from_string(text: str) -> _dt.date | None:
    try:
        if len(text) == 10 and text[4:5] == "-":
            return _dt.date.fromisoformat(text)
        if text[:4].isdigit() and text[4:5] == "-":
            return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if text.isdigit():
        try:
            return _from_int(int(text))
        except PublishedDateError:
            return None
    m = _NUMERIC.fullmatch(text)
    if m is not None:
        return _build(m, int(m["d"]), int(m["m"]))
    m = _WORDS.fullmatch(text)
    if m is None:
        return None
    lex = load_json("temporal", "lexicon.json")
    if m["wd"] and _key(m["wd"]) not in lex["weekdays"]:
        return None
    month = lex["months"].get(_key(m["mon"] or m["mon2"]))
    if month is None:
        return None
    return _build(m, int(m["d"] or m["d2"]), month)


def _key(word: str) -> str:
    """The lexicon key of a word matched as letters (no case-insensitive pattern is involved)."""
    return fold(word, apostrophes=True).rstrip(".")


def _build(m: re.Match, day: int, month: int) -> _dt.date | None:
    """The date (and time, zone) of a match of ``_NUMERIC`` or ``_WORDS``; ``None`` when invalid."""
    try:
        date = _dt.date(int(m["y"]), month, day)
    except ValueError:
        return None
    tz = None
    if m["z"]:
        tz = _zone(m["z"])
        if tz is None:
            return None
    if m["cw"] and _key(m["cw"]) not in load_json("temporal", "lexicon.json")["clock_words"]:
        return None
    if m["h"] is None:
        return date if tz is None else None
    try:
        t = _dt.time(int(m["h"]), int(m["mi"]), int(m["s"] or 0))
    except ValueError:
        return None
    return _dt.datetime.combine(date, t, tzinfo=tz)


def _zone(name: str) -> _dt.tzinfo | None:
    """``WIB`` -> UTC+07:00 (lexicon ``zones``), ``+0700`` / ``+07:00`` / ``Z``; ``None`` when unknown."""
    if name == "Z":
        return _dt.timezone.utc
    if name[0] in "+-":
        digits = name[1:].replace(":", "")
        offset = _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return _dt.timezone(-offset if name[0] == "-" else offset)
    iso = load_json("temporal", "lexicon.json")["zones"].get(_key(name))
    if iso is None:
        return None
    return _zone(iso)


def _iso_datetime(value: _dt.datetime) -> str:
    out = f"{value.date().isoformat()}T{value.hour:02d}:{value.minute:02d}"
    if value.second:
        out += f":{value.second:02d}"
    offset = value.utcoffset()
    if offset is not None:
        total = int(offset.total_seconds())
        sign = "-" if total < 0 else "+"
        total = abs(total)
        out += f"{sign}{total // 3600:02d}:{total % 3600 // 60:02d}"
    return out
