"""The handler registry and helpers shared by the extraction rules."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..lexicon import norm
from ..types import Candidate

if TYPE_CHECKING:
    from ..tagger import TimeTagger

__all__ = ["HANDLERS", "Handler", "groups", "handler", "holiday_tense", "suffix"]

Handler = Callable[["TimeTagger", re.Match, str], Candidate | None]

#: rule name -> handler
HANDLERS: dict[str, Handler] = {}


def handler(rule: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of ``rule``."""

    def deco(fn: Handler) -> Handler:
        HANDLERS[rule] = fn
        return fn

    return deco


def groups(m: re.Match, rule: str) -> Callable[[str], str | None]:
    """``g(name)``: the group ``name`` of ``rule`` in the combined match ``m``."""
    return lambda name: m.group(f"{rule}_{name}")


def suffix(tg: TimeTagger, m: re.Match, rule: str, info: dict[str, Any]) -> None:
    """Read the relative year, tense word and part of day after a date, month or weekday."""
    rel = m.group(f"{rule}_rel")
    tense = m.group(f"{rule}_tense")
    part = m.group(f"{rule}_part")
    if rel:
        info["relyear"] = tg.shift_of[norm(rel).split(None, 1)[1]]
    if tense:
        t = norm(tense)
        info["tense"] = tg.tense[t]
        info["tense_word"] = t
    if part:
        info["part"] = tg.parts[norm(part)]
        info["part_word"] = norm(part)


def holiday_tense(tg: TimeTagger, m: re.Match, rule: str, info: dict[str, Any]) -> None:
    """``Lebaran lalu``, ``Natal tahun depan``: a tense word or a relative year after a holiday."""
    t = m.group(f"{rule}_ht")
    if not t:
        return
    t = norm(t)
    if t in tg.tense:
        info["tense"] = tg.tense[t]
    else:  # a year word and a tense word
        info["relyear"] = tg.shift_of[t.split(None, 1)[1]]
