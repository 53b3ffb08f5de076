"""Peak memory of the entities stage on long repetitive input (issue #20: the whole pipeline under
150 bytes a character; ``benchmarks/large_input.py`` measures it, docs/reliability.md).

The peaks are counted by ``tracemalloc`` (bytes allocated by Python and numpy, not the RSS), so they
do not depend on the machine's load. The bounds are generous: the code before the fix measured
147 and 376 bytes a character on the gazetteer and rules, and 80 MB for the model on one long
line; it now measures about 22, 52 (47 for brackets) and 29 MB.
"""

from __future__ import annotations

import tracemalloc

import pytest

from newsnlp import Pipeline
from newsnlp.record import Article


@pytest.fixture(scope="module")
def stages() -> dict:
    return {s.name: s for s in Pipeline(stages=("text", "entities"))._stages}


def _peak(fn) -> tuple[int, object]:
    """The bytes ``fn()`` allocates at its peak above what was allocated before, and its result."""
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        out = fn()
        return tracemalloc.get_traced_memory()[1] - base, out
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    ("unit", "bound"),
    [
        ("Budi ", 100),  # one capitalised phrase of 20,000 words (was a regex entry per word)
        # a piece per character: was a Doc token and an int object per piece (376), then a Piece
        # tuple and an int object (147); the pieces are now columns (~50 with the rest)
        ("(", 90),
        ("([{\u2039", 90),
    ],
)
def test_gazetteer_and_rules_memory_per_character(stages, unit, bound):
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    art = Article(text=text)
    stages["text"].process(art)
    peak, entities = _peak(lambda: stages["entities"].annotate(art, []))
    assert peak / len(text) < bound, f"{peak / len(text):.0f} bytes a character on {unit!r}"
    for e in entities:
        assert text[e.start : e.end] == e.text


def test_model_memory_is_bounded_by_its_batch(stages):
    """The model reads a long line in chunks and batches of bounded size: its working memory does
    not grow with the line (a batch of 20,000 tokens took 80 MB)."""
    model = stages["entities"].model
    words = ["Budi"] * 20_000
    peak, out = _peak(lambda: model.predict([(words, [True] * len(words))]))
    assert peak < 50_000_000, f"{peak / 1e6:.0f} MB"
    assert out[0] and all(0 <= m.start < m.end <= len(words) for m in out[0])
