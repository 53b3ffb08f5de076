"""The user's own names, merged with the shipped gazetteer (never replacing it).

Each name is a row ``(name, label, canonical, kb_id, aliases)``: the text to find, its label
(``PER``, ``ORG``, ``LOC``, ``PRODUCT``, ``EVENT``, ``MISC``), the canonical name of its entity
(default: the name), a knowledge-base id in the user's own scheme (default: none) and other
written forms. Rows with the same label and canonical name are one entity. They come from a file
or from Python objects::

    Pipeline(config={"entities": {"names": "my_names.tsv"}})            # .tsv .csv .json .jsonl
    Pipeline(config={"entities": {"names": [
        {"name": "Kopi Kenangan", "label": "ORG", "kb_id": "crm:1042"},
        ("Pak Bas", "PER", "Basuki Hadimuljono"),                       # a tuple in column order
    ]}})

A TSV/CSV file has a header row naming its columns (``name`` and ``label`` at least; ``aliases``
separated by ``|``); JSON is a list of objects, JSON Lines one object a line. User names are found
before the shipped names and win over them and over the model (``source="user"``); the same
matching rules apply (case, line breaks, joined or split compounds).
"""

from __future__ import annotations

import copy
import csv
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..record import ENTITY_LABELS
from .gazetteer import FORMAT_VERSION, Gazetteer
from .textutil import name_key, piece_variants, pieces

__all__ = ["USER_TIER", "NameRow", "read_names", "with_user_names"]

#: The tier name of the user's entries in the merged gazetteer.
USER_TIER = "user"
COLUMNS = ("name", "label", "canonical", "kb_id", "aliases")


@dataclass(frozen=True)
class NameRow:
    """One user name: the text to find, its label, its entity's canonical name and kb id."""

    name: str
    label: str
    canonical: str | None = None
    kb_id: str | None = None
    aliases: tuple[str, ...] = ()


def _bad(reason: str) -> ConfigError:
    return ConfigError("entities", f"option 'names': {reason}")


def _row(obj: Any, where: str) -> NameRow:
    if isinstance(obj, NameRow):
        row = obj
    elif isinstance(obj, Mapping):
        unknown = set(obj) - set(COLUMNS)
        if unknown:
            raise _bad(f"{where}: unknown field(s) {sorted(unknown)} (fields: {', '.join(COLUMNS)})")
        aliases = obj.get("aliases") or ()
        if isinstance(aliases, str):
            aliases = tuple(a for a in aliases.split("|"))
        row = NameRow(
            str(obj.get("name") or ""),
            str(obj.get("label") or ""),
            obj.get("canonical") or None,
            obj.get("kb_id") or None,
            tuple(aliases),
        )
    elif isinstance(obj, list | tuple) and 2 <= len(obj) <= len(COLUMNS):
        return _row(dict(zip(COLUMNS, obj)), where)
    else:
        raise _bad(
            f"{where}: expected a mapping or a tuple (name, label[, canonical, kb_id, aliases]), got {obj!r}"
        )
    name = " ".join(row.name.split())
    if not name or not any(c.isalnum() for c in name):
        raise _bad(f"{where}: empty name")
    if row.label not in ENTITY_LABELS:
        raise _bad(f"{where}: label {row.label!r} is not one of {', '.join(ENTITY_LABELS)}")
    aliases = tuple(" ".join(a.split()) for a in row.aliases if a and a.strip())
    return NameRow(name, row.label, row.canonical and " ".join(row.canonical.split()), row.kb_id, aliases)


def read_names(source: str | os.PathLike[str] | Iterable[Any]) -> list[NameRow]:
    """The rows of a names file (``.tsv``, ``.csv``, ``.json``, ``.jsonl``) or of Python objects;
    :class:`~newsnlp.errors.ConfigError` on anything malformed, naming the row."""
    if isinstance(source, str | os.PathLike):
        path = Path(source).expanduser()
        if not path.is_file():
            raise _bad(f"no file {path}")
        suffix = path.suffix.lower()
        text = path.read_text(encoding="utf-8-sig")
        if suffix in (".tsv", ".csv", ".txt"):
            dialect = "excel-tab" if suffix != ".csv" else "excel"
            reader = csv.DictReader(text.splitlines(), dialect=dialect)
            if not reader.fieldnames or not {"name", "label"} <= set(reader.fieldnames):
                raise _bad(f"{path}: the header row must name the columns 'name' and 'label' at least")
            items: list[Any] = [{k: v for k, v in r.items() if k and v} for r in reader]
            where = f"{path} row"
        elif suffix == ".json":
            items = json.loads(text)
            if not isinstance(items, list):
                raise _bad(f"{path}: expected a JSON list of objects")
            where = f"{path} item"
        elif suffix == ".jsonl":
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
            where = f"{path} line"
        else:
            raise _bad(f"{path}: unknown file type {suffix!r} (.tsv, .csv, .json, .jsonl)")
        return [_row(obj, f"{where} {i + 1}") for i, obj in enumerate(items)]
    if isinstance(source, Mapping):
        raise _bad("give a list of rows (or a file), not a mapping")
    return [_row(obj, f"item {i + 1}") for i, obj in enumerate(source)]


def _compile(rows: list[NameRow], base: Gazetteer) -> dict[str, Any]:
    """The rows in the compiled gazetteer's format (as ``scripts/build_gazetteers.py`` writes it),
    with the base gazetteer's word lists, so the same matching rules apply."""
    entries: dict[tuple[str, str], int] = {}
    names: list[str] = []
    labels: list[str] = []
    kbs: list[str | None] = []
    surfaces: dict[int, set[str]] = {}
    for r in rows:
        canonical = r.canonical or r.name
        k = (r.label, canonical)
        if k not in entries:
            entries[k] = len(names)
            names.append(canonical)
            labels.append(r.label)
            kbs.append(r.kb_id)
        idx = entries[k]
        if r.kb_id and not kbs[idx]:
            kbs[idx] = r.kb_id
        surfaces.setdefault(idx, set()).update({r.name, *r.aliases})
    keys: dict[str, int] = {}
    cased: dict[str, str] = {}
    lc: dict[str, int] = {}
    patterns: set[str] = set()
    for idx, forms in surfaces.items():
        for surface in sorted(forms):
            key = name_key(surface)
            if not key:
                continue
            keys[key] = idx  # a later row with the same written form wins
            letters = re.sub(r"[^\w]", "", surface)
            if surface.isupper() and len(letters) <= 6:
                cased[key] = re.sub(r"[-‐‑–'’`´\s]", "", surface)
            ps = [surface[p.start : p.end] for n, p in enumerate(pieces(surface)) if n == 0 or not p.glued]
            n_lower = sum(1 for p in ps if p[0].islower() and p.lower() not in base.particles)
            if n_lower:
                lc[key] = max(n_lower, lc.get(key, 0))
            for v in piece_variants(surface):
                if len(v) > 1:
                    patterns.add(" ".join(v))
    return {
        "version": FORMAT_VERSION,
        "tiers": [USER_TIER],
        "entries": {"name": names, "label": labels, "kb": kbs, "tier": [0] * len(names)},
        "keys": keys,
        "cased": cased,
        "lc": lc,
        "patterns": sorted(patterns),
        "domains": {},
        "fuzzy": [],
        "ambiguous": [],
        "common": [],
        "titles": [],
        "roles": [],
        "honorifics": [],
        "org_heads": [],
        "place_heads": [],
        "event_heads": [],
        "not_entities": [],
        "particles": sorted(base.particles),
        "speech_verbs": [],
        "context_places": {},
        "locative_words": [],
    }


def with_user_names(base: Gazetteer, source: str | os.PathLike[str] | Iterable[Any]) -> Gazetteer:
    """A gazetteer holding the shipped entries and the user's (tier ``user``); ``base`` (shared,
    cached) is not changed. User names are matched first and win overlaps."""
    rows = read_names(source)
    merged = copy.copy(base)
    if not rows:
        return merged
    user = Gazetteer(_compile(rows, base))
    off = len(base.names)
    user_tier = len(base.tier_names)
    merged.names = [*base.names, *user.names]
    merged.labels = [*base.labels, *user.labels]
    merged.kbs = [*base.kbs, *user.kbs]
    merged.tiers = [*base.tiers, *([user_tier] * len(user.names))]
    merged.tier_names = [*base.tier_names, USER_TIER]
    merged.keys = {**base.keys, **{k: off + i for k, i in user.keys.items()}}
    merged.cased = {k: v for k, v in base.cased.items() if k not in user.keys} | user.cased
    merged.lc = {k: v for k, v in base.lc.items() if k not in user.keys} | user.lc
    merged._fuzzy_keys = [*base._fuzzy_keys, *(k for k in user.keys if len(k) >= 7 and k not in user.cased)]
    merged._blocks = None
    merged._fuzzy_cache = {}
    merged.user = user
    merged.user_offset = off
    return merged
