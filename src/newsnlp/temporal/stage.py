"""The ``time`` pipeline stage (registered as ``"time"``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import ConfigError
from ..record import Article
from ..registry import BaseStage, register_stage
from . import get_tagger
from .tagger import Anchor, anchor_iso, infer_published

__all__ = ["TimeStage", "make_time_stage"]


class TimeStage(BaseStage):
    """Fill ``article.times`` with TIMEX3 expressions; infer ``metadata.published`` when missing.

    Reads only ``article.text`` and ``article.metadata.published``; needs no other stage. The
    structure stage, which runs after it, labels each expression with its segment.
    """

    name = "time"

    def __init__(self, infer_published: bool = True, reference_date: Any = None) -> None:
        self.tagger = get_tagger()  # compiles the patterns once
        self.infer = infer_published
        self.reference = _reference(reference_date)

    def process(self, article: Article) -> None:
        """Tag ``article.text`` and set ``article.times`` (sorted by start, non-overlapping)."""
        text = article.text
        cands = self.tagger.extract(text)
        meta = article.metadata
        anchor = Anchor.parse(meta.published) if meta.published else None
        if anchor is None and self.infer:
            anchor = infer_published(self.tagger, text, cands, self.reference)
            if anchor is not None:
                meta.published = anchor_iso(anchor)
                meta.published_source = "inferred"
        article.times = self.tagger.resolve(text, cands, anchor)


def _reference(value: Any) -> dt.date | None:
    """The ``reference_date`` option as a date; :class:`~newsnlp.errors.ConfigError` when it is not one."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    anchor = Anchor.parse(str(value))
    if anchor is None:
        raise ConfigError("time", f"reference_date must be an ISO 8601 date, got {value!r}")
    return anchor.date


@register_stage(
    "time",
    requires=("text",),
    uses=("metadata.published",),
    assigns=("times", "metadata.published", "metadata.published_source"),
)
def make_time_stage(**options: Any) -> TimeStage:
    """Factory for the ``time`` stage. Options: ``infer_published`` (bool, default True) and
    ``reference_date`` (the day the articles were collected, e.g. the scrape date, ISO string or
    ``date``: an inferred publication date must not be after it nor more than a year before it)."""
    return TimeStage(**options)
