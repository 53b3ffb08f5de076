"""The structure stage: which part of a scraped news article each line is (title, lead, body,
captions, related links, bylines, boilerplate ...), article metadata, and HTML-to-text.

>>> from newsnlp.structure import StructureStage, html_to_text   # doctest: +SKIP
"""

from __future__ import annotations

from .html import HtmlExtraction, html_to_text
from .stage import StructureStage, assign_segments

__all__ = ["HtmlExtraction", "StructureStage", "assign_segments", "html_to_text"]
