"""What the rules of one article share: the text, its pieces, the mentions chosen so far and the
mentions the rules add (only where nothing is chosen yet)."""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from ..mention import Mention, coverage, overlaps
from ..textutil import Piece, piece_norms

__all__ = ["RuleContext", "word_spans"]


class RuleContext:
    """The state the rule families of :func:`newsnlp.entities.rules.add_rule_mentions` share."""

    __slots__ = ("chosen", "ends", "extra", "gaz", "norms", "ps", "spans", "starts", "text")

    def __init__(
        self,
        text: str,
        ps: list[Piece],
        chosen: list[Mention],
        gaz: Gazetteer,
        norms: list[str] | None = None,
    ) -> None:
        self.text = text
        self.ps = ps
        self.chosen = chosen
        self.gaz = gaz
        self.norms = norms
        self.spans = coverage(chosen, len(text))
        self.extra: list[Mention] = []
        #: The chosen mentions by start and by end (the rules' own additions are not in these).
        self.starts = {m.start: m for m in chosen}
        self.ends = {m.end: m for m in chosen}

    def get_norms(self) -> list[str]:
        """The normalised pieces (computed on first use)."""
        if self.norms is None:
            self.norms = piece_norms(self.text, self.ps)
        return self.norms

    def free(self, s: int, e: int) -> bool:
        """Whether no mention covers any of ``[s, e)``."""
        return not overlaps(self.spans, s, e)

    def add(self, m: Mention) -> None:
        """Add a rule mention (its span becomes covered)."""
        self.extra.append(m)
        self.spans.append((m.start, m.end))

    def result(self) -> list[Mention]:
        """The chosen and the added mentions, by start."""
        return sorted(self.chosen + self.extra, key=lambda m: m.start)


def word_spans(text: str, word: str, pos: int = 0) -> list[tuple[int, int]]:
    """Spans of ``word`` standing as a whole word (not inside a longer word or hyphenated
    compound) in ``text`` from ``pos`` on."""
    return [m.span() for m in re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])").finditer(text, pos)]
