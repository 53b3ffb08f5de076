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

from ..record import TimeExpression
from .calendar import duration
from .extract import extract
from .lexicon import norm
from .patterns import get_patterns
from .published import infer_published
from .resolution import resolve
from .types import Anchor, Candidate, anchor_iso

__all__ = ["Anchor", "Candidate", "TimeTagger", "anchor_iso", "infer_published"]

#: Words after which a bare four-digit number is read as a year ("pada 2019", "sejak 2015").
_YEAR_PREP = frozenset(
    "pada sejak hingga sampai awal akhir pertengahan medio jelang menjelang per dari selama sepanjang sebelum "
    "setelah usai pasca pra tahun di ke antara dan musim periode edisi dekade penghujung buku anggaran ajaran "
    "kisaran sekitar mulai in since natal lebaran ramadan ramadhan s.d. s.d s/d".split()
)
_DUR_MULTIPLES = {
    "DE": (10, "Y"),
    "WI": (8, "Y"),
    "CE": (100, "Y"),
    "ML": (1000, "Y"),
    "SEM": (6, "M"),
    "Q": (3, "M"),
}


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
        self.roman = lex["roman"]
        self.refs = {k: v for k, v in lex["refs"].items() if v}
        self.mods = {k: v for k, v in lex["mods_before"].items() if v}
        self.key_of = {k.encode("ascii"): k for k in self.p.dispatch if k.isascii() and k.isalpha()}
        self.keys_b = frozenset(self.key_of)
        self.year_prep = _YEAR_PREP | frozenset(lex["year_nouns"])
        self.dulu_keep = frozenset(lex["dulu_keep_after"])
        self.dulu_se_not = frozenset(lex["dulu_se_not"])
        self.rate_units = frozenset(lex["rate_units_before"])
        self.overnight = frozenset(lex["overnight_words"])
        self.bare_after = frozenset(lex["bare_parts_after"])
        self.glued_words = tuple(lex["glued_refs"])
        self.glued_not = frozenset(lex["glued_ref_not_stems"])
        self.reporting = re.compile(
            r"\b(?:" + "|".join(map(re.escape, lex["reporting_verbs"])) + r")\b", re.IGNORECASE
        )

    def wd(self, s: str | None) -> int | None:
        """ISO weekday number of a weekday name, ``None`` for ``None``."""
        if not s:
            return None
        return self.weekdays.get(norm(s).replace("’", "'"))

    def dur(self, n: float, unit: str) -> str:
        """TIMEX3 duration value of ``n`` units."""
        return duration(n, unit, _DUR_MULTIPLES)

    def extract(self, text: str) -> list[Candidate]:
        """Every candidate expression in ``text``, in order, non-overlapping."""
        return extract(self, text)

    def resolve(self, text: str, cands: list[Candidate], anchor: Anchor | None) -> list[TimeExpression]:
        """Resolve candidates in order into :class:`TimeExpression` objects."""
        return resolve(self, text, cands, anchor)
