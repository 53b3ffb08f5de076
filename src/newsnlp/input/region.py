"""The article's region of a page: the main text a proven main-content extractor (trafilatura,
run by :mod:`~newsnlp.input.extractor`) finds, matched to the lines of newsnlp's own reading of
the page.

:func:`align` finds which of newsnlp's lines that text is made of (in order, on letters and digits
only, so that spacing and punctuation differences do not matter). newsnlp keeps its own text and
offsets; the extractor only says where the article is.
"""

from __future__ import annotations

import bisect
import itertools
import re

__all__ = ["MIN_LONG_KEY", "align"]

#: Lines with at least this many letters and digits are matched on their own; shorter ones only
#: inside a gap between two matched long lines (``Jakarta`` above ``Jakarta, KOMPAS.com - ...``
#: is not taken for the start of the paragraph).
MIN_LONG_KEY = 25
#: Characters that are not letters or digits (``_`` aside: removed on its own, a character class
#: without alternatives is the faster search), and the same but the line break that separates
#: lines in :func:`_keys`.
_NOT_KEY = re.compile(r"\W+", re.UNICODE)
_NOT_KEY_NOR_NL = re.compile(r"[^\w\n]+", re.UNICODE)


def _key(text: str) -> str:
    """The letters and digits of ``text``, lower-cased."""
    return _NOT_KEY.sub("", text.lower()).replace("_", "")


def _keys(lines: list[str]) -> list[str]:
    """:func:`_key` of each of ``lines`` (none holds a ``\n``), in one pass over their text."""
    keys = _NOT_KEY_NOR_NL.sub("", "\n".join(lines).lower()).replace("_", "").split("\n")
    return keys if len(keys) == len(lines) else [_key(t) for t in lines]


def _find(mk: str, k: str) -> tuple[int, int] | None:
    """Where the key ``k`` of a long line sits in ``mk``: whole, or (when the extractor dropped or
    changed something inside the line) by most of its 30-character chunks found in order close
    together."""
    pos = mk.find(k)
    if pos >= 0:
        return pos, pos + len(k)
    chunks = [k[j : j + 30] for j in range(0, len(k) - 29, 30)]
    if len(chunks) < 2:
        return None
    for first in range(min(3, len(chunks))):
        start = mk.find(chunks[first])
        if start < 0:
            continue
        found, at = 1, start + 30
        for c in chunks[first + 1 :]:
            p = mk.find(c, at, at + 30 + len(k))
            if p >= 0:
                found, at = found + 1, p + 30
        if found >= 0.6 * len(chunks):
            return start, at
    return None


def _increasing(items: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest run of ``(line, start, end)`` items whose starts increase with the line (the
    lines in the extractor's order; a line matched far away, a repeated teaser, drops out)."""
    tails: list[int] = []  # index into items of the smallest tail of each length
    prev = [-1] * len(items)
    starts: list[int] = []
    for n, (_i, st, _e) in enumerate(items):
        k = bisect.bisect_left(starts, st)
        if k > 0:
            prev[n] = tails[k - 1]
        if k == len(starts):
            starts.append(st)
            tails.append(n)
        else:
            starts[k] = st
            tails[k] = n
    out = []
    n = tails[-1] if tails else -1
    while n >= 0:
        out.append(items[n])
        n = prev[n]
    return out[::-1]


def align(lines: list[str], main: str) -> tuple[list[bool], float]:
    """Which ``lines`` (newsnlp's lines of the page, in order) the extracted ``main`` text is
    made of, and the share of ``main``'s letters and digits they cover.

    Long lines are found anywhere in ``main`` (whole, or by most of their chunks), and the longest
    chain of them in the same order is kept; short lines only in the stretch of ``main`` between
    the long lines around them.
    """
    mk = _key(main)
    keys = _keys(lines)
    inside = [False] * len(lines)
    found = []
    for i, k in enumerate(keys):
        if len(k) >= MIN_LONG_KEY:
            hit = _find(mk, k)
            if hit is not None:
                found.append((i, hit[0], hit[1]))
    spans = _increasing(found)
    for i, _s, _e in spans:
        inside[i] = True
    # short lines: in order, inside the gap of mk between the long lines around them
    bounds = [(-1, 0, 0), *spans, (len(lines), len(mk), len(mk))]
    for (i0, _s0, e0), (i1, s1, _e1) in itertools.pairwise(bounds):
        c = e0
        for i in range(i0 + 1, i1):
            k = keys[i]
            if not k or len(k) >= MIN_LONG_KEY:
                continue
            pos = mk.find(k, c, s1)
            if pos >= 0:
                inside[i] = True
                c = pos + len(k)
    covered = sum(len(k) for k, ok in zip(keys, inside) if ok)
    return inside, (min(1.0, covered / len(mk)) if mk else 0.0)
