"""A stage that is not built in, with state added after it is built (words a user adds), for the
tests of saving, loading, pickling and worker processes (``tests/test_pipeline_io.py``).

Importing the module registers the stage, as a user's plugin module would; worker processes that
rebuild a pipeline import it by the name the saved pipeline records.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsnlp.registry import BaseStage, register_stage

NAME = "_flag_words"


class FlagWords(BaseStage):
    """Flags tokens whose text is one of its words as stop words; words can be added later."""

    name = NAME

    def __init__(self, words: tuple[str, ...] = (), label: str = "") -> None:
        self.words = {w.lower() for w in words}
        self.added: set[str] = set()
        self.label = label

    def add(self, *words: str) -> None:
        self.added.update(w.lower() for w in words)

    def process(self, article):
        every = self.words | self.added
        for token in article.tokens:
            if token.text.lower() in every:
                token.is_stop = True

    def get_config(self) -> dict[str, Any]:
        return {"label": self.label or "flagged"}

    def to_disk(self, path: Path) -> None:
        if self.added:
            (path / "added.json").write_text(json.dumps(sorted(self.added)), encoding="utf-8")

    def from_disk(self, path: Path) -> None:
        file = path / "added.json"
        if file.is_file():
            self.added = set(json.loads(file.read_text(encoding="utf-8")))

    def provenance(self) -> dict[str, Any]:
        return {"added": len(self.added)}


def make_flag_words(words: tuple[str, ...] = (), label: str = "") -> FlagWords:
    return FlagWords(tuple(words), label)


def register() -> None:
    register_stage(NAME, requires=("tokens",), assigns=("tokens.is_stop",))(make_flag_words)


register()
