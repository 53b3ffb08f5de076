"""The token layer of the record: :class:`Tokens`, a table of columns with a row per token.

``Article.tokens`` holds a :class:`Tokens`: a sequence that behaves as a list of
:class:`~newsnlp.record_token.Token` for its users (``len``, indexing, slicing, iteration,
``append``, ``==`` against a list of tokens, pickling, copying) but stores each field as one
column: ``start`` and ``end`` in ``array('q')``, ``sentence`` and ``head`` in ``array('i')``,
``is_stop`` and ``space_after`` in a ``bytearray``, the strings in lists (repeated token texts
share one string object). The optional columns (``stem``, ``lemma``, ``pos``, ``clitic``, ``ent``,
``head``, ``deprel``) are allocated when the first value is written. A token then costs about 35
bytes instead of ~190 for a ``Token`` object with its two integers (one token per character of a
text made of brackets: ``docs/reliability.md``).

Indexing and iteration give :class:`~newsnlp.record_token.Token` *views* that read and write
through to the columns (``art.tokens[3].ent = "PER"`` changes the record); a view made before the
table is reordered or resized (``insert``, ``del``, ``sort``) points at whatever row then has its
index. ``Token(start, end, text, ...)`` builds a standalone token as always; putting it into a
table (``append``, ``tokens[i] = tok``, ``Article(tokens=[...])``) copies its values in.

Code that walks every token in a hot loop reads whole columns instead of views:
:attr:`Tokens.starts` and :attr:`Tokens.ends` (the live ``array('q')`` of offsets),
:meth:`Tokens.column` (a list of one field's values), :meth:`Tokens.set_column` (writes one
field for every token) and :meth:`Tokens.has` (whether an optional field holds any value).

This module imports only :mod:`newsnlp.record_token` (``newsnlp.record`` re-exports both classes).
"""

from __future__ import annotations

import inspect
from array import array
from collections.abc import Iterable, Iterator, MutableSequence
from itertools import repeat
from typing import Any

from .record_token import TOKEN_FIELDS, Token

__all__ = ["TOKEN_FIELDS", "Token", "Tokens", "TokensSlot"]

#: Storage of each field: ``int`` (an ``array`` of :data:`_TYPECODE`), ``str`` (list), ``bool``
#: (``bytearray``), ``opt`` (list of optional values, allocated on first write), ``opt_int``
#: (``array('i')`` with :data:`_NO_INT` for ``None``, allocated on first write).
_KIND: dict[str, str] = {
    "start": "int",
    "end": "int",
    "text": "str",
    "stem": "opt",
    "is_stop": "bool",
    "lemma": "opt",
    "pos": "opt",
    "sentence": "int",
    "clitic": "opt",
    "ent": "opt",
    "head": "opt_int",
    "deprel": "opt",
    "space_after": "bool",
}
#: The ``array`` type of the integer columns: offsets in 64 bits, indices (a token's sentence and
#: head) in 32.
_TYPECODE = {"start": "q", "end": "q", "sentence": "i", "head": "i"}
_NO_INT = -(2**31)  # ``None`` in the ``head`` column (no token index can be this)
_SLOT = {name: "_" + name for name in TOKEN_FIELDS}
#: The defaults of the optional fields (those of ``Token(...)``).
_DEFAULTS = {
    k: p.default for k, p in inspect.signature(Token.__init__).parameters.items() if p.default is not p.empty
}


def _store(name: str, values: Iterable[Any]) -> Any:
    """A column for field ``name`` holding ``values`` (an ``array``, ``bytearray`` or list of the
    right kind is taken as it is, not copied)."""
    kind = _KIND[name]
    if kind == "int":
        code = _TYPECODE[name]
        return values if type(values) is array and values.typecode == code else array(code, values)
    if kind == "bool":
        return values if type(values) is bytearray else bytearray(map(bool, values))
    if kind == "opt_int":
        if type(values) is array and values.typecode == "i":
            return values
        return array("i", [_NO_INT if v is None else v for v in values])
    return values if type(values) is list else list(values)


def _cell(kind: str, value: Any) -> Any:
    """What a column of ``kind`` stores for ``value``."""
    if kind == "bool":
        return 1 if value else 0
    if kind == "opt_int":
        return _NO_INT if value is None else value
    return value


def _column(name: str, values: Iterable[Any]) -> Any:
    """:func:`_store`, except that an optional column holding no value is ``None`` (unallocated)."""
    col = _store(name, values)
    kind = _KIND[name]
    if kind in ("opt", "opt_int") and not Tokens._any_set(kind, col):
        return None
    return col


def _values(kind: str, col: Any, n: int) -> list[Any]:
    """The values of a column as a new list (``None`` for an optional column never written)."""
    if col is None:
        return [None] * n
    if kind == "int":
        return col.tolist()
    if kind == "bool":
        return list(map(bool, col))
    if kind == "opt_int":
        return [None if v == _NO_INT else v for v in col]
    return list(col)


def _view(table: Tokens, i: int) -> Token:
    tok = Token.__new__(Token)
    tok._t = table
    tok._i = i
    tok._v = None  # type: ignore[assignment]
    return tok


class Tokens(MutableSequence):
    """The token layer as columns; a sequence of :class:`Token` views (see the module docstring).

    ``Tokens(iterable)`` copies the values of the tokens given (or of their dicts, as
    :meth:`Token.to_dict` writes them); :meth:`from_columns` adopts whole columns.
    """

    __slots__ = tuple(_SLOT.values())
    _start: array
    _end: array
    _text: list[str]
    _sentence: array
    _is_stop: bytearray
    _space_after: bytearray

    def __init__(self, tokens: Iterable[Token | dict[str, Any]] = ()) -> None:
        if isinstance(tokens, Tokens):
            tokens._copy_into(self)
            return
        self._set_rows([_row_of(t) for t in tokens])

    @classmethod
    def from_columns(
        cls, start: Iterable[int], end: Iterable[int], text: Iterable[str], **columns: Any
    ) -> Tokens:
        """A table from whole columns (``start``, ``end``, ``text`` and any other field of
        :data:`TOKEN_FIELDS` by name, each with one value per token); missing fields take their
        default. Lists and arrays of the right type are adopted, not copied."""
        self = cls.__new__(cls)
        self._start = _store("start", start)
        self._end = _store("end", end)
        self._text = _store("text", text)
        n = len(self._start)
        if len(self._end) != n or len(self._text) != n:
            raise ValueError("start, end and text must have one value per token")
        self._sentence = array("i", [0]) * n
        self._is_stop = bytearray(n)
        self._space_after = bytearray(b"\x01" * n)
        for name, kind in _KIND.items():
            if kind in ("opt", "opt_int"):
                setattr(self, _SLOT[name], None)
        unknown = set(columns) - set(TOKEN_FIELDS)
        if unknown:
            raise TypeError(f"unknown token fields: {sorted(unknown)}")
        for name, values in columns.items():
            if values is not None:
                self.set_column(name, values)
        return self

    # -- columns ------------------------------------------------------------------------------
    @property
    def starts(self) -> array:
        """The start offsets of every token (the live ``array('q')``: do not resize it)."""
        return self._start

    @property
    def ends(self) -> array:
        """The end offsets of every token (the live ``array('q')``: do not resize it)."""
        return self._end

    def column(self, name: str) -> list[Any]:
        """The values of field ``name`` for every token, as a new list (what
        ``[getattr(t, name) for t in tokens]`` gives, without making a view per token)."""
        return _values(_KIND[name], getattr(self, _SLOT[name]), len(self._start))

    def set_column(self, name: str, values: Iterable[Any]) -> None:
        """Set field ``name`` of every token from ``values`` (one per token, in order)."""
        col = _store(name, values)
        if len(col) != len(self._start):
            raise ValueError(f"{name}: {len(col)} values for {len(self._start)} tokens")
        setattr(self, _SLOT[name], _column(name, col))

    def has(self, name: str) -> bool:
        """Whether any token has a value for the optional field ``name`` (``stem``, ``ent``, ...);
        ``True`` for the fields every token has."""
        col = getattr(self, _SLOT[name])
        return col is not None and (_KIND[name] not in ("opt", "opt_int") or self._any_set(_KIND[name], col))

    @staticmethod
    def _any_set(kind: str, col: Any) -> bool:
        if kind == "opt_int":
            return any(v != _NO_INT for v in col)
        return any(v is not None for v in col)

    def _get(self, name: str, i: int) -> Any:
        """Field ``name`` of token ``i`` (what a view reads)."""
        col = getattr(self, _SLOT[name])
        if col is None:
            return None
        v = col[i]
        kind = _KIND[name]
        if kind == "bool":
            return v != 0
        if kind == "opt_int" and v == _NO_INT:
            return None
        return v

    def _set(self, name: str, i: int, value: Any) -> None:
        """Set field ``name`` of token ``i`` (what a view writes)."""
        col = getattr(self, _SLOT[name])
        if col is None:
            if value is None:
                return
            col = self._allocate(name)
        col[i] = _cell(_KIND[name], value)

    def _allocate(self, name: str, n: int | None = None) -> Any:
        n = len(self._start) if n is None else n
        col: Any = array("i", [_NO_INT]) * n if _KIND[name] == "opt_int" else [None] * n
        setattr(self, _SLOT[name], col)
        return col

    def _row(self, i: int) -> tuple[Any, ...]:
        return tuple([self._get(name, i) for name in TOKEN_FIELDS])

    def _set_rows(self, rows: list[tuple[Any, ...]]) -> None:
        cols = list(zip(*rows)) if rows else [()] * len(TOKEN_FIELDS)
        for name, values in zip(TOKEN_FIELDS, cols):
            setattr(self, _SLOT[name], _column(name, values))

    def rows(self) -> list[tuple[Any, ...]]:
        """Every token's fields in :data:`TOKEN_FIELDS` order (a list of tuples)."""
        n = len(self._start)
        return list(zip(*(self.column(name) for name in TOKEN_FIELDS))) if n else []

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every token as :meth:`Token.to_dict` gives it."""
        return [dict(zip(TOKEN_FIELDS, row)) for row in self.rows()]

    @classmethod
    def from_dicts(cls, dicts: Iterable[dict[str, Any]]) -> Tokens:
        """A table from :meth:`Token.to_dict` output (unknown keys ignored; a missing field takes
        its default, as in ``Token(**d)``)."""
        dicts = dicts if isinstance(dicts, list) else list(dicts)
        try:
            start, end, text = ([d[name] for d in dicts] for name in ("start", "end", "text"))
        except KeyError as err:
            raise TypeError(f"a token needs start, end and text; missing {err}") from None
        columns = {name: [d.get(name, default) for d in dicts] for name, default in _DEFAULTS.items()}
        return cls.from_columns(start, end, text, **columns)

    # -- the sequence -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._start)

    def __getitem__(self, index: Any) -> Any:
        n = len(self._start)
        if isinstance(index, slice):
            return [_view(self, i) for i in range(*index.indices(n))]
        i = index.__index__()
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("token index out of range")
        return _view(self, i)

    def __iter__(self) -> Iterator[Token]:
        return map(_view, repeat(self), range(len(self._start)))

    def __reversed__(self) -> Iterator[Token]:
        return map(_view, repeat(self), range(len(self._start) - 1, -1, -1))

    def __setitem__(self, index: Any, value: Any) -> None:
        n = len(self._start)
        if isinstance(index, slice):
            indices = range(*index.indices(n))
            rows = [_row_of(t) for t in value]
            if index.step not in (None, 1):
                if len(rows) != len(indices):
                    raise ValueError(
                        f"attempt to assign sequence of size {len(rows)} to extended slice of size {len(indices)}"
                    )
                for i, row in zip(indices, rows):
                    self._write_row(i, row)
                return
            all_rows = self.rows()
            all_rows[index] = rows
            self._set_rows(all_rows)
            return
        i = index.__index__()
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("token assignment index out of range")
        self._write_row(i, _row_of(value))

    def _write_row(self, i: int, row: tuple[Any, ...]) -> None:
        for name, value in zip(TOKEN_FIELDS, row):
            self._set(name, i, value)

    def __delitem__(self, index: Any) -> None:
        all_rows = self.rows()
        del all_rows[index]
        self._set_rows(all_rows)

    def insert(self, index: int, value: Token | dict[str, Any]) -> None:
        """Insert a copy of ``value`` before ``index``."""
        all_rows = self.rows()
        all_rows.insert(index, _row_of(value))
        self._set_rows(all_rows)

    def append(self, value: Token | dict[str, Any]) -> None:
        """Append a copy of ``value``'s fields."""
        n = len(self._start)
        try:
            for name, v in zip(TOKEN_FIELDS, _row_of(value)):
                col = getattr(self, _SLOT[name])
                if col is None:
                    if v is None:
                        continue
                    col = self._allocate(name, n)
                col.append(_cell(_KIND[name], v))
        except BaseException:  # a value of the wrong type: undo the partial row
            for name in TOKEN_FIELDS:
                col = getattr(self, _SLOT[name])
                if col is not None and len(col) > n:
                    del col[n:]
            raise

    def extend(self, values: Iterable[Token | dict[str, Any]]) -> None:
        """Append copies of every token of ``values``."""
        if values is self:
            values = list(self)
        rows = [_row_of(t) for t in values]
        if rows:
            self._set_rows(self.rows() + rows)

    def pop(self, index: int = -1) -> Token:
        """Remove the token at ``index`` and return it (a standalone copy)."""
        tok = Token(*self[index].as_tuple())
        del self[index]
        return tok

    def reverse(self) -> None:
        """Reverse the tokens in place."""
        self._set_rows(self.rows()[::-1])

    def clear(self) -> None:
        """Remove every token."""
        self._set_rows([])

    def sort(self, *, key: Any = None, reverse: bool = False) -> None:
        """Sort the tokens in place (``key`` receives views, as ``list.sort`` would its items)."""
        rows = self.rows()
        order = sorted(
            range(len(rows)),
            key=(lambda i: key(_view(self, i))) if key else rows.__getitem__,
            reverse=reverse,
        )
        self._set_rows([rows[i] for i in order])

    def copy(self) -> Tokens:
        """An independent copy of the table."""
        new = Tokens.__new__(Tokens)
        self._copy_into(new)
        return new

    def _copy_into(self, new: Tokens) -> None:
        for slot in _SLOT.values():
            col = getattr(self, slot)
            setattr(new, slot, None if col is None else col[:])

    __copy__ = copy

    def __deepcopy__(self, memo: dict[int, Any]) -> Tokens:
        return self.copy()  # the values are ints, bools and strings

    def __add__(self, other: Iterable[Token]) -> list[Token]:
        return list(self) + list(other)

    def __radd__(self, other: Iterable[Token]) -> list[Token]:
        return list(other) + list(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return self.rows() == other.rows()
        if isinstance(other, (list, tuple)):
            return len(other) == len(self) and all(
                isinstance(t, Token) and t.as_tuple() == row for t, row in zip(other, self.rows())
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # the columns themselves: arrays and bytearrays pickle as bytes, repeated strings once
        return (_tokens_from_columns, tuple(getattr(self, _SLOT[name]) for name in TOKEN_FIELDS))


class TokensSlot:
    """The descriptor of an attribute that always holds a :class:`Tokens` (``Article.tokens``): a
    list (or any iterable) of tokens assigned to it is converted; it wraps the class's slot."""

    def __init__(self, slot: Any) -> None:
        self.slot = slot

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is None:
            return self
        return self.slot.__get__(obj, cls)

    def __set__(self, obj: Any, value: Any) -> None:
        self.slot.__set__(obj, value if type(value) is Tokens else Tokens(value))


def _row_of(value: Token | dict[str, Any]) -> tuple[Any, ...]:
    """A token's (or a token dict's) fields in :data:`TOKEN_FIELDS` order."""
    if isinstance(value, Token):
        return value.as_tuple()
    if isinstance(value, dict):
        return Token.from_dict(value).as_tuple()
    raise TypeError(f"a token table holds Token objects, not {type(value).__name__}")


def _tokens_from_columns(*columns: Any) -> Tokens:
    """A :class:`Tokens` from its pickled columns (see ``Tokens.__reduce__``)."""
    new = Tokens.__new__(Tokens)
    for name, col in zip(TOKEN_FIELDS, columns):
        setattr(new, _SLOT[name], col)
    return new
