"""The publication date a caller gives (``published=``), as one ISO 8601 form, or a typed error."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..errors import PublishedDateError

__all__ = ["PUBLISHED_YEARS", "normalise_published"]

#: Years accepted for ``published``: an anchor near the ends of the calendar would make relative
#: dates ("tahun depan", "1.000 tahun lalu") overflow, and no news article is dated there.
PUBLISHED_YEARS = (1000, 9000)


def normalise_published(published: Any) -> str | None:
    """Turn ``published`` into an ISO 8601 string, or raise :class:`PublishedDateError`.

    Accepts ``None``, a :class:`datetime.date`, a :class:`datetime.datetime` or an ISO 8601
    string (``2020-08-03``, ``2020-08-03T14:20``, ``2020-08-03 14:20:00+07:00``). A datetime keeps
    its time (minutes precision) and zone; a date gives ``YYYY-MM-DD``. Years outside
    :data:`PUBLISHED_YEARS` are refused.
    """
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        value: _dt.date = published
    elif isinstance(published, _dt.date):
        value = published
    elif isinstance(published, str):
        text = published.strip()
        if not text:
            return None
        try:
            if len(text) == 10:
                value = _dt.date.fromisoformat(text)
            else:
                value = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise PublishedDateError(published) from None
    else:
        raise PublishedDateError(published)
    if not PUBLISHED_YEARS[0] <= value.year <= PUBLISHED_YEARS[1]:
        raise PublishedDateError(published, f"year outside {PUBLISHED_YEARS[0]}-{PUBLISHED_YEARS[1]}")
    if isinstance(value, _dt.datetime):
        return _iso_datetime(value)
    return value.isoformat()


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
