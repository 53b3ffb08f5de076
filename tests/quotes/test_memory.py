"""Reading the words of a very long line holds little more than the words themselves (the pieces
of the line are not all materialised at once), measured with tracemalloc (load-independent)."""

from __future__ import annotations

import tracemalloc

from newsnlp.quotes.words import words


def test_words_of_one_long_line_peak_is_the_result():
    # one line of 420,000 characters: a word, a no-break space, a zero-width space, repeated
    text = "kata\u00a0\u200b" * 70_000
    forms: dict = {}
    tracemalloc.start()
    try:
        got = words(text, 0, len(text), None, forms)
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(got) == 140_000 and got[1].text == "\u200b"
    # the words (shared strings, one tuple each) are about 51 bytes per character; reading the
    # line all at once used to add 43 more
    assert (peak - current) / len(text) < 10
