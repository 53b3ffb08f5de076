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
#: Words that open the attribution's adjunct after a speaker's name (``kata Amin dalam ...``).
_ADJUNCTS = frozenset(RULES["speaker_adjuncts"])


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
    """Persons named right after a speech verb that follows a quotation or a comma."""
    text, gaz = ctx.text, ctx.gaz
    for sm in speech_pattern(gaz.speech_verbs).finditer(text):
        s, e = sm.span("name")
        words = sm.group("name").split()
        if words[0].lower() in gaz.title_set or not ctx.free(s, e):
            continue  # a position first (kata Menteri Keuangan ...): the title rules handle it
        if sm.group("quote") is None and not _clause_ends(text, e):
            continue  # after a comma the name ends the clause: ..., kata Amin dalam ... (not kata Pengantar buku)
        ctx.add(Mention(s, e, "PER", "rule", SCORE_RULE, PRIO_RULE))


def _clause_ends(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` ends its clause: punctuation, the end of the text, or
    an adjunct of the attribution (``dalam``, ``di``, ``saat``: ``speaker_adjuncts``)."""
    rest = text[end : end + 40].lstrip(" \u00a0")
    if not rest or not rest[0].isalpha():
        return True
    word = rest.split(None, 1)[0].rstrip(".,;:!?")
    return word in _ADJUNCTS
