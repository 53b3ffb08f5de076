"""The TIMEX3 tagger: finds temporal expressions in Indonesian news text and resolves them.

Two steps. :meth:`TimeTagger.extract` tries the compiled rules at trigger positions and
turns every match into a :class:`Candidate` (its span, kind and parsed parts). :meth:`TimeTagger.resolve`
walks the candidates in text order and computes the TIMEX3 type, value, anchor, mod and flags against
the publication date (``anchor="published"``) or the most recent resolved date before it
(``anchor="previous"``). When no publication date is given, :func:`infer_published` picks one
from the candidates (a header stamp, else the latest dated event near the top).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..record import TimeExpression
from .lexicon import norm, parse_number
from .patterns import RULES, get_patterns

__all__ = ["Anchor", "Candidate", "TimeTagger"]

#: Words after which a bare four-digit number is read as a year ("pada 2019", "sejak 2015").
_YEAR_PREP = frozenset(
    "pada sejak hingga sampai awal akhir pertengahan medio jelang menjelang per dari selama sepanjang sebelum "
    "setelah usai pasca pra tahun di ke antara dan musim periode edisi dekade penghujung buku anggaran ajaran "
    "kisaran sekitar mulai in since natal lebaran ramadan ramadhan s.d. s.d s/d".split()
)
#: a month followed by a range to a month and year ("Januari-Mei 2025", "Januari hingga Maret 2025")
_MONTH_RANGE_AFTER = re.compile(
    r"\s*(?:-|–|—|hingga|sampai(?:\s+dengan)?|s\.d\.?|s/d)\s*[A-Z][a-z]{2,9}\.?\s*,?\s*\d{4}(?!\d)"
)
#: "H-7 " / "H+3 " just before a holiday name (Indonesian for D-7 / D+3).
_H_DAY = re.compile(r"(?<![\w-])H\s?([-–+])\s?(\d{1,2})\s+$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ISO_WEEKDAY_NAMES = ("", "1", "2", "3", "4", "5", "6", "7")


def _roman(s: str) -> int | None:
    s = s.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


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


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _shift_value(base: dt.date, unit: str, k: int) -> str | None:
    """TIMEX3 value of the week, month, year, decade (``DE``) or century (``CE``) ``k`` units from
    ``base``; ``None`` for any other unit."""
    if unit == "W":
        return _week(base + dt.timedelta(weeks=k))
    if unit == "M":
        y, mo = _add_months(base.year, base.month, k)
        return f"{y:04d}-{mo:02d}"
    if unit == "Y":
        return f"{base.year + k:04d}"
    if unit == "DE":
        return f"{base.year // 10 + k:03d}"
    if unit == "CE":
        return f"{base.year // 100 + k:02d}"
    return None


def _valid_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _dur(n: float, unit: str) -> str:
    """TIMEX3 duration value for ``n`` units (unit codes from the lexicon)."""
    mult = {
        "DE": (10, "Y"),
        "WI": (8, "Y"),
        "CE": (100, "Y"),
        "ML": (1000, "Y"),
        "SEM": (6, "M"),
        "Q": (3, "M"),
    }
    if unit in mult:
        k, unit = mult[unit]
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


class TimeTagger:
    """Find and resolve temporal expressions. Build once (patterns compile once) and reuse."""

    def __init__(self) -> None:
        self.p = get_patterns()
        lex = self.p.lex
        self.lex = lex
        self.months = lex["months"]
        self.weekdays = lex["weekdays"]
        self.units = lex["units"]
        self.parts = lex["parts_of_day"]
        self.zones = lex["zones"]
        self.refs = {k: v for k, v in lex["refs"].items() if v}
        self.mods = {k: v for k, v in lex["mods_before"].items() if v}
        self._handlers = {name: getattr(self, "_x_" + name) for name in RULES}
        self._key_of = {k.encode("ascii"): k for k in self.p.dispatch if k.isascii() and k.isalpha()}
        self._keys_b = frozenset(self._key_of)
        self._year_prep = _YEAR_PREP | frozenset(lex["year_nouns"])
        self._dulu_keep = frozenset(lex["dulu_keep_after"])
        self._dulu_se_not = frozenset(lex["dulu_se_not"])
        self._rate_units = frozenset(lex["rate_units_before"])
        self._overnight = frozenset(lex["overnight_words"])
        self._bare_after = frozenset(lex["bare_parts_after"])
        self._glued_words = tuple(lex["glued_refs"])
        self._glued_not = frozenset(lex["glued_ref_not_stems"])
        self._reporting = re.compile(
            r"\b(?:" + "|".join(map(re.escape, lex["reporting_verbs"])) + r")\b", re.IGNORECASE
        )

    # ------------------------------------------------------------------ extraction
    def extract(self, text: str) -> list[Candidate]:
        """Every candidate expression in ``text``, in order, non-overlapping."""
        out: list[Candidate] = []
        rules = self.p.rules
        dispatch = self.p.dispatch
        combined = self.p.combined
        handlers = self._handlers
        pos = 0
        for s, key in self._triggers(text):
            if s < pos:
                continue
            names = dispatch[key]
            m = combined[key].match(text, s)
            if m is None:
                continue
            first = m.lastgroup
            cand = handlers[first](m, text)
            if cand is None or cand.end <= cand.start:
                cand = None
                for name in names[names.index(first) + 1 :]:
                    m = rules[name].match(text, s)
                    if m is None:
                        continue
                    cand = handlers[name](m, text)
                    if cand is not None and cand.end > cand.start:
                        break
                    cand = None
            if cand is None:
                continue
            floor = out[-1].end if out else 0
            self._extend_mod(cand, text, floor)
            if cand.kind == "qty" and cand.info.get("range") and cand.mod is None:
                cand.mod = "APPROX"
            elif cand.kind in ("islamic", "holiday", "yholiday"):
                h = _H_DAY.search(text, max(floor, cand.start - 10), cand.start)
                if h:  # "H-7 Lebaran": seven days before the holiday
                    cand.start = h.start()
                    cand.info["shift"] = int(h.group(2)) * (1 if h.group(1) == "+" else -1)
            out.append(cand)
            pos = cand.end
        return self._merge_ranges(out, text)

    def _triggers(self, text: str) -> list[tuple[int, str]]:
        """Positions where an expression may start, with their dispatch key, in text order.

        Words are found with C-speed string operations (``translate``, ``split``, ``find``) instead
        of a Python loop over every token: only the trigger words present in the text are located.
        """
        low = text
        # one byte per character (non-ASCII -> "?"), so byte offsets are character offsets
        spaced = text.encode("ascii", "replace").translate(self.p.space_table)
        present = self._keys_b & set(spaced.split())
        found: list[tuple[int, str]] = []
        n = len(spaced)
        for wb in present:
            w = self._key_of[wb]
            i = spaced.find(wb)
            lw = len(wb)
            while i >= 0:
                if (i == 0 or spaced[i - 1] == 32) and (i + lw == n or spaced[i + lw] == 32):
                    found.append((i, w))
                i = spaced.find(wb, i + lw)
        dispatch = self.p.dispatch
        for ch in ("(", "±"):
            if ch in dispatch:
                i = low.find(ch)
                while i >= 0:
                    found.append((i, ch))
                    i = low.find(ch, i + 1)
        for gw in self._glued_words:
            i = text.find(gw)
            while i >= 0:
                if self._glued_at(text, i, len(gw)):
                    found.append((i, "~glued"))
                i = text.find(gw, i + len(gw))
        asc = text.encode("ascii", "replace")
        digits = asc.translate(self.p.digit_table)
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

    def _glued_at(self, text: str, i: int, n: int) -> bool:
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
        if len(stem) < 3 or not stem[0].isupper() or stem.lower() in self._glued_not:
            return False
        # the word before the glued one is a capitalised name too: "Farel Prayogakini"
        k = j
        while k >= max(0, j - 3) and text[k] == " ":
            k -= 1
        m = k
        while m >= max(0, k - 25) and text[m].isalpha():
            m -= 1
        return k > m >= -1 and text[m + 1].isupper()

    def _extend_mod(self, cand: Candidate, text: str, floor: int) -> None:
        lo = max(floor, cand.start - 30)
        m = self.p.mod_before.search(text, lo, cand.start)
        if not m:
            return
        word = "±" if m.group("pm") else norm(m.group("w"))
        mod = self.mods.get(word)
        kind = cand.kind
        period_kinds = {
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
        }
        if mod in ("START", "MID", "END"):
            ok = kind in period_kinds
        elif mod == "BEFORE":
            ok = kind in period_kinds or kind in {
                "date",
                "weekday",
                "relday",
                "holiday",
                "yholiday",
                "anniv",
                "clock",
            }
        elif mod == "APPROX":
            ok = kind in {"clock", "qty", "year", "date", "month", "monthyear", "decade", "weekday"}
        else:
            ok = kind == "qty" and cand.info.get("dir") in (None, "terakhir")
        if ok:
            cand.start = m.start()
            cand.mod = mod

    def _merge_ranges(self, cands: list[Candidate], text: str) -> list[Candidate]:
        """Join ``X hingga Y`` / ``X - Y`` of two dates (or two years, months) into one interval."""
        if len(cands) < 2:
            return cands
        out: list[Candidate] = []
        i = 0
        joinable = {"date", "weekday", "monthyear", "month", "year"}
        while i < len(cands):
            c = cands[i]
            if i + 1 < len(cands):
                d = cands[i + 1]
                if (
                    c.kind in joinable
                    and d.kind in joinable
                    and (
                        c.kind == d.kind
                        or {c.kind, d.kind} <= {"date", "weekday"}
                        or {c.kind, d.kind} <= {"month", "monthyear"}
                    )
                    and self.p.range_between.fullmatch(text, c.end, d.start)
                    and not c.info.get("part")
                    and c.mod is None
                ):
                    out.append(Candidate(c.start, d.end, "range", {"a": c, "b": d}))
                    i += 2
                    continue
            out.append(c)
            i += 1
        return out

    # per-rule handlers: each returns a Candidate or None (rejected) ------------------
    @staticmethod
    def _grp(m: re.Match, rule: str, name: str) -> str | None:
        return m.group(f"{rule}_{name}")

    def _suffix(self, m: re.Match, rule: str, info: dict[str, Any]) -> None:
        rel = m.group(f"{rule}_rel")
        tense = m.group(f"{rule}_tense")
        part = m.group(f"{rule}_part")
        if rel:
            info["relyear"] = {"ini": 0, "lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1}[
                norm(rel).split()[-1]
            ]
        if tense:
            t = norm(tense)
            info["tense"] = -1 if t in ("lalu", "yang lalu", "silam", "kemarin") else (0 if t == "ini" else 1)
            info["tense_word"] = t
        if part:
            info["part"] = self.parts[norm(part)]
            info["part_word"] = norm(part)

    def _x_iso(self, m, text):
        g = lambda k: self._grp(m, "iso", k)  # noqa: E731
        info = {"y": int(g("y")), "m": int(g("m")), "d": int(g("d"))}
        if g("hh"):
            info["clock"] = (int(g("hh")), int(g("mi")))
        return Candidate(m.start(), m.end(), "date", info)

    def _wd(self, s: str | None) -> int | None:
        if not s:
            return None
        return self.weekdays.get(norm(s).replace("’", "'"))

    def _x_datenum(self, m, text):
        g = lambda k: self._grp(m, "datenum", k)  # noqa: E731
        info: dict[str, Any] = {"wd": self._wd(g("wd"))}
        if g("d"):
            info["d"], info["m"] = int(g("d")), int(g("m"))
            if g("d2"):
                info["d0"] = info["d"]
                info["d"] = int(g("d2"))
            y = g("y")
            if y is None and info["wd"] is None:
                return None
        else:
            info["d"], info["m"] = int(g("bd")), int(g("bm"))
            y = g("by")
            if g("sep") == "." and len(y) != 4:
                return None
        if y is not None:
            if len(y) == 4:
                info["y"] = int(y)
            elif len(y) == 2 and not g("d"):
                info["y"] = 2000 + int(y) if int(y) < 50 else 1900 + int(y)
            else:
                info["bad_year"] = True
        if info["wd"] is not None and g("wd")[0].islower():
            return None
        self._suffix(m, "datenum", info)
        if g("wpart") and "part" not in info:
            info["part"] = self.parts[norm(g("wpart"))]
        return Candidate(m.start(), m.end(), "date", info)

    def _x_hijri(self, m, text):
        g = lambda k: self._grp(m, "hijri", k)  # noqa: E731
        info = {"hd": int(g("d")), "hm": self.lex["hijri_months"][norm(g("hm"))], "hy": int(g("hy"))}
        return Candidate(m.start(), m.end(), "hijri", info)

    def _x_datetext(self, m, text):
        g = lambda k: self._grp(m, "datetext", k)  # noqa: E731
        wd = g("wd")
        if wd and wd[0].islower():
            return None
        mon = g("mon")
        if len(mon.rstrip(".")) <= 4 and mon[0].islower() and norm(mon) not in ("mei", "juni", "juli"):
            return None  # "49 des(a)": lower-case abbreviations are not months
        if int(g("d")) > 31:
            return None
        info: dict[str, Any] = {"wd": self._wd(wd), "d": int(g("d")), "m": self.months[norm(mon).rstrip(".")]}
        if g("d2"):
            info["d0"] = info["d"]
            info["d"] = int(g("d2"))
            if g("m1"):
                info["m0"] = self.months[norm(g("m1")).rstrip(".")]
        if g("y"):
            info["y"] = int(g("y"))
        self._suffix(m, "datetext", info)
        return Candidate(m.start(), m.end(), "date", info)

    def _x_engdate(self, m, text):
        g = lambda k: self._grp(m, "engdate", k)  # noqa: E731
        info = {
            "wd": self._wd(g("wd")),
            "d": int(g("d")),
            "m": self.months[norm(g("mon")).rstrip(".")],
            "y": int(g("y")),
        }
        return Candidate(m.start(), m.end(), "date", info)

    def _x_decade(self, m, text):
        g = lambda k: self._grp(m, "decade", k)  # noqa: E731
        y = g("y")
        if len(y) == 2:
            if not g("pre"):
                return None
            y = ("19" if int(y) >= 30 else "20") + y
        if not y.endswith("0") or not (1000 <= int(y) <= 2100):
            return None
        return Candidate(m.start(), m.end(), "decade", {"value": y[:3]})

    def _x_century(self, m, text):
        g = lambda k: self._grp(m, "century", k)  # noqa: E731
        raw = g("n")
        n = int(raw) if raw.isdigit() else _roman(raw)
        if n is None:
            w = norm(raw)
            w = w[2:] if w.startswith("ke") else w
            n = parse_number(w, self.lex)
            n = int(n) if n else None
        if not n or n > 30:
            return None
        bc = g("bc") and g("bc").upper() == "SM"
        return Candidate(m.start(), m.end(), "century", {"n": n, "bc": bc})

    def _x_quarter(self, m, text):
        g = lambda k: self._grp(m, "quarter", k)  # noqa: E731
        if g("t2"):
            return Candidate(m.start(), m.end(), "quarter", {"t": norm(g("t2"))})
        q = g("q") or g("qq")[1]
        qn = self.lex["ordinals"].get(norm(q))
        if qn is None or qn > 4:
            return None
        info: dict[str, Any] = {"q": qn}
        if g("y"):
            info["y"] = int(g("y"))
        elif g("t"):
            info["t"] = norm(g("t"))
        return Candidate(m.start(), m.end(), "quarter", info)

    def _x_half(self, m, text):
        g = lambda k: self._grp(m, "half", k)  # noqa: E731
        h = self.lex["ordinals"].get(norm(g("h")))
        if h not in (1, 2):
            return None
        info: dict[str, Any] = {"h": h}
        if g("y"):
            info["y"] = int(g("y"))
        elif g("t"):
            info["t"] = norm(g("t")).split()[-1]
        return Candidate(m.start(), m.end(), "half", info)

    def _clock_info(self, m, rule):
        g = lambda k: self._grp(m, rule, k)  # noqa: E731
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
            info["zone"] = self.zones[norm(z)]
        return info

    def _x_clock(self, m, text):
        info = self._clock_info(m, "clock")
        if info is None:
            return None
        g = lambda k: self._grp(m, "clock", k)  # noqa: E731
        pre = norm(g("pre"))
        if pre == "jam" and not (g("mi") or g("z") or g("part")):
            return None
        if g("part"):
            word = norm(g("part"))
            info["part_word"] = word
            shift = self.lex["part_hour_shift"].get(word, 0)
            if shift and info["h"] < 12 and not (word == "siang" and info["h"] >= 10):
                info["h"] += shift
                if "h2" in info and info["h2"] < 12:
                    info["h2"] += shift
            if word in ("malam", "tengah malam") and info["h"] == 12:
                info["h"] = 0
        return Candidate(m.start(), m.end(), "clock", info)

    def _x_clockz(self, m, text):
        info = self._clock_info(m, "clockz")
        if info is None:
            return None
        return Candidate(m.start(), m.end(), "clock", info)

    def _x_islamic(self, m, text):
        g = lambda k: self._grp(m, "islamic", k)  # noqa: E731
        name = norm(g("name"))
        hm, hd = self.lex["islamic_holidays"][name]
        info: dict[str, Any] = {"hm": hm, "hd": hd}
        if g("y"):
            y = int(g("y"))
            h = (g("h") or "").lower()
            if h and h[0] in "ha":
                info["hy"] = y
            elif 1300 <= y <= 1500 and not h:
                info["hy"] = y
            else:
                info["y"] = y
        self._holiday_tense(m, "islamic", info)
        if g("name")[0].islower() and "y" not in info and "hy" not in info and name in ("lebaran", "syawal"):
            return None
        return Candidate(m.start(), m.end(), "islamic", info)

    def _x_anniv(self, m, text):
        g = lambda k: self._grp(m, "anniv", k)  # noqa: E731
        n = g("n1") or g("n2")
        if not n:
            return None
        base = dt.date.fromisoformat(self.lex["anniversaries"][norm(g("who"))])
        return Candidate(
            m.start(), m.end(), "anniv", {"y": base.year + int(n), "m": base.month, "d": base.day}
        )

    def _x_holiday(self, m, text):
        g = lambda k: self._grp(m, "holiday", k)  # noqa: E731
        name = norm(g("name"))
        if " " not in name and not g("name")[0].isupper():
            return None
        mm, dd = (int(x) for x in self.lex["holidays_fixed"][name].split("-"))
        info: dict[str, Any] = {"m": mm, "d": dd}
        if g("y"):
            info["y"] = int(g("y"))
        self._holiday_tense(m, "holiday", info)
        return Candidate(m.start(), m.end(), "holiday", info)

    def _holiday_tense(self, m, rule: str, info: dict[str, Any]) -> None:
        """``Lebaran lalu``, ``Natal tahun depan``: a tense word or a relative year after a holiday."""
        t = m.group(f"{rule}_ht")
        if not t:
            return
        t = norm(t)
        if t.startswith("tahun"):
            info["relyear"] = {"ini": 0, "lalu": -1, "depan": 1}[t.split()[-1]]
        else:
            info["tense"] = -1 if t in ("lalu", "kemarin", "yang lalu") else 1

    def _x_yholiday(self, m, text):
        g = lambda k: self._grp(m, "yholiday", k)  # noqa: E731
        name = norm(g("name"))
        if not g("name")[0].isupper():
            return None  # "paskah" in lower case is rare in news; names of holidays are capitalised
        info: dict[str, Any] = {"name": name}
        if g("y"):
            info["y"] = int(g("y"))
        self._holiday_tense(m, "yholiday", info)
        return Candidate(m.start(), m.end(), "yholiday", info)

    def _yholiday_date(self, name: str, y: int) -> dt.date | None:
        """Date of a movable (non-Islamic) holiday in Gregorian year ``y``, or ``None`` when unknown."""
        lex = self.lex
        if name in lex["easter_holidays"]:
            if not 1583 <= y <= 4099:
                return None
            return _easter(y) + dt.timedelta(days=lex["easter_holidays"][name])
        key = lex["holiday_names_by_year"][name]
        era = lex["holiday_era_offsets"].get(key)
        if era and y >= era[0]:
            y -= era[1]  # "Imlek 2576" (Kongzili), "Waisak 2569 BE" (Buddhist era)
        md = lex["holidays_by_year"][key].get(str(y))
        return dt.date.fromisoformat(f"{y}-{md}") if md else None

    def _x_ordweek(self, m, text):
        g = lambda k: self._grp(m, "ordweek", k)  # noqa: E731
        info: dict[str, Any] = {"o": self.lex["ordinal_weeks"][norm(g("o"))]}
        if g("mon"):
            if not g("mon")[0].isupper():
                return None
            info["m"] = self.months[norm(g("mon"))]
            if g("y"):
                info["y"] = int(g("y"))
            elif g("t"):
                t = norm(g("t"))
                info["tense"] = -1 if t == "lalu" else (0 if t == "ini" else 1)
        else:
            info["mrel"] = {"ini": 0, "lalu": -1, "depan": 1, "mendatang": 1}[norm(g("bt"))]
        return Candidate(m.start(), m.end(), "ordweek", info)

    def _x_barepart(self, m, text):
        before = text[max(0, m.start() - 12) : m.start()].split()
        if not before or before[-1].lower() not in self._bare_after:
            return None
        p = norm(self._grp(m, "barepart", "p"))
        return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": 0, "part": self.parts[p]})

    def _x_glued(self, m, text):
        w = norm(self._grp(m, "glued", "w"))
        return Candidate(m.start(), m.end(), "ref", {"value": self.lex["glued_refs"][w]})

    def _x_season(self, m, text):
        g = lambda k: self._grp(m, "season", k)  # noqa: E731
        info: dict[str, Any] = {"s": self.lex["seasons"][norm(g("name"))]}
        if g("y"):
            info["y"] = int(g("y"))
        elif g("t"):
            info["t"] = norm(g("t")).split()[-1]
        return Candidate(m.start(), m.end(), "season", info)

    def _x_weekend(self, m, text):
        t = self._grp(m, "weekend", "t")
        return Candidate(m.start(), m.end(), "weekend", {"t": norm(t) if t else None})

    def _x_periodmod(self, m, text):
        g = lambda k: self._grp(m, "periodmod", k)  # noqa: E731
        mod = self.mods.get(norm(g("m")), "END")
        unit = {"tahun": "Y", "bulan": "M", "pekan": "W"}[norm(g("u"))]
        return Candidate(m.start(), m.end(), "unitrel", {"unit": unit, "k": 0}, mod=mod)

    def _x_partday(self, m, text):
        p = norm(self._grp(m, "partday", "p"))
        part = self.parts["dini hari" if p == "dini" else p]
        return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": 0, "part": part})

    def _x_setx(self, m, text):
        g = lambda k: self._grp(m, "setx", k)  # noqa: E731
        if g("pu"):
            before = text[max(0, m.start() - 12) : m.start()].split()
            if before and before[-1].lower().rstrip(".") in self._rate_units:
                return None  # "200 km per jam" is a speed
            u = self.units[norm(g("pu"))]
            return Candidate(
                m.start(),
                m.end(),
                "set",
                {"value": _dur(1, "Mi" if u == "M" and norm(g("pu")) == "menit" else u)},
            )
        if g("n"):
            n = parse_number(g("n"), self.lex)
            if n is None:
                return None
            uw = norm(g("u"))
            u = "Mi" if uw == "menit" else self.units[uw]
            return Candidate(m.start(), m.end(), "set", {"value": _dur(n, u)})
        wd = g("hwd") or g("wd")
        if wd:
            v = f"XXXX-WXX-{self._wd(wd)}"
            if g("wpart"):
                v += "T" + self.parts[norm(g("wpart"))]
            return Candidate(m.start(), m.end(), "set", {"value": v})
        if g("part"):
            return Candidate(m.start(), m.end(), "set", {"value": "T" + self.parts[norm(g("part"))]})
        if g("td"):
            return Candidate(m.start(), m.end(), "set", {"value": f"XXXX-XX-{int(g('td')):02d}"})
        if g("dd"):
            return Candidate(
                m.start(),
                m.end(),
                "set",
                {"value": f"XXXX-{self.months[norm(g('dmon')).rstrip('.')]:02d}-{int(g('dd')):02d}"},
            )
        uw = norm(g("u1"))
        uw = uw[:-3] if uw.endswith("nya") else uw
        u = "Mi" if uw == "menit" else self.units[uw]
        return Candidate(m.start(), m.end(), "set", {"value": _dur(1, u)})

    def _x_timesx(self, m, text):
        g = lambda k: self._grp(m, "timesx", k)  # noqa: E731
        uw = self.lex["se_units"][norm(g("se"))] if g("se") else norm(g("u"))
        u = "Mi" if uw == "menit" else self.units[uw]
        return Candidate(m.start(), m.end(), "set", {"value": _dur(1, u)})

    def _x_prevref(self, m, text):
        w = norm(self._grp(m, "prevref", "w"))
        lex = self.lex
        if w in lex["same_refs"]:
            return Candidate(m.start(), m.end(), "prev", {"unit": lex["same_refs"][w], "k": 0})
        if w in lex["next_day_refs"]:
            v = lex["next_day_refs"][w]
            if isinstance(v, int):
                return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": v})
            return Candidate(m.start(), m.end(), "prev", {"unit": v[0], "k": int(v[1:])})
        v = lex["previous_parts"][w]
        if isinstance(v, list):
            return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": v[1], "part": v[0]})
        return Candidate(m.start(), m.end(), "prev", {"unit": "D", "k": 0, "part": v})

    def _x_deictic(self, m, text):
        w = norm(self._grp(m, "deictic", "w"))
        if w == "semalam":
            before = text[max(0, m.start() - 12) : m.start()].split()
            if before and before[-1].lower() in self._overnight:
                return Candidate(
                    m.start(), m.end(), "qty", {"dir": None, "n": 1.0, "unit": "D", "value": "P1D"}
                )
        part, k = self.lex["deictic_parts"][w]
        return Candidate(m.start(), m.end(), "relday", {"k": k, "part": part})

    def _x_relday(self, m, text):
        g = lambda k: self._grp(m, "relday", k)  # noqa: E731
        w = norm(g("w"))
        info: dict[str, Any] = {"k": self.lex["relative_days"][w]}
        if w == "esok" and g("w")[0].isupper() is False and text[m.end() : m.end() + 1] == "-":
            return None
        if g("part"):
            info["part"] = self.parts[norm(g("part"))]
        return Candidate(m.start(), m.end(), "relday", info)

    def _sentence_start(self, text: str, pos: int) -> bool:
        j = pos - 1
        while j >= 0 and text[j] in " \t\"'“(":
            j -= 1
        return j < 0 or text[j] in ".!?\n:"

    def _x_unitrel(self, m, text):
        g = lambda k: self._grp(m, "unitrel", k)  # noqa: E731
        u = g("u")
        t = norm(g("t"))
        if u == "Minggu" and not self._sentence_start(text, m.start()):
            # capitalised Minggu mid-sentence: the weekday Sunday ("pada Minggu lalu")
            tense = -1 if t in ("lalu", "yang lalu", "kemarin", "silam") else (0 if t == "ini" else 1)
            return Candidate(m.start(), m.end(), "weekday", {"wd": 7, "tense": tense})
        k = -1 if t in ("lalu", "yang lalu", "kemarin", "silam") else (0 if t == "ini" else 1)
        unit = {"pekan": "W", "minggu": "W", "bulan": "M", "tahun": "Y", "dekade": "DE", "abad": "CE"}[
            norm(u)
        ]
        return Candidate(m.start(), m.end(), "unitrel", {"unit": unit, "k": k})

    def _x_tanggal(self, m, text):
        g = lambda k: self._grp(m, "tanggal", k)  # noqa: E731
        d = int(g("d"))
        if not 1 <= d <= 31:
            return None
        info: dict[str, Any] = {"d": d}
        if g("mt"):
            info["mrel"] = {"ini": 0, "lalu": -1, "depan": 1}[norm(g("mt")).split()[-1]]
        return Candidate(m.start(), m.end(), "tanggal", info)

    def _x_qty(self, m, text):
        g = lambda k: self._grp(m, "qty", k)  # noqa: E731
        info: dict[str, Any] = {"dir": norm(g("dir")) if g("dir") else None}
        if g("rd"):
            info["value"] = self.lex["reduplicated_units"][norm(g("rd"))]
            info["vague"] = True
            info["unit"] = info["value"][-1]
        elif g("vq"):
            uw = norm(g("vu"))
            u = "Mi" if uw == "menit" else self.units[uw]
            info["vague"] = True
            info["unit"] = u
            info["value"] = ("PTX" if u in ("H", "Mi", "S") else "PX") + {
                "Mi": "M",
                "DE": "DE",
                "CE": "CE",
            }.get(u, u[0])
        else:
            if g("se"):
                n: float | None = 1.0
                uw = self.lex["se_units"][norm(g("se"))]
            else:
                n = parse_number(g("n"), self.lex)
                uw = norm(g("u"))
                hi = g("nr") or g("nr2")
                if hi is not None and n is not None:
                    nh = parse_number(hi, self.lex)
                    if nh is None or nh <= n:
                        return None  # "3-1 menit" is a score, not a range
                    n = nh  # "dua-tiga tahun": the upper bound, approximately
                    info["range"] = True
            if n is None:
                return None
            if uw == "minggu" and g("u") and g("u")[0] == "M":
                return None
            u = "Mi" if uw == "menit" else self.units[uw]
            # "UU Nomor 11 Tahun 2020": a law name, not eleven years
            after = text[m.end("qty_u") if g("u") else m.end() : m.end("qty_u") + 8 if g("u") else m.end()]
            if uw == "tahun" and re.match(r"\s+\d{4}", after):
                return None
            if info["dir"] == "ini" and n >= 100:
                return None  # "sekitar 16.300 hari ini": a figure followed by "hari ini"
            info["n"], info["unit"] = n, u
            info["value"] = _dur(n, u)
            if g("n2"):
                n2 = parse_number(g("n2"), self.lex)
                u2w = norm(g("u2"))
                u2 = "Mi" if u2w == "menit" else self.units[u2w]
                if n2 is not None:
                    info["value2"] = _dur(n2, u2)
                    info["value"] = _join_dur(info["value"], info["value2"])
        return Candidate(m.start(), m.end(), "qty", info)

    def _x_xdur(self, m, text):
        g = lambda k: self._grp(m, "xdur", k)  # noqa: E731
        uw = norm(g("u"))
        u = "Mi" if uw == "menit" else self.units[uw]
        n = int(g("a")) * int(g("b"))
        if not n:
            return None
        return Candidate(
            m.start(), m.end(), "qty", {"dir": None, "n": float(n), "unit": u, "value": _dur(n, u)}
        )

    def _x_monthyear(self, m, text):
        g = lambda k: self._grp(m, "monthyear", k)  # noqa: E731
        return Candidate(
            m.start(), m.end(), "monthyear", {"m": self.months[norm(g("mon")).rstrip(".")], "y": int(g("y"))}
        )

    def _x_year(self, m, text):
        g = lambda k: self._grp(m, "year", k)  # noqa: E731
        pre = g("pre")
        start = m.start()
        if pre:
            if self.p.law_before.search(text, max(0, start - 25), start):
                return None
        else:
            before = text[max(0, start - 20) : start].rstrip()
            if not before:
                return None
            season = g("y2") and int(g("y2")) == int(g("y")) + 1 and int(g("y")) >= 1900
            if before[-1] not in "(,–-" and not season:
                last = before.rsplit(None, 1)[-1].lower()
                if last not in self._year_prep:
                    return None
            lead = re.search(r"\btahun\s+$", text[max(0, start - 12) : start], re.IGNORECASE)
            if lead and self.p.law_before.search(text, max(0, start - 40), start - len(lead.group())):
                return None
        info: dict[str, Any] = {"y": int(g("y"))}
        if g("bc") and g("bc").upper() == "SM":
            info["bc"] = True
        if g("y2"):
            y2 = int(g("y2"))
            if y2 <= info["y"]:
                return None
            info["y2"] = y2
        return Candidate(start, m.end(), "year", info)

    def _x_month(self, m, text):
        g = lambda k: self._grp(m, "month", k)  # noqa: E731
        mon = g("mon")
        if not mon[0].isupper():
            return None
        info: dict[str, Any] = {"m": self.months[norm(mon)]}
        self._suffix(m, "month", info)
        has_bulan = (
            m.group("month").lower().startswith("bulan")
            or _MONTH_RANGE_AFTER.match(text, m.end()) is not None
        )
        if not (
            has_bulan
            or "tense" in info
            or "relyear" in info
            or self.p.month_prep.search(text, max(0, m.start() - 20), m.start())
        ):
            return None
        if info.get("part"):
            return None
        return Candidate(m.start(), m.end(), "month", info)

    def _x_weekday(self, m, text):
        g = lambda k: self._grp(m, "weekday", k)  # noqa: E731
        wd = g("wd")
        if not wd[0].isupper():
            return None
        info: dict[str, Any] = {"wd": self._wd(wd)}
        self._suffix(m, "weekday", info)
        if "relyear" in info:
            return None
        if (
            norm(wd) == "minggu"
            and "tense" in info
            and info.get("tense_word") in ("lalu", "depan", "ini", "mendatang")
            and self._sentence_start(text, m.start())
        ):
            k = info["tense"]
            return Candidate(m.start(), m.end(), "unitrel", {"unit": "W", "k": k})
        if norm(wd) in ("mon", "sun", "sat", "wed"):
            return None
        return Candidate(m.start(), m.end(), "weekday", info)

    def _x_ref(self, m, text):
        w = norm(self._grp(m, "ref", "w"))
        if w in ("dulu", "dahulu"):
            if re.search(r"\b(?:terlebih|lebih)\s*$", text[max(0, m.start() - 12) : m.start()], re.I):
                return None
            before = text[max(0, m.start() - 15) : m.start()].split()
            after = text[m.end() : m.end() + 8]
            prev = before[-1].lower() if before else ""
            equative = (
                prev.startswith("se") and len(prev) > 5 and prev not in self._dulu_se_not
            )  # "seramai dulu"
            if (
                prev
                and prev not in self._dulu_keep
                and not equative
                and not self._sentence_start(text, m.start())
                and (
                    not after.strip()
                    or after.lstrip()[:1] in ".,;!?\"”)'"
                    or re.match(
                        r"\s+(?:ya|aja|saja|deh|lah|dong|sebelum|baru|sebentar|agar|supaya|biar)\b",
                        after,
                        re.I,
                    )
                )
            ):
                return None  # "diamankan dulu.", "tunggu dulu ya": "dulu" = first, not formerly
        return Candidate(m.start(), m.end(), "ref", {"value": self.refs[w]})

    # ------------------------------------------------------------------ resolution
    def resolve(self, text: str, cands: list[Candidate], anchor: Anchor | None) -> list[TimeExpression]:
        """Resolve candidates in order into :class:`TimeExpression` objects."""
        out: list[TimeExpression] = []
        # "last": the last resolved day; "base": the last one that can anchor "hari yang sama" / "hari itu"
        # (not an attribution date such as "kata X, Senin (9/6/2025)." nor a "hari sebelumnya" itself)
        state: dict[str, Any] = {"last": None, "last_y": None, "last_m": None, "base": None}
        pending_clocks: list[tuple[int, Candidate]] = []
        day_of: list[dt.date | None] = []
        for c in cands:
            if c.kind == "clock":
                pending_clocks.append((len(out), c))
                out.append(TimeExpression(c.start, c.end, text[c.start : c.end], "TIME"))
                day_of.append(None)
                state_snapshot = state["last"]
                c.info["_last"] = state_snapshot
                continue
            te, day = self._resolve_one(text, c, anchor, state)
            te.mod = te.mod or c.mod
            out.append(te)
            day_of.append(day)
            if day is not None:
                state["last"] = day
                if not (c.kind == "prev" and c.info.get("k", 0) < 0) and not self._is_reporting(text, c):
                    state["base"] = day
                state["last_y"] = day.year
                state["last_m"] = (day.year, day.month)
            elif te.type == "DATE" and te.value and re.fullmatch(r"\d{4}(-\d{2})?", te.value):
                state["last_y"] = int(te.value[:4])
                if len(te.value) == 7:
                    state["last_m"] = (int(te.value[:4]), int(te.value[5:7]))
        for idx, c in pending_clocks:
            self._resolve_clock(text, idx, c, out, day_of, anchor)
            out[idx].mod = out[idx].mod or c.mod
        return out

    def _is_reporting(self, text: str, c: Candidate) -> bool:
        """A date that only dates the report ("..., kata X di Jakarta, Senin (9/6/2025).")."""
        if c.kind != "date" or not c.info.get("wd"):
            return False
        j = c.start - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j < 0 or text[j] != ",":
            return False
        tail = text[c.end : c.end + 3].lstrip(")")
        if tail[:1] not in (".", "\n", ""):
            return False
        lo = self._sent_start(text, c.start)
        return self._reporting.search(text, lo, c.start) is not None

    def _tense_of(self, text: str, c: Candidate) -> int | None:
        t = c.info.get("tense")
        if t is not None:
            return t
        lo = max(0, c.start - 120)
        seg = text[lo : c.start]
        cut = max(seg.rfind(". "), seg.rfind("\n"))
        seg = seg[cut + 1 :] if cut >= 0 else seg
        if self.p.future_cue.search(seg):
            return 1
        return None

    def _pick_year(
        self, mm: int, dd: int, ref: dt.date, tense: int | None, wd: int | None = None
    ) -> int | None:
        best = None
        for y in (ref.year - 1, ref.year, ref.year + 1):
            d = _valid_date(y, mm, dd)
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
                if _valid_date(y, mm, dd):
                    return y
            return None
        return best[1]

    def _resolve_one(
        self, text: str, c: Candidate, anchor: Anchor | None, state: dict
    ) -> tuple[TimeExpression, dt.date | None]:
        te = TimeExpression(c.start, c.end, text[c.start : c.end], "DATE")
        info = c.info
        kind = c.kind
        ref = anchor.date if anchor else None
        day: dt.date | None = None
        rel_holiday = kind in ("holiday", "islamic", "yholiday") and "relyear" in info
        if rel_holiday:
            if ref is None:
                te.anchor = "published"
                return te, None
            info = c.info = {**info, "y": ref.year + info["relyear"]}
        if kind == "date":
            day = self._resolve_date(text, c, te, ref)
        elif kind == "range":
            a, b = info["a"], info["b"]
            if a.kind == "date" and b.kind == "date" and "y" not in a.info and "y" in b.info:
                a.info["y"] = b.info["y"]
                if "m" not in a.info:
                    a.info["m"] = b.info["m"]
            if a.kind in ("month",) and b.kind == "monthyear":
                a = Candidate(a.start, a.end, "monthyear", {"m": a.info["m"], "y": b.info["y"]})
            ta, da = self._resolve_one(text, a, anchor, dict(state))
            tb, db = self._resolve_one(text, b, anchor, dict(state))
            if da and db and db < da and b.kind == "weekday":
                db = db + dt.timedelta(days=7 * ((da - db).days // 7 + 1))
                tb.value = db.isoformat()
            te.flags = ta.flags + [f for f in tb.flags if f not in ta.flags]
            if ta.value and tb.value:
                te.value = f"{ta.value}/{tb.value}"
            te.anchor = (
                "absolute"
                if ta.anchor == tb.anchor == "absolute"
                else ("previous" if "previous" in (ta.anchor, tb.anchor) else "published")
            )
            if not ref and te.anchor != "absolute":
                te.value = None
            day = db
        elif kind == "hijri":
            day = self._hijri(te, info["hy"], info["hm"], info["hd"])
        elif kind == "islamic":
            day = self._resolve_islamic(text, c, te, ref)
        elif kind in ("anniv",):
            day = _valid_date(info["y"], info["m"], info["d"])
            te.value = day.isoformat() if day else None
        elif kind == "holiday":
            y = info.get("y")
            if y is None:
                if ref is None:
                    te.value = f"XXXX-{info['m']:02d}-{info['d']:02d}"
                    te.anchor = "published"
                    return te, None
                y = self._pick_year(info["m"], info["d"], ref, self._tense_of(text, c))
                te.anchor = "published"
            day = _valid_date(y, info["m"], info["d"])
            te.value = day.isoformat() if day else None
        elif kind == "yholiday":
            y = info.get("y")
            te.anchor = "absolute"
            if y is None:
                te.anchor = "published"
                if ref is None:
                    te.value = None
                    return te, None
                tense = self._tense_of(text, c)
                best = None
                for yy in (ref.year - 1, ref.year, ref.year + 1):
                    d = self._yholiday_date(info["name"], yy)
                    if d is None or (tense == -1 and d > ref) or (tense == 1 and d < ref):
                        continue
                    if best is None or abs((d - ref).days) < abs((best - ref).days):
                        best = d
                day = best
            else:
                day = self._yholiday_date(info["name"], y)
            te.value = day.isoformat() if day else None
        elif kind == "ordweek":
            day = None
            if "m" in info:
                mm = info["m"]
                if "y" in info:
                    y = info["y"]
                    te.anchor = "absolute"
                else:
                    te.anchor = "published"
                    if ref is None:
                        te.value = None
                        return te, None
                    y = ref.year
                    tense = info.get("tense")
                    if tense == -1 and mm > ref.month:
                        y -= 1
                    elif tense == 1 and mm < ref.month:
                        y += 1
                    elif tense is None and mm - ref.month > 6:
                        y -= 1
                    elif tense is None and ref.month - mm > 6:
                        y += 1
            else:
                te.anchor = "published"
                if ref is None:
                    te.value = None
                    return te, None
                y, mm = _add_months(ref.year, ref.month, info["mrel"])
            o = info["o"]
            if o == -1:
                last = (dt.date(*_add_months(y, mm, 1), 1) - dt.timedelta(days=1)).day
                probe = dt.date(y, mm, last - 3)
            else:
                probe = _valid_date(y, mm, 7 * (o - 1) + 4)
            te.value = _week(probe) if probe else None
        elif kind == "decade":
            te.value = info["value"]
        elif kind == "century":
            te.value = ("-" if info["bc"] else "") + f"{info['n'] - 1:02d}"
        elif kind in ("quarter", "half", "season"):
            self._resolve_period(c, te, ref)
        elif kind == "weekend":
            t = info["t"]
            if ref is None:
                te.value, te.anchor = "XXXX-WXX-WE", "published"
            else:
                k = {
                    "lalu": -1,
                    "kemarin": -1,
                    "sebelumnya": -1,
                    "depan": 1,
                    "mendatang": 1,
                    "berikutnya": 1,
                }.get(t or "", 0)
                base = ref
                if t in ("sebelumnya", "berikutnya") and state["last"]:
                    base = state["last"]
                    te.anchor = "previous"
                else:
                    te.anchor = "published"
                te.value = _week(base + dt.timedelta(weeks=k)) + "-WE"
        elif kind == "set":
            te.type, te.value = "SET", info["value"]
        elif kind == "ref":
            te.value, te.anchor = info["value"], "published"
        elif kind == "prev":
            day = self._resolve_prev(c, te, ref, state)
        elif kind == "relday":
            te.anchor = "published"
            if ref:
                day = ref + dt.timedelta(days=info["k"])
                te.value = day.isoformat()
            if info.get("part"):
                te.type = "TIME"
                te.value = (te.value or "XXXX-XX-XX") + "T" + info["part"]
        elif kind == "unitrel":
            self._resolve_unitrel(c, te, ref)
        elif kind == "tanggal":
            te.anchor = "published"
            if ref:
                y, mo = _add_months(ref.year, ref.month, info.get("mrel", 0))
                if "mrel" not in info:
                    best = None
                    for k in (-1, 0, 1):
                        yy, mm = _add_months(ref.year, ref.month, k)
                        d = _valid_date(yy, mm, info["d"])
                        if d and (best is None or abs((d - ref).days) < abs((best - ref).days)):
                            best = d
                    day = best
                else:
                    day = _valid_date(y, mo, info["d"])
                te.value = day.isoformat() if day else None
        elif kind == "qty":
            day = self._resolve_qty(text, c, te, ref, state, anchor)
        elif kind == "monthyear":
            te.value = f"{info['y']:04d}-{info['m']:02d}"
        elif kind == "year":
            y = info["y"]
            if info.get("bc"):
                te.value = f"-{y:04d}" if y < 10000 else None
            elif "y2" in info:
                te.value = f"{y}/{info['y2']}"
            else:
                te.value = f"{y:04d}"
        elif kind == "month":
            te.anchor = "published"
            if "relyear" in info and ref:
                te.value = f"{ref.year + info['relyear']:04d}-{info['m']:02d}"
            elif ref:
                tense = self._tense_of(text, c)
                y = ref.year
                if tense == -1 and info["m"] > ref.month - (1 if info.get("tense_word") else 0):
                    y -= 1 if info["m"] >= ref.month else 0
                if tense == 1 and info["m"] < ref.month:
                    y += 1
                if tense is None and info["m"] - ref.month > 6:
                    y -= 1
                elif tense is None and ref.month - info["m"] > 6:
                    y += 1
                te.value = f"{y:04d}-{info['m']:02d}"
            else:
                te.value = f"XXXX-{info['m']:02d}"
        elif kind == "weekday":
            day = self._resolve_weekday(text, c, te, ref)
        if rel_holiday:
            te.anchor = "published"
        if "shift" in info and te.value and te.value[:1].isdigit():
            # "H-1 Ramadan": counted from the (first) day of the holiday
            day = dt.date.fromisoformat(te.value[:10]) + dt.timedelta(days=info["shift"])
            te.value = day.isoformat()
        if te.type == "DATE" and day is not None and info.get("part") and kind in ("date", "weekday"):
            te.type = "TIME"
            te.value = (te.value or day.isoformat()) + "T" + info["part"]
        return te, day

    def _resolve_date(
        self, text: str, c: Candidate, te: TimeExpression, ref: dt.date | None
    ) -> dt.date | None:
        info = c.info
        mm, dd, wd = info["m"], info["d"], info.get("wd")
        if info.get("bad_year"):
            te.flags.append("invalid_year")
            te.value = None
            return None
        if (
            not (1 <= mm <= 12 and 1 <= dd <= 31)
            or ("y" in info and _valid_date(info["y"], mm, dd) is None)
            or _valid_date(2000, mm, dd) is None
        ):
            te.flags.append("impossible_date")
            te.value = None
            return None
        if "y" in info:
            y = info["y"]
            te.anchor = "absolute"
        elif "relyear" in info:
            if ref is None:
                te.anchor = "published"
                te.value = f"XXXX-{mm:02d}-{dd:02d}"
                return None
            y = ref.year + info["relyear"]
            te.anchor = "published"
        else:
            te.anchor = "published"
            if ref is None:
                te.value = f"XXXX-{mm:02d}-{dd:02d}"
                return None
            tense = self._tense_of(text, c)
            y = self._pick_year(mm, dd, ref, tense, wd)
            if (
                wd is not None
                and tense is not None
                and "tense" not in info
                and y is not None
                and _valid_date(y, mm, dd)
                and _valid_date(y, mm, dd).isoweekday() != wd
            ):
                # a future cue earlier in the sentence is weaker evidence than the stated weekday
                y2 = self._pick_year(mm, dd, ref, None, wd)
                if y2 is not None and _valid_date(y2, mm, dd).isoweekday() == wd:
                    y = y2
            if y is None:
                te.flags.append("impossible_date")
                return None
        day = _valid_date(y, mm, dd)
        if day is None:
            te.flags.append("impossible_date")
            te.value = None
            return None
        if wd is not None and day.isoweekday() != wd:
            te.flags.append("weekday_mismatch")
        if "d0" in info:
            m0 = info.get("m0", mm)
            d0 = _valid_date(y, m0, info["d0"])
            if d0 is None or d0 > day:
                te.flags.append("impossible_date")
                te.value = None
                return None
            te.value = f"{d0.isoformat()}/{day.isoformat()}"
            return day
        te.value = day.isoformat()
        if "clock" in info:
            te.type = "TIME"
            te.value += f"T{info['clock'][0]:02d}:{info['clock'][1]:02d}"
        return day

    def _hijri(self, te: TimeExpression, hy: int, hm: int, hd: int) -> dt.date | None:
        from hijridate import Hijri

        try:
            if hd == 0:
                start = Hijri(hy, hm, 1)
                end = Hijri(hy, hm, start.month_length())
                g0, g1 = start.to_gregorian(), end.to_gregorian()
                te.value = f"{g0.isoformat()}/{g1.isoformat()}"
                return None
            g = Hijri(hy, hm, hd).to_gregorian()
        except (ValueError, OverflowError):
            te.flags.append("impossible_date")
            te.value = None
            return None
        day = dt.date(g.year, g.month, g.day)
        te.value = day.isoformat()
        return day

    def _resolve_islamic(
        self, text: str, c: Candidate, te: TimeExpression, ref: dt.date | None
    ) -> dt.date | None:
        from hijridate import Gregorian

        info = c.info
        hm, hd = info["hm"], info["hd"]
        if "hy" in info:
            return self._hijri(te, info["hy"], hm, hd)
        if "y" in info:
            y = info["y"]
            hy0 = Gregorian(y, 7, 1).to_hijri().year if 1925 <= y <= 2075 else None
            if hy0 is None:
                te.value = None
                return None
            for hy in (hy0 - 1, hy0, hy0 + 1):
                probe = TimeExpression(0, 0, "", "DATE")
                d = self._hijri(probe, hy, hm, hd or 1)
                if d and (d.year == y or (hd == 0 and probe.value and probe.value[:4] == str(y))):
                    return self._hijri(te, hy, hm, hd)
            te.value = None
            return None
        te.anchor = "published"
        if ref is None or not (1925 <= ref.year <= 2075):
            te.value = None
            return None
        tense = self._tense_of(text, c)
        hy0 = Gregorian(ref.year, ref.month, ref.day).to_hijri().year
        best = None
        for hy in (hy0 - 1, hy0, hy0 + 1):
            probe = TimeExpression(0, 0, "", "DATE")
            d = self._hijri(probe, hy, hm, hd)
            if hd == 0 and probe.value:
                d, probe_end = (dt.date.fromisoformat(x) for x in probe.value.split("/"))
            if d is None:
                continue
            delta = (d - ref).days
            if hd == 0 and d <= ref <= probe_end:
                delta = 0
            if (tense == -1 and delta > 0) or (tense == 1 and delta < 0):
                continue
            if best is None or abs(delta) < best[0]:
                best = (abs(delta), hy)
        if best is None:
            te.value = None
            return None
        return self._hijri(te, best[1], hm, hd)

    def _resolve_period(self, c: Candidate, te: TimeExpression, ref: dt.date | None) -> None:
        info = c.info
        kind = c.kind
        y = info.get("y")
        t = info.get("t")
        if y is None:
            te.anchor = "published"
            if ref is None:
                te.value = None
                return
            y = ref.year
        if kind == "quarter":
            q = info.get("q")
            if q is None:
                q = (ref.month - 1) // 3 + 1
                k = {"lalu": -1, "sebelumnya": -1, "depan": 1, "mendatang": 1}.get(t or "", 0)
                idx = y * 4 + q - 1 + k
                y, q = idx // 4, idx % 4 + 1
            elif t in ("lalu", "sebelumnya") and "y" not in info:
                y -= 1
            te.value = f"{y:04d}-Q{q}"
        elif kind == "half":
            if t == "lalu" and "y" not in info:
                y -= 1
            elif t == "depan":
                y += 1
            te.value = f"{y:04d}-H{info['h']}"
        else:
            if t == "lalu":
                y -= 1
            elif t in ("depan", "mendatang"):
                y += 1
            te.value = f"{y:04d}-{info['s']}"

    def _resolve_prev(
        self, c: Candidate, te: TimeExpression, ref: dt.date | None, state: dict
    ) -> dt.date | None:
        info = c.info
        unit, k = info["unit"], info["k"]
        base = state["last"] if k > 0 else (state["base"] or state["last"])
        te.anchor = "previous"
        if unit == "Y":
            y = state["last_y"]
            if y is None:
                if ref is None:
                    return None
                y, te.anchor = ref.year, "published"
            te.value = f"{y + k:04d}"
            return None
        if unit == "M":
            ym = state["last_m"]
            if ym is None:
                if ref is None:
                    return None
                ym, te.anchor = (ref.year, ref.month), "published"
            y, mo = _add_months(ym[0], ym[1], k)
            te.value = f"{y:04d}-{mo:02d}"
            return None
        if base is None:
            if ref is None:
                te.value = None
                return None
            base, te.anchor = ref, "published"
        if unit == "W":
            te.value = _week(base + dt.timedelta(weeks=k))
            return None
        day = base + dt.timedelta(days=k)
        te.value = day.isoformat()
        if info.get("part"):
            te.type = "TIME"
            te.value += "T" + info["part"]
        return day

    def _resolve_unitrel(self, c: Candidate, te: TimeExpression, ref: dt.date | None) -> None:
        unit, k = c.info["unit"], c.info["k"]
        te.anchor = "published"
        if ref is None:
            te.value = None
            return
        te.value = _shift_value(ref, unit, k)

    def _resolve_qty(self, text, c, te, ref, state, anchor) -> dt.date | None:
        info = c.info
        d = info["dir"]
        unit = info["unit"]
        past = d in ("lalu", "yang lalu", "silam", "yang silam")
        future = d in ("lagi", "mendatang", "yang akan datang")
        if d in ("ke depan", "kedepan"):
            d = None
        prev = d in ("sebelumnya", "kemudian", "setelahnya", "sesudahnya", "berikutnya")
        if not (past or future or prev):
            te.type = "DURATION"
            te.value = info["value"]
            if d in ("ini", "pertama", "belakangan", "belakangan ini"):
                # "dua tahun ini": still a duration; the extra word is not part of the expression
                te.end = (
                    c.start + len(text[c.start : c.end].rsplit(None, 1)[0])
                    if d in ("ini", "pertama")
                    else c.end
                )
                te.text = text[te.start : te.end]
            return None
        if "value2" in info:
            te.type, te.value = "DURATION", info["value"]
            return None
        sign = -1 if (past or d == "sebelumnya") else 1
        if info.get("vague"):
            te.value = "PAST_REF" if sign < 0 else "FUTURE_REF"
            te.anchor = "previous" if prev else "published"
            return None
        base = ref
        te.anchor = "published"
        if prev:
            if unit == "Y" and state["last_y"] is not None:
                te.anchor = "previous"
                te.value = f"{state['last_y'] + sign * int(info['n']):04d}"
                return None
            if state["last"] is not None:
                base, te.anchor = state["last"], "previous"
        if base is None:
            te.value = None
            return None
        n = info["n"]
        if n != int(n):
            te.value = None
            return None
        n = int(n) * sign
        if unit == "D":
            day = base + dt.timedelta(days=n)
            te.value = day.isoformat()
            return day
        if unit in ("W", "M", "Y", "DE"):
            te.value = _shift_value(base, unit, n)
        elif unit in ("H", "Mi", "S") and anchor and anchor.hour is not None and not prev:
            t0 = dt.datetime(base.year, base.month, base.day, anchor.hour, anchor.minute or 0)
            delta = {"H": dt.timedelta(hours=n), "Mi": dt.timedelta(minutes=n), "S": dt.timedelta(seconds=n)}[
                unit
            ]
            t1 = t0 + delta
            te.type = "TIME"
            te.value = t1.strftime("%Y-%m-%dT%H:%M") + (anchor.zone or "")
        elif unit in ("H", "Mi", "S"):
            te.type = "TIME"
            te.value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        else:
            te.value = None
        return None

    def _resolve_weekday(
        self, text: str, c: Candidate, te: TimeExpression, ref: dt.date | None
    ) -> dt.date | None:
        info = c.info
        wd = info["wd"]
        te.anchor = "published"
        if ref is None:
            te.value = f"XXXX-WXX-{wd}"
            if info.get("part"):
                te.type = "TIME"
                te.value += "T" + info["part"]
            return None
        tense = self._tense_of(text, c)
        diff = wd - ref.isoweekday()
        tw = info.get("tense_word")
        if tense == -1:
            back = (-diff) % 7 or (7 if tw else 0)
            day = ref - dt.timedelta(days=back)
        elif tense == 1:
            fwd = diff % 7 or (7 if tw else 0)
            day = ref + dt.timedelta(days=fwd)
        elif tense == 0:
            day = ref + dt.timedelta(days=diff)
        else:
            back = (-diff) % 7
            fwd = diff % 7
            day = ref - dt.timedelta(days=back) if back <= fwd else ref + dt.timedelta(days=fwd)
        te.value = day.isoformat()
        return day

    def _resolve_clock(self, text, idx, c, out, day_of, anchor) -> None:
        te = out[idx]
        info = c.info
        zone = info.get("zone", "")
        if idx > 0 and out[idx - 1].type == "SET" and not text[out[idx - 1].end : c.start].strip(" ,"):
            # "setiap hari pukul 18.00 WIB": a clock time of a repeated event has no day
            te.type, te.anchor = "TIME", "absolute"
            te.value = f"XXXX-XX-XXT{info['h']:02d}:{info['mi']:02d}{zone}"
            if "h2" in info:
                te.value += f"/XXXX-XX-XXT{info['h2']:02d}:{info['mi2']:02d}{zone}"
            return
        # the day: a resolved date in the same sentence (before, else after), else the last date, else published
        s_lo = self._sent_start(text, c.start)
        s_hi = self._sent_end(text, c.end)
        day = None
        src = None
        for j in range(idx - 1, -1, -1):
            if out[j].end < s_lo:
                break
            if day_of[j] is not None:
                day, src = day_of[j], "previous"
                break
        if day is None:
            for j in range(idx + 1, len(out)):
                if out[j].start > s_hi:
                    break
                if day_of[j] is not None:
                    day, src = day_of[j], "previous"
                    break
        if day is None and info.get("_last") is not None:
            day, src = info["_last"], "previous"
        if day is None and anchor is not None:
            day, src = anchor.date, "published"
        zone = info.get("zone", "")
        hhmm = f"T{info['h']:02d}:{info['mi']:02d}"
        date_s = day.isoformat() if day else "XXXX-XX-XX"
        te.type = "TIME"
        te.anchor = src or "published"
        te.value = date_s + hhmm + zone
        if "h2" in info:
            te.value += f"/{date_s}T{info['h2']:02d}:{info['mi2']:02d}{zone}"
        day_of[idx] = day

    def _sent_start(self, text: str, pos: int) -> int:
        lo = max(0, pos - 400)
        best = lo
        for m in self.p.sentence_break.finditer(text, lo, pos):
            best = m.end()
        return best

    def _sent_end(self, text: str, pos: int) -> int:
        m = self.p.sentence_break.search(text, pos, min(len(text), pos + 400))
        return m.start() if m else min(len(text), pos + 400)


def _easter(y: int) -> dt.date:
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


def _join_dur(a: str, b: str) -> str:
    """Join two durations: ``PT1H`` + ``PT30M`` -> ``PT1H30M``; ``P1Y`` + ``P6M`` -> ``P1Y6M``."""
    if a.startswith("PT") and b.startswith("PT"):
        return a + b[2:]
    if a.startswith("PT"):
        return a
    if b.startswith("PT"):
        return a + b[1:]
    return a + b[1:]


def infer_published(tagger: TimeTagger, text: str, cands: list[Candidate]) -> Anchor | None:
    """Guess the publication date from the candidates of an article.

    In order: a full date after a publication cue (``Tayang:``, ``Diperbarui``, ``Kompas.com -``) or
    directly followed by a clock time (a header stamp such as ``Senin, 03 Agustus 2020 14:20 WIB``),
    the first one found; else the latest full date with a weekday in the first 2,000 characters
    (news dates the events it reports as ``Senin (3/8/2020)``); else the latest such date anywhere;
    else the latest full date in the first 2,000 characters.
    """
    full: list[tuple[int, Candidate, dt.date]] = []
    for i, c in enumerate(cands):
        if c.kind != "date" or "y" not in c.info or "d0" in c.info or c.info.get("bad_year"):
            continue
        d = _valid_date(c.info["y"], c.info["m"], c.info["d"])
        if d is None:
            continue
        full.append((i, c, d))
    if not full:
        return None
    p = tagger.p
    for i, c, d in full:
        line_start = text.rfind("\n", 0, c.start) + 1
        cue = p.pub_cue.search(text, max(line_start, c.start - 60), c.start)
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        stamp = nxt is not None and nxt.kind == "clock" and p.stamp_gap.fullmatch(text, c.end, nxt.start)
        if "clock" in c.info:
            return Anchor(d, c.info["clock"][0], c.info["clock"][1], None)
        if stamp:
            return Anchor(d, nxt.info["h"], nxt.info["mi"], nxt.info.get("zone"))
        if cue:
            return Anchor(d)
    with_wd = [(c, d) for _, c, d in full if c.info.get("wd")]
    for pool in (
        [d for c, d in with_wd if c.start < 2000],
        [d for _, d in with_wd],
        [d for _, c, d in full if c.start < 2000],
    ):
        if pool:
            return Anchor(max(pool))
    return None


def anchor_iso(a: Anchor) -> str:
    """ISO form of an :class:`Anchor` (``2020-08-03`` or ``2020-08-03T14:20+07:00``)."""
    if a.hour is None:
        return a.date.isoformat()
    return f"{a.date.isoformat()}T{a.hour:02d}:{a.minute or 0:02d}{a.zone or ''}"
