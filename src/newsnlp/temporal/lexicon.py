"""The time vocabulary in ``newsnlp/data/temporal/lexicon.json``, its key form and number words."""

from __future__ import annotations

import re
from typing import Any

from ..data import load_json
from ..lines import LINE_BREAK_CLASS, LINE_BREAKS
from ..textnorm import fold

__all__ = [
    "IGNORECASE_ASCII",
    "SPACE",
    "alternation",
    "compile_same_line",
    "load_lexicon",
    "norm",
    "parse_number",
    "same_line",
    "unit_words",
    "words",
]


def load_lexicon() -> dict[str, Any]:
    """The time lexicon as a dict (read once per process by :func:`newsnlp.data.load_json`; shared,
    so treat it as read-only)."""
    return load_json("temporal", "lexicon.json")


#: The whitespace characters that are not line breaks (``newsnlp.lines``), escaped for a character
#: class; ``SPACE`` is a class of them. Patterns use it instead of ``\\s`` so that no expression runs
#: across a line break (issue #20, item 2).
_SPACE_CHARS = "".join(re.escape(c) for c in map(chr, range(0x3001)) if c.isspace() and c not in LINE_BREAKS)
SPACE = f"[^\\S{LINE_BREAK_CLASS[1:-1]}]"  # whitespace that is no line break (a fast negated class)
_ESCAPE = re.compile(r"\\.|\[|\]|\$")


def same_line(pattern: str) -> str:
    """``pattern`` with ``\\s`` read as whitespace within a line, ``\\n`` as any line break and ``$``
    as the end of the text (``\\Z``: a pattern searched up to an expression must not end before a
    line break)."""
    out = []
    pos = 0
    depth = 0  # inside a character class
    for m in _ESCAPE.finditer(pattern):
        out.append(pattern[pos : m.start()])
        tok = m.group()
        if tok == "[" and depth == 0:
            depth = 1
        elif tok == "]" and depth and pattern[m.start() - 1] != "[":
            depth = 0
        if tok == "\\s":
            tok = _SPACE_CHARS if depth else SPACE
        elif tok == "$" and not depth:
            tok = r"\Z"  # the end, never "before a final newline"
        elif tok == "\\n":
            tok = LINE_BREAK_CLASS[1:-1] if depth else LINE_BREAK_CLASS
        out.append(tok)
        pos = m.end()
    out.append(pattern[pos:])
    return "".join(out)


def compile_same_line(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """:func:`re.compile` of :func:`same_line` ``(pattern)``."""
    return re.compile(same_line(pattern), flags)


def alternation(words, *, group: str | None = None) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any run of whitespace.

    Only literal words are used, so the result has no nested quantifiers.
    """
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    parts = []
    for w in items:
        esc = re.escape(w)
        esc = esc.replace(r"\ ", r"\s+").replace(" ", r"\s+")
        esc = esc.replace("'", "['’`]").replace("’", "['’`]")
        parts.append(esc)
    body = "|".join(parts)
    if group:
        return f"(?P<{group}>{body})"
    return f"(?:{body})"


#: The non-ASCII letters that ``re.IGNORECASE`` matches to an ASCII letter, as a ``str.translate``
#: table (length-preserving): ``İ`` (U+0130) and ``ı`` (U+0131) match ``i``, ``ſ`` (U+017F) ``s``,
#: the Kelvin sign (U+212A) ``k``. ``tests/temporal/test_case_folding.py`` checks it against ``re``.
IGNORECASE_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def norm(s: str) -> str:
    """The lexicon key form of ``s``: :func:`newsnlp.textnorm.fold` with apostrophes folded
    (lower-cased, whitespace collapsed, ``’`` and ````` as ``'``), after folding every letter the way
    the room's case-insensitive patterns match it (``Hari İni``, ``WİB``, ``Aguſtus`` are the keys
    ``hari ini``, ``wib``, ``agustus``). Every lookup of a matched text goes through it, so a pattern
    never matches a text whose key is missing from the table it was built from."""
    if not s.isascii():
        s = s.translate(IGNORECASE_ASCII)
    return fold(s, apostrophes=True)


def parse_number(text: str, lex: dict[str, Any] | None = None) -> float | None:
    """Value of a number written in digits (``2.000``, ``1,5``) or Indonesian words (``dua puluh satu``)."""
    lex = lex or load_lexicon()
    t = norm(text)
    if not t:
        return None
    if t[0].isdigit():
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t):
            return float(t.replace(".", ""))
        try:
            return float(t.replace(",", "."))
        except ValueError:
            return None
    numbers = lex["numbers"]
    if t in numbers:
        return float(numbers[t])
    mult = lex["number_multipliers"]
    total = 0.0
    current = 0.0
    for tok in t.split():
        if tok in numbers:
            current += numbers[tok]
        elif tok in lex["number_teens"]:  # "dua belas": 2 + 10
            current += mult[tok]
        elif tok in mult and mult[tok] < 1000:  # "dua puluh": 2 x 10
            current = (current or 1) * mult[tok]
        elif tok in mult:  # "dua ribu": a group of thousands
            total += (current or 1) * mult[tok]
            current = 0
        else:
            return None
    return total + current


def words(lex: dict[str, Any], key: str) -> list[str]:
    """The words of the lexicon entry ``key`` (a list, or the keys of a table), without notes (``_about``)."""
    return [w for w in lex[key] if not w.startswith("_")]


def unit_words(lex: dict[str, Any], *codes: str) -> list[str]:
    """The unit words (``units``) whose code is one of ``codes`` (``"Y"`` -> ``tahun``)."""
    return [w for w, c in lex["units"].items() if c in codes]
