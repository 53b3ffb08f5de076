"""Speakers: the name after a quotation's speech verb (``"...," kata Amin.`` -> PER ``Amin``; speech
verbs are gazetteer data: ``curated/speech_verbs.txt``) and the name that opens a sentence as the
subject of a reporting verb (``Sudarnoto menambahkan, ...`` -> PER ``Sudarnoto``:
``subject_speech_verbs``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES
from ..textutil import norm
from .context import RuleContext

__all__ = ["add_speakers", "add_subject_speakers", "speech_pattern"]

#: English words after which capitalised words are a position, not a name (``Head of Marketing``).
_NOT_AFTER = "|".join(re.escape(w) for w in RULES["speaker_blockers"])
#: Words that open the attribution's adjunct after a speaker's name (``kata Amin dalam ...``).
_ADJUNCTS = frozenset(RULES["speaker_adjuncts"])
_SUBJECT = RULES["subject_speakers"]
#: A single capital and a period right before a position (an initial or a degree: ``M. Pd``).
_AFTER_INITIAL = re.compile(r"(?<![A-Za-z])[A-Z]\.[ \u00a0]*\Z")
#: A reporting verb (``menambahkan``) found first, cheaply; the name is then looked for before it.
_SUBJECT_VERB = re.compile(
    r"(?=["
    + re.escape("".join(sorted({v[0] for v in _SUBJECT["verbs"]})))
    + r"])(?<![\w-])(?:"
    + "|".join(map(re.escape, sorted(_SUBJECT["verbs"], key=len, reverse=True)))
    + r")(?![\w-])"
)
#: 1-3 capitalised words, then optionally an adverb (``juga``), ending right before the verb.
_SUBJECT_NAME = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+){0,2})[ \u00a0]+"
    r"(?:(?:" + "|".join(map(re.escape, _SUBJECT["adverbs"])) + r")[ \u00a0]+)?\Z"
)
#: What may stand right before a sentence's first word (spaces between): the text's start, end
#: punctuation, a closing quote or bracket, a line break.
_SENTENCE_END = re.compile(r"(?:\A|[.!?\"\u201d\u2019)\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85])[ \u00a0]*\Z")


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
        if norm(words[0]) in gaz.title_heads or not ctx.free(s, e):
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


def add_subject_speakers(ctx: RuleContext) -> None:
    """Persons opening a sentence as the subject of a reporting verb (``Sudarnoto menambahkan``,
    ``Deden juga menjelaskan``): each word must be a name word, i.e. neither an ordinary word
    (``Polisi mengatakan``, ``Pihaknya menegaskan``), an ambiguous one (``Juni``), a title
    (``Kapolda memastikan``) nor a word the gazetteer knows as something other than a person,
    unless the article names a person with that word (``Agung`` of ``Agung Nugroho``)."""
    text, gaz = ctx.text, ctx.gaz
    person_words: set[str] | None = None
    for vm in _SUBJECT_VERB.finditer(text):
        lo = max(0, vm.start() - 60)
        sm = _SUBJECT_NAME.search(text, lo, vm.start())
        if sm is None or not _SENTENCE_END.search(text, max(0, sm.start() - 4), sm.start()):
            continue
        s, e = sm.span("name")
        if s == lo and lo > 0:
            continue  # the window cut a longer run of capitalised words
        if not ctx.free(s, e) or _AFTER_INITIAL.search(text, max(0, s - 4), s):
            continue  # M. Pd menyampaikan: a degree or an initial, not the end of a sentence
        words = sm.group("name").split()
        entry = gaz.lookup(sm.group("name"))
        if entry is not None and gaz.labels[entry] != "PER":
            continue
        ok = True
        for w in words:
            key = w.lower()
            if person_words is None:
                person_words = {
                    p.lower() for m in ctx.chosen if m.label == "PER" for p in text[m.start : m.end].split()
                }
            if key in person_words:
                continue  # Agung of Agung Nugroho: a word the article uses in a person's name
            entry = gaz.lookup(w)
            if (
                norm(w) in gaz.title_heads
                or key in gaz.common
                or key in gaz.ambiguous
                or (entry is not None and gaz.labels[entry] != "PER")
            ):
                ok = False
                break
        if ok:
            ctx.add(Mention(s, e, "PER", "rule", SCORE_RULE, PRIO_RULE))
