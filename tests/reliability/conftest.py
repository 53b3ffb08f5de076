"""Fixtures of the reliability suite (the session-wide pipelines come from ``tests/conftest.py``)."""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest


class Overtime(Exception):
    """A call ran past its time limit."""


@contextmanager
def time_limit(seconds: float, what: str = "call"):
    """Fail with :class:`Overtime` when the block runs longer than ``seconds`` (SIGALRM based;
    Python's regex engine checks for signals, so a backtracking blow-up is interrupted too)."""

    def handler(_signum, _frame):
        raise Overtime(f"{what} took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="session")
def stages(default_pipeline):
    """The default pipeline's stage objects (and parts, such as ``stems``) by name."""
    return {name: default_pipeline.get_stage(name) for name in default_pipeline.step_names}
