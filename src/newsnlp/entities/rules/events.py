"""EVENT names from head words: a capitalised phrase that starts with an event head (``Piala``,
``Liga``, ``Festival``) and has another word, or ends with a tail head (``Games``, ``Cup``,
``Expo``) and an optional year (heads: ``curated/event_heads.txt``). A racing or sports series
(``MotoGP``, ``Formula 1``: ``event_series`` in ``data/entities/rules.json``) followed by a place the
gazetteer knows, a year or both is one round of it, an EVENT (``MotoGP Italia``, ``F1 2025``,
``GP Jepang 2024``); the series alone, or before a person (``juara MotoGP Marc Marquez``), is not."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..gazetteer import Gazetteer
from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES
from ..textutil import norm

__all__ = ["YEAR", "add_events", "event_span"]

#: Lower-case words a capitalised phrase may hold (``World Police & Fire Games``, ``of``, ``the``).
_LOWER_WORDS: list[str] = RULES["phrase_lower_words"]
_PHRASE_WORD = r"(?:[A-Z][\w'’-]*|\d{1,4}|&|" + "|".join(re.escape(w) for w in _LOWER_WORDS) + r"|ke-\d+)"
#: A capitalised phrase is a capitalised word, then as many :data:`_NEXT_WORD` as follow. (Not one
#: pattern ``head(?:sep word)*``: the regular expression engine keeps a backtracking entry for each
#: repetition, 250 bytes a word, 50 MB on a text of 200,000 capitalised words in a row.)
_HEAD = re.compile(r"[A-Z][\w'’-]*")
_NEXT_WORD = re.compile(rf"[ \u00a0]+{_PHRASE_WORD}")
YEAR = re.compile(r"(?:19|20)\d\d")
_LOWER_TAIL = frozenset({*_LOWER_WORDS, "&"})
_WORD = re.compile(r"\S+")
_MEMO = 50_000
#: Series names as tuples of normalised words (``("formula", "1")``), and the longest one's length.
_SERIES: frozenset[tuple[str, ...]] = frozenset(
    tuple(norm(w) for w in s.split()) for s in RULES["event_series"]
)
_SERIES_LEN = max(map(len, _SERIES))
_SERIES_FIRST = frozenset(s[0] for s in _SERIES)
#: Words looked at for the place after a series name (``Amerika Serikat``, ``San Marino``).
_PLACE_WORDS = 3


def add_events(text: str, chosen: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The EVENT phrases of ``text``: mentions inside one are absorbed; a mention crossing its edge
    cancels it. Returns the new list of mentions (not sorted)."""
    # the mentions overlapping a phrase are found by bisection over the mentions sorted by start
    # (looking back by the longest mention); phrases come in text order and never overlap, so
    # an EVENT added for one phrase never overlaps a later one
    by_start = sorted(chosen, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    longest = max((m.end - m.start for m in by_start), default=0)
    removed: set[int] = set()
    added: list[Mention] = []
    memo: dict[str, str] = {}  # one key string per distinct word (a phrase may be the whole text)
    for p0, p1 in _phrases(text):
        if len(memo) > _MEMO:
            memo.clear()
        words = (w.group() for w in _WORD.finditer(text, p0, p1))
        keys = [memo.get(w) or memo.setdefault(w, norm(w)) for w in words]
        span = event_span(keys, gaz)
        wspans: list[tuple[int, int]] | None = None
        if span is None and not _SERIES_FIRST.isdisjoint(keys):
            wspans = [w.span() for w in _WORD.finditer(text, p0, p1)]
            span = series_round(keys, [text[a:b] for a, b in wspans], gaz)
        if span is None:
            continue
        a, b = span
        if wspans is None:
            wspans = [w.span() for w in _WORD.finditer(text, p0, p1)]
        s, e = wspans[a][0], wspans[b - 1][1]
        inside = [
            by_start[k]
            for k in range(bisect_left(starts, s - longest), bisect_left(starts, e))
            if s < by_start[k].end and id(by_start[k]) not in removed
        ]
        if any(m.start < s or m.end > e or m.fixed for m in inside):
            continue
        if any(m.label == "EVENT" and (m.start, m.end) == (s, e) for m in inside):
            continue
        removed.update(id(m) for m in inside)
        added.append(Mention(s, e, "EVENT", "rule", SCORE_RULE, PRIO_RULE, None))
    return [m for m in chosen if id(m) not in removed] + added


def _phrases(text: str):
    """The (start, end) of every capitalised phrase of two words or more, in text order."""
    head, step = _HEAD.search, _NEXT_WORD.match
    pos = 0
    while (hm := head(text, pos)) is not None:
        start = end = hm.end()
        while (wm := step(text, end)) is not None:
            end = wm.end()
        if end > start:
            yield hm.start(), end
        pos = end


def series_round(keys: list[str], surfaces: list[str], gaz: Gazetteer) -> tuple[int, int] | None:
    """Word range of a series' round in a capitalised phrase (``MotoGP Italia 2025``), or ``None``:
    a series name, then a place name of the gazetteer and an optional year, or a year alone."""
    n = len(keys)
    for a in range(n - 1):
        for k in range(min(_SERIES_LEN, n - 1 - a), 0, -1):
            if tuple(keys[a : a + k]) not in _SERIES:
                continue
            b = a + k
            if YEAR.fullmatch(keys[b]):
                return a, b + 1
            for c in range(min(n, b + _PLACE_WORDS), b, -1):
                entry = gaz.lookup(" ".join(surfaces[b:c]))
                if entry is not None and gaz.labels[entry] == "LOC":
                    return a, c + 1 if c < n and YEAR.fullmatch(keys[c]) else c
            return None
    return None


def event_span(keys: list[str], gaz: Gazetteer) -> tuple[int, int] | None:
    """Word range of an event name in a capitalised phrase, or ``None``.

    A tail head with words before it wins (``East Jakarta Agricilture Festival 2025``); else the
    first head followed by at least one more word (``Festival Film Indonesia``)."""
    n = len(keys)
    last_by, first_by = gaz.event_last_by_word, gaz.event_first_by_word
    for b in range(n, 0, -1):
        for head in last_by.get(keys[b - 1], ()):
            k = len(head)
            if b - k >= 1 and tuple(keys[b - k : b]) == head:
                end = b + 1 if b < n and YEAR.fullmatch(keys[b]) else b
                # one leading ordinary word is a category noun (Ajang, Gelaran), not the name
                a = 1 if b - k >= 2 and keys[0] in gaz.common else 0
                if a < b - k:
                    return a, end
    for a in range(n):
        for head in first_by.get(keys[a], ()):
            if tuple(keys[a : a + len(head)]) == head:
                b = n
                while b > a and keys[b - 1] in _LOWER_TAIL:
                    b -= 1
                if b - a > len(head):
                    return a, b
                return None
    return None
