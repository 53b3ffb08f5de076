"""A quote while the stage builds it (offsets only; the record's :class:`~newsnlp.record.Quote`
is made at the end)."""

from __future__ import annotations

from dataclasses import dataclass

from .speakers import Speaker

__all__ = ["Draft"]


@dataclass
class Draft:
    """Content ``[start, end)``, type, cue span and speaker mention of a quote being built."""

    start: int
    end: int
    type: str
    cue: tuple[int, int] | None
    speaker: Speaker | None
    #: The quote whose speaker this one shares (a quotation split by its cue, a floating quote).
    source: Draft | None = None
    #: End of the attribution after the quote (cue, speaker and adjuncts), for split quotations.
    attr_end: int | None = None
    #: Resolution, filled by :mod:`newsnlp.quotes.resolve`.
    entity_id: int | None = None
    canonical: str | None = None
    label: str | None = None
    resolved: bool = False
