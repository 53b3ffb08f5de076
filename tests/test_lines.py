"""The one definition of a line (``newsnlp.lines``) agrees with :meth:`str.splitlines`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsnlp.lines import (
    LINE_BREAK_RE,
    LINE_BREAKS,
    has_line_break,
    iter_lines,
    line_end,
    line_start,
    normalise_line_breaks,
)

_ALPHABET = st.sampled_from([*LINE_BREAKS, "a", "B", " ", ".", "\r\n", "\t", "\u00a0"])
texts = st.lists(_ALPHABET, max_size=40).map("".join)


def test_every_boundary_of_splitlines_is_a_break():
    for code in range(0x3000):
        ch = chr(code)
        assert (len(f"a{ch}b".splitlines()) == 2) == (ch in LINE_BREAKS), repr(ch)


@given(texts)
def test_iter_lines_gives_the_lines_of_splitlines_with_offsets(text):
    lines = list(iter_lines(text))
    assert [line for _, _, line in lines] == text.splitlines()
    for start, end, line in lines:
        assert text[start:end] == line
        assert not has_line_break(line)


@given(texts, st.integers(min_value=0, max_value=40))
def test_line_start_and_end_bound_the_line_of_a_position(text, pos):
    pos = min(pos, len(text))
    start, end = line_start(text, pos), line_end(text, pos)
    assert start <= pos <= end or text[pos : pos + 1] in LINE_BREAKS
    assert not has_line_break(text[start:end])


def test_normalise_line_breaks():
    assert normalise_line_breaks("a\r\nb\u2028c\x85d\x0be\rf") == "a\nb\nc\nd\ne\nf"
    assert LINE_BREAK_RE.findall("a\r\nb") == ["\r\n"]
