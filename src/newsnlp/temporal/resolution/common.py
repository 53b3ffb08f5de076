"""The resolver table by candidate kind, the resolution context, and :func:`resolve_one`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...record import TimeExpression
from ..types import Anchor, Candidate

if TYPE_CHECKING:
    from ..tagger import TimeTagger

__all__ = ["RESOLVERS", "Ctx", "Resolver", "resolve_one", "resolver"]


@dataclass(slots=True)
class Ctx:
    """What a resolver sees: the tagger (vocabulary, patterns), the text, the publication anchor and
    the running state of the document (``last``: the last resolved day; ``base``: the last one that
    can anchor ``hari yang sama`` / ``hari itu``; ``last_y``, ``last_m``: the last year and month)."""

    tg: TimeTagger
    text: str
    anchor: Anchor | None
    state: dict[str, Any]

    @property
    def ref(self) -> dt.date | None:
        """The publication date, or ``None``."""
        return self.anchor.date if self.anchor else None


Resolver = Callable[[Ctx, Candidate, TimeExpression], "dt.date | None"]

#: candidate kind -> resolver (sets the expression's type, value, anchor, flags; returns its day)
RESOLVERS: dict[str, Resolver] = {}


def resolver(*kinds: str) -> Callable[[Resolver], Resolver]:
    """Register the decorated function as the resolver of ``kinds``."""

    def deco(fn: Resolver) -> Resolver:
        for k in kinds:
            RESOLVERS[k] = fn
        return fn

    return deco


def resolve_one(cx: Ctx, c: Candidate) -> tuple[TimeExpression, dt.date | None]:
    """Resolve one candidate (not a clock time): the expression and the day it denotes, if one."""
    text = cx.text
    te = TimeExpression(c.start, c.end, text[c.start : c.end], "DATE")
    info = c.info
    kind = c.kind
    ref = cx.ref
    rel_holiday = kind in ("holiday", "islamic", "yholiday") and "relyear" in info
    if rel_holiday:
        if ref is None:
            te.anchor = "published"
            return te, None
        info = c.info = {**info, "y": ref.year + info["relyear"]}
    fn = RESOLVERS.get(kind)
    day = fn(cx, c, te) if fn is not None else None
    if rel_holiday:
        te.anchor = "published"
    if "shift" in info and te.value and te.value[:1].isdigit():
        # "H-1 Ramadan": counted from the (first) day of the holiday
        day = dt.date.fromisoformat(te.value[:10]) + dt.timedelta(days=info["shift"])
        te.value = day.isoformat()
    if te.type == "DATE" and day is not None and "clock" in info:
        # a date with its clock time is one TIME: "Minggu (28/12/2014) pukul 10.00 WIB"
        zone = info.get("zone", "")
        te.type = "TIME"
        te.value = f"{day.isoformat()}T{info['clock'][0]:02d}:{info['clock'][1]:02d}{zone}"
        if "clock2" in info:
            te.value += f"/{day.isoformat()}T{info['clock2'][0]:02d}:{info['clock2'][1]:02d}{zone}"
    elif te.type == "DATE" and day is not None and info.get("part") and kind in ("date", "weekday"):
        te.type = "TIME"
        te.value = (te.value or day.isoformat()) + "T" + info["part"]
    return te, day
