"""The TIMEX3 tagger: finds temporal expressions in Indonesian news text and resolves them.

Two steps. :meth:`TimeTagger.extract` (:mod:`.extract`, with the rules of :mod:`.rules`) turns every
match of the compiled patterns into a :class:`Candidate` (its span, kind and parsed parts).
:meth:`TimeTagger.resolve` (:mod:`.resolution`) walks the candidates in text order and computes the
TIMEX3 type, value, anchor, mod and flags against the publication date or the most recent resolved
date before it. When no publication date is given, :func:`infer_published` (:mod:`.published`) picks
one from the candidates. The tagger holds the vocabulary views and compiled patterns they share.
"""

from __future__ import annotations

import re
from typing import Any

from ..record import TimeExpression
from .calendar import duration
from .extract import extract
from .lexicon import alternation, compile_same_line, norm, unit_words
from .patterns import build_patterns, get_patterns
from .published import infer_published
from .resolution import resolve
from .types import Anchor, Candidate, anchor_iso

__all__ = ["Anchor", "Candidate", "TimeTagger", "anchor_iso", "infer_published"]


class TimeTagger:
    """Find and resolve temporal expressions. Build once (patterns compile once) and reuse."""

    def __init__(self, lex: dict[str, Any] | None = None) -> None:
        self.p = get_patterns() if lex is None else build_patterns(lex)
        lex = self.p.lex
        self.lex = lex
        self.months = lex["months"]
        self.weekdays = lex["weekdays"]
        self.units = lex["units"]
        self.parts = lex["parts_of_day"]
        self.zones = lex["zones"]
        self.roman = lex["roman"]
        self.refs = {k: v for k, v in lex["refs"].items() if v}
        self.mods = {k: v for k, v in lex["mods_before"].items() if v}
        self.key_of = {k.encode("ascii"): k for k in self.p.dispatch if k.isascii() and k.isalpha()}
        self.keys_b = frozenset(self.key_of)
        self.year_prep = frozenset(lex["year_after_words"]) | frozenset(lex["year_nouns"])
        # a tense word: [direction of a date or weekday after it, shift of a period before it]
        self.tense = {k: v[0] for k, v in lex["tense_words"].items()}
        self.shift_of = {k: v[1] for k, v in lex["tense_words"].items()}
        self.prev_after = lex["previous_after"]
        self.month_abbrev = frozenset(lex["month_abbreviations"])
        self.month_units = frozenset(unit_words(lex, "M"))
        self.week_units = frozenset(unit_words(lex, "W"))
        self.year_lead = compile_same_line(rf"\b{alternation(unit_words(lex, 'Y'))}\s+$")
        self.dulu = frozenset(lex["dulu_words"])
        self.dulu_not_after = compile_same_line(rf"\b{alternation(lex['dulu_not_after'])}\s*$")
        self.dulu_first_before = compile_same_line(rf"\s+{alternation(lex['dulu_first_before'])}\b")
        self.dur_multiples = lex["unit_multiples"]
        self.habitual = frozenset(lex["habitual_words"])
        self.today_words = frozenset(w for w, k in lex["relative_days"].items() if k == 0)
        self.date_prep_before = compile_same_line(rf"\b{alternation(lex['date_preps'])}\s+$")
        listw = alternation(lex["list_words"])
        # "6, 9, dan " before "13 bulan": numbers sharing the unit of the last one
        self.unit_list_before = compile_same_line(
            rf"(?<![\d.,])(?:\d{{1,3}}\s*(?:,\s+(?:{listw}\s+)?|\s+{listw}\s+)){{1,6}}$"
        )
        minute = alternation(unit_words(lex, "Mi"))
        self.angle_before = compile_same_line(
            rf"\d\s*{alternation(lex['angle_words'])}\s*(?:\d{{1,2}}\s*{minute}\s*)?$"
        )
        self.dulu_keep = frozenset(lex["dulu_keep_after"])
        self.dulu_se_not = frozenset(lex["dulu_se_not"])
        self.rate_units = frozenset(lex["rate_units_before"])
        self.overnight = frozenset(lex["overnight_words"])
        self.bare_after = frozenset(lex["bare_parts_after"])
        self.glued_words = tuple(lex["glued_refs"])
        self.glued_not = frozenset(lex["glued_ref_not_stems"])
        self.reporting = compile_same_line(
            r"\b(?:" + "|".join(map(re.escape, lex["reporting_verbs"])) + r")\b"
        )

    def wd(self, s: str | None) -> int | None:
        """ISO weekday number of a weekday name, ``None`` for ``None``."""
        if not s:
            return None
        return self.weekdays.get(norm(s).replace("’", "'"))

    def dur(self, n: float, unit: str) -> str:
        """TIMEX3 duration value of ``n`` units."""
        return duration(n, unit, self.dur_multiples)

    def shift(self, phrase: str) -> int:
        """-1, 0 or 1: the shift of a period by the tense word after it (``kuartal lalu`` -1, ``tahun
        depan`` 1, ``akhir tahun nanti`` 0, ``kuartal sebelumnya`` -1), also after a year word."""
        w = norm(phrase)
        if w not in self.shift_of and w not in self.prev_after:
            w = w.split(None, 1)[-1]
        return self.shift_of.get(w, self.prev_after.get(w, 0))

    def extract(self, text: str) -> list[Candidate]:
        """Every candidate expression in ``text``, in order, non-overlapping."""
        return extract(self, text)

    def resolve(self, text: str, cands: list[Candidate], anchor: Anchor | None) -> list[TimeExpression]:
        """Resolve candidates in order into :class:`TimeExpression` objects."""
        return resolve(self, text, cands, anchor)
