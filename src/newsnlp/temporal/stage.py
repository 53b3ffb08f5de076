"""The ``time`` pipeline stage (registered as ``"time"``)."""

from __future__ import annotations

from typing import Any

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

    def __init__(self, infer_published: bool = True) -> None:
        self.tagger = get_tagger()  # compiles the patterns once
        self.infer = infer_published

    def process(self, article: Article) -> None:
        """Tag ``article.text`` and set ``article.times`` (sorted by start, non-overlapping)."""
        text = article.text
        cands = self.tagger.extract(text)
        meta = article.metadata
        anchor = Anchor.parse(meta.published) if meta.published else None
        if anchor is None and self.infer:
            anchor = infer_published(self.tagger, text, cands)
            if anchor is not None:
                meta.published = anchor_iso(anchor)
                meta.published_source = "inferred"
        article.times = self.tagger.resolve(text, cands, anchor)


@register_stage(
    "time",
    requires=("text",),
    uses=("metadata.published",),
    assigns=("times", "metadata.published", "metadata.published_source"),
)
def make_time_stage(**options: Any) -> TimeStage:
    """Factory for the ``time`` stage. Options: ``infer_published`` (bool, default True)."""
    return TimeStage(**options)
