"""Timing helper shared by the benchmark scripts (run them as ``python benchmarks/NAME.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any


def passes(fn: Callable[[Any], Any], items: Iterable[Any], repeat: int) -> list[tuple[float, float]]:
    """Wall-clock and CPU (``time.process_time``) seconds of each of ``repeat`` passes of ``fn``
    over ``items``, in order (the first pass runs with cold caches)."""
    items = list(items)
    out = []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        for it in items:
            fn(it)
        out.append((time.perf_counter() - w0, time.process_time() - c0))
    return out


def best_of(fn: Callable[[Any], Any], items: Iterable[Any], repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU (``time.process_time``) seconds of ``fn`` over ``items``.

    The CPU figure is robust to other jobs on a shared machine; the wall figure is not.
    """
    return best(passes(fn, items, repeat))


def best(times: list[tuple[float, float]]) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of the ``(wall, cpu)`` times of :func:`passes`."""
    return min(w for w, _ in times), min(c for _, c in times)


def read_texts(path: Any, copies: int = 1, limit: int | None = None) -> list[str]:
    """The ``text`` field of every row of the JSON Lines file ``path``, the whole list ``copies``
    times over, cut to the first ``limit`` (after the copies) when given."""
    import json

    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f] * copies
    return texts[:limit] if limit else texts
