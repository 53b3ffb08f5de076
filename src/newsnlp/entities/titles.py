"""Titles and roles of persons: out of the span, onto the mention.

``Presiden Donald Trump`` -> span ``Donald Trump``, title ``Presiden``; ``CEO Microsoft, Satya
Nadella`` -> role ``CEO Microsoft``; ``Gubernur Jawa Tengah Ganjar`` -> title ``Gubernur Jawa
Tengah``. Titles, roles and honorifics are gazetteer data (``curated/titles.txt``, ``roles.txt``,
``honorifics.txt``).
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .mention import Cover, Mention, overlaps
from .resources import RULES
from .textutil import breaks_as_newlines, norm

__all__ = ["attach_titles", "long_title_before", "strip_title", "title_before"]

_WS_COMMA = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+\Z")
_WINDOWS = RULES["windows"]
#: Characters looked back for a title before a name.
TITLE_LOOKBACK: int = _WINDOWS["title_chars"]
#: Characters and words looked back for a long title (``Kepala Dinas Kesehatan Bantul``).
LONG_TITLE_LOOKBACK: int = _WINDOWS["long_title_chars"]
LONG_TITLE_WORDS: int = _WINDOWS["long_title_words"]

_LEN_TABLES: dict[int, tuple[list[str], list[tuple[int, frozenset[str]]] | None]] = {}


def _len_table(words: list[str]) -> list[tuple[int, frozenset[str]]] | None:
    """``words`` lower-cased and grouped by length, longest first (``None`` when lower-casing
    changes a word's length); cached per list, the gazetteer's lists never change."""
    hit = _LEN_TABLES.get(id(words))
    if hit is not None and hit[0] is words:
        return hit[1]
    table: list[tuple[int, frozenset[str]]] | None = None
    if all(len(w.lower()) == len(w) for w in words):
        by_len: dict[int, set[str]] = {}
        for w in words:
            by_len.setdefault(len(w), set()).add(w.lower())
        table = [(n, frozenset(ws)) for n, ws in sorted(by_len.items(), reverse=True)]
    _LEN_TABLES[id(words)] = (words, table)
    return table


def title_before(text: str, end: int, words: list[str]) -> str | None:
    """The longest entry of ``words`` that ends at ``end`` on a word boundary (any case).

    ``words`` is sorted longest first (as the gazetteer's lists are)."""
    head = text[max(0, end - TITLE_LOOKBACK) : end]
    low = head.lower()
    table = _len_table(words)
    if table is None:
        lengths = [(len(w), w.lower()) for w in words]
    else:
        # one set lookup per distinct length instead of one endswith per word: same result,
        # since the outcome depends only on the length of the matching entry
        lengths = [
            (n, low[len(low) - n :]) for n, keys in table if n <= len(low) and low[len(low) - n :] in keys
        ]
    for n, wl in lengths:
        if low.endswith(wl):
            s = len(head) - n
            if s == 0 and end - TITLE_LOOKBACK > 0:
                continue
            if s > 0 and head[s - 1].isalnum():
                continue
            return head[s:]
    return None


def strip_title(text: str, m: Mention, gaz: Gazetteer) -> None:
    """Move titles at the start of a model PER span (``Presiden Donald Trump``,
    ``Dr Ir Mochamad Wahyudi``) out of it; the title keeps every stripped word."""
    if m.label != "PER":
        return
    start0 = m.start
    stripped = True
    while stripped:
        stripped = False
        span = text[m.start : m.end]
        low = span.lower()
        table = _len_table(gaz.titles)
        if table is None:
            cands = [(len(t), t.lower()) for t in gaz.titles]
        else:  # one set lookup per distinct title length (see title_before)
            cands = [(n, low[:n]) for n, keys in table if low[:n] in keys]
        for n, tl in cands:
            if low.startswith(tl) and len(span) > n and span[n] in " \u00a0":
                rest = span[n:].lstrip(" \u00a0")
                if rest and rest[0].isupper():
                    m.start = m.end - len(rest)
                    stripped = True
                    break
    if m.start != start0:
        m.title = text[start0 : m.start].rstrip(" \u00a0")


def attach_titles(text: str, ms: list[Mention], gaz: Gazetteer) -> None:
    """Set ``title`` and ``role`` of PER mentions from the words just before them.

    ``CEO Microsoft, Satya Nadella`` -> role ``CEO Microsoft`` (a role word, then an ORG/LOC
    mention, then an optional comma); ``Gubernur Jawa Tengah Ganjar`` -> title
    ``Gubernur Jawa Tengah``; ``Presiden Donald Trump`` -> title ``Presiden``.
    """
    by_end = {m.end: m for m in ms}
    org_loc: Cover | None = None
    for m in ms:
        if m.label != "PER" or m.title or m.role:
            continue
        gap = _WS_COMMA.search(text, max(0, m.start - 4), m.start)
        if gap is not None and gap.end() == m.start:
            prev = by_end.get(gap.start())
            if prev is not None and prev.label in ("ORG", "LOC"):
                gap2 = _WS_COMMA.search(text, max(0, prev.start - 4), prev.start)
                if (
                    gap2 is not None
                    and gap2.end() == prev.start
                    and "," not in text[gap2.start() : gap2.end()]
                ):
                    role = title_before(text, gap2.start(), gaz.roles) if prev.label == "ORG" else None
                    if role is not None:
                        m.role = text[gap2.start() - len(role) : prev.end]
                        continue
                    title = title_before(text, gap2.start(), gaz.titles)
                    if title is not None and "," not in text[prev.end : m.start]:
                        m.title = text[gap2.start() - len(title) : prev.end]
                        continue
            if "," not in text[gap.start() : gap.end()]:
                title = title_before(text, gap.start(), gaz.titles)
                if title is not None:
                    m.title = title
                else:
                    if org_loc is None:
                        org_loc = Cover(
                            len(text), [(o.start, o.end) for o in ms if o.label in ("ORG", "LOC")]
                        )
                    m.title = long_title_before(text, gap.start(), ms, gaz, org_loc)


def long_title_before(
    text: str, end: int, ms: list[Mention], gaz: Gazetteer, spans: Cover | None = None
) -> str | None:
    """A title followed by capitalised common words or ORG/LOC mentions ending at ``end``
    (``Menteri Keuangan``, ``Kepala Dinas Kesehatan Bantul``). ``spans``: the ORG/LOC mentions
    of ``ms`` (built once by the caller; built here when missing)."""
    head_start = max(0, end - LONG_TITLE_LOOKBACK)
    head_start += breaks_as_newlines(text[head_start:end]).rfind("\n") + 1  # a title stays on its line
    words = list(re.finditer(r"[^\s,;:()]+", text[head_start:end]))
    if spans is None:
        spans = Cover(len(text), [(m.start, m.end) for m in ms if m.label in ("ORG", "LOC")])
    for k in range(len(words) - 1, max(-1, len(words) - 1 - LONG_TITLE_WORDS), -1):
        w = words[k].group()
        ws = head_start + words[k].start()
        if (
            k < len(words) - 1
            and text[head_start + words[k].end() : head_start + words[k + 1].start()].strip()
        ):
            return None
        if k < len(words) - 1:
            t = title_before(text, head_start + words[k].end(), gaz.titles)
            if t is not None and len(t) >= len(w):
                return text[head_start + words[k].end() - len(t) : end].rstrip()
        if not w[0].isupper():
            return None
        if norm(w) not in gaz.common and not overlaps(spans, ws, ws + len(w)):
            return None
    return None
