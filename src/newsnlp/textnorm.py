"""Text normalisation for matching: the one form strings are compared in across stages.

Every stage that looks words or lines up (lexicon keys of the time stage, gazetteer keys of the
entity stage, repeated lines and titles of the structure stage) compares them in the form
:func:`fold` gives; the options add the foldings a stage needs on top of the common one.

>>> fold("  Hari   Ini ")
'hari ini'
>>> fold("Jum’at", apostrophes=True)
"jum'at"
>>> fold("Café", accents=True)
'cafe'

The module imports nothing from the rest of newsnlp.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["fold"]


def fold(s: str, *, apostrophes: bool = False, accents: bool = False) -> str:
    """``s`` in its matching form.

    Always: runs of whitespace become one space (none at the ends) and letters are lower-cased
    (:meth:`str.lower`, not ``casefold``: ``ß`` stays ``ß``).
    With ``apostrophes``: the typographic ``’`` and the backtick become ``'`` (``Jum’at`` = ``Jum'at``).
    With ``accents``: accents are removed (NFKD decomposition, combining marks dropped:
    ``Café`` -> ``cafe``; a compatibility character may decompose into a space, which is kept).
    """
    if accents and not s.isascii():
        return _fold_accents(s, apostrophes)
    out = " ".join(s.split()).lower()
    if apostrophes:
        out = out.replace("’", "'").replace("`", "'")
    return out


@lru_cache(maxsize=50_000)
def _fold_accents(s: str, apostrophes: bool) -> str:
    decomposed = unicodedata.normalize("NFKD", fold(s, apostrophes=apostrophes))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
