"""Products from a brand and a model number: a known company followed by a model number (``G6``,
``X9``, ``737``, not a year) is a PRODUCT (``Xpeng G6``, ``Boeing 737``), and so is a known product
line followed by one and its suffix words (``Galaxy S24 Ultra``); a model span of the same shape is
relabelled PRODUCT."""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES, phrase_alternatives
from .events import YEAR

__all__ = ["add_model_numbers"]

_MODEL_NO = re.compile(r"[ \u00a0]([A-Z]{0,4}\d{1,4}[A-Za-z]{0,3})(?![\w-])")
#: Words that may follow a model number (``iPhone 15 Pro Max``, ``Galaxy S24 Ultra``).
_MODEL_SUFFIX = re.compile(
    r"(?:[ \u00a0]+(?:" + phrase_alternatives(RULES["model_suffix_words"]) + r"))(?![\w-])"
)
#: Gazetteer tiers whose organisations are brands that name products.
_BRAND_TIERS: tuple[str, ...] = tuple(RULES["tiers"]["brands"])


def add_model_numbers(text: str, out: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Brand + model number as PRODUCT (see the module docstring). Returns the list, by start."""
    brand_tiers = gaz.tier_ids(*_BRAND_TIERS)
    for m in list(out):
        if m.source == "model":
            # the model's own span over a brand and a model number (Xpeng X9 as PER or ORG)
            span = text[m.start : m.end]
            head, _, last = span.rpartition(" ")
            brand = gaz.lookup(head) if head else None
            if (
                brand is not None
                and gaz.labels[brand] == "ORG"
                and gaz.tiers[brand] in brand_tiers
                and _MODEL_NO.fullmatch(" " + last)
                and any(c.isdigit() for c in last)
                and not YEAR.fullmatch(last)
            ):
                m.label, m.entry = "PRODUCT", None
            continue
        if m.label not in ("ORG", "PRODUCT") or m.entry is None or gaz.tiers[m.entry] not in brand_tiers:
            continue
        mm = _MODEL_NO.match(text, m.end)
        if mm is None or not any(c.isdigit() for c in mm.group(1)) or YEAR.fullmatch(mm.group(1)):
            continue
        e = mm.end(1)
        if m.label == "PRODUCT":  # a product line and its model (Galaxy S24 Ultra, iPhone 15 Pro)
            sm = _MODEL_SUFFIX.match(text, e)
            e = sm.end() if sm is not None else e
        if any(o is not m and o.start < e and m.start < o.end for o in out):
            continue
        out.remove(m)
        out.append(Mention(m.start, e, "PRODUCT", "rule", SCORE_RULE, PRIO_RULE))
    out.sort(key=lambda m: m.start)
    return out
