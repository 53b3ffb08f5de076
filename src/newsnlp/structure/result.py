"""What the structure stage returns for one text: segments and the metadata found in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .features import Line

__all__ = ["SegmentResult"]


@dataclass
class SegmentResult:
    """Output of :func:`segment_text`: segments as (start, end, label) and the metadata found."""

    segments: list[tuple[int, int, str]]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    publisher: str | None = None
    #: The raw publisher token of the dateline (``WARTACONTOH.COM``), known outlet or not.
    publisher_token: str | None = None
    lines: list[Line] = field(default_factory=list)
