"""The thresholds of the structure stage, in one place (``data/structure/config.json``).

Every number that tunes a decision (how long a headline may be, how many words make a paragraph,
how far down the lead is looked for, how long an HTML hint may be) is a field of
:class:`StructureConfig`. The shipped values are read from the data file; a user overrides any of
them by name (``Pipeline(config={"structure": {"config": {"lead_window_lines": 20}}})``); an unknown
name raises :class:`~newsnlp.errors.ConfigError` listing the valid ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from types import MappingProxyType
from typing import Any

from ..data import load_json
from ..errors import ConfigError

__all__ = ["StructureConfig", "load_config"]


@dataclass(frozen=True)
class StructureConfig:
    """Thresholds of the line rules (see ``data/structure/config.json`` for the shipped values)."""

    #: A headline (or any title-like line) is at most this long.
    title_max_chars: int
    title_max_words: int
    #: A plausible headline has this many words; up to ``plausible_title_short_words`` it need
    #: not be headline-cased.
    plausible_title_min_words: int
    plausible_title_max_words: int
    plausible_title_short_words: int
    #: Share of content words that start with a capital in headline case.
    headline_case_ratio: float
    #: A paragraph has this many words, or ends with a stop and has ``sentence_min_words``.
    paragraph_min_words: int
    sentence_min_words: int
    #: The lead is looked for among the first lines (those with a dateline).
    lead_window_lines: int
    #: A bold run opening a paragraph (HTML) may be a dateline up to this many characters.
    bold_dateline_max_chars: int
    #: A dateline is at most this long.
    dateline_max_chars: int
    #: An unmarked related link is a headline-cased line of this many words.
    related_min_words: int
    related_max_words: int
    #: Plain text: a line of this many words or more, without final punctuation, followed by a
    #: line starting in lower case is a paragraph the scraper split at an inline link (merged);
    #: the link text may stand alone between the two parts, on a line of at most
    #: ``fragment_link_max_words`` words.
    fragment_min_words: int
    fragment_link_max_words: int
    #: After a tag list closing the article, a title-like line of at most this many words is a
    #: promo heading (``Video Pilihan``), boilerplate; at most ``promo_heading_max_lines`` of them
    #: (more short lines closing the text are a table or a list).
    promo_heading_max_words: int
    promo_heading_max_lines: int
    #: Longest HTML hint span (characters) trusted per label: a wrapper element with a
    #: misleading class (``editor-content``) must not turn a whole article into a byline.
    hint_max_chars: Mapping[str, int]


def _valid_names() -> list[str]:
    return [f.name for f in fields(StructureConfig)]


def load_config(overrides: Mapping[str, Any] | None = None) -> StructureConfig:
    """The shipped thresholds, with ``overrides`` (field name -> value) applied."""
    raw = {k: v for k, v in load_json("structure", "config.json").items() if not k.startswith("_")}
    names = _valid_names()
    unknown = sorted(set(raw) - set(names))
    if unknown:  # pragma: no cover - a broken data file
        raise ConfigError("structure", f"config.json has unknown keys {unknown}")
    raw["hint_max_chars"] = MappingProxyType(dict(raw["hint_max_chars"]))
    cfg = StructureConfig(**raw)
    if overrides:
        unknown = sorted(set(overrides) - set(names))
        if unknown:
            raise ConfigError(
                "structure", f"unknown threshold(s) {', '.join(unknown)}; valid: {', '.join(names)}"
            )
        values = dict(overrides)
        if "hint_max_chars" in values:
            values["hint_max_chars"] = MappingProxyType({**cfg.hint_max_chars, **values["hint_max_chars"]})
        cfg = replace(cfg, **values)
    return cfg
