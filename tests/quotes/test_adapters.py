"""Quotes everywhere the other layers go: the spaCy span group (and back through a DocBin), the
HTML view and ``newsnlp render``, the CLI's pretty format."""

from __future__ import annotations

from spacy.tokens import DocBin
from spacy.vocab import Vocab

from newsnlp.cli import main
from newsnlp.integrations.spacy import doc_to_article, to_docbin
from newsnlp.integrations.viz import render_html

TEXT = (
    'Menteri Perdagangan Ani Lestari meninjau Pasar Minggu. "Harga gula <turun> pekan ini," kata Ani.\n'
    "Menurut dia, impor gula tidak diperlukan."
)


def test_spacy_span_group(nlp):
    art = nlp(TEXT)
    doc = art.to_spacy()
    group = doc.spans["quotes"]
    assert [s.label_ for s in group] == [q.type for q in art.quotes]
    first = group[0]
    assert first.text == "Harga gula <turun> pekan ini"
    assert first._.quote_cue["text"] == "kata" and first._.quote_speaker["text"] == "Ani"
    assert first._.speaker_canonical == "Ani Lestari" and first._.segment == "body"
    data = to_docbin([art]).to_bytes()
    back = doc_to_article(next(DocBin().from_bytes(data).get_docs(Vocab())))
    assert back.quotes == art.quotes


def test_html_view_lists_quotes_with_speakers(nlp):
    page = render_html(nlp(TEXT), full_page=True)
    assert "Quotes (2)" in page and "Ani Lestari" in page
    assert "&lt;turun&gt;" in page and "<turun>" not in page


def test_cli_render_and_pretty(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "a.html"
    assert main(["render", str(src), "-o", str(out)]) == 0
    assert "Quotes (2)" in out.read_text(encoding="utf-8")
    assert main(["enrich", str(src), "--format", "pretty"]) == 0
    shown = capsys.readouterr().out
    assert "Quotes" in shown and "Ani Lestari" in shown and "menurut" in shown.lower()
