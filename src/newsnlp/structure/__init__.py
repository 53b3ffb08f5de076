"""The structure stage: which part of a scraped news article each line is (title, lead, body,
captions, related links, bylines, boilerplate ...) and the article's metadata.

(Reading an HTML page into text is the input room's job: :mod:`newsnlp.input.html`.)

>>> from newsnlp.structure import StructureStage   # doctest: +SKIP
"""

from __future__ import annotations

from .stage import StructureStage, assign_segments

__all__ = ["StructureStage", "assign_segments"]
