"""The annotation helper (evaluation/quotes/annotate.py) on invented text: no shared data read."""

from __future__ import annotations

import pytest

TEXT = '"Harga naik," ujarnya. Indonesia siap, kata dia.\n"Harga naik," ujarnya lagi.'


def line(annotator, fields):
    return annotator.Line("a1", 1, [f.strip() for f in fields.split(" | ")])


def test_snippets_match_whole_words_and_any_whitespace(annotator):
    assert annotator.find_all("Indonesia dia", "dia") == [(10, 13)]
    assert annotator.find_all("kata\n dia", "kata dia") == [(0, 9)]


def test_content_prefix_suffix_and_occurrence(annotator):
    s, e = annotator.resolve_content(TEXT, "Harga ~~ naik @2")
    assert TEXT[s:e] == "Harga naik" and s > 40
    assert annotator.resolve_content(TEXT, "Harga naik @-1") == (s, e)
    with pytest.raises(annotator.AnnotationError, match="found 2 times"):
        annotator.resolve_content(TEXT, "Harga naik")
    with pytest.raises(annotator.AnnotationError, match="not found"):
        annotator.resolve_content(TEXT, "Harga turun")


def test_bracketed_clitic_speaker_nearest_the_cue(annotator):
    q = annotator.resolve_line(TEXT, line(annotator, "D | Harga naik @2 | [ujar]nya | ujar[nya] | Budi"))
    assert TEXT[q["cue"]["start"] : q["cue"]["end"]] == "ujar"
    assert TEXT[q["speaker"]["start"] : q["speaker"]["end"]] == "nya"
    assert q["cue"]["start"] > q["end"]  # the second quote's cue, not the first one's
    assert q["speaker_canonical"] == "Budi" and q["segment"] == "body"


def test_aliases_null_speaker_and_unknown_segment(annotator):
    q = annotator.resolve_line(TEXT, line(annotator, "I | Indonesia siap | kata | dia | Komisi X = KX"))
    assert q["speaker_canonical"] == "Komisi X" and q["speaker_aliases"] == ["KX"]
    q = annotator.resolve_line(TEXT, line(annotator, "I | Indonesia siap | kata | - | -"))
    assert q["speaker"] is None and q["speaker_canonical"] is None
    with pytest.raises(annotator.AnnotationError, match="segment"):
        annotator.resolve_line(TEXT, line(annotator, "I | Indonesia siap | kata | - | - | sidebar"))


def test_copies_of_duplicated_text_become_boilerplate(annotator):
    text = "A said: Tarif naik, kata Budi. Lalu.\nTarif naik, kata Budi."
    q = annotator.resolve_line(text, line(annotator, "I | Tarif naik @-1 | kata | Budi | Budi | body*"))
    quotes = annotator.with_copies(text, q)
    assert [c["segment"] for c in quotes] == ["body", "boilerplate"]
    copy = quotes[1]
    assert text[copy["start"] : copy["end"]] == "Tarif naik" and copy["start"] < q["start"]
    assert text[copy["speaker"]["start"] : copy["speaker"]["end"]] == "Budi"
