"""Conversion and alignment between newsnlp tokens and stanza documents, on CoNLL-U input.

The CoNLL-U snippets are written by hand for sentences tokenized by the ``text`` stage; they carry
multi-word tokens (``pihaknya`` = ``pihak`` + ``nya``) as stanza's MWT expander produces them.
"""

from __future__ import annotations

import pytest

pytest.importorskip("stanza")

from stanza.utils.conll import CoNLL

from newsnlp.errors import NewsNLPError
from newsnlp.linguistic.alignment import (
    _repair_tree,
    apply_document,
    article_to_document,
)

PIHAKNYA = """\
# text = Pihaknya belum menyetujui rencana itu.
1-2	Pihaknya	_	_	_	_	_	_	_	_
1	Pihak	pihak	NOUN	NN	_	4	nsubj	_	_
2	nya	nya	PRON	PRP	_	1	nmod:poss	_	_
3	belum	belum	ADV	RB	_	4	advmod	_	_
4	menyetujui	setuju	VERB	VB	_	0	root	_	_
5	rencana	rencana	NOUN	NN	_	4	obj	_	_
6	itu	itu	DET	DT	_	5	det	_	_
7	.	.	PUNCT	.	_	4	punct	_	_

"""

TWO_SENTENCES = """\
# text = Menurutnya, harga beras naik.
1-2	Menurutnya	_	_	_	_	_	_	_	_
1	Menurut	turut	ADP	IN	_	2	case	_	_
2	nya	nya	PRON	PRP	_	6	obl	_	_
3	,	,	PUNCT	,	_	6	punct	_	_
4	harga	harga	NOUN	NN	_	6	nsubj	_	_
5	beras	beras	NOUN	NN	_	4	nmod	_	_
6	naik	naik	VERB	VB	_	0	root	_	_
7	.	.	PUNCT	.	_	6	punct	_	_

# text = Warga mengeluhkannya kemarin.
1	Warga	warga	NOUN	NN	_	2	nsubj	_	_
2-3	mengeluhkannya	_	_	_	_	_	_	_	_
2	mengeluhkan	keluh	VERB	VB	_	0	root	_	_
3	nya	nya	PRON	PRP	_	2	obj	_	_
4	kemarin	kemarin	ADV	RB	_	2	advmod	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

"""


def _check_offsets(article) -> None:
    for span in article.spans():
        assert article.text[span.start : span.end] == span.text


def test_mwt_token_takes_the_head_word(text_pipeline):
    text = "Pihaknya belum menyetujui rencana itu."
    art = text_pipeline(text)
    doc = CoNLL.conll2doc(input_str=PIHAKNYA)
    apply_document(art, doc)
    toks = {t.text: t for t in art.tokens}
    assert [t.text for t in art.tokens] == ["Pihaknya", "belum", "menyetujui", "rencana", "itu", "."]
    # "Pihaknya" is one token of two words: it takes "Pihak" (whose head is outside the token)
    assert (toks["Pihaknya"].lemma, toks["Pihaknya"].pos, toks["Pihaknya"].deprel) == (
        "pihak",
        "NOUN",
        "nsubj",
    )
    verb = art.tokens.index(toks["menyetujui"])
    assert toks["Pihaknya"].head == verb
    assert toks["menyetujui"].head is None and toks["menyetujui"].deprel == "root"
    assert toks["menyetujui"].lemma == "setuju"
    assert toks["itu"].head == art.tokens.index(toks["rencana"])
    assert art.text == text
    _check_offsets(art)


def test_heads_map_across_sentences_and_clitic_heads(text_pipeline):
    text = "Menurutnya, harga beras naik. Warga mengeluhkannya kemarin."
    art = text_pipeline(text)
    assert len(art.sentences) == 2
    apply_document(art, CoNLL.conll2doc(input_str=TWO_SENTENCES))
    by = {t.text: (i, t) for i, t in enumerate(art.tokens)}
    # in "Menurutnya" the clitic is the word attached outside the token (obl of "naik"), so the token
    # takes it, as the head word
    menurut = by["Menurutnya"][1]
    assert (menurut.lemma, menurut.pos, menurut.deprel) == ("nya", "PRON", "obl")
    assert menurut.head == by["naik"][0]
    # the second sentence's heads index article.tokens globally, not the sentence
    i_verb, verb = by["mengeluhkannya"]
    assert verb.head is None and verb.lemma == "keluh" and verb.pos == "VERB"
    assert by["Warga"][1].head == i_verb and by["kemarin"][1].head == i_verb
    assert all(art.tokens[t.head].sentence == t.sentence for t in art.tokens if t.head is not None)
    assert art.tokens[by["beras"][0]].head == by["harga"][0]
    _check_offsets(art)


def test_document_round_trip_marks_clitics(text_pipeline):
    art = text_pipeline("Menurutnya, harga beras naik. Warga mengeluhkannya kemarin.")
    doc = article_to_document(art, mwt="clitic")
    assert [[t.text for t in s.tokens] for s in doc.sentences] == [
        ["Menurutnya", ",", "harga", "beras", "naik", "."],
        ["Warga", "mengeluhkannya", "kemarin", "."],
    ]
    flagged = [t.text for s in doc.sentences for t in s.tokens if t.misc and "MWT=Yes" in t.misc]
    assert flagged == ["Menurutnya", "mengeluhkannya"]
    assert not any(t.misc for s in article_to_document(art, mwt="none").sentences for t in s.tokens)
    with pytest.raises(NewsNLPError):
        article_to_document(art, mwt="sometimes")


def test_whitespace_inside_a_token_does_not_split_it(text_pipeline):
    art = text_pipeline("Harga naik.")
    art.tokens[0].text = "Har\u00a0ga"  # as if an odd separator sat inside a token
    doc = article_to_document(art)
    assert doc.sentences[0].tokens[0].text == "Har_ga"
    assert len(doc.sentences[0].tokens) == len(art.tokens)


def test_misaligned_document_is_an_error(text_pipeline):
    art = text_pipeline("Pihaknya belum menyetujui rencana itu. Warga kecewa.")
    with pytest.raises(NewsNLPError, match="sentences"):
        apply_document(art, CoNLL.conll2doc(input_str=PIHAKNYA))
    art = text_pipeline("Pihaknya belum menyetujui rencana.")
    with pytest.raises(NewsNLPError, match="tokens"):
        apply_document(art, CoNLL.conll2doc(input_str=PIHAKNYA))


def test_repair_tree_breaks_cycles():
    assert _repair_tree([None, 0, 1]) == [None, 0, 1]
    fixed = _repair_tree([None, 2, 1, 2])
    assert fixed[0] is None
    for start in range(4):  # every token reaches the root
        node, steps = start, 0
        while fixed[node] is not None and steps < 10:
            node, steps = fixed[node], steps + 1
        assert fixed[node] is None and node == 0
    assert _repair_tree([None, None]) == [None, None]
