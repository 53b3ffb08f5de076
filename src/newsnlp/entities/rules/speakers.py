"""The speaker after a quotation: ``"...," kata Amin.`` -> PER ``Amin`` (speech verbs are gazetteer
data: ``curated/speech_verbs.txt``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES
from .context import RuleContext

__all__ = ["add_speakers", "speech_pattern"]

#: English words after which capitalised words are a position, not a name (``Head of Marketing``).
_NOT_AFTER = "|".join(re.escape(w) for w in RULES["speaker_blockers"])


@lru_cache(maxsize=4)
def speech_pattern(verbs: frozenset[str]) -> re.Pattern[str]:
    """The attribution pattern over the speech verbs (``gaz.speech_verbs``): a closing quote (group
    ``quote``) or a comma, a speech verb (``kata``, ``ujarnya``), then 1-4 capitalised words
    (``Amin``, ``Djaka Budi Utama``) that end the clause (punctuation, a lower-case word, the end of
    the text) and are not followed by an English ``of``/``for`` (``Head of Marketing``) or a number."""
    alternatives = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True)) or "(?!)"
    word = r"[A-Z][a-z]+(?:['\u2019-][A-Za-z]+)*"
    return re.compile(
        r"(?:(?P<quote>[\"\u201d'\u2019])|,)[ \u00a0]*(?:" + alternatives + r")(?:nya)?[ \u00a0]+"
        r"(?P<name>" + word + r"(?:[ \u00a0]" + word + r"){0,3})"
        r"(?![\w\u00a0]|[ \u00a0]+(?:" + _NOT_AFTER + r"|\d)\b|[ \u00a0]+[A-Z])"
    )


def add_speakers(ctx: RuleContext) -> None:
    """Persons named right after a speech verb that follows a quotation or opens an aside."""
    text, gaz = ctx.text, ctx.gaz
    for sm in speech_pattern(gaz.speech_verbs).finditer(text):
        s, e = sm.span("name")
        words = sm.group("name").split()
        if words[0].lower() in gaz.title_set or not ctx.free(s, e):
            continue  # a position first (kata Menteri Keuangan ...): the title rules handle it
        if sm.group("quote") is None and text[e : e + 1] != ",":
            continue  # after a comma only as an aside: ..., kata Amin, ...
        ctx.add(Mention(s, e, "PER", "rule", SCORE_RULE, PRIO_RULE))
