"""Persons by position: a model mention labelled ORG, LOC, EVENT, PRODUCT or MISC that stands
where only a person's name stands is a person (``PER``), whatever the model said:

- **after a speech verb** that follows a quotation or a comma and ends the clause (``"...," kata
  Farid.``, ``..., ujar Anhar Rusli saat ...``: the attribution pattern of :mod:`.speakers`);
- **after an honorific or a rank** (``curated/honorifics.txt``: ``Mayjen``, ``Dr.``, ``Pak``),
  written before the span or inside it (``[Dr. Hon Pak]`` -> title ``Dr.``, ``Hon Pak``), a
  force written after the rank staying out of the name (``Mayjen [TNI Kristomei]`` ->
  ``Kristomei``: ``rank_forces``);
- **in apposition after a role**: a capitalised phrase opening with a title or role word, a comma,
  the name, then a comma, a bracket or a lower-case word (``Kanit Reskrim Polsek Cengkareng,
  [Parman Gultom], membenarkan``).

Never for a mention the gazetteer links, an acronym, a span holding a digit or a word the
gazetteer knows as a place or an organisation, or one that opens with an organisation or place
head (``Polsek``, ``Desa``). After an honorific or a role, capitalised name words the model left
out right after the span join it (``Kristomei [Sianturi]``).

The mention keeps ``evidence=True``: its entity takes the person label even when the article's
other mentions of the name got another one (:mod:`newsnlp.entities.grouping`).
"""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from ..mention import Mention
from ..resources import RULES
from ..textutil import norm
from .context import RuleContext
from .speakers import speech_pattern

__all__ = ["person_positions"]

_RELABEL = frozenset({"ORG", "LOC", "EVENT", "PRODUCT", "MISC"})
#: Forces and corps written after a rank (``Mayjen TNI``, ``Kombes Pol``): part of the title.
_FORCES = frozenset(norm(w) for w in RULES["rank_forces"])
_WORD = re.compile(r"[^\s,;:()\"“”]+")
#: How far back the role before an apposition is looked for (characters).
_ROLE_CHARS: int = RULES["windows"]["role_chars"]
_ROLE_END = re.compile(r"[.;:!?\"“”\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")


def person_positions(ctx: RuleContext) -> None:
    """Relabel the chosen model mentions that stand in a person's position (module docstring)."""
    text, gaz = ctx.text, ctx.gaz
    cands = [m for m in ctx.chosen if m.label in _RELABEL and m.source == "model" and m.entry is None]
    if not cands:
        return
    speakers: set[int] | None = None
    for m in cands:
        if not _name_like(text, m, gaz):
            continue
        extend = True
        if _honorific_inside(text, m, gaz) or _after_honorific(text, m, gaz):
            pass
        elif _after_role(text, m, gaz):
            pass
        else:
            if speakers is None:
                speakers = {sm.start("name") for sm in speech_pattern(gaz.speech_verbs).finditer(text)}
            if m.start not in speakers:
                continue
            extend = False
        m.label = "PER"
        m.evidence = True
        if extend:
            _extend(ctx, m)


def _name_like(text: str, m: Mention, gaz: Gazetteer) -> bool:
    span = text[m.start : m.end]
    words = span.split()
    if not words or any(c.isdigit() for c in span) or gaz.starts_with_head(span):
        return False
    for w in words:
        if norm(w) in _FORCES:
            continue  # Mayjen [TNI Kristomei]: the force is left out of the name
        if w.isupper() and len(w) > 1:
            return False  # an acronym: an organisation or a ticker, not a person's name
        entry = gaz.lookup(w)
        if entry is not None and gaz.labels[entry] != "PER":
            return False  # Birthright Israel: a word of a known place or organisation
    return True


def _word_before(text: str, pos: int) -> tuple[int, str]:
    """The word ending right before ``pos`` (one space or no-break space between) and its start."""
    i = pos
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    if i == pos or i == 0:
        return i, ""
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return j, text[j:i]


def _after_honorific(text: str, m: Mention, gaz: Gazetteer) -> bool:
    """``Mayjen [Kristomei]``, ``Mayjen TNI [Kristomei]``: an honorific or rank right before."""
    at, word = _word_before(text, m.start)
    if norm(word) in _FORCES and word:
        at, word = _word_before(text, at)
    if norm(word) not in gaz.honorifics:
        return False
    _, head = _word_before(text, at)
    return not (head and gaz.starts_with_head(head))  # RSUD Dr. Soetomo is a hospital


def _honorific_inside(text: str, m: Mention, gaz: Gazetteer) -> bool:
    """``[Dr. Hon Pak]``, ``[TNI Kristomei]`` after a rank: the honorifics (into ``title``) or
    the force leave the span, the rest is the name."""
    words = list(_WORD.finditer(text, m.start, m.end))
    k = 0
    while k < len(words) - 1 and norm(words[k].group()) in gaz.honorifics:
        k += 1
    force = False
    if k == 0 and len(words) > 1 and norm(words[0].group()) in _FORCES:
        _, before = _word_before(text, m.start)
        if norm(before) in gaz.honorifics:
            k, force = 1, True
    if k == 0 or not words[k].group()[:1].isupper():
        return False
    _, head = _word_before(text, m.start)
    if head and gaz.starts_with_head(head):
        return False
    if not force and m.title is None:
        m.title = text[m.start : words[k - 1].end()]
    m.start = words[k].start()
    return True


def _after_role(text: str, m: Mention, gaz: Gazetteer) -> bool:
    """``Kepala Unit Reskrim Polsek Cengkareng, [Parman Gultom], membenarkan``."""
    i = m.start
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    if i == 0 or text[i - 1] != ",":
        return False
    after = text[m.end : m.end + 2].lstrip(" \u00a0")
    if not after or not (after[0] in ",(" or after[0].islower()):
        return False
    lo = max(0, i - 1 - _ROLE_CHARS)
    head = text[lo : i - 1]
    cut = max((mm.end() for mm in _ROLE_END.finditer(head)), default=0)
    comma = head.rfind(",")
    cut = max(cut, comma + 1)
    words = _WORD.findall(head[cut:])
    if not words:
        return False
    # the role: capitalised words (and numbers) from a title or role word on
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1][:1].isdigit()):
        k -= 1
    run = words[k:]
    return any(norm(w) in gaz.title_set and w[:1].isupper() for w in run[:2]) and len(run) >= 2


def _extend(ctx: RuleContext, m: Mention) -> None:
    """Capitalised name words right after ``m`` that no mention covers join it (at most two)."""
    text, gaz = ctx.text, ctx.gaz
    for _ in range(2):
        nxt = re.compile(r"[ \u00a0]([A-Z][a-z]+)(?=[\s,.;:!?)]|$)").match(text, m.end)
        if nxt is None:
            return
        w = nxt.group(1)
        s, e = nxt.span(1)
        if norm(w) in gaz.common or norm(w) in gaz.title_set or not ctx.free(s, e):
            return
        entry = gaz.lookup(w)
        if entry is not None and gaz.labels[entry] != "PER":
            return
        m.end = e
        ctx.spans.append((s, e))
