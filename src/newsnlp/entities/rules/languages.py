"""Names of languages are not persons or organisations: a capitalised word the article writes
after ``bahasa`` (``language_words`` in ``data/entities/rules.json``: ``bahasa Mandarin``) names a
language there and wherever it stands alone in the article, so a one-word PER or ORG mention of it
from the model or a rule goes (``belajar Mandarin``: the model, or the parts of a name it took
for a person, ``Jago Mandarin``, made it a person). Places keep their label (``ke Inggris``);
the place right after ``bahasa`` is dropped by :func:`newsnlp.entities.cleanup.language_name`."""

from __future__ import annotations

import re

from ..mention import Mention
from ..resources import RULES, phrase_alternatives

__all__ = ["drop_language_names"]

_AFTER_LANGUAGE_WORD = re.compile(
    r"(?<![\w-])(?:" + phrase_alternatives(RULES["language_words"]) + r")[ \u00a0]+([A-Z][a-z]+)\b",
    re.IGNORECASE,
)
#: Labels a language name never has.
_NOT_LANGUAGE_LABELS = frozenset({"PER", "ORG"})


def drop_language_names(text: str, chosen: list[Mention]) -> list[Mention]:
    """Drop one-word PER and ORG mentions (model or rule, not linked to the gazetteer) of a word
    the article uses as a language name."""
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
