"""Extraction: find the candidate expressions of a text.

The compiled rules (:mod:`.patterns`) are tried only at trigger positions (trigger words and digit
runs, located with C-speed string operations); at each trigger the rules that may start there are
tried as one alternation and the match goes to its rule's handler (:mod:`.rules`). Mods before an
expression (``awal``, ``sekitar``, ``menjelang``), ``H-7`` before a holiday and ranges of two
expressions (``1 hingga 3 Agustus``) are joined afterwards.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import IGNORECASE_ASCII, compile_same_line, norm
from .rules import HANDLERS
from .types import Candidate

if TYPE_CHECKING:
    from .tagger import TimeTagger

__all__ = ["extract"]

#: "H-7 " / "H+3 " just before a holiday name (Indonesian for D-7 / D+3).
_H_DAY = compile_same_line(r"(?<![\w-])H\s?([-–+])\s?(\d{1,2})\s+$", 0)
#: the candidate kinds each scope of a mod (``mod_scope`` in the lexicon) applies to
_MOD_SCOPES = {
    "period": frozenset(
        {
            "year",
            "month",
            "monthyear",
            "unitrel",
            "decade",
            "century",
            "season",
            "quarter",
            "half",
            "islamic",
            "weekend",
            "prev",
        }
    ),
    "point": frozenset({"date", "weekday", "relday", "holiday", "yholiday", "anniv", "clock"}),
    "approx": frozenset({"clock", "qty", "year", "date", "month", "monthyear", "decade", "weekday"}),
    "quantity": frozenset({"qty"}),
}
_FOLDED = tuple(map(chr, IGNORECASE_ASCII))
_JOINABLE = frozenset({"date", "weekday", "monthyear", "month", "year"})


def extract(tg: TimeTagger, text: str) -> list[Candidate]:
    """Every candidate expression in ``text``, in order, non-overlapping."""
    out: list[Candidate] = []
    p = tg.p
    rules = p.rules
    dispatch = p.dispatch
    combined = p.combined
    handlers = HANDLERS
    pos = 0
    for s, key in triggers(tg, text):
        if s < pos:
            continue
        names = dispatch[key]
        m = combined[key].match(text, s)
        if m is None:
            continue
        first = m.lastgroup
        cand = handlers[first](tg, m, text)
        if cand is None or cand.end <= cand.start:
            cand = None
            for name in names[names.index(first) + 1 :]:
                m = rules[name].match(text, s)
                if m is None:
                    continue
                cand = handlers[name](tg, m, text)
                if cand is not None and cand.end > cand.start:
                    break
                cand = None
        if cand is None:
            continue
        floor = out[-1].end if out else 0
        _extend_mod(tg, cand, text, floor)
        if cand.kind == "qty" and cand.info.get("range") and cand.mod is None:
            cand.mod = "APPROX"
        elif cand.kind in ("islamic", "holiday", "yholiday"):
            h = _H_DAY.search(text, max(floor, cand.start - 10), cand.start)
            if h:  # "H-7 Lebaran": seven days before the holiday
                cand.start = h.start()
                cand.info["shift"] = int(h.group(2)) * (1 if h.group(1) == "+" else -1)
        out.append(cand)
        pos = cand.end
    out = _join_date_and_time(tg, out, text)
    out = _expand_unit_lists(tg, out, text)
    return _merge_ranges(tg, out, text)


def triggers(tg: TimeTagger, text: str) -> list[tuple[int, str]]:
    """Positions where an expression may start, with their dispatch key, in text order.

    Words are found with C-speed string operations (``translate``, ``split``, ``find``) instead
    of a Python loop over every token: only the trigger words present in the text are located.
    """
    p = tg.p
    low = text
    if not text.isascii() and any(ch in text for ch in _FOLDED):
        text = text.translate(IGNORECASE_ASCII)  # "Hari İni": letters the patterns match as ASCII ones
    # one byte per character (non-ASCII -> "?"), so byte offsets are character offsets
    spaced = text.encode("ascii", "replace").translate(p.space_table)
    present = tg.keys_b & set(spaced.split())
    found: list[tuple[int, str]] = []
    n = len(spaced)
    for wb in present:
        w = tg.key_of[wb]
        i = spaced.find(wb)
        lw = len(wb)
        while i >= 0:
            if (i == 0 or spaced[i - 1] == 32) and (i + lw == n or spaced[i + lw] == 32):
                found.append((i, w))
            i = spaced.find(wb, i + lw)
    dispatch = p.dispatch
    for ch in ("(", "±"):
        if ch in dispatch:
            i = low.find(ch)
            while i >= 0:
                found.append((i, ch))
                i = low.find(ch, i + 1)
    for gw in tg.glued_words:
        i = text.find(gw)
        while i >= 0:
            if _glued_at(tg, text, i, len(gw)):
                found.append((i, "~glued"))
            i = text.find(gw, i + len(gw))
    asc = text.encode("ascii", "replace")
    digits = asc.translate(p.digit_table)
    for run in set(digits.split()):
        lr = len(run)
        i = digits.find(run)
        while i >= 0:
            if (
                (i == 0 or digits[i - 1] == 32)
                and (i + lr == n or digits[i + lr] == 32)
                and not (i > 1 and asc[i - 1] in b"/.,:-" and digits[i - 2] == 48)
            ):
                # a digit run right after "3/" or "12." continues a number or date already tried
                found.append((i, "0"))
            i = digits.find(run, i + lr)
    found.sort()
    return found


def _glued_at(tg: TimeTagger, text: str, i: int, n: int) -> bool:
    """``text[i:i+n]`` is a time word glued to a capitalised name before it ("Farel Prayogakini")."""
    if i < 4 or not text[i - 1].islower() or (i + n < len(text) and text[i + n].isalnum()):
        return False
    if text.startswith((".com", ".id"), i - 4) or text.startswith(".id", i - 3):
        return True  # "dikutip Kompas.combelum lama ini": a lost space after a site name
    lo = max(0, i - 25)  # bounded look-back: a name, not a 100,000-letter "word"
    j = i - 1
    while j >= lo and text[j].isalpha():
        j -= 1
    if j < lo and lo > 0:
        return False
    stem = text[j + 1 : i]
    if len(stem) < 3 or not stem[0].isupper() or norm(stem) in tg.glued_not:
        return False
    # the word before the glued one is a capitalised name too: "Farel Prayogakini"
    k = j
    while k >= max(0, j - 3) and text[k] == " ":
        k -= 1
    m = k
    while m >= max(0, k - 25) and text[m].isalpha():
        m -= 1
    return k > m >= -1 and text[m + 1].isupper()


def _extend_mod(tg: TimeTagger, cand: Candidate, text: str, floor: int) -> None:
    """Take a mod word just before the expression into its span (``awal 2021``, ``sekitar pukul 11``)."""
    lo = max(floor, cand.start - 30)
    m = tg.p.mod_before.search(text, lo, cand.start)
    if not m:
        return
    word = "±" if m.group("pm") else norm(m.group("w"))
    mod = tg.mods.get(word)
    if mod is None:
        return
    scopes = tg.lex["mod_scope"][mod]
    ok = any(cand.kind in _MOD_SCOPES[s] for s in scopes)
    if ok and cand.kind == "prev" and cand.info.get("part") and mod in ("START", "MID", "END"):
        ok = False  # "tengah malam hari": a part of day, not the middle of "malam hari"
    if ok and scopes == ["quantity"]:
        d = cand.info.get("dir")
        sign = tg.tense.get(d or "", 0) or (1 if tg.lex["quantity_after"].get(d or "") == "future" else 0)
        if sign:  # "lebih dari 200 tahun lalu": before 1825, a point in time
            mod = tg.lex["mod_after_quantity"].get(mod)
            if mod and sign > 0:
                mod = "AFTER" if mod == "BEFORE" else "BEFORE"
            ok = mod is not None
        else:  # "lebih dari tiga tahun": a length
            ok = d is None or tg.lex["quantity_after"].get(d) == "duration"
    if ok:
        cand.start = m.start()
        cand.mod = mod


def _join_pairs(cands: list[Candidate], join) -> list[Candidate]:
    """Replace each pair of neighbours that ``join(c, d)`` joins (a :class:`Candidate`) by the join."""
    if len(cands) < 2:
        return cands
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        joined = join(cands[i], cands[i + 1]) if i + 1 < len(cands) else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(cands[i])
            i += 1
    return out


def _merge_ranges(tg: TimeTagger, cands: list[Candidate], text: str) -> list[Candidate]:
    """Join ``X hingga Y`` / ``X - Y`` of two dates (or two years, months) into one interval."""

    def join(c: Candidate, d: Candidate) -> Candidate | None:
        if (
            c.kind in _JOINABLE
            and d.kind in _JOINABLE
            and (
                c.kind == d.kind
                or {c.kind, d.kind} <= {"date", "weekday"}
                or {c.kind, d.kind} <= {"month", "monthyear"}
            )
            and tg.p.range_between.fullmatch(text, c.end, d.start)
            and not c.info.get("part")
            and c.mod is None
        ):
            return Candidate(c.start, d.end, "range", {"a": c, "b": d})
        return None

    return _join_pairs(cands, join)


#: between a date and its clock time or part of day: "Minggu (28/12/2014) pukul 10.00", "Jumat, 20 Juni 2025, jam 02.00"
_DATE_TIME_GAP = re.compile(r"[ \t,]{0,3}")


def _join_date_and_time(tg: TimeTagger, cands: list[Candidate], text: str) -> list[Candidate]:
    """A date followed by its clock time, or a date or weekday followed by a part of day, is ONE
    expression (TimeML): ``Minggu (28/12/2014) pukul 10.00 WIB`` -> ``2014-12-28T10:00+07:00``,
    ``Minggu selepas ashar`` -> ``...TAF``."""

    def join(c: Candidate, d: Candidate) -> Candidate | None:
        if not (
            c.kind in ("date", "weekday")
            and "clock" not in c.info
            and "part" not in c.info
            and "d0" not in c.info
            and c.mod is None
            and _DATE_TIME_GAP.fullmatch(text, c.end, d.start)
        ):
            return None
        if d.kind == "clock":
            info = {**c.info, "clock": (d.info["h"], d.info["mi"])}
            if "h2" in d.info:
                info["clock2"] = (d.info["h2"], d.info["mi2"])
            if d.info.get("zone"):
                info["zone"] = d.info["zone"]
            return Candidate(c.start, d.end, c.kind, info, mod=d.mod)
        if d.kind == "prev" and d.info.get("part") and d.info.get("k") == 0 and d.info["unit"] == "D":
            return Candidate(c.start, d.end, c.kind, {**c.info, "part": d.info["part"]}, mod=d.mod)
        return None

    return _join_pairs(cands, join)


def _expand_unit_lists(tg: TimeTagger, cands: list[Candidate], text: str) -> list[Candidate]:
    """A unit shared by a list of numbers gives each number its duration: ``tenor 6, 9, dan 13 bulan``
    -> ``6`` P6M, ``9`` P9M, ``13 bulan`` P13M."""
    out: list[Candidate] = []
    for c in cands:
        if (
            c.kind == "qty"
            and c.info.get("dir") is None
            and "n" in c.info
            and text[c.start : c.start + 1].isdigit()
        ):
            floor = out[-1].end if out else 0
            m = tg.unit_list_before.search(text, max(floor, c.start - 40), c.start)
            if m:
                unit = c.info["unit"]
                for n in re.finditer(r"\d{1,3}", m.group()):
                    value = float(n.group())
                    s = m.start() + n.start()
                    out.append(
                        Candidate(
                            s,
                            s + len(n.group()),
                            "qty",
                            {"dir": None, "n": value, "unit": unit, "value": tg.dur(value, unit)},
                        )
                    )
        out.append(c)
    return out
