"""Quotation marks (newsnlp/quotes/marks.py): every mark style of scraped text, quotations over
several paragraphs, unclosed and stray marks, line breaks of every kind."""

from __future__ import annotations

import pytest

from newsnlp.quotes.lexicon import load_lexicon
from newsnlp.quotes.marks import find_quotations
from newsnlp.quotes.view import ArticleView
from newsnlp.record import Article


def contents(text: str) -> list[str]:
    view = ArticleView(Article(text=text), load_lexicon())
    return [text[q.content_start : q.content_end] for q in find_quotations(view, load_lexicon())]


@pytest.mark.parametrize(
    "text",
    [
        '"Harga beras akan turun," kata Budi.',
        "“Harga beras akan turun,” kata Budi.",
        "''Harga beras akan turun,'' kata Budi.",
        "„Harga beras akan turun“, kata Budi.",
        "«Harga beras akan turun», kata Budi.",
        "&ldquo;Harga beras akan turun,&rdquo; kata Budi.",
        "&quot;Harga beras akan turun,&quot; kata Budi.",
        "”Harga beras akan turun,” kata Budi.",
    ],
)
def test_every_mark_style(text, quotes):
    assert contents(text) == ["Harga beras akan turun"]
    [q] = quotes(text)
    assert (q["type"], q["text"], q["cue"], q["speaker"]) == (
        "direct",
        "Harga beras akan turun",
        "kata",
        "Budi",
    )


def test_single_marks_inside_are_content():
    assert contents("“Ia bilang ‘jangan’ kepada saya,” ujar Ani.") == ["Ia bilang ‘jangan’ kepada saya"]


def test_a_quotation_over_paragraphs_runs_to_its_closing_mark(quotes):
    text = (
        'Budi menambahkan: "Kami sudah menyiapkan stok beras untuk tiga bulan.\n'
        '"Gudang di Jakarta dan Surabaya penuh.\n'
        '"Harga akan turun pekan depan," katanya.'
    )
    [q] = quotes(text)
    assert q["text"].startswith("Kami sudah") and q["text"].endswith("pekan depan")
    assert q["cue"] == "menambahkan" and q["speaker"] == "Budi"


def test_an_unclosed_mark_stops_at_its_paragraph():
    text = '"Kami sudah menyiapkan stok beras, kata Budi.\nHarga beras di pasar naik pekan ini.'
    assert contents(text) == ["Kami sudah menyiapkan stok beras, kata Budi."]


@pytest.mark.parametrize(
    "brk", ["\n", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
)
def test_no_quotation_crosses_a_line_break(brk):
    text = f'"Kami sudah menyiapkan stok beras{brk}Harga beras di pasar naik pekan ini.'
    assert contents(text) == ["Kami sudah menyiapkan stok beras"]


def test_stray_closing_marks_open_nothing():
    assert contents("Tinggi layar 6” dan lebar 3” saja. Harga naik pekan ini.") == []


def test_two_paragraphs_each_closed_are_two_quotations():
    text = '"Stok aman," kata Budi.\n"Harga turun," kata Ani.'
    assert contents(text) == ["Stok aman", "Harga turun"]


def test_marks_are_read_in_linear_time():
    text = ("\"“ ”„ '' &ldquo; " * 5000 + "\n") * 4
    assert len(contents(text)) < len(text)
