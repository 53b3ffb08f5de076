"""Quotes: who said what, each speaker tied to the article's entity (the ``quotes`` stage).

>>> from newsnlp import enrich
>>> art = enrich('"Harga beras akan turun pekan depan," kata Budi Santoso di Jakarta.')
>>> [(q.type, q.text, q.speaker_canonical) for q in art.quotes]
[('direct', 'Harga beras akan turun pekan depan', 'Budi Santoso')]
"""

from __future__ import annotations

from .stage import QuotesStage, find_quotes

__all__ = ["QuotesStage", "find_quotes"]
