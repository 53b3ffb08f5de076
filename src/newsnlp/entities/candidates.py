"""Candidate mentions from each source: the model's spans over tokens, the gazetteer's hits.

Both become :class:`~newsnlp.entities.mention.Mention` objects in character offsets, with the
source's score and priority; the merge policy (:mod:`newsnlp.entities.policy`) then chooses
among them.
"""

from __future__ import annotations

from typing import Any

from ..record import ENTITY_LABELS, Article
from .gazetteer import Gazetteer, GazMatch
from .mention import (
    PRIO_CURATED,
    PRIO_GAZ,
    PRIO_GAZ_MULTI,
    PRIO_MODEL,
    PRIO_USER,
    SCORE_USER,
    Mention,
)
from .resources import RULES
from .textutil import has_line_break

__all__ = [
    "PRESET_KEY",
    "gaz_candidates",
    "gaz_score",
    "line_starts",
    "model_candidates",
    "preset_mentions",
    "trim_punct",
]

#: ``article.scratch`` key of entities set before the stage runs (a spaCy ``entity_ruler`` placed
#: first): a list of ``{"start", "end", "label", "kb_id"}``; the stage keeps them as they are.
PRESET_KEY = "preset_entities"

_SCORES = RULES["scores"]
SCORE_CURATED: float = _SCORES["curated"]
SCORE_GAZ: float = _SCORES["gazetteer"]
#: Labels of other NER conventions, as the record's labels (a model may use ``PERSON`` or ``GPE``).
_LABEL_MAP: dict[str, str] = dict(RULES["model_label_map"])
#: Closing punctuation trimmed from the end of a model span.
_TRAILING = frozenset(".,;:!?\"'”’")


def gaz_score(gaz: Gazetteer, entry: int) -> float:
    """The score of an exact gazetteer mention of ``entry``: by the entry's source tier."""
    return SCORE_CURATED if gaz.is_curated(entry) else SCORE_GAZ


def gaz_candidates(gaz: Gazetteer, hits: list[GazMatch]) -> list[Mention]:
    """Gazetteer hits as mentions (curated > multiword > single-word priority)."""
    out = []
    for h in hits:
        if h.kind == "user":
            label = gaz.labels[h.entry]
            out.append(Mention(h.start, h.end, label, "user", SCORE_USER, PRIO_USER, h.entry, fixed=True))
            continue
        curated = gaz.is_curated(h.entry)
        prio = PRIO_CURATED if curated else (PRIO_GAZ_MULTI if h.n_words > 1 else PRIO_GAZ)
        score = h.score if h.kind == "domain" else gaz_score(gaz, h.entry)
        out.append(Mention(h.start, h.end, gaz.labels[h.entry], "gazetteer", score, prio, h.entry))
    return out


def model_candidates(article: Article, preds: list[Any]) -> list[Mention]:
    """The model's mentions (token indices) as character-offset mentions, edges trimmed; a label of
    another convention is mapped (``PERSON`` -> ``PER``, ``GPE`` -> ``LOC``: ``model_label_map`` in
    ``data/entities/rules.json``), any other label outside the record's becomes ``MISC``."""
    starts, ends = article.tokens.starts, article.tokens.ends
    text = article.text
    out = []
    for p in preds:
        if not (0 <= p.start < p.end <= len(starts)):
            continue
        label = _LABEL_MAP.get(p.label, p.label)
        if label not in ENTITY_LABELS:
            label = "MISC"
        m = Mention(starts[p.start], ends[p.end - 1], label, "model", float(p.score), PRIO_MODEL)
        trim_punct(text, m)
        if m.start < m.end:
            out.append(m)
    return out


def preset_mentions(article: Article) -> list[Mention]:
    """The entities set before the stage (``article.scratch["preset_entities"]``) as fixed
    mentions, by start; overlapping ones after the first are left out."""
    given = article.scratch.get(PRESET_KEY) or ()
    out: list[Mention] = []
    n = len(article.text)
    for d in sorted(given, key=lambda d: (d["start"], -d["end"])):
        s, e = int(d["start"]), int(d["end"])
        if not (0 <= s < e <= n) or (out and s < out[-1].end):
            continue
        label = _LABEL_MAP.get(d.get("label"), d.get("label"))
        if label not in ENTITY_LABELS:
            label = "MISC"
        out.append(Mention(s, e, label, "user", SCORE_USER, PRIO_USER, fixed=True, kb=d.get("kb_id") or None))
    return out


def trim_punct(text: str, m: Mention) -> None:
    """Strip punctuation and spaces at the edges of a span (an unmatched ``)`` too)."""
    s, e = m.start, m.end
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and (
        text[e - 1].isspace()
        or text[e - 1] in _TRAILING
        or (text[e - 1] == ")" and text[s:e].count("(") < text[s:e].count(")"))
    ):
        e -= 1
    m.start, m.end = s, e


def line_starts(article: Article) -> set[int]:
    """Indices of the tokens that begin a new line (the text before them, after the previous
    token, holds a line break): the model tags each line on its own."""
    text = article.text
    starts, ends = article.tokens.starts, article.tokens.ends
    out: set[int] = set()
    for i in range(1, len(starts)):
        a, b = ends[i - 1], starts[i]
        if b > a and has_line_break(text[a:b]):
            out.add(i)
    return out
