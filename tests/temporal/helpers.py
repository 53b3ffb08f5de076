"""Helpers shared by the time-stage tests."""

from __future__ import annotations

import itertools


def find(times, text):
    hits = [t for t in times if t.text == text]
    assert hits, f"{text!r} not found in {[t.text for t in times]}"
    return hits[0]


def check_offsets(text, times):
    for t in times:
        assert text[t.start : t.end] == t.text
    for a, b in itertools.pairwise(times):
        assert a.end <= b.start
