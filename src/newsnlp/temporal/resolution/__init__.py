"""Resolution: candidates in text order become TIMEX3 expressions (type, value, anchor, mod, flags).

One resolver per candidate kind, looked up in :data:`RESOLVERS` (modules ``dates``, ``holidays``,
``relative``); clock times are resolved last (``clock``), when the days of all the dates around them
are known. Resolution is against the publication date (``anchor="published"``) or the most recent
resolved date before it (``anchor="previous"``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ...record import TimeExpression
from ..context import in_quote, is_reporting, starts_sentence
from ..lexicon import norm
from ..types import Anchor, Candidate
from . import dates, holidays, relative  # noqa: F401  (fill RESOLVERS)
from .clock import resolve_clock, resolve_quoted_day
from .common import RESOLVERS, Ctx, resolve_one

if TYPE_CHECKING:
    from ..tagger import TimeTagger

__all__ = ["RESOLVERS", "resolve"]

_YEAR_OR_MONTH = re.compile(r"\d{4}(-\d{2})?")
_CLOCK_VALUE = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d)([+-]\d\d:\d\d)?$")
_YEARS = re.compile(r"\d{4}(?=$|-\d\d$)")


def resolve(tg: TimeTagger, text: str, cands: list[Candidate], anchor: Anchor | None) -> list[TimeExpression]:
    """Resolve candidates in order into :class:`TimeExpression` objects."""
    out: list[TimeExpression] = []
    # "last": the last resolved day; "base": the last one that can anchor "hari yang sama" / "hari itu"
    # (not an attribution date such as "kata X, Senin (9/6/2025)." nor a "hari sebelumnya" itself)
    state: dict[str, Any] = {"last": None, "last_y": None, "last_m": None, "base": None}
    cx = Ctx(tg, text, anchor, state)
    pending_clocks: list[tuple[int, Candidate]] = []
    quoted: list[tuple[int, Candidate]] = []
    day_of: list[dt.date | None] = []
    reporting: list[bool] = []
    after_clock: list[tuple[int, Candidate, int]] = []
    last_clock = -1
    for c in cands:
        reporting.append(is_reporting(tg, text, c))
        if c.kind == "clock":
            pending_clocks.append((len(out), c))
            out.append(TimeExpression(c.start, c.end, text[c.start : c.end], "TIME"))
            day_of.append(None)
            # without a date in its sentence, a clock time takes the last event date (not an attribution date)
            c.info["_last"] = state["base"] or state["last"]
            last_clock = len(out) - 1
            continue
        if (
            last_clock >= 0
            and c.kind == "qty"
            and c.info["unit"] in ("H", "Mi", "S")
            and not c.info.get("vague")
        ):
            if c.info.get("dir") in tg.prev_after and c.info.get("n") == int(c.info.get("n", 0.5)):
                after_clock.append((len(out), c, last_clock))
        if c.kind == "relday" and in_quote(text, c.start):
            quoted.append((len(out), c))
        te, day = resolve_one(cx, c)
        te.mod = te.mod or c.mod
        out.append(te)
        day_of.append(day)
        if day is not None:
            state["last"] = day
            if not (c.kind == "prev" and c.info.get("k", 0) < 0) and not reporting[-1]:
                state["base"] = day
            state["last_y"] = day.year
            state["last_m"] = (day.year, day.month)
        elif te.type == "DATE" and te.value and _YEAR_OR_MONTH.fullmatch(te.value):
            state["last_y"] = int(te.value[:4])
            if len(te.value) == 7:
                state["last_m"] = (int(te.value[:4]), int(te.value[5:7]))
    for idx, c in quoted:
        resolve_quoted_day(cx, idx, c, out, day_of)
    _generic_today(cx, out)
    for idx, c in pending_clocks:
        resolve_clock(cx, idx, c, out, day_of, reporting)
        out[idx].mod = out[idx].mod or c.mod
    for idx, c, j in after_clock:
        _from_clock(cx, out[idx], c, out[j])
    return out


def _from_clock(cx: Ctx, te: TimeExpression, c: Candidate, clock: TimeExpression) -> None:
    """``Tiga jam berselang`` after ``pukul 23.00 WIB``: hours or minutes counted from the last clock time."""
    m = _CLOCK_VALUE.match(clock.value or "")
    if m is None:
        return
    n = int(c.info["n"]) * cx.tg.prev_after[c.info["dir"]]
    step = {"H": dt.timedelta(hours=n), "Mi": dt.timedelta(minutes=n), "S": dt.timedelta(seconds=n)}[
        c.info["unit"]
    ]
    t = dt.datetime.fromisoformat(m.group(1)) + step
    te.type, te.anchor = "TIME", "previous"
    te.value = t.strftime("%Y-%m-%dT%H:%M") + m.group(2)


def _generic_today(cx: Ctx, out: list[TimeExpression]) -> None:
    """``Hari ini, vaksin menyelamatkan jutaan nyawa`` after ``ratusan tahun lalu``: a sentence that
    opens with ``hari ini,`` in contrast to a time years back means "nowadays" (``PRESENT_REF``)."""
    ref = cx.ref
    for i in range(1, len(out)):
        te = out[i]
        if te.type != "DATE" or norm(te.text) not in cx.tg.today_words:
            continue
        if not starts_sentence(cx.text, te.start) or cx.text[te.end : te.end + 1] != ",":
            continue
        prev = out[i - 1]
        if te.start - prev.end > 300 or prev.type != "DATE" or not prev.value:
            continue
        years_back = _YEARS.match(prev.value)
        far = prev.value == "PAST_REF" or (
            years_back is not None and ref is not None and ref.year - int(years_back.group()) >= 2
        )
        if far:
            te.value, te.anchor = "PRESENT_REF", "published"
