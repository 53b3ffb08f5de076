"""Speakers (newsnlp/quotes/speakers.py, resolve.py): names, titles, pronouns, organisations,
documents and unnamed sources, resolved to the entity they refer to, never to a wrong person."""

from __future__ import annotations


def test_title_is_not_part_of_the_name(quotes):
    q = quotes("Kepala BPS Amalia Adininggar Widyasanti mengatakan inflasi terkendali.")[0]
    assert q["speaker"] == "Amalia Adininggar Widyasanti"


def test_apposition_names_the_speaker(quotes):
    q = quotes("Budi Santoso, Ketua RT setempat, mengatakan banjir sudah surut.")[0]
    assert q["speaker"] == "Budi Santoso"


def test_a_short_form_resolves_to_the_fullest_name(quotes):
    text = (
        "Direktur Utama PT Sinar Jaya Rivan Achmad Purwantono meninjau jalan tol.\n"
        '"Tarif tidak naik tahun ini," kata Rivan.'
    )
    q = next(q for q in quotes(text) if q["type"] == "direct")
    assert q["speaker"] == "Rivan" and q["canonical"] == "Rivan Achmad Purwantono"


def test_a_pronoun_resolves_to_the_last_source_quoted(quotes):
    text = (
        "Menteri Ani Lestari mengatakan stok gula aman.\n"
        "Pedagang di Pasar Minggu menjual gula dengan harga lama.\n"
        "Ia menambahkan, impor gula tidak diperlukan tahun ini."
    )
    qs = quotes(text)
    last = next(q for q in qs if q["speaker"] == "Ia")
    assert last["canonical"] == "Ani Lestari"


def test_a_title_alone_resolves_to_the_person_with_that_title(quotes):
    text = (
        '"Kami sudah menangkap dua pelaku," kata Kapolda Jawa Barat Irjen Budi Santoso.\n'
        "Kapolda memastikan kedua pelaku akan diadili bulan depan."
    )
    q = next(q for q in quotes(text) if q["speaker"] == "Kapolda")
    assert q["canonical"] == "Budi Santoso"


def test_a_title_never_named_has_no_entity(quotes):
    q = quotes("Gubernur memastikan bantuan akan dikirim hari ini.")[0]
    assert q["speaker"] == "Gubernur" and q["canonical"] is None and q["entity_id"] is None


def test_organisation_speaker(quotes):
    q = quotes("KPK menyatakan akan memanggil dua saksi pekan depan.")[0]
    assert q["speaker"] == "KPK" and q["canonical"]


def test_unnamed_source_has_no_entity(quotes):
    q = quotes('"Harga cabai sudah dua kali lipat," kata seorang warga.')[0]
    assert q["speaker"] == "seorang warga" and q["canonical"] is None and q["entity_id"] is None


def test_a_pronoun_with_no_one_before_has_no_entity(quotes):
    q = quotes("Ia mengatakan harga beras akan turun.")[0]
    assert q["speaker"] == "Ia" and q["canonical"] is None


def test_mereka_for_a_group_of_people_has_no_entity(quotes):
    text = "Para pedagang berkumpul di balai desa. Mereka mengatakan harga pupuk terlalu mahal."
    q = quotes(text)[0]
    assert q["speaker"] == "Mereka" and q["canonical"] is None


def test_document_speaker_without_owner(quotes):
    q = quotes("Sebuah studi mengungkapkan bahwa kopi menurunkan risiko diabetes.")[0]
    assert q["speaker"] == "Sebuah studi" and q["canonical"] is None


def test_glued_words_never_give_a_quote_to_a_wrong_person(quotes):
    text = "Presiden Joko Widodo meresmikan bendungan. Baca juga:PemiluTrumpmengklaimIrandanIsrael sepakat."
    for q in quotes(text):
        assert q["canonical"] != "Joko Widodo"
