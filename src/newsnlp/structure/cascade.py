"""The line-pattern cascade: an ordered table of rules (``data/structure/cascade.json``), the
first rule whose test passes labels the line.

A rule names a compiled pattern of :class:`~newsnlp.structure.resources.Resources` or a named
check of :data:`CHECKS` (small functions for the tests a pattern alone cannot express), with
preconditions on the line's length and words. Reordering, adding or removing a rule is a data
change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..data import load_json
from .features import Line
from .resources import Resources

__all__ = ["CHECKS", "Cascade", "Rule", "load_rules"]


def _byline_key_line(r: Resources, line: Line) -> bool:
    """``Penulis: Name`` (a parenthesised list of keys may run long: ``(Penulis: A | Editor: B)``)."""
    return bool(r.byline_key.match(line.text)) and (line.text.startswith("(") or line.words <= 24)


def _unglued_credit_line(r: Resources, line: Line) -> bool:
    """A credit line alone (``KOMPAS.com/NAME``), not a credit glued before its caption."""
    t = line.text
    if not r.credit_line.match(t):
        return False
    m = r.credit_prefix.match(t)
    return not (m and r.credit_glue.search(t, m.end() + 1, min(len(t), m.end() + 50)))


def _related_marker_line(r: Resources, line: Line) -> bool:
    """``Baca juga: ...``; the markers that are also ordinary words (``Baca``) need a colon."""
    m = r.related_line.match(line.text)
    if not m:
        return False
    key = re.sub(r"\s+", "", m.group("m")).lower()
    return key not in r.related_need_colon or ":" in m.group("sep") or "：" in m.group("sep")


#: Named checks a rule may use (``"check": name``), each ``(resources, line) -> bool``.
CHECKS: dict[str, Callable[[Resources, Line], bool]] = {
    "byline_key_line": _byline_key_line,
    "unglued_credit_line": _unglued_credit_line,
    "related_marker_line": _related_marker_line,
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the cascade."""

    label: str
    test: Callable[[Line], bool]
    chars_below: int | None = None
    words_min: int | None = None
    words_max: int | None = None
    starts_with: tuple[str, ...] = ()
    requires: str | None = None
    requires_within: int | None = None

    def applies(self, line: Line) -> bool:
        t = line.text
        if self.chars_below is not None and len(t) >= self.chars_below:
            return False
        if self.words_min is not None and line.words < self.words_min:
            return False
        if self.words_max is not None and line.words > self.words_max:
            return False
        if self.starts_with and not t.startswith(self.starts_with):
            return False
        if self.requires is not None:
            where = t if self.requires_within is None else t[: self.requires_within]
            if self.requires not in where:
                return False
        return self.test(line)


def _pattern_test(r: Resources, name: str, full: bool) -> Callable[[Line], bool]:
    pat = getattr(r, name, None)
    if pat is None:
        raise KeyError(f"cascade rule names an unknown pattern {name!r}")
    pats = pat if isinstance(pat, list) else [pat]
    if len(pats) == 1:  # one bound method call per line (this runs on every line)
        find = pats[0].fullmatch if full else pats[0].match
        return lambda line: find(line.text) is not None
    if full:
        return lambda line: any(p.fullmatch(line.text) for p in pats)
    return lambda line: any(p.match(line.text) for p in pats)


def _check_test(r: Resources, check: Callable[[Resources, Line], bool]) -> Callable[[Line], bool]:
    def test(line: Line) -> bool:
        return check(r, line)

    return test


_RULE_KEYS = frozenset(
    "label pattern check fullmatch chars_below words_min words_max starts_with requires requires_within".split()
)


def load_rules(r: Resources, table: list[dict[str, Any]] | None = None) -> tuple[Rule, ...]:
    """The rules of ``table`` (default: the shipped ``cascade.json``) bound to ``r``'s patterns."""
    if table is None:
        table = load_json("structure", "cascade.json")["rules"]
    rules = []
    for row in table:
        unknown = set(row) - _RULE_KEYS
        if unknown:
            raise KeyError(f"cascade rule has unknown keys {sorted(unknown)}")
        if "check" in row:
            test = _check_test(r, CHECKS[row["check"]])
        else:
            test = _pattern_test(r, row["pattern"], bool(row.get("fullmatch")))
        rules.append(
            Rule(
                label=row["label"],
                test=test,
                chars_below=row.get("chars_below"),
                words_min=row.get("words_min"),
                words_max=row.get("words_max"),
                starts_with=tuple(row.get("starts_with", ())),
                requires=row.get("requires"),
                requires_within=row.get("requires_within"),
            )
        )
    return tuple(rules)


class Cascade:
    """The ordered rules; :meth:`label` gives a line the label of the first rule that applies."""

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        big = 1 << 30
        # the preconditions as plain tuples: one tight loop per line (this runs on every line)
        self._rows = tuple(
            (
                r.label,
                r.test,
                r.chars_below if r.chars_below is not None else big,
                r.words_min or 0,
                r.words_max if r.words_max is not None else big,
                r.starts_with or None,
                r.requires,
                r.requires_within,
            )
            for r in rules
        )

    def label(self, line: Line) -> str | None:
        """The label of the first rule that applies to ``line`` (``None``: no rule does)."""
        t = line.text
        n = len(t)
        w = line.words
        for label, test, below, wmin, wmax, starts, req, within in self._rows:
            if n >= below or w < wmin or w > wmax:
                continue
            if starts is not None and not t.startswith(starts):
                continue
            if req is not None and req not in (t if within is None else t[:within]):
                continue
            if test(line):
                return label
        return None
