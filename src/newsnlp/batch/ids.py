"""Row ids and resume keys.

A row's **id** is the value of its id column (``--id-field``, default ``id``) when that is a JSON
string, number or boolean; ``None``, ``NaN``, an empty string or a missing column mean "no id".
A list or object id is refused for that row (an error row, never a traceback).

The **key** that ``--resume`` matches rows by is ``("id", text, n)`` for a row with an id (``n``
counts the earlier rows with the same id text, so duplicate ids are still each done once) and
``("row", position)`` for a row without one, so a missing id never clashes with an explicit one.
Output files are written in input order, so counting the same way over the output gives the same
keys.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from typing import Any

__all__ = ["IdError", "KeyCounter", "id_text", "normalise_id"]


class IdError(ValueError):
    """An id value that cannot identify a row (a list, an object, ...)."""


def normalise_id(value: Any) -> Any:
    """``value`` as a row id: ``None`` when missing, else a ``str``, ``int``, ``float`` or ``bool``.

    numpy scalars become Python ones; dates and datetimes (from a Parquet column) their ISO text.
    Raises :class:`IdError` for lists, dicts and other values.
    """
    if value is None:
        return None
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if isinstance(value, str):
        return value if value != "" else None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (bool, int)):
        return value
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    kind = {list: "a list", dict: "an object", tuple: "a list"}.get(type(value), type(value).__name__)
    raise IdError(f"id must be a string, a number or a boolean, got {kind}: {_short(value)}")


def _short(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def id_text(value: Any) -> str:
    """The text of an id, as the Parquet ``id`` column stores it: strings as they are, numbers and
    booleans in their JSON spelling (``7``, ``1.5``, ``true``)."""
    if isinstance(value, str):
        return value
    return json.dumps(value)


class KeyCounter:
    """Gives each row its resume key, counting duplicate ids in the order rows are seen."""

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def key(self, row: int | None, row_id: Any) -> tuple[Any, ...] | None:
        """The key of the row at ``row`` (its 0-based position) with id ``row_id`` (normalised);
        ``None`` when neither is known (an output line from an older version)."""
        if row_id is None:
            return None if row is None else ("row", row)
        text = id_text(row_id)
        n = self._seen.get(text, 0)
        self._seen[text] = n + 1
        return ("id", text, n)
