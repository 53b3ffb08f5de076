"""The ``bylines`` step of the entity stage: the people of the byline are ``PER`` entities.

The entity stage runs before ``structure`` (which finds the byline lines and fills
``metadata.authors`` / ``metadata.editors``), so the byline people are added by this step, a
*part* of the entity stage placed after ``structure`` (:data:`~newsnlp.registry.STAGE_ORDER`). In
each ``byline`` segment, every author or editor named in the metadata becomes a ``PER`` mention
with ``segment="byline"``, joining the entity of the same person in the article when there is one.
Mentions that overlapped the name (a wrong reading such as ``Bunga`` alone) are replaced. The step
runs after ``stems`` too, so it sets ``Token.ent`` and keeps the tokens of the name unstemmed
itself, as the ``stems`` step does for the other entities. Without ``structure`` in the pipeline
it is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from ..record import Article, Entity
from ..registry import BaseStage, register_stage
from .mention import Cover
from .resources import RULES
from .textutil import name_key

if TYPE_CHECKING:  # pragma: no cover
    from .stage import EntityStage

__all__ = ["BylineStep", "byline_mentions", "make_bylines_step"]

#: Score of a byline person (the structure stage read the name from a byline line).
SCORE_BYLINE: float = RULES["scores"]["byline"]


class BylineStep(BaseStage):
    """Adds the byline people (``metadata.authors`` and ``metadata.editors``) as PER entities."""

    name = "bylines"

    def process(self, article: Article) -> None:
        spans = byline_mentions(article)
        if not spans:
            return
        # the spans are sorted and do not overlap: the one starting last before an entity's end is
        # the only one that may overlap it (bisection, not a scan per entity: linear on long input)
        starts = [a for a, _, _ in spans]
        ends = [b for _, b, _ in spans]
        ents = [e for e in article.entities if not _in_spans(starts, ends, e.start, e.end)]
        by_key: dict[str, Entity] = {}
        for e in ents:
            if e.label == "PER":
                for k in {name_key(e.canonical or e.text), name_key(e.text)}:
                    by_key.setdefault(k, e)
        next_id = max((e.entity_id for e in ents if e.entity_id is not None), default=-1) + 1
        ids: dict[str, int] = {}
        for a, b, name in spans:
            key = name_key(name)
            same = by_key.get(key)
            if same is not None:
                entity_id, canonical, kb = same.entity_id, same.canonical, same.kb_id
            else:
                if key not in ids:
                    ids[key] = next_id
                    next_id += 1
                entity_id, canonical, kb = ids[key], " ".join(name.split()), None
            ents.append(
                Entity(
                    start=a,
                    end=b,
                    text=article.text[a:b],
                    label="PER",
                    canonical=canonical,
                    entity_id=entity_id,
                    kb_id=kb,
                    score=SCORE_BYLINE,
                    segment="byline",
                    source="rule",
                )
            )
        ents.sort(key=lambda e: e.start)
        article.entities = _renumbered(ents)
        _mark_tokens(article, spans)


def byline_mentions(article: Article) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each author or editor of the metadata written in a byline
    segment (whole words, as written), by start, without overlaps (longer names first)."""
    names = [n for n in (*article.metadata.authors, *article.metadata.editors) if n and n.strip()]
    segments = [s for s in article.segments if s.label == "byline"]
    if not names or not segments:
        return []
    found: list[tuple[int, int, str]] = []
    taken = Cover(len(article.text))
    for name in sorted(set(names), key=len, reverse=True):
        words = name.split()
        pattern = re.compile(r"(?<![\w-])" + r"[ \t\u00a0]+".join(map(re.escape, words)) + r"(?![\w-])")
        for seg in segments:
            for m in pattern.finditer(article.text, seg.start, seg.end):
                if not taken.hit(m.start(), m.end()):
                    found.append((m.start(), m.end(), name))
                    taken.append(m.span())
    return sorted(found)


def _in_spans(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """Whether ``[s, e)`` overlaps one of the sorted, non-overlapping spans ``(starts, ends)``."""
    k = bisect_left(starts, e) - 1
    return k >= 0 and ends[k] > s


def _renumbered(ents: list[Entity]) -> list[Entity]:
    """Entity ids 0, 1, ... in order of first mention (ids freed by replaced mentions close up)."""
    new: dict[int | None, int] = {}
    for e in ents:
        if e.entity_id not in new:
            new[e.entity_id] = len(new)
        e.entity_id = new[e.entity_id]
    return ents


def _mark_tokens(article: Article, spans: list[tuple[int, int, str]]) -> None:
    """The tokens of a byline name: ``ent`` PER and, where tokens are stemmed, their own form."""
    tokens = article.tokens
    k = 0
    for i, (start, end) in enumerate(zip(tokens.starts, tokens.ends)):
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        if k == len(spans):
            break
        if spans[k][0] < end and start < spans[k][1]:
            tok = tokens[i]  # few tokens are in a byline: a view each
            tok.ent = "PER"
            if tok.stem is not None:
                tok.stem = tok.text


@register_stage(
    "bylines",
    requires=("text", "tokens", "segments", "metadata.authors", "metadata.editors"),
    assigns=("tokens.ent", "tokens.stem"),
    amends=("entities",),
    part_of="entities",
)
def make_bylines_step(stage: EntityStage) -> BylineStep:
    """The ``bylines`` part of the entity stage (built from the stage's object)."""
    return BylineStep()
