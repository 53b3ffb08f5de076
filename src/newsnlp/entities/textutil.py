"""Sub-word tokenisation and name keys shared by the gazetteer compiler and the matcher.

Gazetteer names and article text are cut the same way, so that a name matches whatever
tokeniser produced ``article.tokens``:

* runs of letters, runs of digits and single punctuation marks are pieces;
* a run of letters is also cut where a lower-case letter meets an upper-case one
  (``ByteDance`` -> ``Byte`` ``Dance``, and the scraped glue ``diPiala`` -> ``di`` ``Piala``).

A *key* is the concatenation of the normalised pieces (lower-cased, accents removed, hyphens
and apostrophes dropped), so ``TikTok``, ``Tik Tok`` and ``Tik-Tok`` share the key ``tiktok``.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import product, repeat
from typing import Any, NamedTuple

from ..lines import LINE_BREAKS
from ..lines import has_line_break as has_line_break
from ..textnorm import fold

__all__ = [
    "DROPPED",
    "Piece",
    "Pieces",
    "breaks_as_newlines",
    "has_line_break",
    "name_key",
    "name_pieces",
    "norm",
    "piece_variants",
    "pieces",
]

#: A token; only whitespace lies between two consecutive tokens. (Not ``(\s*)(token)``: that
#: pattern retries every position of a trailing whitespace run, quadratic in its length.)
_TOKEN = re.compile(r"\w+|[^\w\s]")
#: Inside a mixed token (``2025mulai``, ``G20``): runs of letters and runs of digits.
_RUN = re.compile(r"[^\W\d_]+|\d+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: Punctuation that does not count in a key (``PDI-P`` = ``PDIP``, ``Ma'ruf`` = ``Maruf``).
DROPPED = frozenset("-‐‑–'’`´")


#: Every line break other than ``\n`` (:data:`newsnlp.lines.LINE_BREAKS`), and a table writing each as ``\n``.
_OTHER_BREAK = re.compile("[" + re.escape(LINE_BREAKS.replace("\n", "")) + "]")
_NEWLINE_TABLE = {ord(c): "\n" for c in LINE_BREAKS}


def breaks_as_newlines(text: str) -> str:
    """``text`` with every line break of :mod:`newsnlp.lines` (``\\r``, VT, FF, ``\\x1c``-``\\x1e``,
    NEL, U+2028, U+2029) written ``\\n``, one character for one, so offsets stay valid and a search
    for ``"\\n"`` finds every line break."""
    if _OTHER_BREAK.search(text) is None:
        return text
    return text.translate(_NEWLINE_TABLE)


class Piece(NamedTuple):
    """A piece of text: ``start``/``end`` offsets and how it touches the piece before it."""

    start: int
    end: int
    #: No whitespace between this piece and the previous one.
    glued: bool
    #: A line break lies between this piece and the previous one.
    newline: bool


_new = tuple.__new__


class Pieces(Sequence):
    """The pieces of a text, a sequence of :class:`Piece` stored as columns (``starts``/``ends``
    in ``array('q')``, ``glued``/``newline`` in bytearrays): about 18 bytes a piece instead of
    ~120 for a tuple and its integers, which matters when every character is a piece (1 MB of
    brackets). Indexing and iteration give :class:`Piece` tuples; code that reads one field of
    many pieces reads the columns."""

    __slots__ = ("ends", "glued", "newline", "starts")

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.glued = bytearray()
        self.newline = bytearray()

    def add(self, start: int, end: int, glued: bool, newline: bool) -> None:
        """Append one piece."""
        self.starts.append(start)
        self.ends.append(end)
        self.glued.append(glued)
        self.newline.append(newline)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.starts)))]
        return _new(Piece, (self.starts[i], self.ends[i], self.glued[i] == 1, self.newline[i] == 1))

    def __iter__(self) -> Iterator[Piece]:
        return map(
            _new, repeat(Piece), zip(self.starts, self.ends, map(bool, self.glued), map(bool, self.newline))
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Pieces):
            return (self.starts, self.ends, self.glued, self.newline) == (
                other.starts,
                other.ends,
                other.glued,
                other.newline,
            )
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Pieces({list(self)!r})"


#: A word character outside ASCII (``é``, ``ß``): such text (and text with ``_``, which joins words
#: into one token) takes the general path of :func:`pieces`.
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")
#: Pieces of text whose word characters are all ASCII: a run of capitals with the lower-case
#: letters after it, a run of lower-case letters (so a run of letters is cut where a lower-case
#: letter meets a capital), a run of digits, or one other non-space character.
_ASCII_PIECE = re.compile(r"[A-Z]+[a-z]*|[a-z]+|[0-9]+|[^\w\s]")


def pieces(text: str) -> Pieces:
    """Cut ``text`` into pieces (see the module docstring)."""
    if "_" not in text and _NON_ASCII_WORD.search(text) is None:
        return _ascii_pieces(text)
    return _general_pieces(text)


def _general_pieces(text: str) -> Pieces:
    """:func:`pieces` for any text."""
    out = Pieces()
    add = out.add
    find = breaks_as_newlines(text).find
    pos = 0
    prev = -1
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        tok = m.group()
        nl = s > pos and find("\n", pos, s) >= 0
        pos = e
        if tok.isalpha():
            if tok.islower() or tok.isupper() or tok.istitle():
                add(s, e, s == prev, nl)
            else:
                _split_letters(tok, s, s == prev, nl, add)
        elif len(tok) == 1 or tok.isdigit():
            add(s, e, s == prev, nl)
        else:
            first = True
            for m in _RUN.finditer(tok):
                a = s + m.start()
                w = m.group()
                glued = a == prev
                if w.isalpha() and not (w.islower() or w.isupper() or w.istitle()):
                    _split_letters(w, a, glued, nl and first, add)
                else:
                    add(a, a + len(w), glued, nl and first)
                prev = a + len(w)
                first = False
        prev = e
    return out


def _ascii_pieces(text: str) -> Pieces:
    """:func:`pieces` for text whose word characters are all ASCII letters and digits (most news
    text): one regular expression gives the pieces directly."""
    out = Pieces()
    add_start, add_end, add_glued, add_newline = (
        out.starts.append,
        out.ends.append,
        out.glued.append,
        out.newline.append,
    )
    find = breaks_as_newlines(text).find
    prev = -1
    for m in _ASCII_PIECE.finditer(text):
        s, e = m.span()
        add_start(s)
        add_end(e)
        if s == prev:  # glued
            add_glued(1)
            add_newline(0)
        else:
            add_glued(0)
            add_newline(find("\n", prev if prev > 0 else 0, s) >= 0)
        prev = e
    return out


def _split_letters(word: str, s: int, glued: bool, nl: bool, add) -> None:
    """Add the pieces of a letter run, cut where a lower-case letter meets an upper-case one."""
    cuts = [m.start() for m in _CAMEL.finditer(word)]
    if not cuts:
        add(s, s + len(word), glued, nl)
        return
    bounds = [0, *cuts, len(word)]
    for k in range(len(bounds) - 1):
        add(s + bounds[k], s + bounds[k + 1], glued if k == 0 else True, nl and k == 0)


#: Distinct pieces :func:`piece_norms` remembers at once (then it starts afresh).
_NORM_MEMO = 50_000


def piece_norms(text: str, ps: Pieces) -> list[str]:
    """:func:`norm` of every piece (fast path for ASCII, as in :func:`norm`). A piece that comes
    again gets the same string object: one copy of ``budi`` for a text of 200,000 ``Budi``."""
    out: list[str] = []
    append = out.append
    memo: dict[str, str] = {}
    get = memo.get
    for s, e in zip(ps.starts, ps.ends):
        w = text[s:e]
        k = get(w)
        if k is None:
            if len(memo) >= _NORM_MEMO:
                memo.clear()
            k = memo[w] = "" if w in DROPPED else (w.lower() if w.isascii() else norm(w))
        append(k)
    return out


def norm(piece: str) -> str:
    """Key form of one piece: :func:`newsnlp.textnorm.fold` with accents removed (lower-cased,
    ``é`` -> ``e``); dropped punctuation -> ``""``. A piece holds no whitespace, so for ASCII the
    fold is :meth:`str.lower` alone (the fast path)."""
    if piece in DROPPED:
        return ""
    if piece.isascii():
        return piece.lower()
    return fold(piece, accents=True)


def name_pieces(name: str) -> list[str]:
    """Normalised non-empty pieces of a name."""
    ps = pieces(name)
    return [p for p in (norm(name[s:e]) for s, e in zip(ps.starts, ps.ends)) if p]


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a name (its normalised pieces concatenated)."""
    return "".join(name_pieces(name))


def piece_variants(name: str, limit: int = 16) -> list[tuple[str, ...]]:
    """The piece sequences text can show for ``name``: each word of the name either cut into its
    pieces or, when it is all letters, written as one piece (``TikTok`` -> ``("tik", "tok")`` and
    ``("tiktok",)``; ``Tik-Tok`` and ``Tiktok`` give the same two). Beyond ``limit`` combinations
    only the all-cut and the all-joined forms are kept."""
    options: list[list[tuple[str, ...]]] = []
    for word in name.split():
        cut = tuple(name_pieces(word))
        if not cut:
            continue
        if len(cut) > 1 and all(p.isalpha() for p in cut):
            options.append([cut, ("".join(cut),)])
        else:
            options.append([cut])
    n = 1
    for o in options:
        n *= len(o)
    if n > limit:
        options_cut = [o[0] for o in options]
        options_joined = [o[-1] for o in options]
        combos = [options_cut, options_joined]
    else:
        combos = [list(c) for c in product(*options)]
    out: list[tuple[str, ...]] = []
    for combo in combos:
        v = tuple(p for word in combo for p in word)
        if v not in out:
            out.append(v)
    return out
