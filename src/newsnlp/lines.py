"""What a line is: the one definition every stage and the input room share.

A line ends at any of the characters that :meth:`str.splitlines` treats as a line boundary:
``\\n``, ``\\r`` (and ``\\r\\n`` as one break), VT ``\\x0b``, FF ``\\x0c``, the file/group/record
separators ``\\x1c`` ``\\x1d`` ``\\x1e``, NEL ``\\x85``, LINE SEPARATOR ``\\u2028`` and PARAGRAPH
SEPARATOR ``\\u2029``. Sentences, entities, time expressions and structure segments all use this
definition, so that no annotation runs across a break that another stage treats as the end of a line.

::

    [text for _, _, text in iter_lines("Judul\\u2028\\u2028Isi berita.")]   # ['Judul', '', 'Isi berita.']
    has_line_break("ByteDance\\u2028techcrunch")                           # True

The module imports nothing from the rest of newsnlp.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = [
    "LINE_BREAKS",
    "LINE_BREAK_CLASS",
    "LINE_BREAK_RE",
    "NOT_LINE_BREAK_CLASS",
    "has_line_break",
    "iter_lines",
    "line_end",
    "line_start",
    "normalise_line_breaks",
]

#: Every character that ends a line (the boundaries of :meth:`str.splitlines`).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: A regular-expression character class matching one line-break character.
LINE_BREAK_CLASS = "[\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029]"
#: A character class matching any character that is not a line break (a ``.`` that stays on its line).
NOT_LINE_BREAK_CLASS = "[^\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029]"
#: One line break: ``\r\n`` or any single break character.
LINE_BREAK_RE = re.compile("\\r\\n|" + LINE_BREAK_CLASS)
_ANY_BREAK = re.compile(LINE_BREAK_CLASS)
_TABLE = {ord(c): "\n" for c in LINE_BREAKS if c not in "\r"}


def has_line_break(s: str) -> bool:
    """Whether ``s`` holds a line break of any kind."""
    return _ANY_BREAK.search(s) is not None


def line_start(text: str, pos: int) -> int:
    """Offset of the first character of the line holding ``pos``."""
    i = pos
    while i > 0 and text[i - 1] not in LINE_BREAKS:
        i -= 1
    return i


def line_end(text: str, pos: int) -> int:
    """Offset just past the last character (before its break) of the line holding ``pos``."""
    m = _ANY_BREAK.search(text, pos)
    return len(text) if m is None else m.start()


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, line)`` for every line of ``text``, breaks excluded; ``text[start:end] == line``.

    The lines are those of ``text.splitlines()``, in order, with their offsets."""
    pos = 0
    n = len(text)
    for m in LINE_BREAK_RE.finditer(text):
        yield pos, m.start(), text[pos : m.start()]
        pos = m.end()
    if pos < n:
        yield pos, n, text[pos:]


def normalise_line_breaks(text: str) -> str:
    """``text`` with every line break written ``\\n`` (``\\r\\n`` becomes one ``\\n``, so the length
    may change: use it on text whose offsets are not kept, such as HTML input before reading)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_TABLE)
