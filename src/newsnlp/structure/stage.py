"""The ``structure`` stage: labels the parts of a scraped article (title, lead, body, captions,
related links, bylines, boilerplate ...) and fills the article-level metadata.

It runs last, so it also tells every sentence, entity and time expression found by earlier stages
which segment it sits in (``.segment``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..record import Article, Segment
from ..registry import BaseStage, register_stage
from ..textnorm import fold
from .config import load_config
from .context import build_context
from .resources import Resources, build_resources, load_resources, merge_outlets
from .result import SegmentResult
from .segmenter import Segmenter

__all__ = ["StructureStage", "assign_segments", "make_structure_stage"]


class StructureStage(BaseStage):
    """Segments ``article.text`` into labelled parts and fills ``article.metadata``.

    ``article.text`` is read, never modified. HTML extraction hints (``article.scratch["html"]``,
    an :class:`~newsnlp.input.html.HtmlExtraction` left by the input room) are used when present.
    """

    name = "structure"

    def __init__(
        self,
        resources: Resources | None = None,
        outlets: Any = None,
        thresholds: Mapping[str, Any] | None = None,
    ) -> None:
        """``outlets``: a user's outlets, brands and agencies (a JSON file or Python objects, see
        :func:`~newsnlp.structure.resources.merge_outlets`), merged with the shipped ones;
        ``thresholds``: overrides of :class:`~newsnlp.structure.config.StructureConfig` fields."""
        if resources is None:
            resources = build_resources(merge_outlets(outlets)) if outlets is not None else load_resources()
        self.resources = resources
        self._segmenter = Segmenter(build_context(self.resources, load_config(thresholds)))

    def segment(self, text: str, hints: Any = None, title_hint: str | None = None) -> SegmentResult:
        """Run the segmenter over ``text`` alone (no article needed)."""
        return self._segmenter.run(text, hints, title_hint)

    def process(self, article: Article) -> None:
        """Fill ``article.segments``, metadata and the ``segment`` of sentences, entities and times."""
        text = article.text
        html = article.scratch.get("html") if article.scratch else None
        hints = getattr(html, "hints", None) if html is not None else None
        title_hint = None
        if html is not None:
            title_hint = (getattr(html, "metadata", None) or {}).get("title")
        if not title_hint and article.metadata.title:
            title_hint = article.metadata.title
        result = self._segmenter.run(text, hints, title_hint)
        article.segments = [Segment(s, e, text[s:e], label) for s, e, label in result.segments]
        md = article.metadata
        if result.title:
            md.title = result.title
        if result.authors and not _confirmed(md.authors, text):
            # the page's structured authors are kept when its visible text names them; otherwise
            # the byline read in the text wins (an outlet or a stale author in the metadata)
            md.authors = list(result.authors)
        if result.editors:
            md.editors = list(result.editors)
        if result.sources:
            md.sources = list(result.sources)
        if result.publisher:
            md.publisher = result.publisher
        elif result.publisher_token and not md.publisher:
            md.publisher = result.publisher_token
        assign_segments(article)


def _confirmed(names: list[str], text: str) -> bool:
    """Whether every one of ``names`` (at least one) is written in ``text``."""
    if not names:
        return False
    folded = fold(text)
    return all(fold(n) in folded for n in names)


def assign_segments(article: Article) -> None:
    """Set ``.segment`` on every sentence, entity and time expression of ``article``, by the
    record's rule (:meth:`newsnlp.record.Article.segment_labeler`): the inner segment (``credit``,
    ``dateline``) that holds the item whole, otherwise the segment its start falls in (or the
    first segment starting inside it)."""
    label_of = article.segment_labeler()
    for layer in (article.sentences, article.entities, article.times):
        for item in layer:
            item.segment = label_of(item.start, item.end)


@register_stage(
    "structure",
    requires=("text",),
    uses=("scratch.html", "metadata.title", "metadata.publisher", "sentences", "entities", "times"),
    assigns=(
        "segments",
        "clean_text",
        "metadata.title",
        "metadata.authors",
        "metadata.editors",
        "metadata.sources",
        "metadata.publisher",
        "sentences.segment",
        "entities.segment",
        "times.segment",
    ),
)
def make_structure_stage(outlets: Any = None, thresholds: Mapping[str, Any] | None = None) -> StructureStage:
    """Factory of the ``structure`` stage: ``outlets`` (a user's outlet file or objects, merged
    with the shipped ones) and ``thresholds`` (overrides of the rule thresholds), e.g.
    ``Pipeline(config={"structure": {"outlets": "my_outlets.json"}})``."""
    return StructureStage(outlets=outlets, thresholds=thresholds)
