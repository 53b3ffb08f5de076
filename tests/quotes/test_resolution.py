"""Speaker resolution rules (newsnlp/quotes/resolve.py, speakers.py) on invented news sentences:
names the entity stage cut short or labelled otherwise, pronouns after a role-led subject,
organisations by their fullest name, each rule with the case it must not over-reach."""

from __future__ import annotations


def _by_speaker(qs, speaker):
    return next(q for q in qs if q["speaker"] == speaker)


def test_a_pronoun_goes_to_a_subject_named_after_its_role(quotes):
    text = (
        '"Barang bukti sudah kami amankan," kata Agus Salim.\n'
        "Kepala Unit Reserse Kriminal (Kanit Reskrim) Polsek Sukamaju, Parman Gultom, membenarkan "
        "kejadian itu. Ia mengatakan bahwa kurir itu tidak tahu isi paket."
    )
    q = _by_speaker(quotes(text), "Ia")
    assert q["canonical"] == "Parman Gultom"


def test_a_lower_case_role_does_not_make_a_subject(quotes):
    # a long lead in lower case is narration, not a role: the pronoun stays with the source quoted
    text = (
        '"Kami akan memeriksa semua saksi," kata Agus Salim.\n'
        "Setelah menerima laporan dari warga yang tinggal di sekitar lokasi kejadian, Parman Gultom "
        "datang ke sana. Ia mengatakan bahwa kurir itu tidak tahu isi paket."
    )
    q = _by_speaker(quotes(text), "Ia")
    assert q["canonical"] == "Agus Salim"


def test_a_name_of_two_words_does_not_take_the_words_before_it(quotes):
    # the words before a full name are its role (a club and its city), not more of the name
    text = (
        "Pelatih kepala Persiba Balikpapan Totom Wahyudi tiba kemarin.\n"
        '"Kami siap bertanding," kata Totom Wahyudi.'
    )
    q = _by_speaker(quotes(text), "Totom Wahyudi")
    assert q["canonical"] == "Totom Wahyudi"
