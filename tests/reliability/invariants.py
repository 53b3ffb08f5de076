"""Record invariants checked by the reliability tests and by the fuzzing harness.

:func:`check_record` raises ``AssertionError`` with a precise message when an :class:`Article`
breaks the public contract (``shared/API.md``): exact offsets, labels from the closed sets,
tokens and sentences in order and covering the text, neither running across a line break,
segments that do not overlap (except a ``credit`` or ``dateline`` inside its parent), and a JSON
form that round-trips.
"""

from __future__ import annotations

import itertools
import json

from newsnlp.lines import has_line_break
from newsnlp.record import ENTITY_LABELS, SEGMENT_LABELS, TIME_ANCHORS, TIME_MODS, TIME_TYPES, Article

__all__ = ["INNER_SEGMENTS", "check_record"]

#: Segment labels that may sit inside another segment.
INNER_SEGMENTS = frozenset({"credit", "dateline"})


def _check_span(text: str, span, layer: str) -> None:
    assert isinstance(span.start, int) and isinstance(span.end, int), (layer, span)
    assert 0 <= span.start <= span.end <= len(text), (layer, "out of range", span, len(text))
    assert text[span.start : span.end] == span.text, (layer, "offset mismatch", span)


def check_record(art: Article, source: str | None = None) -> None:
    """Assert every invariant of the contract on ``art`` (``source``: the plain input text)."""
    text = art.text
    assert isinstance(text, str)
    if source is not None:
        assert text == source, "article.text differs from the input"
    for layer in ("sentences", "tokens", "entities", "times", "segments"):
        for span in getattr(art, layer):
            _check_span(text, span, layer)

    # Tokens: non-empty, in order, not overlapping; what lies between them is whitespace.
    prev = 0
    for tok in art.tokens:
        assert tok.end > tok.start, ("empty token", tok)
        assert tok.start >= prev, ("tokens overlap or out of order", tok)
        assert text[prev : tok.start].strip() == "", ("text not covered by tokens", prev, tok)
        prev = tok.end
    assert text[prev:].strip() == "", ("text after the last token not covered", prev)

    # No token and no sentence runs across a line break of any kind (newsnlp.lines).
    for layer in ("tokens", "sentences"):
        for span in getattr(art, layer):
            assert not has_line_break(span.text), (f"{layer[:-1]} across a line break", span)

    # Sentences: non-empty, in order, not overlapping; each token sits in its own sentence and
    # every sentence holds at least one token.
    prev = 0
    for sent in art.sentences:
        assert sent.end > sent.start, ("empty sentence", sent)
        assert sent.start >= prev, ("sentences overlap or out of order", sent)
        prev = sent.end
    n_sent = len(art.sentences)
    seen = [0] * n_sent
    for tok in art.tokens:
        assert 0 <= tok.sentence < n_sent, ("token sentence index out of range", tok)
        sent = art.sentences[tok.sentence]
        assert sent.start <= tok.start and tok.end <= sent.end, ("token outside its sentence", tok, sent)
        seen[tok.sentence] += 1
    assert all(seen), "a sentence holds no token"
    if art.tokens:
        assert [t.sentence for t in art.tokens] == sorted(t.sentence for t in art.tokens)

    # Entities and times: closed label sets, non-empty spans.
    for ent in art.entities:
        assert ent.end > ent.start, ("empty entity", ent)
        assert ent.label in ENTITY_LABELS, ("bad entity label", ent)
        assert ent.segment is None or ent.segment in SEGMENT_LABELS, ent
        assert ent.score is None or 0.0 <= ent.score <= 1.0, ("score out of [0, 1]", ent)
    for tx in art.times:
        assert tx.end > tx.start, ("empty time expression", tx)
        assert tx.type in TIME_TYPES, ("bad time type", tx)
        assert tx.anchor in TIME_ANCHORS, ("bad time anchor", tx)
        assert tx.mod is None or tx.mod in TIME_MODS, ("bad time mod", tx)
        assert tx.value is None or (isinstance(tx.value, str) and tx.value), ("bad time value", tx)
        assert tx.segment is None or tx.segment in SEGMENT_LABELS, tx
    for sent in art.sentences:
        assert sent.segment is None or sent.segment in SEGMENT_LABELS, sent

    # Segments: closed label set; nothing overlaps except a credit/dateline inside another one.
    segs = sorted(art.segments, key=lambda s: (s.start, -s.end))
    for seg in segs:
        assert seg.end > seg.start, ("empty segment", seg)
        assert seg.label in SEGMENT_LABELS, ("bad segment label", seg)
    outer = [s for s in segs if s.label not in INNER_SEGMENTS]
    for a, b in itertools.pairwise(outer):
        assert a.end <= b.start, ("segments overlap", a, b)
    for inner in (s for s in segs if s.label in INNER_SEGMENTS):
        for other in segs:
            if other is inner or other.end <= inner.start or inner.end <= other.start:
                continue
            contained = other.start <= inner.start and inner.end <= other.end
            contains = inner.start <= other.start and other.end <= inner.end and other.label in INNER_SEGMENTS
            assert contained or contains, ("credit/dateline overlaps without nesting", inner, other)

    # The JSON form: valid, exact shape, and it round-trips.
    data = json.loads(art.to_json())
    for key in ("text", "language", "metadata", "sentences", "tokens", "entities", "times", "segments"):
        assert key in data, key
    again = Article.from_json(art.to_json())
    assert again.to_json() == art.to_json(), "to_json does not round-trip"
