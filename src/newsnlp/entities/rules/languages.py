"""Names of languages are not entities.

- A place right after ``bahasa`` (``language_words`` in ``data/entities/rules.json``: ``bahasa
  Inggris``, ``Bahasa Indonesia``), or a place span that opens with it, names a language, not the
  place (school subjects are not entities either): :func:`language_name`.
- A capitalised word the article writes after ``bahasa`` (``bahasa Mandarin``) names a language
  there and wherever it stands alone in the article, so a one-word PER or ORG mention of it from
  the model or a rule goes (``belajar Mandarin``: the model, or the parts of a name it took for a
  person, ``Jago Mandarin``, made it a person). Places elsewhere keep their label (``ke Inggris``).

:func:`drop_language_names` applies both; the user's fixed mentions are kept.
"""

from __future__ import annotations

import re

from ..mention import Mention
from ..resources import RULES, phrase_alternatives

__all__ = ["drop_language_names", "language_name"]

_LANGUAGE_WORDS = phrase_alternatives(RULES["language_words"])
_LANGUAGE_BEFORE = re.compile(rf"\b(?:{_LANGUAGE_WORDS})[ \t\u00a0]+\Z", re.IGNORECASE)
_LANGUAGE_SPAN = re.compile(rf"(?:{_LANGUAGE_WORDS})[ \t\u00a0]+\S", re.IGNORECASE)
_LANGUAGE_LOOKBACK = max(len(w) for w in RULES["language_words"]) + 6
_AFTER_LANGUAGE_WORD = re.compile(
    r"(?<![\w-])(?:" + _LANGUAGE_WORDS + r")[ \u00a0]+([A-Z][a-z]+)\b",
    re.IGNORECASE,
)
#: Labels a language name never has.
_NOT_LANGUAGE_LABELS = frozenset({"PER", "ORG"})


def language_name(text: str, m: Mention) -> bool:
    """Whether a place mention names a language (``bahasa Inggris``, ``Bahasa Indonesia``)."""
    if m.label != "LOC":
        return False
    if _LANGUAGE_SPAN.match(text, m.start):
        return True
    return _LANGUAGE_BEFORE.search(text, max(0, m.start - _LANGUAGE_LOOKBACK), m.start) is not None


def drop_language_names(text: str, chosen: list[Mention]) -> list[Mention]:
    """Drop the places that name a language (:func:`language_name`) and the one-word PER and ORG
    mentions (model or rule, not linked to the gazetteer) of a word the article uses as a
    language name."""
    chosen = [m for m in chosen if m.fixed or not language_name(text, m)]
    names = {m.group(1) for m in _AFTER_LANGUAGE_WORD.finditer(text) if m.group(1)[0].isupper()}
    if not names:
        return chosen
    return [
        m
        for m in chosen
        if m.fixed
        or m.label not in _NOT_LANGUAGE_LABELS
        or m.source not in ("model", "rule")
        or m.entry is not None
        or text[m.start : m.end] not in names
    ]
