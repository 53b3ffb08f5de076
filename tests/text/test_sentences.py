"""Sentence splitting on Indonesian news conventions."""

from __future__ import annotations


def sents(pipe, text: str) -> list[str]:
    return [s.text for s in pipe(text).sentences]


def test_plain_sentences(text_pipeline):
    assert sents(text_pipeline, "Microsoft membeli TikTok. Trump setuju! Apa kata China?") == [
        "Microsoft membeli TikTok.",
        "Trump setuju!",
        "Apa kata China?",
    ]


def test_paragraph_breaks_always_split(text_pipeline):
    assert sents(text_pipeline, "Harga naik\n\nwarga mengeluh") == ["Harga naik", "warga mengeluh"]


def test_headings_without_stop_are_sentences(text_pipeline):
    text = "Serangan Balik TikTok untuk Donald Trump\nLebih lanjut, data akan dihapus."
    assert sents(text_pipeline, text) == [
        "Serangan Balik TikTok untuk Donald Trump",
        "Lebih lanjut, data akan dihapus.",
    ]


def test_wrapped_line_continues(text_pipeline):
    text = "Pemerintah akan membangun jalan tol yang\nmenghubungkan dua kota itu."
    assert len(sents(text_pipeline, text)) == 1


def test_no_split_after_abbreviations_and_initials(text_pipeline):
    text = "Prof. Dr. B. J. Habibie tiba di Jl. Sudirman No. 5 bersama dr. Tirta dkk. pada pagi hari."
    assert len(sents(text_pipeline, text)) == 1


def test_no_split_in_decimal_numbers_and_times(text_pipeline):
    text = "Inflasi 3,5 persen atau Rp1.500.000,00 pada pukul 14.20 WIB. Harga turun."
    assert sents(text_pipeline, text) == [
        "Inflasi 3,5 persen atau Rp1.500.000,00 pada pukul 14.20 WIB.",
        "Harga turun.",
    ]


def test_no_split_inside_brackets(text_pipeline):
    text = "Ilustrasi TikTok (Foto: Ant. Reuters. BBC INDONESIA) beredar luas. Ini kalimat kedua."
    assert sents(text_pipeline, text) == [
        "Ilustrasi TikTok (Foto: Ant. Reuters. BBC INDONESIA) beredar luas.",
        "Ini kalimat kedua.",
    ]


def test_no_split_inside_continuing_quotation(text_pipeline):
    text = '"Kami siap. Kami akan datang," kata Budi. Dia lalu pergi.'
    assert sents(text_pipeline, text) == ['"Kami siap. Kami akan datang," kata Budi.', "Dia lalu pergi."]


def test_split_after_closed_quotation(text_pipeline):
    text = 'Budi berkata, "Kami siap." Dia lalu pergi.'
    assert sents(text_pipeline, text) == ['Budi berkata, "Kami siap."', "Dia lalu pergi."]


def test_lone_period_before_lowercase_splits(text_pipeline):
    assert len(sents(text_pipeline, "Hujan turun deras sejak pagi. warga pun mengungsi.")) == 2


def test_seed_article_sentences(text_pipeline, seed_text):
    texts = sents(text_pipeline, seed_text)
    assert "Breaking News:" in texts
    assert "Halaman" in texts and "123" in texts
    assert "Penulis: Bunga Kartikasari" in texts
    assert (
        "CEO Microsoft, Satya Nadella melakukan pembicaraan dengan Presiden Donald\u00a0Trump tentang akuisisi "
        "pada hari Minggu (2/8/2020)."
    ) in texts
