"""The one source of outlet knowledge: ``data/outlets/outlets.json`` read once, and the one web
domain pattern built from it.

Every room that recognises outlets or web domains (the text tokenizer, the gazetteer, the input
room, the structure stage) reads the top-level domains, brands, agencies and outlets from here,
so a new outlet or top-level domain is one edit of the data file.

>>> from newsnlp.data.outlets import tld_alternation
>>> "co\\\\.id" in tld_alternation()
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import load_json

__all__ = ["DOMAIN_LABEL", "domain_regex", "outlet_data", "tld_alternation", "tld_last_labels"]

#: One label of a host name (``tribun-papua``, ``www``, ``detik``).
DOMAIN_LABEL = r"[A-Za-z0-9][A-Za-z0-9-]*"


def outlet_data() -> dict[str, Any]:
    """The parsed ``outlets.json`` (cached by :func:`newsnlp.data.load_json`; do not modify)."""
    return load_json("outlets", "outlets.json")


def _tlds(which: str) -> list[str]:
    key = {"all": "top_level_domains", "outlet": "outlet_top_level_domains"}[which]
    return list(outlet_data()[key])


@lru_cache(maxsize=8)
def tld_alternation(which: str = "all") -> str:
    """The top-level domains as a regular-expression alternation (dots escaped, longest first),
    without a group: ``which="all"`` every web top-level domain, ``"outlet"`` those news outlets
    use. Case is left to the caller (wrap in ``(?i:...)``)."""
    return "|".join(re.escape(t) for t in sorted(_tlds(which), key=lambda t: (-len(t), t)))


@lru_cache(maxsize=8)
def tld_last_labels(which: str = "outlet") -> str:
    """The last labels of the top-level domains (``co.id`` -> ``id``) as an alternation: a fast
    literal pre-search for where a domain may end."""
    last = sorted({t.rsplit(".", 1)[-1] for t in _tlds(which)}, key=lambda t: (-len(t), t))
    return "|".join(re.escape(t) for t in last)


@lru_cache(maxsize=8)
def domain_regex(which: str = "outlet") -> str:
    """A host name ending in a top-level domain of ``which``, case-insensitive in its top-level
    domain only (``TRIBUNJOGJA.COM``, ``Tribun-Papua.com``, ``travel.detik.com``), no group, no
    anchors: the one domain pattern the rooms build on."""
    return rf"{DOMAIN_LABEL}(?:\.{DOMAIN_LABEL})*\.(?i:{tld_alternation(which)})"
