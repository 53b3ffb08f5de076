"""Merge policies: how candidates of the model, the gazetteer and the user's names become one set of
non-overlapping mentions.

A policy is a plain function ``policy(candidates, gazetteer, text) -> mentions`` registered under
a name, as spaCy registers its functions; the stage takes the name from its config
(``Pipeline(config={"entities": {"policy": "longest"}})``) and the rules of the article then fill
the gaps the policy leaves. Register your own::

    from newsnlp.entities.policy import register_policy, get_policy

    @register_policy("model_only_persons")
    def model_only_persons(cands, gaz, text):
        cands = [c for c in cands if c.label != "PER" or c.source == "model"]
        return get_policy("default")(cands, gaz, text)

The stage hands a policy lists it does not read again: a policy owns ``candidates`` and its
mentions, and may empty the list or change the mentions (the built-in ones do, so that a long
article's candidates are freed as they are merged).

Built in: ``default`` (docs/entities.md, "Combining the model and the gazetteer") and ``longest``
(the same-span merge and the longest-span-first choice alone, without the default's vetoes).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from ..errors import ConfigError
from .gazetteer import Gazetteer
from .mention import PRIO_CURATED, PRIO_GAZ_MULTI, Cover, Mention, label_fits, overlaps
from .resources import RULES

__all__ = ["POLICIES", "MergePolicy", "get_policy", "register_policy"]

MergePolicy = Callable[[list[Mention], Gazetteer, str], list[Mention]]
#: The registered merge policies by name.
POLICIES: dict[str, MergePolicy] = {}
#: Gazetteer tiers whose label yields to the model's on the same span (district names are often
#: also person names or words).
_MODEL_LABEL_TIERS: tuple[str, ...] = tuple(RULES["tiers"]["label_from_model"])


def register_policy(name: str) -> Callable[[MergePolicy], MergePolicy]:
    """Decorator registering a merge policy under ``name`` (a later registration replaces it)."""

    def deco(fn: MergePolicy) -> MergePolicy:
        POLICIES[name] = fn
        return fn

    return deco


def get_policy(name: str | MergePolicy) -> MergePolicy:
    """The policy registered under ``name`` (a callable is returned as it is);
    :class:`~newsnlp.errors.ConfigError` for an unknown name."""
    if callable(name):
        return name
    try:
        return POLICIES[name]
    except (KeyError, TypeError):
        raise ConfigError(
            "entities", f"no merge policy named {name!r} (registered: {', '.join(sorted(POLICIES))})"
        ) from None


def merge_same_spans(cands: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """One mention for each span both the model and the gazetteer found (``source="both"``), with
    the gazetteer's label (the model's for the tiers of ``tiers.label_from_model``); the kb entry
    is kept when the labels fit. Other candidates are returned as they are. ``cands`` is consumed:
    the list is emptied, and the gazetteer's candidate of a merged span becomes the merged mention."""
    by_span: dict[tuple[int, int], Mention] = {}
    rest: list[Mention] = []
    model_label_tiers = gaz.tier_ids(*_MODEL_LABEL_TIERS)
    for c in cands:
        key = (c.start, c.end)
        other = by_span.get(key)
        if other is None:
            by_span[key] = c
            continue
        model, g = (c, other) if c.source == "model" else (other, c)
        if model.source != "model" or g.source == "model":
            rest.append(c)
            continue
        label = g.label if gaz.tiers[g.entry] not in model_label_tiers else model.label
        entry = g.entry if label_fits(gaz.labels[g.entry], label) else None
        # the gazetteer's candidate becomes the merged mention, every other field as a new
        # mention's (no third object per span: on a text of one name every few words, 100,000s)
        g.label, g.source, g.entry = label, "both", entry
        g.score, g.prio = max(model.score, g.score), max(model.prio, g.prio)
        g.title = g.role = g.link = g.kb = None
        g.fixed = g.evidence = False
        by_span[key] = g
    cands.clear()  # the model's half of each merged span is freed here
    return list(by_span.values()) + rest


def _start(m: Mention) -> int:
    return m.start


def _neg_prio(m: Mention) -> int:
    return -m.prio


def _neg_length(m: Mention) -> int:
    return m.start - m.end


def choose_longest(pool: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, greedily: the longer span first, then the higher source priority,
    then the earlier start; returned by start."""
    # three stable sorts, least significant key first: the order of one sort by the key
    # ``(-length, -prio, start)`` without a key tuple per mention (100,000s on a long article)
    pool = sorted(pool, key=_start)
    pool.sort(key=_neg_prio)
    pool.sort(key=_neg_length)
    chosen: list[Mention] = []
    spans = Cover(max((m.end for m in pool), default=0))
    for m in pool:
        if not overlaps(spans, m.start, m.end):
            chosen.append(m)
            spans.append((m.start, m.end))
    chosen.sort(key=lambda m: m.start)
    return chosen


@register_policy("longest")
def longest(cands: list[Mention], gaz: Gazetteer, text: str = "") -> list[Mention]:
    """Same spans merged, then the longest span wins (source priority at equal length)."""
    return choose_longest(merge_same_spans(cands, gaz))


@register_policy("default")
def combine(cands: list[Mention], gaz: Gazetteer, text: str = "") -> list[Mention]:
    """Merge model and gazetteer candidates into non-overlapping mentions (docs/entities.md).

    1. Same span from both sources: one mention, ``source="both"``, with the gazetteer's label
       (the model's when the entry is a district, whose names are often also person names
       or words); the kb entry is kept when the labels fit.
    2. A model span that contains a curated PER, PRODUCT or EVENT name or a multiword person name
       with another label, or a model PER span that contains a curated ORG name, is dropped,
       unless it starts with an institution or place head word (``Universitas``, ``Jalan``); a
       model PER span that ends with a known person's name is cut to that name;
       a model PER span removes every overlapping gazetteer span that is neither curated nor PER.
    3. The remaining overlaps are resolved greedily: longer span first, then source priority
       (curated gazetteer > multiword gazetteer > model > single-word gazetteer > fuzzy > rule).
    4. Everything that overlaps nothing is kept (each source fills the other's gaps).
    """
    pool = merge_same_spans(cands, gaz)
    # a model span around a known name of another kind is a model error: a curated PER, PRODUCT
    # or EVENT name (Ikuti Whatsapp Channel), or any multiword person name (DPR Jafar Hafsah);
    # LOC and ORG nest in each other naturally (Gedung DPR), and names of streets, buildings and
    # institutions may contain a person's name (Gelora Bung Karno, Universitas Gadjah Mada)
    vetoes = [
        m
        for m in pool
        if m.source == "gazetteer"
        and (
            (m.prio == PRIO_CURATED and m.label in ("PER", "PRODUCT", "EVENT", "ORG"))
            or (m.label == "PER" and m.prio == PRIO_GAZ_MULTI)
        )
    ]
    if vetoes:
        vetoes.sort(key=lambda c: c.start)
        veto_starts = [c.start for c in vetoes]
        keep = []
        for m in pool:
            if m.source == "model":
                inner = []
                for k in range(bisect_left(veto_starts, m.start), len(vetoes)):
                    c = vetoes[k]
                    if c.start >= m.end:
                        break
                    if c.end <= m.end and (c.start, c.end) != (m.start, m.end):
                        # a curated organisation inside vetoes only a person span (Cukai
                        # [Kemenkeu], Haji [DPR RI]); places and organisations nest
                        if c.label != "ORG" or m.label == "PER":
                            inner.append(c)
                if inner and m.label == "PER":
                    # a PER span with words before a known person's name (DKPP Jimly Asshiddiqie)
                    last = [
                        c
                        for c in inner
                        if c.label == "PER" and c.end == m.end and len(text[c.start : c.end].split()) >= 2
                    ]
                    if last:
                        continue  # the gazetteer's person name says the same, without the prefix
                if (
                    inner
                    and any(c.label != m.label for c in inner)
                    and not gaz.starts_with_head(text[m.start : m.end])
                ):
                    continue
            keep.append(m)
        pool = keep
    model_per = Cover(
        max((m.end for m in pool), default=0),
        [(m.start, m.end) for m in pool if m.source == "model" and m.label == "PER"],
    )
    if model_per.bits.find(1) != -1:
        pool = [
            m
            for m in pool
            if not (
                m.source == "gazetteer"
                and m.prio != PRIO_CURATED
                and m.label != "PER"
                and overlaps(model_per, m.start, m.end)
            )
        ]
    return choose_longest(pool)
