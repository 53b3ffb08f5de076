"""The entity stage's own language data and settings: ``data/entities/rules.json``.

Word lists the rules use (name particles that may edge a name, school types, the words that
introduce a suspect's initials, a language name, derivational suffixes) and the numbers the stage
is tuned with (source priorities and scores, fuzzy thresholds, the headline test) live in one data
file, read once through :mod:`newsnlp.data`. The gazetteer's own lists (titles, roles, heads,
common words) are compiled into ``data/gazetteer/gazetteer.json.gz`` instead.

:data:`RULES` records which keys were read (:meth:`ReadTracker.unread`), so a test can show that
every key of the file is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..data import load_json

__all__ = ["RULES", "ReadTracker", "phrase_alternatives"]


def phrase_alternatives(phrases: Iterable[str]) -> str:
    """A regular-expression alternation of word phrases, longest first, each word escaped and the
    words joined by spaces or no-break spaces (``(Persero) Tbk`` -> ``\\(Persero\\)[ \\u00a0]+Tbk``)."""
    return "|".join(
        r"[ \u00a0]+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)
    )


class ReadTracker(Mapping[str, Any]):
    """A read-only view of parsed JSON that remembers which keys were read (nested mappings too)."""

    __slots__ = ("_data", "_path", "_read")

    def __init__(self, data: Mapping[str, Any], path: str = "", read: set[str] | None = None) -> None:
        self._data = data
        self._path = path
        self._read: set[str] = set() if read is None else read

    def __getitem__(self, key: str) -> Any:
        value = self._data[key]
        full = f"{self._path}{key}"
        self._read.add(full)
        if isinstance(value, Mapping):
            return ReadTracker(value, full + ".", self._read)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def all_keys(self, depth: int | None = None) -> set[str]:
        """Every key path of the data (``scores.rule``), nested mappings included down to ``depth``
        levels (all when ``None``)."""
        out: set[str] = set()
        todo: list[tuple[str, Mapping[str, Any], int]] = [(self._path, self._data, 1)]
        while todo:
            prefix, node, level = todo.pop()
            for k, v in node.items():
                out.add(prefix + k)
                if isinstance(v, Mapping) and (depth is None or level < depth):
                    todo.append((prefix + k + ".", v, level + 1))
        return out

    def unread(self, depth: int | None = None) -> set[str]:
        """The key paths (down to ``depth`` levels) nobody has read yet."""
        return self.all_keys(depth) - self._read


#: ``data/entities/rules.json``: word lists and settings of the entity stage's rules.
RULES = ReadTracker(load_json("entities", "rules.json"))
