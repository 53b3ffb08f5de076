"""Paragraphs the scraper split at an inline link, joined again before labelling (plain text).

Scraped text often breaks a paragraph where an inline link was: the line stops mid-sentence and
the next one goes on in lower case (``... seharga Rp34.624`` / ``per koin.``), or the link text
stands on a line of its own between the two parts (``Menurut`` / ``Badan Pusat Statistik`` /
``, inflasi naik.``). Read one by one, the parts look like a title, a dateline, a kicker or a
subheading. :func:`merge_fragments` makes them one logical :class:`~.features.Line`: it spans the
parts with their exact offsets (a segment may run across the line break), and the rules read its
text with each line break replaced by a space (same length, so offsets inside the line stay exact).

A line continues on the next one when it has no final punctuation, no pattern of the cascade
labels either line (a byline, a related link, a ``SCROLL TO CONTINUE`` marker stay apart), neither
is a list item, and:

- it ends with a comma or with a word no sentence ends with (``di``, ``dari``, ``menurut``:
  ``fragment_open_words``), or the next line starts with punctuation (``, inflasi naik.``); or
- it has ``fragment_min_words`` words or more and the next line starts in lower case; or
- it has ``fragment_min_words`` words or more, the next line is short (the link text, at most
  ``fragment_link_max_words`` words, no final punctuation) and the one after it starts in lower
  case or with punctuation (``, kata dia.``).
"""

from __future__ import annotations

import re

from ..lines import LINE_BREAKS
from .context import Context
from .features import STOP_END, Line, shape

__all__ = ["goes_on", "merge_fragments"]

#: A line ending with one of these is finished (a sentence, a heading over a list, a label).
_FINISHED = (*STOP_END, ":", ";", ")", "]", "»")
#: A continuation may start with these (the rest of a sentence after the link text).
_GOES_ON = ",.;:)]"
#: A line going on in lower case: a lower-case word (not a brand such as ``iPhone``, not mojibake).
_LOWER_WORD = re.compile(r"[a-z][a-z-]*\b")
_SPACES = str.maketrans(dict.fromkeys(LINE_BREAKS, " "))


def merge_fragments(ctx: Context, lines: list[Line], text: str) -> list[Line]:
    """``lines`` with every paragraph split at an inline link joined into one line (renumbered)."""
    if len(lines) < 2:
        return lines
    known: dict[int, bool] = {}

    def free(k: int) -> bool:
        """A line no cascade rule labels and not a list item: it may be part of a paragraph."""
        if k not in known:
            ln = lines[k]
            known[k] = shape(ln) == "plain" and ctx.cascade.label(ln) is None
        return known[k]

    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i  # the last line joined to line i
        while True:
            k = _continues(ctx, lines, free, i, j)
            if k == j:
                break
            j = k
        if j == i:
            ln = lines[i]
            ln.idx = len(out)
            out.append(ln)
        else:
            start, end = lines[i].start, lines[j].end
            t = text[start:end].translate(_SPACES)
            out.append(Line(len(out), start, end, t, words=len(t.split())))
        i = j + 1
    return out


def goes_on(ctx: Context, a: str, b: str) -> bool:
    """Whether the line ``b`` reads as the rest of the line ``a``: ``a`` is unfinished and either
    stops where no sentence ends or ``b`` starts with a lower-case word or with punctuation."""
    if not a or not b or a.endswith(_FINISHED):
        return False
    return _open(ctx, a) or bool(_LOWER_WORD.match(b)) or b[0] in _GOES_ON


def _open(ctx: Context, text: str) -> bool:
    """Whether ``text`` stops where no sentence ends (a comma, a preposition, a conjunction)."""
    if text.endswith(","):
        return True
    last = text.rsplit(None, 1)[-1]
    return last[0].islower() and last.lower() in ctx.fx.open_words


def _continues(ctx: Context, lines: list[Line], free, i: int, j: int) -> int:
    """The last line the paragraph running from ``lines[i]`` to ``lines[j]`` continues on (``j``
    when it does not go on). The cheap tests on the text come first; the cascade (``free``) only
    runs on the lines of a candidate join."""
    if j + 1 >= len(lines):
        return j
    end, nxt = lines[j].text, lines[j + 1].text
    if end.endswith(_FINISHED):
        return j
    if _open(ctx, end) or nxt[0] in _GOES_ON:
        to = j + 1
    elif sum(ln.words for ln in lines[i : j + 1]) < ctx.cfg.fragment_min_words:
        return j
    elif _LOWER_WORD.match(nxt):
        to = j + 1
    elif (
        j + 2 < len(lines)
        and lines[j + 1].words <= ctx.cfg.fragment_link_max_words
        and not nxt.endswith(_FINISHED)
        and (_LOWER_WORD.match(lines[j + 2].text) or lines[j + 2].text[0] in _GOES_ON)
    ):
        to = j + 2
    else:
        return j
    return to if all(free(k) for k in (i, *range(j, to + 1))) else j
