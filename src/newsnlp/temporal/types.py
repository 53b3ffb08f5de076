"""The objects passed between the steps of the time stage: a found :class:`Candidate` and the
publication :class:`Anchor` it is resolved against."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Anchor", "Candidate", "anchor_iso"]


@dataclass(slots=True)
class Candidate:
    """A found expression before resolution."""

    start: int
    end: int
    kind: str
    info: dict[str, Any] = field(default_factory=dict)
    mod: str | None = None


@dataclass(slots=True)
class Anchor:
    """The publication anchor: a date, optionally a clock time and zone."""

    date: dt.date
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        """Parse ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS][+HH:MM]``; ``None`` when unparsable."""
        if not value:
            return None
        v = value.strip().replace("Z", "+00:00")
        try:
            if len(v) == 10:
                return cls(dt.date.fromisoformat(v))
            d = dt.datetime.fromisoformat(v.replace(" ", "T"))
        except ValueError:
            m = re.match(r"(\d{4})-(\d{2})-(\d{2})", v)
            if not m:
                return None
            try:
                return cls(dt.date(int(m[1]), int(m[2]), int(m[3])))
            except ValueError:
                return None
        zone = None
        if d.utcoffset() is not None:
            off = d.strftime("%z")
            zone = off[:3] + ":" + off[3:]
        return cls(d.date(), d.hour, d.minute, zone)


def anchor_iso(a: Anchor) -> str:
    """ISO form of an :class:`Anchor` (``2020-08-03`` or ``2020-08-03T14:20+07:00``)."""
    if a.hour is None:
        return a.date.isoformat()
    return f"{a.date.isoformat()}T{a.hour:02d}:{a.minute or 0:02d}{a.zone or ''}"
