"""Timing helper shared by the benchmark scripts (run them as ``python benchmarks/NAME.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any


def best_of(fn: Callable[[Any], Any], items: Iterable[Any], repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU (``time.process_time``) seconds of ``fn`` over ``items``.

    The CPU figure is robust to other jobs on a shared machine; the wall figure is not.
    """
    items = list(items)
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        for it in items:
            fn(it)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu
