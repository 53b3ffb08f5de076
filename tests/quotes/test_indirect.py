"""Indirect and mixed quotes (newsnlp/quotes/indirect.py), and the sentences that must give none."""

from __future__ import annotations

import pytest


def one(quotes, text):
    qs = quotes(text)
    assert len(qs) == 1, qs
    return qs[0]


def test_verb_with_bahwa(quotes):
    q = one(quotes, "Menteri Ani Lestari mengatakan bahwa harga gula akan turun pekan depan.")
    assert (q["type"], q["text"], q["cue"], q["speaker"]) == (
        "indirect",
        "harga gula akan turun pekan depan",
        "mengatakan",
        "Ani Lestari",
    )


def test_verb_with_comma_and_adjuncts(quotes):
    q = one(quotes, "Budi Santoso mengatakan, Senin (3/8/2020), stok beras cukup hingga akhir tahun.")
    assert q["text"] == "stok beras cukup hingga akhir tahun"


def test_verb_with_a_bare_predicate(quotes):
    q = one(quotes, "Polri menyatakan siap mengamankan jalannya pemilu di seluruh daerah.")
    assert (q["text"], q["speaker"]) == ("siap mengamankan jalannya pemilu di seluruh daerah", "Polri")


def test_denial_of_a_nominalised_proposition(quotes):
    q = one(quotes, "Kepala sekolah itu membantah adanya pungutan liar di sekolahnya.")
    assert q["text"] == "adanya pungutan liar di sekolahnya" and q["cue"] == "membantah"


def test_menurut(quotes):
    q = one(quotes, "Menurut Budi Santoso, harga beras akan turun bulan depan.")
    assert (q["cue"], q["speaker"], q["text"]) == (
        "Menurut",
        "Budi Santoso",
        "harga beras akan turun bulan depan",
    )


def test_menurutnya(quotes):
    text = "Budi Santoso meninjau pasar. Menurutnya, harga beras akan turun bulan depan."
    q = next(q for q in quotes(text) if q["cue"] == "Menurut")
    assert q["speaker"] == "nya" and q["canonical"] == "Budi Santoso"


def test_postposed_cue(quotes):
    q = one(quotes, "Harga cabai di pasar induk akan naik pekan depan, kata Budi Santoso.")
    assert (q["text"], q["cue"], q["speaker"]) == (
        "Harga cabai di pasar induk akan naik pekan depan",
        "kata",
        "Budi Santoso",
    )


def test_postposed_cue_with_clitic_and_adjunct(quotes):
    text = "Budi Santoso meninjau pasar. Pasokan cabai dari Garut lancar, ujarnya saat ditemui di Jakarta."
    q = next(q for q in quotes(text) if q["cue"] == "ujar")
    assert q["text"] == "Pasokan cabai dari Garut lancar" and q["speaker"] == "nya"


def test_cue_in_the_middle_takes_the_whole_clause(quotes):
    q = one(quotes, "Harga, kata dia, akan naik.")
    assert q["text"] == "Harga, kata dia, akan naik" and q["cue"] == "kata"


def test_two_coordinated_cues_give_two_quotes(quotes):
    qs = quotes("Budi Santoso mengakui harga beras naik, tapi menilai stok masih cukup.")
    assert [q["text"] for q in qs] == ["harga beras naik", "stok masih cukup"]
    assert [q["cue"] for q in qs] == ["mengakui", "menilai"]
    assert qs[1]["canonical"] == qs[0]["canonical"] == "Budi Santoso"


def test_only_the_sentence_of_the_cue(quotes):
    q = one(quotes, "Ia menambahkan, pasokan aman. Pedagang di pasar itu mulai berjualan lagi.")
    assert q["text"] == "pasokan aman"


def test_passive_with_agent_at_the_start(quotes):
    q = one(quotes, "Dikatakan Budi Santoso, pembangunan jembatan selesai akhir tahun.")
    assert (q["cue"], q["speaker"], q["text"]) == (
        "Dikatakan",
        "Budi Santoso",
        "pembangunan jembatan selesai akhir tahun",
    )


def test_back_reference_is_the_cue_of_the_sentence_before(quotes):
    text = "Pembangunan jembatan Cikapundung selesai akhir tahun. Hal itu disampaikan oleh Wali Kota Bandung Yana Mulyana."
    q = one(quotes, text)
    assert q["text"] == "Pembangunan jembatan Cikapundung selesai akhir tahun"
    assert (q["cue"], q["speaker"]) == ("disampaikan", "Yana Mulyana")


def test_mixed_quote(quotes):
    q = one(quotes, 'Budi Santoso menyebut kebijakan itu "tidak masuk akal sama sekali".')
    assert q["type"] == "mixed" and q["cue"] == "menyebut"


def test_glued_cue_is_cut_out(quotes):
    q = one(quotes, "TNImenyatakan siap memberi perlindungan kepada jaksa.")
    assert (q["cue"], q["speaker"], q["canonical"]) == ("menyatakan", "TNI", "TNI")


@pytest.mark.parametrize(
    "text",
    [
        "Petugas menjelaskan prosedurnya kepada warga.",
        "Ia mengakui kesalahannya di depan hakim.",
        "Warga membantah tuduhan itu.",
        "Budi menyampaikan terima kasih kepada relawan.",
        "Polisi mengingatkan pengendara agar tidak melintas di jalur itu.",
        "Ia berharap harga beras segera turun.",
        "Pemerintah meminta warga tetap tenang.",
        "Kebijakan itu dinilai merugikan petani.",
        "Ucapan terima kasih disampaikan Ani kepada relawan.",
        "Kabarnya harga beras akan naik.",
        "Dilansir dari Reuters, harga minyak naik pada Senin.",
    ],
)
def test_sentences_without_a_quote(quotes, text):
    assert quotes(text) == []
