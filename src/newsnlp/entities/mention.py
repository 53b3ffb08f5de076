"""Mentions while the stage works on them, and the covered-span index the steps share.

A :class:`Mention` is a candidate or a selected mention before it becomes a record
:class:`~newsnlp.record.Entity`. ``prio`` orders sources at equal span length (see
:mod:`newsnlp.entities.policy`); the values and the scores of each source are data
(``data/entities/rules.json``, ``priorities`` and ``scores``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .resources import RULES

__all__ = [
    "PRIO_CURATED",
    "PRIO_FUZZY",
    "PRIO_GAZ",
    "PRIO_GAZ_MULTI",
    "PRIO_MODEL",
    "PRIO_RULE",
    "PRIO_USER",
    "SCORE_RULE",
    "SCORE_USER",
    "Cover",
    "Mention",
    "coverage",
    "label_fits",
    "overlaps",
]

_PRIO = RULES["priorities"]
#: Source priority at equal span length (higher wins), see docs/entities.md.
PRIO_USER: int = _PRIO["user"]
PRIO_CURATED: int = _PRIO["curated"]
PRIO_GAZ_MULTI: int = _PRIO["gazetteer_multiword"]
PRIO_MODEL: int = _PRIO["model"]
PRIO_GAZ: int = _PRIO["gazetteer"]
PRIO_FUZZY: int = _PRIO["fuzzy"]
PRIO_RULE: int = _PRIO["rule"]
#: Score of a mention found by a rule from evidence in the article.
SCORE_RULE: float = RULES["scores"]["rule"]
#: Score of the user's own names and of entities set before the stage (a spaCy ``entity_ruler``).
SCORE_USER: float = RULES["scores"]["user"]
#: Labels that may share a gazetteer entry with each other (a model ORG on a PRODUCT entry).
_NAME_LABELS = frozenset({"ORG", "PRODUCT", "MISC", "EVENT"})


@dataclass(slots=True)
class Mention:
    """A candidate or selected mention, before it becomes an :class:`Entity`."""

    start: int
    end: int
    label: str
    source: str  # model | gazetteer | both | rule
    score: float
    prio: int
    entry: int | None = None
    title: str | None = None
    role: str | None = None
    #: For an acronym defined in the text, the mention of its long form.
    link: Any = field(default=None, repr=False)
    #: Set by the user (their names, or entities given before the stage): kept as it is.
    fixed: bool = False
    #: A kb id given with a fixed mention (the user's own scheme).
    kb: str | None = None
    #: The label was decided by the mention's position in the text (a person after a speech
    #: verb, an honorific or a role): it decides its entity's label (``rules.person_positions``).
    evidence: bool = False


def label_fits(gaz_label: str, model_label: str) -> bool:
    """Whether a gazetteer entry of ``gaz_label`` may stand for a mention labelled ``model_label``."""
    if gaz_label == model_label:
        return True
    return {gaz_label, model_label} <= _NAME_LABELS


class Cover:
    """Covered character positions of a text, for fast overlap tests."""

    __slots__ = ("bits",)

    def __init__(self, n: int, spans=()) -> None:
        self.bits = bytearray(n + 1)
        for s, e in spans:
            self.append((s, e))

    def append(self, span: tuple[int, int]) -> None:
        s, e = span
        self.bits[s:e] = b"\x01" * (e - s)

    def hit(self, s: int, e: int) -> bool:
        return self.bits.find(1, s, e) != -1


def coverage(ms: list[Mention], n: int | None = None) -> Cover:
    """The :class:`Cover` of the spans of ``ms`` (over ``n`` characters)."""
    n = max((m.end for m in ms), default=0) if n is None else n
    return Cover(n, [(m.start, m.end) for m in ms])


def overlaps(spans, s: int, e: int) -> bool:
    """Whether ``[s, e)`` overlaps a span of ``spans`` (a :class:`Cover` or (start, end) pairs)."""
    if isinstance(spans, Cover):
        return spans.hit(s, e)
    return any(a < e and s < b for a, b in spans)
