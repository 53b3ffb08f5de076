"""Bands in the person lists. DBpedia's person names hold bands and groups (``Pink Floyd``,
``Wonder Girls``, ``Koes Plus``): when the model calls such a span an organisation and its line
speaks of music (``band_cues``: ``band``, ``grup``, ``musik``, ``album``, ``konser`` ...: within
``windows.band_chars`` characters each way), the gazetteer's candidate of the span takes the
model's ORG (and loses the person's kb id), so the merge policy keeps the band an organisation."""

from __future__ import annotations

import re

from ...lines import line_end, line_start
from ..gazetteer import Gazetteer
from ..mention import Mention
from ..resources import RULES

__all__ = ["bands_in_context"]

_CUES = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, RULES["band_cues"])) + r")(?!\w)", re.IGNORECASE)
#: Characters looked at on each side of the span, on its line.
_CHARS: int = RULES["windows"]["band_chars"]
#: The gazetteer tiers of person names from bulk lists.
_PERSON_TIERS = tuple(RULES["tiers"]["person_lists"])


def bands_in_context(text: str, model_cands: list[Mention], gaz_cands: list[Mention], gaz: Gazetteer) -> None:
    """Relabel ORG the bulk-list person candidates that the model calls ORG on a line about music."""
    orgs = {(m.start, m.end) for m in model_cands if m.label == "ORG"}
    if not orgs:
        return
    tiers = gaz.tier_ids(*_PERSON_TIERS)
    for g in gaz_cands:
        if (
            g.label != "PER"
            or g.entry is None
            or (g.start, g.end) not in orgs
            or gaz.tiers[g.entry] not in tiers
        ):
            continue
        before = text[max(0, g.start - _CHARS) : g.start]
        after = text[g.end : g.end + _CHARS]
        left = before[line_start(before, len(before)) :]  # the span's own line only
        right = after[: line_end(after, 0)]
        if _CUES.search(left) or _CUES.search(right):
            g.label = "ORG"
