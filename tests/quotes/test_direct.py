"""Direct quotes (newsnlp/quotes/direct.py): cue after, before, in the next or previous sentence,
quotations split by their cue, floating quotes, and quotations nothing attributes."""

from __future__ import annotations


def test_cue_after_with_name_and_title(quotes):
    [q] = quotes('"Kami siap membantu warga," kata Kapolda Jawa Barat Irjen Rudi Setiawan, Senin (3/8/2020).')
    assert q["cue"] == "kata" and q["speaker"] == "Rudi Setiawan"
    assert q["canonical"] == "Rudi Setiawan"


def test_clitic_speaker(quotes):
    text = 'Budi Santoso meninjau gudang beras di Cirebon. "Stok kami cukup untuk tiga bulan," ujarnya.'
    q = quotes(text)[-1]
    assert (q["cue"], q["speaker"], q["canonical"]) == ("ujar", "nya", "Budi Santoso")


def test_cue_before_in_the_sentence(quotes):
    [q] = quotes('Menteri Ani Lestari mengatakan, "Pasokan gula aman hingga Lebaran."')
    assert q["type"] == "direct" and q["cue"] == "mengatakan" and q["speaker"] == "Ani Lestari"


def test_cue_on_both_sides_the_one_before_wins(quotes):
    [q] = quotes('Dia mengatakan, "Harga cabai mulai turun," ujar dia.')
    assert q["cue"] == "mengatakan" and q["speaker"] == "Dia"


def test_cue_ending_the_paragraph_before(quotes):
    text = 'Kepala Dinas Pertanian Joko Wibowo menambahkan:\n"Petani akan panen bulan depan."'
    [q] = quotes(text)
    assert (q["cue"], q["speaker"]) == ("menambahkan", "Joko Wibowo")


def test_a_quotation_split_by_its_cue_is_two_quotes(quotes):
    qs = quotes('"Harga naik," kata Budi Santoso. "Tapi stok cukup."')
    assert [q["text"] for q in qs] == ["Harga naik", "Tapi stok cukup."]
    assert [q["cue"] for q in qs] == ["kata", "kata"] and {q["speaker"] for q in qs} == {"Budi Santoso"}


def test_split_with_a_comma(quotes):
    qs = quotes('"Harga naik," kata Budi Santoso, "tapi stok cukup."')
    assert [q["text"] for q in qs] == ["Harga naik", "tapi stok cukup."]


def test_source_in_the_next_sentence(quotes):
    [q] = quotes(
        '"Kami tidak akan menaikkan tarif tahun ini." Demikian disampaikan Direktur PDAM Rudi Hartono.'
    )
    assert q["cue"] == "disampaikan" and q["speaker"] == "Rudi Hartono"


def test_noun_of_saying_after_the_quotation(quotes):
    [q] = quotes('"Pemain kami sudah pulih," demikian pernyataan resmi klub itu.')
    assert q["cue"] == "pernyataan" and q["speaker"] == "klub itu"


def test_reporting_verb_in_the_sentence_before(quotes):
    text = 'Ketua partai Budi Santoso menekankan sikap partainya. "Kami tidak akan mundur."'
    [q] = [q for q in quotes(text) if q["type"] == "direct"]
    assert (q["cue"], q["speaker"]) == ("menekankan", "Budi Santoso")


def test_floating_quote_takes_the_previous_speaker(quotes):
    text = '"Kami siap bertanding," ujar pelatih Andi Susanto.\n"Semua pemain dalam kondisi bugar."'
    qs = quotes(text)
    assert len(qs) == 2
    assert qs[1]["cue"] is None and qs[1]["speaker"] == qs[0]["speaker"] == "Andi Susanto"


def test_wishes_with_their_own_word_are_quotes(quotes):
    [q] = quotes('"Semoga harga segera turun," harapnya.')
    assert (q["cue"], q["speaker"]) == ("harap", "nya")


def test_titles_and_terms_in_marks_are_no_quotes(quotes):
    assert quotes('Film "Jumbo" ditonton jutaan orang. Program "Makan Bergizi Gratis" dimulai Senin.') == []
    assert quotes('Warga menyebut jalan itu "jalur maut" sejak lama.') == []


def test_quotes_in_a_related_link_keep_their_segment(quotes):
    text = (
        "JAKARTA, KOMPAS.com - Harga beras turun di pasar tradisional pekan ini.\n"
        'Baca juga: "Saya Tidak Bersalah," Kata Menteri\n'
        "Pedagang menyebut pasokan dari Karawang lancar."
    )
    related = [q for q in quotes(text) if q["text"] == "Saya Tidak Bersalah"]
    assert related and related[0]["segment"] == "related"
