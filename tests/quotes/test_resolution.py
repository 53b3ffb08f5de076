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


def test_a_name_glued_into_a_sentence_by_a_link_loses_the_word_glued_after_it(quotes):
    # scraped link text: glued to the word before and to the word after (``bangga``, ``kembali``)
    text = (
        "Ketua Umum PSSI,Erick Thohirbangga dan bersyukur tim putri meraih peringkat ketiga.\n"
        '"Ini hasil kerja keras pemain," kata Erick.\n'
        "Wakil Ketua Dewan Pembina Partai GerindraHashim Djojohadikusumokembali terpilih sebagai ketua "
        "dewan penasihat.\n"
        '"Kami pejuang politik," kata Hashim.'
    )
    qs = quotes(text)
    assert _by_speaker(qs, "Erick")["canonical"] == "Erick Thohir"
    assert _by_speaker(qs, "Hashim")["canonical"] == "Hashim Djojohadikusumo"


def test_a_name_ending_in_a_short_word_keeps_it_after_a_comma(quotes):
    # ``,Dedi`` is a missing space, not a link: ``Mulyadi`` stays whole (``di`` is a word too)
    text = (
        "Gubernur Jawa Barat,Dedi Mulyadi meninjau rumah sakit di Bandung.\n"
        '"Fasilitas ini untuk warga kurang mampu," kata Dedi Mulyadi.'
    )
    q = _by_speaker(quotes(text), "Dedi Mulyadi")
    assert q["canonical"] == "Dedi Mulyadi"


def test_an_acronym_goes_to_the_name_the_article_spells_out_before_it(quotes):
    text = (
        "Badan Meteorologi Klimatologi dan Geofisika (BMKG) memastikan gempa tidak berpotensi tsunami.\n"
        "Sekretaris Jenderal Asosiasi Pengembang Perumahan Seluruh Indonesia (Apersi) Dedy Setiawan hadir.\n"
        "Apersi menyatakan siap membangun rumah tipe kecil."
    )
    qs = quotes(text)
    assert _by_speaker(qs, "BMKG")["canonical"] == "Badan Meteorologi Klimatologi dan Geofisika"
    assert _by_speaker(qs, "Apersi")["canonical"] == "Asosiasi Pengembang Perumahan Seluruh Indonesia"


def test_an_organisation_goes_to_its_longest_written_name(quotes):
    text = (
        "Kementerian Kesehatan RI mengungkapkan jumlah jemaah yang dirawat terus menurun.\n"
        "Lewat keterangan tertulis, Kemenkes menjelaskan, ibadah haji adalah kegiatan massa terbesar."
    )
    q = _by_speaker(quotes(text), "Kemenkes")
    assert q["canonical"] == "Kementerian Kesehatan RI"


def test_an_acronym_written_nowhere_in_full_stays_as_written(quotes):
    q = quotes("KPK menyatakan penyidikan kasus itu akan segera rampung.")[0]
    assert q["speaker"] == "KPK" and q["canonical"] in ("KPK", "Komisi Pemberantasan Korupsi")


def test_a_place_in_apposition_gives_way_to_the_name(quotes):
    text = "Sebelumnya diberitakan, Achmad Fauzy, warga Pulogadung, Jakarta Timur, mengaku menjadi korban pengeroyokan."
    q = quotes(text)[0]
    assert q["speaker"] == "Achmad Fauzy" and q["canonical"] == "Achmad Fauzy"


def test_a_team_or_an_office_labelled_as_a_person_gives_way_to_the_name(quotes):
    text = (
        "Hal itu diungkapkan oleh pembalap muda tim Aspar, Maximo Quiles yang sempat berjumpa dengan Marquez.\n"
        '"Gempa ini gempa dangkal," kata Kepala BBMKG Wilayah II Tangerang Selatan, Hartanto dalam keterangannya.'
    )
    qs = quotes("Marc Marquez ternyata sangat antusias menyambut balapan di Italia. " + text)
    assert any(q["speaker"] == "Maximo Quiles" for q in qs)
    assert _by_speaker(qs, "Hartanto")["canonical"] == "Hartanto"


def test_a_document_names_its_owner(quotes):
    text = (
        "PSIM Yogyakarta menunjuk pelatih baru.\n"
        '"Kehadiran pelatih asal Breda ini menjadi gebrakan besar," tulis laman resmi PSIM Yogyakarta, dikutip Selasa.'
    )
    q = next(q for q in quotes(text) if q["type"] == "direct")
    assert q["speaker"] == "PSIM Yogyakarta" and q["canonical"] == "PSIM Yogyakarta"


def test_an_organisation_loses_the_acronym_written_after_it(quotes):
    q = quotes(
        "Menurut Pusat Vulkanologi dan Mitigasi Bencana Geologi (PVMBG), status gunung itu masih waspada."
    )[0]
    assert q["canonical"] == "Pusat Vulkanologi dan Mitigasi Bencana Geologi"
