"""The stage's fast lookups give what a word-by-word reading gives: cue words found from the
distinct runs of letters (and word by word when lower-casing changes the text's length), and
capitalised words found with ``str.find`` (and from an index in a long article)."""

from __future__ import annotations

import pytest

from newsnlp.quotes import view as view_module
from newsnlp.quotes.cues import _find_cues_by_word, find_cues
from newsnlp.quotes.lexicon import load_lexicon
from newsnlp.quotes.view import ArticleView

TEXT = (
    "Menurut Budi, harga naik. Kata-kata itu, katanya, benar. TNImenyatakan siap. "
    '"Kami siap," ujarnya. Ketua Umum Partai GerindraHashim Djojohadikusumo mengatakan, Hashim hadir.'
)


def _cues(found):
    return [(c.start(), c.end(), c.lastgroup, c.group()) for c in found]


@pytest.mark.parametrize("text", [TEXT, "İstanbul. " + TEXT])
def test_cue_words_as_read_word_by_word(text):
    lex = load_lexicon()
    assert _cues(find_cues(lex, text)) == _cues(_find_cues_by_word(lex, text))
    assert ("menyatakan", "active") in {(c[3], c[2]) for c in _cues(find_cues(lex, text))}


def test_capitalised_words_by_find_and_by_index(nlp, monkeypatch):
    art = nlp(TEXT)
    lex = load_lexicon()
    found = ArticleView(art, lex).capitals("hashim", 0, len(TEXT))
    assert [TEXT[p : p + 6] for p in found] == ["Hashim", "Hashim"]  # the glued one too
    monkeypatch.setattr(view_module, "_FIND_LIMIT", 0)
    assert ArticleView(art, lex).capitals("hashim", 0, len(TEXT)) == found
