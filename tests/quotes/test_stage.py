"""The quotes stage (newsnlp/quotes/stage.py): its contract, its record layer, odd input."""

from __future__ import annotations

import pickle

from newsnlp import Pipeline
from newsnlp.record import Article
from tests.stage_contract import check_declared_writes

TEXT = (
    "JAKARTA, KOMPAS.com - Menteri Perdagangan Ani Lestari mengatakan harga beras akan turun.\n"
    '"Stok kami cukup untuk tiga bulan," ujarnya di Jakarta, Senin (3/8/2020).\n'
    "Menurut Ani, impor tidak diperlukan tahun ini."
)


def test_the_stage_writes_only_its_layer():
    pipe = Pipeline()
    seen = check_declared_writes(pipe, TEXT)
    assert "quotes: quotes" in seen


def test_quotes_are_in_the_record_and_come_back(nlp):
    art = nlp(TEXT)
    assert [q.type for q in art.quotes] == ["indirect", "direct", "indirect"]
    assert {q.speaker_canonical for q in art.quotes} == {"Ani Lestari"}
    assert all(q.segment == "body" for q in art.quotes)
    data = art.to_dict()
    assert data["quotes"][1]["cue"] == {
        "start": art.quotes[1].cue.start,
        "end": art.quotes[1].cue.end,
        "text": "ujar",
    }
    assert Article.from_dict(data).quotes == art.quotes
    assert pickle.loads(pickle.dumps(art)).quotes == art.quotes
    for span in art.spans():
        assert art.text[span.start : span.end] == span.text


def test_empty_and_markless_text(nlp):
    assert nlp("").quotes == []
    assert nlp("Hujan deras mengguyur Jakarta sejak pagi.").quotes == []


def test_unbalanced_marks_stay_in_their_paragraph(nlp):
    text = ('"" “ ” „ " kata " ' * 200 + "\n") * 20 + '"Harga turun," kata Budi.'
    art = nlp(text)
    for q in art.quotes:
        assert "\n" not in q.text
    assert art.quotes[-1].text == "Harga turun"
