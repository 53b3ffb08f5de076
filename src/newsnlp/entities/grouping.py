"""Grouping mentions into entities, with one label and one canonical name per entity.

Mentions join one entity (``entity_id``) when they resolve to the same gazetteer entry, when,
unlinked, they share label and key, through an acronym defined in the article, when a person
mention's words begin or end a fuller person mention, and when an all-caps organisation spells
another's initials (docs/entities.md, "Grouping and canonical names").
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import Any

from ..record import Entity
from .gazetteer import Gazetteer
from .mention import Mention
from .textutil import name_key
from .variants import join_variants

__all__ = ["group"]

#: Most words of a shorter mention joined to a fuller person name (``Satya Nadella`` in ``Satya
#: Narayana Nadella``).
PART_WORDS = 5


def group(text: str, ms: list[Mention], gaz: Gazetteer) -> list[Entity]:
    """Group mentions into entities and build the :class:`Entity` list (docs/entities.md)."""
    n = len(ms)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    pos = {id(m): i for i, m in enumerate(ms)}
    first_by_key: dict[Any, int] = {}
    for i, m in enumerate(ms):
        surface = text[m.start : m.end]
        if m.entry is not None:
            key: Any = ("e", m.entry)
        else:
            # the same name unlinked is one entity whatever label each mention got: the group's
            # label is then its majority label (one label per entity)
            key = ("t", name_key(surface))
        if key in first_by_key:
            union(first_by_key[key], i)
        else:
            first_by_key[key] = i
        if m.link is not None and id(m.link) in pos:
            union(pos[id(m.link)], i)
    # PER names: a shorter mention whose words are the first or last words of a fuller one
    # (the fuller mentions are found through an index of every proper prefix and suffix of
    # every PER mention, so this is linear in the number of mentions, not quadratic)
    pers = [(i, tuple(text[m.start : m.end].split())) for i, m in enumerate(ms) if m.label == "PER"]
    fuller: dict[tuple, list[int]] = {}  # (words) and (words, entry) -> mention indices, in order
    for j, full in pers:
        entry_j = ms[j].entry
        # parts of at most PART_WORDS words: a person's shorter name is never longer than that,
        # and a model span of thousands of words (repetitive input) stays linear
        top = min(len(full), PART_WORDS + 1)
        parts = {full[:k] for k in range(1, top)} | {full[-k:] for k in range(1, top)}
        for part in parts:
            fuller.setdefault((part,), []).append(j)
            fuller.setdefault((part, entry_j), []).append(j)
    # a lone word that the model or a rule labelled otherwise, but that is the first or last word
    # of a person's name in the article, is that person (Satya Nadella ... Nadella as LOC)
    lone = [
        (i, (text[m.start : m.end],))
        for i, m in enumerate(ms)
        if m.label != "PER"
        and m.entry is None
        and not m.fixed
        and m.source in ("model", "rule")
        and " " not in text[m.start : m.end].strip()
    ]
    for i, words in pers + lone:
        own = ms[i].entry
        # "Trump" linked to Donald Trump never joins "Ivanka Trump"
        cands = fuller.get((words,) if own is None else (words, own))
        if not cands:
            continue
        k = bisect_left(cands, i)  # the nearest fuller name before, else the nearest after
        union(cands[k - 1] if k > 0 else cands[k], i)
    join_variants(text, ms, gaz, union)
    # acronyms spelled by the initials of an ORG in the article
    orgs = [(i, m) for i, m in enumerate(ms) if m.label == "ORG"]
    by_initials: dict[tuple[str, int], list[int]] = {}
    for j, o in orgs:
        words = [w for w in text[o.start : o.end].split() if w.lower() not in gaz.particles]
        if 2 <= len(words) <= 8:
            by_initials.setdefault(("".join(w[0] for w in words).upper(), len(words)), []).append(j)
    for i, m in orgs:
        s = text[m.start : m.end]
        if not (s.isupper() and 2 <= len(s) <= 8 and s.isalpha()):
            continue
        js = [j for j in by_initials.get((s, len(s)), [])[:2] if j != i]
        if js:
            union(js[0], i)

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    entities: list[Entity] = []
    # mentions with the same surface (or score) share one string (float) object: an article that
    # names one thing 100,000 times holds its name once
    surfaces: dict[str, str] = {}
    scores: dict[float, float] = {}
    for gid, (_root, members) in enumerate(sorted(groups.items(), key=lambda kv: min(kv[1]))):
        entries = Counter(ms[i].entry for i in members if ms[i].entry is not None)
        # (ties in set order, which for ints is deterministic)
        entry = max(set(entries), key=lambda e: (entries[e], -gaz.tiers[e])) if entries else None
        if entry is not None:
            label = gaz.labels[entry]
            canonical = gaz.names[entry]
            kb = gaz.kbs[entry]
            # a person's fullest name in the article wins over a shorter KB name
            if label == "PER":
                fullest = max(
                    (text[ms[i].start : ms[i].end] for i in members), key=lambda s: (len(s.split()), len(s))
                )
                if len(fullest.split()) > len(canonical.split()):
                    canonical = fullest
        else:
            # a tie goes to PER, else to the label seen first (not to set order, which
            # depends on the process's string hash seed)
            # a label decided by a mention's position (a person after a speech verb, an honorific
            # or a role) outweighs the labels the model gave the other mentions
            labels = Counter(ms[i].label for i in members if ms[i].evidence) or Counter(
                ms[i].label for i in members
            )
            label = max(labels, key=lambda lab: (labels[lab], lab == "PER"))
            canonical = max(
                (" ".join(text[ms[i].start : ms[i].end].split()) for i in members),
                key=lambda s: (len(s.split()), len(s)),
            )
            kb = None
        given_kb = next((ms[i].kb for i in members if ms[i].kb), None)
        if given_kb is not None:
            kb = given_kb
        for i in members:
            m = ms[i]
            surface = text[m.start : m.end]
            score = round(m.score, 3)
            entities.append(
                Entity(
                    start=m.start,
                    end=m.end,
                    text=surfaces.setdefault(surface, surface),
                    label=label,
                    canonical=canonical,
                    entity_id=gid,
                    kb_id=kb,
                    score=scores.setdefault(score, score),
                    title=m.title,
                    role=m.role,
                    source=m.source,
                )
            )
    entities.sort(key=lambda e: e.start)
    return entities
