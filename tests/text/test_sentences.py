"""Sentence splitting on Indonesian news conventions."""

from __future__ import annotations

import pytest

from newsnlp.lines import LINE_BREAKS, has_line_break


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


@pytest.mark.parametrize(
    "br", [*LINE_BREAKS, "\r\n"], ids=lambda br: f"U+{ord(br[0]):04X}{'+LF' * (len(br) > 1)}"
)
def test_every_line_break_ends_a_sentence_and_no_token_crosses_one(text_pipeline, br):
    # A line break of any kind (newsnlp.lines) ends a sentence, even a line that looks wrapped
    # (no stop before it, lower case after it): in real news such lines are mostly menus, list
    # items and "Baca juga" links glued to the next paragraph, not wrapped sentences.
    text = (
        f"Pemerintah akan membangun jalan tol yang{br}menghubungkan dua kota itu.{br}{br}"
        f"ByteDance{br}{br}techcrunch. Harga naik (Rp{br}100){br}“Kami siap,{br}” kata dia."
    )
    art = text_pipeline(text)
    assert [s.text for s in art.sentences] == [
        "Pemerintah akan membangun jalan tol yang",
        "menghubungkan dua kota itu.",
        "ByteDance",
        "techcrunch.",
        "Harga naik (Rp",
        "100)",
        "“Kami siap,",
        "” kata dia.",
    ]
    assert not [t.text for t in art.tokens if has_line_break(t.text)]


def test_no_split_after_abbreviations_and_initials(text_pipeline):
    text = "Prof. Dr. B. J. Habibie tiba di Jl. Sudirman No. 5 bersama dr. Tirta dkk. pada pagi hari."
    assert len(sents(text_pipeline, text)) == 1


def test_abbreviation_that_closes_a_sentence_splits_before_an_ordinary_word(text_pipeline):
    text = (
        "Kredit mengalir ke PT Sritex Tbk. Perusahaan itu kini diperiksa. Hasil bumi desa ini "
        "ialah kopi, kakao, jagung dll. Konon desa ini sudah tua. Beratnya 40 kg. \u201cKami kaget,\u201d "
        "kata petani."
    )
    assert sents(text_pipeline, text) == [
        "Kredit mengalir ke PT Sritex Tbk.",
        "Perusahaan itu kini diperiksa.",
        "Hasil bumi desa ini ialah kopi, kakao, jagung dll.",
        "Konon desa ini sudah tua.",
        "Beratnya 40 kg.",
        "\u201cKami kaget,\u201d kata petani.",
    ]


def test_abbreviation_before_a_name_does_not_split(text_pipeline):
    # A.S. and Tbk. can close a sentence, but a name after them is no new sentence; Dr. never closes one
    for text in (
        "Ketua Panselnas A.S. Pudjoharsoyo membuka acara itu.",
        "Saham PT Astra International Tbk. Jakarta naik tipis.",
        "Ia diperiksa oleh Dr. Budi di rumah sakit.",
        "Ia meraih gelar Ph. D. dari Universitas Leiden.",
    ):
        assert sents(text_pipeline, text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Benarkah itu??? Polisi masih menyelidiki!!! Warga resah?!",
            ["Benarkah itu???", "Polisi masih menyelidiki!!!", "Warga resah?!"],
            id="a run of marks ends one sentence",
        ),
        pytest.param(
            "Berikut daftarnya:\n1. Gunung Bunder\nLokasinya sejuk.\n2. Curug Naga. Airnya jernih.\n"
            "Harga naik 12. Baru kemarin.",
            [
                "Berikut daftarnya:",
                "1. Gunung Bunder",
                "Lokasinya sejuk.",
                "2. Curug Naga.",
                "Airnya jernih.",
                "Harga naik 12.",
                "Baru kemarin.",
            ],
            id="numbered list items keep their number",
        ),
        pytest.param(
            # corpora distributed pre-tokenized put spaces around every mark
            'Ia tiba di Jakarta . " Saya senang dengan orang - orangnya . "\n'
            "Berikut tipsnya :\n1 . Jangan Panik\nTetap tenang ! ! Polisi datang .",
            [
                "Ia tiba di Jakarta .",
                '" Saya senang dengan orang - orangnya . "',
                "Berikut tipsnya :",
                "1 . Jangan Panik",
                "Tetap tenang ! !",
                "Polisi datang .",
            ],
            id="pre-tokenized text keeps quotes, marks and list numbers",
        ),
    ],
)
def test_sentence_end_marks(text_pipeline, text, expected):
    assert sents(text_pipeline, text) == expected


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
