"""Expressions relative to the publication date or to the previous date: ``kemarin``, ``hari ini``,
``tadi malam``, ``pekan lalu``, ``hari yang sama``, ``keesokan harinya``, ``saat ini``, ``dulu``."""

from __future__ import annotations

from typing import Any

from ..context import starts_sentence
from ..lexicon import norm
from ..types import Candidate
from .common import groups, handler


@handler("prevref")
def x_prevref(tg, m, text):
    w = norm(m.group("prevref_w"))
    lex = tg.lex
    if w in lex["same_refs"]:
        return Candidate(m.start(), m.end(), "prev", {"unit": lex["same_refs"][w], "k": 0})
    if w in lex["next_day_refs"]:
        v = lex["next_day_refs"][w]
        if isinstance(v, int):
            return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": v})
        return Candidate(m.start(), m.end(), "prev", {"unit": v[0], "k": int(v[1:])})
    v = lex["previous_parts"][w]
    if isinstance(v, list):
        return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": v[1], "part": tg.parts[v[0]]})
    return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": 0, "part": tg.parts[v]})


@handler("deictic")
def x_deictic(tg, m, text):
    w = norm(m.group("deictic_w"))
    unit_word = tg.lex["se_units"].get(w)
    if unit_word:  # "menginap semalam": one night, a duration
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and norm(before[-1]) in tg.overnight:
            u = tg.units[unit_word]
            return Candidate(
                m.start(), m.end(), "qty", {"dir": None, "n": 1.0, "unit": u, "value": tg.dur(1, u)}
            )
    part, k = tg.lex["deictic_parts"][w]
    return Candidate(m.start(), m.end(), "relday", {"k": k, "part": tg.parts[part]})


@handler("relday")
def x_relday(tg, m, text):
    g = groups(m, "relday")
    w = norm(g("w"))
    info: dict[str, Any] = {"k": tg.lex["relative_days"][w]}
    if w == "esok" and g("w")[0].isupper() is False and text[m.end() : m.end() + 1] == "-":
        return None
    if g("part"):
        info["part"] = tg.parts[norm(g("part"))]
    return Candidate(m.start(), m.end(), "relday", info)


@handler("unitrel")
def x_unitrel(tg, m, text):
    g = groups(m, "unitrel")
    u = g("u")
    t = norm(g("t"))
    if u == u.capitalize() and norm(u) in tg.weekdays and not starts_sentence(text, m.start()):
        # capitalised Minggu mid-sentence: the weekday Sunday ("pada Minggu lalu")
        return Candidate(m.start(), m.end(), "weekday", {"wd": tg.weekdays[norm(u)], "tense": tg.tense[t]})
    return Candidate(m.start(), m.end(), "unitrel", {"unit": tg.units[norm(u)], "k": tg.shift_of[t]})


@handler("ref")
def x_ref(tg, m, text):
    w = norm(m.group("ref_w"))
    context = tg.lex["ref_needs_context"].get(w)
    if context:  # "masa depan bangsa": a noun phrase; "di masa depan," a time
        before = text[max(0, m.start() - 12) : m.start()].split()
        after = text[m.end() : m.end() + 2].strip()
        if not (before and norm(before[-1]) in context) and after[:1].isalpha():
            return None
    if w in tg.dulu:
        if tg.dulu_not_after.search(text, max(0, m.start() - 12), m.start()):
            return None
        before = text[max(0, m.start() - 15) : m.start()].split()
        after = text[m.end() : m.end() + 8]
        prev = norm(before[-1]) if before else ""
        equative = prev.startswith("se") and len(prev) > 5 and prev not in tg.dulu_se_not  # "seramai dulu"
        if (
            prev
            and prev not in tg.dulu_keep
            and not equative
            and not starts_sentence(text, m.start())
            and (not after.strip() or after.lstrip()[:1] in ".,;!?\"”)'" or tg.dulu_first_before.match(after))
        ):
            return None  # "diamankan dulu.", "tunggu dulu ya": "dulu" = first, not formerly
    return Candidate(m.start(), m.end(), "ref", {"value": tg.refs[w]})


@handler("glued")
def x_glued(tg, m, text):
    w = norm(m.group("glued_w"))
    return Candidate(m.start(), m.end(), "ref", {"value": tg.lex["glued_refs"][w]})
