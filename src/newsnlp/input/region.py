"""The article's region of a page, found by a proven main-content extractor (trafilatura), and
matched to the lines of newsnlp's own reading of the page.

trafilatura reads a copy of the parsed tree and returns the main text; :func:`align` finds which
of newsnlp's lines that text is made of (in order, on letters and digits only, so that spacing and
punctuation differences do not matter). newsnlp keeps its own text and offsets; the extractor only
says where the article is. trafilatura is imported on first use (reading plain text never loads
it).
"""

from __future__ import annotations

import itertools
import logging
import re
from typing import Any

__all__ = ["MIN_LONG_KEY", "align", "main_text"]

#: Lines with at least this many letters and digits are matched on their own; shorter ones only
#: inside a gap between two matched long lines (``Jakarta`` above ``Jakarta, KOMPAS.com - ...``
#: is not taken for the start of the paragraph).
MIN_LONG_KEY = 25
_NOT_KEY = re.compile(r"[\W_]+", re.UNICODE)
_log_quiet = False


def _key(text: str) -> str:
    return _NOT_KEY.sub("", text.lower())


def _quiet_trafilatura() -> None:
    """trafilatura logs a warning for every page it discards; without a handler Python prints
    them to stderr. A ``NullHandler`` keeps them out of a user's terminal (they still propagate
    to a logging setup the user configures)."""
    global _log_quiet
    if not _log_quiet:
        logging.getLogger("trafilatura").addHandler(logging.NullHandler())
        _log_quiet = True


def main_text(source: Any, fast: bool = False) -> str | None:
    """trafilatura's main text of the page ``source`` (markup, or a tree it reads a copy of), or
    ``None`` when trafilatura finds none or fails."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    _quiet_trafilatura()
    try:
        out = trafilatura.extract(
            source,
            fast=fast,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception:
        return None
    return out or None


def align(lines: list[str], main: str) -> tuple[list[bool], float]:
    """Which ``lines`` (newsnlp's lines of the page, in order) the extracted ``main`` text is
    made of, and the share of ``main``'s letters and digits they cover.

    Long lines are found in order (a line found whole, or by its first and last 40 characters
    when the extractor dropped something inside it); short lines only in the stretch of ``main``
    between the long lines around them.
    """
    mk = _key(main)
    keys = [_key(t) for t in lines]
    inside = [False] * len(lines)
    spans: list[tuple[int, int, int]] = []  # (line index, start, end) in mk of the long lines
    cursor = 0
    for i, k in enumerate(keys):
        if len(k) < MIN_LONG_KEY:
            continue
        pos = mk.find(k, cursor)
        if pos >= 0:
            end = pos + len(k)
        else:
            head = mk.find(k[:40], cursor)
            if head < 0:
                continue
            tail = mk.find(k[-40:], head + 40)
            if tail < 0 or tail + 40 - head > 1.5 * len(k):
                continue
            pos, end = head, tail + 40
        inside[i] = True
        spans.append((i, pos, end))
        cursor = end
    # short lines: in order, inside the gap of mk between the long lines around them
    bounds = [(-1, 0, 0), *spans, (len(lines), len(mk), len(mk))]
    for (i0, _s0, e0), (i1, s1, _e1) in itertools.pairwise(bounds):
        c = e0
        for i in range(i0 + 1, i1):
            k = keys[i]
            if not k:
                continue
            pos = mk.find(k, c, s1)
            if pos >= 0:
                inside[i] = True
                c = pos + len(k)
    covered = sum(len(k) for k, ok in zip(keys, inside) if ok)
    return inside, (covered / len(mk) if mk else 0.0)
