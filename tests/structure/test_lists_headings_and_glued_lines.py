"""Hard line layouts (invented texts in the outlets' styles): numbered and lettered subheadings,
headings over lists, code and ingredient lists, bullet links, glued credits and captions, embedded
posts, repeated merged lines, a place alone above the lead, promo prompts, production credits."""

from __future__ import annotations

from .helpers import labels_by_line, run, seg

PAR = "Warga sekitar mengatakan kegiatan itu sudah berlangsung sejak pagi dan diikuti ratusan orang dari desa tetangga."


def test_numbered_and_lettered_subheadings(stage):
    text = (
        f"JAKARTA - {PAR}\n\n1. Curug Cikaso\n\nAir terjun ini berada di Sukabumi dan bisa dicapai dalam dua jam dari pusat kota.\n\n"
        "b. Premi Lebih Mahal\n\nSemakin tua usia peserta, semakin besar pula premi yang harus dibayar setiap bulan.\n\n"
        "·\u00a0\u00a0 Awal Karier\n\nIa memulai karier sebagai penyanyi kafe di Bandung pada awal tahun sembilan puluhan."
    )
    lab = labels_by_line(run(stage, text))
    assert lab["1. Curug Cikaso"] == "subheading"
    assert lab["b. Premi Lebih Mahal"] == "subheading"
    assert lab["·\u00a0\u00a0 Awal Karier"] == "subheading"


def test_heading_over_a_list_and_list_items(stage):
    text = (
        f"TRIBUNNEWS.COM - {PAR}\n\nBerikut daftar pemain yang dilepas klub musim ini:\n\nTransfer Keluar\n\n"
        "1. Budi Santoso    Dilepas\n\n2. Andi Wijaya    Dilepas\n\n"
        "• RESMI: Persija Datangkan Dua Pemain Asing Baru Jelang Musim Depan\n\nTransfer Masuk\n\n"
        "Jakarta Pusat\n\n-Gambir : Berawan\n\n-Senen : Hujan Ringan\n\nJakarta Barat\n\n-Tambora : Berawan"
    )
    lab = labels_by_line(run(stage, text))
    assert lab["Transfer Keluar"] == "subheading"
    assert lab["1. Budi Santoso    Dilepas"] == "body"
    # a bulleted headline after a numbered list is a link to another article, not a list item
    assert lab["• RESMI: Persija Datangkan Dua Pemain Asing Baru Jelang Musim Depan"] == "related"
    assert lab["Transfer Masuk"] == "subheading"
    assert lab["Jakarta Pusat"] == "subheading" and lab["Jakarta Barat"] == "subheading"
    assert lab["-Gambir : Berawan"] == "body"


def test_code_lists_are_not_headings(stage):
    text = (
        f"TRIBUNNEWS.COM - {PAR}\n\nDaftar kode aktif hari ini:\n\nKODEBARU25\n\nHADIAHGRATIS\n\nBONUSJUNI\n\n"
        "Baca juga: Kode Redeem Game Populer Hari Ini Lengkap dengan Cara Klaimnya\n\nEVENTSPESIAL\n\n"
        "Kode lain yang bisa dicoba:\n\nCOBALAGI"
    )
    lab = labels_by_line(run(stage, text))
    for code in ("KODEBARU25", "HADIAHGRATIS", "BONUSJUNI", "EVENTSPESIAL", "COBALAGI"):
        assert lab[code] == "body", code


def test_sentence_fragment_is_not_a_heading(stage):
    text = (
        f"JAKARTA - {PAR}\n\nMenu andalannya antara lain Roti Bakar (Rp12K), Kopi Susu (Rp15K)\n\n"
        "Teh Tarik (Rp10K), dan Pisang Goreng (Rp8K).\n\nPembeli biasanya datang sebelum pukul tujuh pagi."
    )
    lab = labels_by_line(run(stage, text))
    assert lab["Menu andalannya antara lain Roti Bakar (Rp12K), Kopi Susu (Rp15K)"] == "body"


def test_glued_all_caps_credit_keeps_the_caption_word(stage):
    text = (
        f"JAKARTA, KOMPAS.com - Mobil listrik XPeng mulai dipasarkan di Indonesia dengan harga mulai Rp 600 juta.\n\n{PAR}\n\n"
        "KOMPAS.com/ADITYAXPeng G6 di Jakarta\n\nDesain XPeng G6 mengusung gaya kupe dengan atap melandai ke belakang.\n\n"
        "KOMPAS.com/DIMAS PRAKARSAMobil listrik di diler Jakarta"
    )
    art = run(stage, text)
    assert seg(art, "credit") == ["KOMPAS.com/ADITYA", "KOMPAS.com/DIMAS PRAKARSA"]
    assert labels_by_line(art)["KOMPAS.com/ADITYAXPeng G6 di Jakarta"] == "caption"


def test_credit_and_caption_glued_before_a_paragraph(stage):
    para = (
        "Menurut perusahaan itu, asisten suara generasi baru akan dipasang di semua ponsel kelas menengah "
        "mulai tahun depan."
    )
    line = "GoogleIlustrasi asisten suara di ponsel" + para
    text = f"KOMPAS.com - {PAR}\n\n{line}\n\nPerangkat itu dijadwalkan meluncur akhir tahun ini."
    art = run(stage, text)
    assert seg(art, "credit") == ["Google"]
    assert seg(art, "caption") == ["GoogleIlustrasi asisten suara di ponsel"]
    assert para in seg(art, "body")
    assert "Ilustrasi" not in art.clean_text and para in art.clean_text
    # stock sources glued to a one-line caption
    art = run(
        stage,
        f"KOMPAS.com - {PAR}\n\nfreepik.comIlustrasi pasangan berkenalan lewat aplikasi.\n\n"
        "UNSPLASH/ANDI PUTRASeorang perempuan memegang ponsel di kafe.\n\nPara ahli menyarankan berhati-hati.",
    )
    assert seg(art, "credit") == ["freepik.com", "UNSPLASH/ANDI PUTRA"]


def test_embedded_post_and_merged_copies(stage):
    p1 = "Militer mengumumkan telah menembak jatuh sebuah pesawat nirawak di atas wilayah timur pada Rabu malam."
    p2 = "Pesawat itu disebut sebagai salah satu yang termahal dan paling canggih di kelasnya."
    embed = "BREAKING:\n\nDrone shot down over the eastern province\n\nOnly a few of these exist.pic.twitter.com/AbCdEf12\n\n— Pengamat Militer (@pengamat_mil)June 18, 2025"
    merged = f"REPUBLIKA.CO.ID, JAKARTA -- {p1}{p2}Ikuti Whatsapp Channel Republika"
    text = f"{merged}\n\nREPUBLIKA.CO.ID, JAKARTA -- {p1}\n\n{p2}Ikuti Whatsapp Channel Republika\n\n{p2}Ikuti Whatsapp Channel Republika\n\n{p2}\n\n{embed}"
    lab = labels_by_line(run(stage, text))
    assert lab[merged] == "boilerplate"
    assert lab[f"{p2}Ikuti Whatsapp Channel Republika"] == "boilerplate"  # both copies
    assert lab[p2] == "body"
    for ln in embed.split("\n\n"):
        assert lab[ln] == "boilerplate", ln


def test_place_alone_above_the_lead_is_a_dateline(stage):
    lead = "Pemerintah kota menutup sementara tiga ruas jalan untuk perbaikan saluran air mulai Senin pagi."
    art = run(stage, f"Bandung\n\n{lead}\n\nPenutupan berlangsung hingga akhir bulan.")
    assert labels_by_line(art)["Bandung"] == "dateline" and labels_by_line(art)[lead] == "lead"
    art = run(
        stage,
        f"Harga Cabai Rawit Melonjak Jelang Idul Adha\n\nPenulis: Sari Dewi | Editor: Bayu Nugroho\n\nBandung\n\n{lead}",
    )
    lab = labels_by_line(art)
    assert lab["Bandung"] == "dateline" and lab["Harga Cabai Rawit Melonjak Jelang Idul Adha"] == "title"
    assert art.metadata.title == "Harga Cabai Rawit Melonjak Jelang Idul Adha"
    assert art.metadata.authors == ["Sari Dewi"] and art.metadata.editors == ["Bayu Nugroho"]
    # a two-word headline opening the text is not taken for a place
    art = run(stage, f"Banjir Bandang\n\n{lead}")
    assert labels_by_line(art)["Banjir Bandang"] != "dateline"


def test_promo_prompts_and_production_credit(stage):
    text = (
        f"JAKARTA - {PAR}\n\nCek Fakta Liputan6.com mendapati klaim tersebut diunggah akun Facebook pada 26 Mei 2025.\n\n"
        "Diproduksi oleh Rina Kusuma dari laporan dalam bahasa Inggris\n\n"
        "Saksikan Final Liga Voli Putri, Sabtu 21 Juni Pukul 19.00 WIB, hanya di iNews\n\n"
        "WhatsApp Tribun Jogja: Klik di Sini\n\n"
        "View this post on InstagramA post shared by Akun Resmi (@akunresmi)"
    )
    lab = labels_by_line(run(stage, text))
    assert (
        lab["Cek Fakta Liputan6.com mendapati klaim tersebut diunggah akun Facebook pada 26 Mei 2025."]
        == "body"
    )
    assert lab["Diproduksi oleh Rina Kusuma dari laporan dalam bahasa Inggris"] == "byline"
    assert (
        lab["Saksikan Final Liga Voli Putri, Sabtu 21 Juni Pukul 19.00 WIB, hanya di iNews"] == "boilerplate"
    )
    assert lab["WhatsApp Tribun Jogja: Klik di Sini"] == "boilerplate"
    assert lab["View this post on InstagramA post shared by Akun Resmi (@akunresmi)"] == "boilerplate"


def test_ingredient_list_is_not_a_tag_list(stage):
    text = f"JAKARTA - {PAR}\n\nBerikut bahan yang perlu disiapkan.\n\n200 gr makaroni\n\n1 sdt garam\n\nbawang putih cincang"
    lab = labels_by_line(run(stage, text))
    assert lab["200 gr makaroni"] == "body" and lab["1 sdt garam"] == "body"
