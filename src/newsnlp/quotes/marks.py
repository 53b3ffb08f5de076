"""Quotation marks: which stretches of text are between an opening and a closing mark.

One pass over the marks of the text (straight, curly, low, guillemets, doubled single quotes and
HTML character references such as ``&ldquo;``), in order, with the rules of ``docs/quotes.md``:

- a quotation never runs past its paragraph (a line, :mod:`newsnlp.lines`), except that a
  paragraph opened by a mark and left open continues into the next paragraph when that one opens
  with a mark again (the print convention for a quotation over several paragraphs);
- an unclosed quotation ends with its paragraph;
- a mark that can only open (``“``) inside an open quotation nests; a straight mark closes; a mark
  that can only close outside a quotation is stray and skipped, unless it stands where an
  opening mark stands (``”Harga naik,”``: scraped text with one kind of curly mark).
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .view import ArticleView

__all__ = ["Quotation", "find_quotations"]

_SPACE = " \t\u00a0"
_OPENING_BEFORE = set(" \t\u00a0([{:;-–—/") | {""}


@dataclass
class Quotation:
    """Text between quotation marks: ``open_start`` is the first opening mark, ``content_start``
    / ``content_end`` the content (marks, surrounding spaces and a trailing comma excluded),
    ``close_end`` the end of the closing mark (the paragraph's end when unclosed)."""

    open_start: int
    content_start: int
    content_end: int
    close_start: int
    close_end: int
    closed: bool


def _opening_position(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (before in _OPENING_BEFORE or before.isspace()) and bool(after) and not after.isspace()


def _closing_position(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(before) and not before.isspace() and (not after or not after.isalnum())


def find_quotations(view: ArticleView, lex: Lexicon) -> list[Quotation]:
    """Every quotation of the article, in text order (linear in the number of marks)."""
    text = view.text
    out: list[Quotation] = []
    marks = [(m.start(), m.end(), lex.mark_kind(m.group())) for m in lex.mark_re.finditer(text)]
    opened: tuple[int, int] | None = None  # (start, end) of the first opening mark
    para_end = 0
    depth = 0
    i = 0
    n = len(marks)
    while i < n:
        start, end, kind = marks[i]
        if opened is not None and start >= para_end:
            # The paragraph ended inside the quotation: go on only when the next paragraph opens
            # with a mark (a multi-paragraph quotation), else close it at the paragraph's end.
            nxt = view.next_line(para_end)
            if (
                nxt is not None
                and nxt[0] <= start
                and text[nxt[0] : start].strip(_SPACE) == ""
                and kind != "close"
            ):
                if not text[opened[1] : para_end].strip():
                    opened = (start, end)  # nothing before the break: the quotation opens here
                para_end = nxt[1]
                depth = 0
                i += 1
                continue
            out.append(_make(text, opened, para_end, para_end, closed=False))
            opened = None
        if opened is None:
            if kind == "close" and not _opening_position(text, start, end):
                i += 1
                continue
            if (
                kind == "both"
                and _closing_position(text, start, end)
                and not _opening_position(text, start, end)
            ):
                i += 1
                continue
            opened = (start, end)
            para_end = view.line(start)[1]
            depth = 0
        elif kind == "open" and not _closing_position(text, start, end):
            depth += 1
        elif depth > 0 and kind != "both":
            depth -= 1
        else:
            out.append(_make(text, opened, start, end, closed=True))
            opened = None
        i += 1
    if opened is not None:
        out.append(_make(text, opened, para_end, para_end, closed=False))
    return [q for q in out if q.content_end > q.content_start]


def _make(text: str, opened: tuple[int, int], close_start: int, close_end: int, closed: bool) -> Quotation:
    cs, ce = opened[1], close_start
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and (text[ce - 1].isspace() or text[ce - 1] == ","):
        ce -= 1
    return Quotation(opened[0], cs, ce, close_start, close_end, closed)
