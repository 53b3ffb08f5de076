"""Pausing Python's cyclic garbage collector while stages run (:func:`gc_paused`).

The module imports nothing from the rest of newsnlp.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the stages run.

    Enriching creates hundreds of thousands of small objects (tokens, spans, spaCy lexemes) that
    form no reference cycles and mostly live until the article is returned; with the collector
    on, they are traversed again and again on their way to the oldest generation (a quarter of the
    text stage's time in batches). Memory is still freed by reference counting; the collector
    resumes as soon as the call returns (also on error) and any cyclic garbage is collected then.
    Nothing is changed when the caller has disabled the collector."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
