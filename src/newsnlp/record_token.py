"""One token of the record: :class:`Token`, standalone or a view of a row of the token table.

``Article.tokens`` is a table of columns (:class:`newsnlp.record_tokens.Tokens`); indexing or
iterating it gives :class:`Token` views that read and write through to the columns.
``Token(start, end, text, ...)`` builds a standalone token, whose fields are its own. This module
imports nothing of the project (``newsnlp.record`` re-exports :class:`Token`).
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = ["TOKEN_FIELDS", "Token"]

#: The fields of a token, in the order of the contract's JSON.
TOKEN_FIELDS: tuple[str, ...] = (
    "start",
    "end",
    "text",
    "stem",
    "is_stop",
    "lemma",
    "pos",
    "sentence",
    "clitic",
    "ent",
    "head",
    "deprel",
    "space_after",
)
_INDEX = {name: k for k, name in enumerate(TOKEN_FIELDS)}


class Token:
    """One token of the text layer: a standalone token, or a view of one row of a :class:`Tokens`.

    ``Token(start, end, text, stem=None, is_stop=False, lemma=None, pos=None, sentence=0,
    clitic=None, ent=None, head=None, deprel=None, space_after=True)`` builds a standalone token.
    Fields:

    - ``start``, ``end``, ``text``: the span (``text == article.text[start:end]``);
    - ``stem``: root word from the stemmer; proper nouns, acronyms, numbers, URLs and entity tokens
      keep their surface form (lower-cased only for ordinary words);
    - ``is_stop``; ``lemma``, ``pos``, ``head`` (index of the syntactic head token) and ``deprel``
      from the optional ``linguistic`` stage; ``sentence``: index of the token's sentence;
    - ``clitic``: enclitic attached to the word (``nya`` in ``pihaknya``), kept inside the token;
    - ``ent``: label of the entity the token belongs to, if any;
    - ``space_after``: whether whitespace follows the token in ``text``.

    Two tokens are equal when all their fields are; a copy or a pickle of a view is a standalone
    token with the same values.
    """

    __slots__ = ("_i", "_t", "_v")
    _fields: ClassVar[tuple[str, ...]] = TOKEN_FIELDS
    __match_args__ = TOKEN_FIELDS
    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it replaces

    # the fields, as properties (set on the class below)
    start: int
    end: int
    text: str
    stem: str | None
    is_stop: bool
    lemma: str | None
    pos: str | None
    sentence: int
    clitic: str | None
    ent: str | None
    head: int | None
    deprel: str | None
    space_after: bool

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        stem: str | None = None,
        is_stop: bool = False,
        lemma: str | None = None,
        pos: str | None = None,
        sentence: int = 0,
        clitic: str | None = None,
        ent: str | None = None,
        head: int | None = None,
        deprel: str | None = None,
        space_after: bool = True,
    ) -> None:
        self._t: Any = None  # the table (``newsnlp.record_tokens.Tokens``) of a view
        self._i = 0
        self._v = [
            start,
            end,
            text,
            stem,
            is_stop,
            lemma,
            pos,
            sentence,
            clitic,
            ent,
            head,
            deprel,
            space_after,
        ]

    def as_tuple(self) -> tuple[Any, ...]:
        """The token's fields in :data:`TOKEN_FIELDS` order."""
        t = self._t
        if t is None:
            return tuple(self._v)
        return t._row(self._i)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-serialisable dict of this token, every field included."""
        return dict(zip(TOKEN_FIELDS, self.as_tuple()))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Token:
        """Build a token from :meth:`to_dict` output (unknown keys are ignored)."""
        return cls(**{k: data[k] for k in TOKEN_FIELDS if k in data})

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (Token, self.as_tuple())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return self.as_tuple() == other.as_tuple()

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in zip(TOKEN_FIELDS, self.as_tuple()))
        return f"Token({inner})"


def _field(name: str) -> property:
    """The property of one field: the token's own value, or its row of the table (``_t``), which
    reads and writes its columns (``Tokens._get`` and ``Tokens._set``)."""
    k = _INDEX[name]

    def fget(self: Token) -> Any:
        t = self._t
        if t is None:
            return self._v[k]
        return t._get(name, self._i)

    def fset(self: Token, value: Any) -> None:
        t = self._t
        if t is None:
            self._v[k] = value
        else:
            t._set(name, self._i, value)

    return property(fget, fset, doc=f"The token's ``{name}``.")


for _name in TOKEN_FIELDS:
    setattr(Token, _name, _field(_name))
del _name
