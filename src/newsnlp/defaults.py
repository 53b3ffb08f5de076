"""The process-wide default pipelines that :func:`newsnlp.enrich`, ``enrich_many`` and the worker
processes share: each set of stages is built once per process, on first use."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from .pipeline import DEFAULT_STAGES, Pipeline

__all__ = ["get_default_pipeline"]

_DEFAULT: dict[tuple[str, ...], Pipeline] = {}
_DEFAULT_LOCK = threading.Lock()


def get_default_pipeline(stages: Sequence[str] = DEFAULT_STAGES) -> Pipeline:
    """The lazily built, process-wide pipeline for ``stages`` (built once, then reused)."""
    key = tuple(stages)
    pipe = _DEFAULT.get(key)
    if pipe is None:
        with _DEFAULT_LOCK:
            pipe = _DEFAULT.get(key)
            if pipe is None:
                pipe = _DEFAULT[key] = Pipeline(stages=key)
    return pipe
