"""Generated input files for ``newsnlp batch``, with what the output must hold for each row.

Lines carry ids of every JSON type (strings, the empty string, integers that equal other rows'
numbers, floats, ``NaN``, booleans, ``null``, no id at all, duplicates, lists and objects), and
every kind of bad line (not JSON, not UTF-8, a JSON array or number, an object without text, a
text that is not a string, an unparsable ``published``), blank lines and bare JSON strings.
:func:`expected_rows` is the oracle: for each input row, its position, id and whether it fails.
"""

from __future__ import annotations

import json
import math
import random
from typing import Any

from hypothesis import strategies as st

__all__ = ["LINE_KINDS", "batch_file", "batch_lines", "expected_rows", "random_lines"]

_WORDS = [
    "Banjir",
    "melanda",
    "Bekasi",
    "Presiden",
    "Joko",
    "Widodo",
    "kemarin",
    "Senin",
    "(3/8/2020)",
    "KPK",
]
_MISSING = object()

#: Ids of every JSON type (``_MISSING``: no id key at all).
ID_VALUES: list[Any] = [
    _MISSING,
    None,
    "",
    "a",
    "a",
    "0",
    "1",
    0,
    1,
    2,
    7,
    -3,
    1.5,
    1.0,
    float("nan"),
    True,
    False,
    [1, 2],
    {"x": 1},
    [],
]

#: The kinds of line :func:`random_lines` draws from.
LINE_KINDS = (
    "ok",
    "ok",
    "ok",
    "ok",
    "string",
    "blank",
    "not_json",
    "not_utf8",
    "array",
    "number",
    "no_text",
    "text_not_str",
    "bad_published",
    "nan_published",
)


def _text(rng: random.Random, i: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 8))) + f" ke-{i}."


def _obj(id_value: Any, **fields: Any) -> dict[str, Any]:
    obj = {} if id_value is _MISSING else {"id": id_value}
    obj.update(fields)
    return obj


#: Lines that are the same whatever their id and text.
_FIXED = {
    "blank": b"   ",
    "not_json": b'{"id": 1, "text": "putus',
    "not_utf8": b'{"text": "\xff\xfe"}',
    "array": b"[1, 2]",
    "number": b"42",
}


def make_line(kind: str, id_value: Any, text: str) -> bytes:
    """One input line (without its newline) of the given kind."""
    if kind in _FIXED:
        return _FIXED[kind]
    if kind == "string":
        return json.dumps(text).encode()
    fields: dict[str, Any] = {"text": text}
    if kind == "no_text":
        fields = {"isi": text}
    elif kind == "text_not_str":
        fields = {"text": 5}
    elif kind == "bad_published":
        fields["published"] = "besok"
    elif kind == "nan_published":
        fields["published"] = float("nan")
    fields["outlet"] = "kompas"
    return json.dumps(_obj(id_value, **fields), allow_nan=True).encode()


def random_lines(rng: random.Random, n: int) -> list[bytes]:
    """``n`` random input lines."""
    return [make_line(rng.choice(LINE_KINDS), rng.choice(ID_VALUES), _text(rng, i)) for i in range(n)]


def batch_lines() -> st.SearchStrategy[list[bytes]]:
    """Hypothesis: a list of input lines."""
    line = st.builds(
        make_line,
        st.sampled_from(LINE_KINDS),
        st.sampled_from(ID_VALUES),
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join),
    )
    return st.lists(line, min_size=0, max_size=25)


def batch_file(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def _id_of(obj: dict[str, Any]) -> tuple[Any, bool]:
    """``(normalised id, refused)``."""
    value = obj.get("id")
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None, False
    if isinstance(value, (list, dict)):
        return None, True
    return value, False


def expected_rows(lines: list[bytes]) -> list[dict[str, Any]]:
    """For each input row in order: ``row``, ``id`` (normalised) and ``failed``."""
    out = []
    for n, raw in enumerate(lines):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            out.append({"row": n, "id": None, "failed": True})
            continue
        if isinstance(value, str):
            out.append({"row": n, "id": None, "failed": False})
            continue
        if not isinstance(value, dict):
            out.append({"row": n, "id": None, "failed": True})
            continue
        row_id, refused = _id_of(value)
        failed = (
            refused
            or "text" not in value
            or not isinstance(value["text"], str)
            or value.get("published") == "besok"
        )
        out.append({"row": n, "id": row_id, "failed": failed})
    return out
