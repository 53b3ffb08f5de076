"""Helpers shared by the time-stage tests."""

from __future__ import annotations

import itertools

from newsnlp.temporal import tag_times

#: Fields of a form case: (sentence, published, span, type, value, anchor, mod).
FORM_FIELDS = ("sentence", "published", "span", "typ", "value", "anchor", "mod")


def find(times, text):
    hits = [t for t in times if t.text == text]
    assert hits, f"{text!r} not found in {[t.text for t in times]}"
    return hits[0]


def check_offsets(text, times):
    for t in times:
        assert text[t.start : t.end] == t.text
    for a, b in itertools.pairwise(times):
        assert a.end <= b.start


def check_form(sentence, published, span, typ, value, anchor, mod):
    """``span`` is found in ``sentence`` with this type, TIMEX3 value, anchor and mod."""
    times, _ = tag_times(sentence, published)
    check_offsets(sentence, times)
    t = find(times, span)
    assert (t.type, t.value, t.anchor, t.mod) == (typ, value, anchor, mod)
