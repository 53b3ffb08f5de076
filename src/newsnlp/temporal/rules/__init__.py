"""Extraction rules: one handler per compiled rule of :mod:`newsnlp.temporal.patterns`.

A handler reads the groups of its rule's match and returns a :class:`~newsnlp.temporal.types.Candidate`
(span, kind, parsed parts) or ``None`` when the match is not a time expression. Handlers are plain
functions ``handler(tagger, match, text)`` registered by rule name in :data:`HANDLERS`, one module
per type of expression: ``dates``, ``periods``, ``clock``, ``holidays``, ``relative``, ``quantities``.
"""

from __future__ import annotations

from . import clock, dates, holidays, periods, quantities, relative  # noqa: F401  (fill HANDLERS)
from .common import HANDLERS

__all__ = ["HANDLERS"]
