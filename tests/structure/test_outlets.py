"""One habit per outlet (short invented texts in each outlet's style): datelines, credits,
bylines, related links, promo lines and end markers of Tribun, Kompas, detik, Liputan6, Okezone,
Tempo, CNN, Antara, Republika, Merdeka, Pos Kota and unknown outlets."""

from __future__ import annotations

import pytest

from .helpers import labels_by_line, run, seg


def test_tribun_datelines_and_reporter_line(stage):
    for dl in [
        "TRIBUNJOGJA.COM, YOGYA -",
        "SERAMBINEWS.COM, SINGKIL -",
        "WARTAKOTALIVE.COM --",
        "POS-KUPANG.COM-",
    ]:
        text = f"{dl} Warga desa menggelar kerja bakti membersihkan saluran air pada Minggu pagi.\n\nKegiatan itu diikuti puluhan orang."
        art = run(stage, text)
        assert seg(art, "dateline") == [dl]
        assert seg(art, "lead")[0].startswith(dl)
    text = (
        "Laporan Wartawan Tribun-Papua.com, Yulianus Magai\n\nTRIBUN-PAPUA.COM, JAYAPURA - Harga cabai di pasar "
        "Youtefa naik dua kali lipat sejak awal pekan.\n\nPedagang mengeluhkan pasokan yang berkurang."
    )
    art = run(stage, text)
    assert seg(art, "byline") == ["Laporan Wartawan Tribun-Papua.com, Yulianus Magai"]
    assert art.metadata.authors == ["Yulianus Magai"]
    assert art.metadata.publisher == "Tribun Papua"


def test_kompas_dateline_glued_credit_and_byline(stage):
    text = (
        "JAKARTA, KOMPAS.com - Penjualan motor listrik naik pada semester pertama tahun ini.\n"
        "Dok. TVS MotorMotor listrik TVS iQube dipamerkan di Jakarta.\n"
        "Baca juga:Harga Motor Listrik Turun Jelang Akhir Tahun\n"
        "Asosiasi produsen memperkirakan tren itu berlanjut hingga akhir tahun.\n"
        "(Penulis: Andi Pratama | Editor: Rina Lestari)"
    )
    art = run(stage, text)
    assert seg(art, "dateline") == ["JAKARTA, KOMPAS.com -"]
    assert seg(art, "credit") == ["Dok. TVS Motor"]
    assert seg(art, "caption") == ["Dok. TVS MotorMotor listrik TVS iQube dipamerkan di Jakarta."]
    assert seg(art, "related") == ["Baca juga:Harga Motor Listrik Turun Jelang Akhir Tahun"]
    assert seg(art, "byline") == ["(Penulis: Andi Pratama | Editor: Rina Lestari)"]
    assert art.metadata.authors == ["Andi Pratama"] and art.metadata.editors == ["Rina Lestari"]
    assert art.metadata.publisher == "Kompas.com"


def test_detik_split_dateline_scroll_video_and_initials(stage):
    text = (
        "Jakarta -\n\nPolisi menutup sementara jalan protokol karena ada pawai budaya, Sabtu (3/5/2025).\n"
        "SCROLL TO CONTINUE WITH CONTENT\n"
        "Pengendara diminta mencari jalur alternatif selama pawai berlangsung. (ial/lir)\n"
        "[Gambas:Video 20detik]"
    )
    art = run(stage, text)
    assert seg(art, "dateline") == ["Jakarta -"]
    assert seg(art, "lead")[0].startswith("Polisi menutup")
    assert seg(art, "boilerplate") == ["SCROLL TO CONTINUE WITH CONTENT", "[Gambas:Video 20detik]"]
    assert seg(art, "byline") == ["(ial/lir)"]
    assert "(ial/lir)" not in art.clean_text
    assert art.metadata.authors == []  # initials are not names


def test_liputan6_lost_dash_advertisement_and_bare_baca_juga(stage):
    text = (
        "Liputan6.com, JakartaKita semua tahu harga beras naik menjelang akhir tahun.\n"
        "Baca Juga\nAdvertisement\n"
        "Pemerintah berjanji menambah pasokan dari gudang Bulog pekan depan."
    )
    art = run(stage, text)
    assert seg(art, "dateline") == ["Liputan6.com, Jakarta"]
    assert seg(art, "related") == ["Baca Juga"]
    assert seg(art, "boilerplate") == ["Advertisement"]
    assert art.metadata.publisher == "Liputan6.com"


def test_okezone_upper_place_dateline_and_editor_name(stage):
    text = (
        "JAKARTA- Harga emas batangan kembali menguat pada perdagangan hari ini.\n"
        "Kenaikan dipicu melemahnya dolar Amerika Serikat.\n(Dimas Saputra)"
    )
    art = run(stage, text)
    assert seg(art, "dateline") == ["JAKARTA-"]
    assert seg(art, "byline") == ["(Dimas Saputra)"]


def test_tempo_dateline_inline_pilihan_editor_and_credit(stage):
    text = (
        "TEMPO.CO, Jakarta - Menteri Keuangan menyebut penerimaan pajak tumbuh lima persen. "
        "Pilihan Editor: Harga Cabai Melonjak di Pasar Induk\n"
        "Suasana kantor pajak di Jakarta, Senin. TEMPO/Budi Santoso\n"
        "Ia berharap tren itu berlanjut hingga akhir tahun."
    )
    art = run(stage, text)
    assert seg(art, "dateline") == ["TEMPO.CO, Jakarta -"]
    assert seg(art, "related") == ["Pilihan Editor: Harga Cabai Melonjak di Pasar Induk"]
    assert seg(art, "credit") == ["TEMPO/Budi Santoso"]
    assert seg(art, "caption") == ["Suasana kantor pajak di Jakarta, Senin. TEMPO/Budi Santoso"]
    # HTML entities left in scraped text do not hide the dateline; the text stays as it is
    text = "TEMPO.CO,&nbsp;Jakarta&nbsp;- Penerimaan pajak tumbuh &quot;cukup baik&quot; tahun ini.\nIa optimistis."
    art = run(stage, text)
    assert seg(art, "dateline") == ["TEMPO.CO,&nbsp;Jakarta&nbsp;-"] and art.text == text


def test_cnn_and_antara_datelines_and_pewarta(stage):
    art = run(
        stage,
        "Jakarta, CNN Indonesia -- Bank sentral menahan suku bunga acuan bulan ini.\n\nKeputusan itu sesuai perkiraan pasar.",
    )
    assert seg(art, "dateline") == ["Jakarta, CNN Indonesia --"]
    assert art.metadata.publisher == "CNN Indonesia"
    art = run(
        stage,
        "Mataram (ANTARA) - Pemerintah provinsi menyiapkan seribu tenda untuk pengungsi.\n"
        "Bantuan logistik tiba Senin sore.\nPewarta: Nur Imansyah\nEditor: Budi Santoso",
    )
    assert seg(art, "dateline") == ["Mataram (ANTARA) -"]
    assert art.metadata.authors == ["Nur Imansyah"] and art.metadata.editors == ["Budi Santoso"]
    assert art.metadata.publisher == "Antara"


def test_republika_baca_juga_block_whatsapp_and_merged_duplicates(stage):
    p1 = "Pemerintah daerah memperbaiki jalan rusak di tiga kecamatan tahun ini."
    p2 = "Anggaran perbaikan berasal dari dana alokasi khusus pemerintah pusat."
    text = (
        f"REPUBLIKA.CO.ID, JAKARTA -- {p1}{p2}\nREPUBLIKA.CO.ID, JAKARTA -- {p1}\n{p2}\n"
        "Baca Juga\nWarga Keluhkan Jalan Berlubang di Pantura\nTarif Tol Naik Mulai Bulan Depan\n"
        "Pekerjaan ditargetkan selesai sebelum musim hujan tiba.\nIkuti Whatsapp Channel Republika"
    )
    art = run(stage, text)
    lab = labels_by_line(art)
    assert lab[f"REPUBLIKA.CO.ID, JAKARTA -- {p1}{p2}"] == "boilerplate"
    assert lab[f"REPUBLIKA.CO.ID, JAKARTA -- {p1}"] == "lead"
    assert lab["Warga Keluhkan Jalan Berlubang di Pantura"] == "related"
    assert lab["Tarif Tol Naik Mulai Bulan Depan"] == "related"
    assert lab["Ikuti Whatsapp Channel Republika"] == "boilerplate"
    assert art.clean_text.count(p1) == 1


def test_syndication_promo_end_markers_and_pagination(stage):
    text = (
        "SURYA.CO.ID, SURABAYA - Festival kuliner digelar di Taman Bungkul selama tiga hari.\n"
        "Pengunjung memadati area sejak sore hari. (*)\n"
        "Bersambung ke halaman berikutnya...\nHalaman selanjutnya\n*****\n"
        'Artikel ini telah tayang di Kompas.com dengan judul "Festival Kuliner Digelar di Surabaya"\n'
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Surya.co.id"
    )
    art = run(stage, text)
    lab = labels_by_line(art)
    assert lab["Bersambung ke halaman berikutnya..."] == "pagination"
    assert lab["Halaman selanjutnya"] == "pagination"
    assert lab["*****"] == "boilerplate"
    assert (
        lab['Artikel ini telah tayang di Kompas.com dengan judul "Festival Kuliner Digelar di Surabaya"']
        == "byline"
    )
    assert (
        lab["Dapatkan update berita pilihan dan breaking news setiap hari dari Surya.co.id"] == "boilerplate"
    )
    assert "(*)" in seg(art, "boilerplate")
    assert art.metadata.sources == ["Kompas.com"]
    assert art.metadata.publisher == "Surya"


@pytest.mark.parametrize(
    ("dateline", "publisher", "ending", "ending_label"),
    [
        ("JAKARTA -", None, "(ars)", "byline"),  # Sindonews: upper-case place, initials
        ("SINDONEWS.com -", "Sindonews", "Baca Juga: Harga Emas Antam Naik Lagi Hari Ini", "related"),
        ("Suara.com -", "Suara.com", "Kontributor : Rizki Nurmansyah", "byline"),
        ("Merdeka.com -", "Merdeka.com", "(mdk/ary)", "byline"),
        ("VIVA –", "Viva", "Baca juga: Timnas U-23 Tiba di Jakarta Usai Juara", "related"),
        ("KapanLagi.com -", "KapanLagi.com", "(kpl/dis)", "byline"),
        ("kumparan -", "Kumparan", "Lihat Juga : Rekomendasi Tempat Makan di Bandung", "related"),
    ],
)
def test_other_outlets(stage, dateline, publisher, ending, ending_label):
    text = f"{dateline} Penyanyi muda itu merilis album kedua pada akhir pekan lalu.\nAlbum berisi sepuluh lagu.\n{ending}"
    art = run(stage, text)
    assert seg(art, "dateline") == [dateline]
    assert art.metadata.publisher == publisher
    assert labels_by_line(art)[ending] == ending_label
    if ending.startswith("Kontributor"):
        assert art.metadata.authors == ["Rizki Nurmansyah"]


def test_unknown_outlet_general_signals(stage):
    text = (
        "Warga Gotong Royong Bangun Jembatan Desa\n\n"
        "Warga Desa Sukamaju bergotong royong membangun jembatan bambu yang putus diterjang banjir.\n\n"
        "Pembangunan dimulai Senin pagi dan ditargetkan rampung dalam sepekan.\n\n"
        "Kepala Desa Janji Perbaiki Jalan Rusak Sebelum Musim Hujan Tiba\n\n"
        "Sumber Dana\n\n"
        "Biaya pembangunan ditanggung bersama oleh warga dan kas desa tahun ini.\n\n"
        "Foto: Warga membawa bambu ke lokasi jembatan. (Dok. Pemdes Sukamaju)\n\n"
        "Copyright © 2024 Kabar Desa. All rights reserved."
    )
    art = run(stage, text)
    lab = labels_by_line(art)
    assert lab["Warga Gotong Royong Bangun Jembatan Desa"] == "title"
    assert lab["Kepala Desa Janji Perbaiki Jalan Rusak Sebelum Musim Hujan Tiba"] == "related"
    assert lab["Sumber Dana"] == "subheading"
    assert lab["Foto: Warga membawa bambu ke lokasi jembatan. (Dok. Pemdes Sukamaju)"] == "caption"
    assert seg(art, "credit") == ["(Dok. Pemdes Sukamaju)"]
    assert lab["Copyright © 2024 Kabar Desa. All rights reserved."] == "copyright"
    assert art.metadata.title == "Warga Gotong Royong Bangun Jembatan Desa"


def test_glued_words_keep_text_and_detectors_cope(stage):
    text = (
        "TRIBUNNEWS.COM, JAKARTA - Polisi menyelidikikondisikesehatan mentalyang dialami pelaku.\n"
        "Penulis: Rina SariEditor: Adi Nugroho\n"
    )
    art = run(stage, text)
    assert "menyelidikikondisikesehatan mentalyang" in art.text
    assert seg(art, "dateline") == ["TRIBUNNEWS.COM, JAKARTA -"]
    assert art.metadata.authors == ["Rina Sari"] and art.metadata.editors == ["Adi Nugroho"]


def test_detik_full_page_header_tags_and_byline(stage):
    text = (
        "detikNews\nBerita\nPolisi Tangkap Dua Pelaku Pencurian Motor di Depok\nAndi Saputra - detikNews\n"
        "Senin, 03 Feb 2025 10:15 WIB\nIlustrasi pencurian motor. Foto: Getty Images/iStockphoto\nDepok -\n"
        "Polisi menangkap dua pelaku pencurian sepeda motor di kawasan Beji, Depok, Minggu (2/2/2025) malam.\n"
        "SCROLL TO CONTINUE WITH CONTENT\n"
        "Kapolsek Beji mengatakan kedua pelaku sudah lama diincar petugas.\n"
        "Simak Video 'Detik-detik Pencuri Motor Tertangkap Warga':\n[Gambas:Video 20detik]\n(mei/mei)\n"
        "pencurian motor\ndepok\n"
    )
    art = run(stage, text)
    lab = labels_by_line(art)
    assert lab["Polisi Tangkap Dua Pelaku Pencurian Motor di Depok"] == "title"
    assert lab["Andi Saputra - detikNews"] == "byline"
    assert lab["Ilustrasi pencurian motor. Foto: Getty Images/iStockphoto"] == "caption"
    assert seg(art, "credit") == ["Foto: Getty Images/iStockphoto"]
    assert seg(art, "dateline") == ["Depok -"]
    assert lab["Simak Video 'Detik-detik Pencuri Motor Tertangkap Warga':"] == "boilerplate"
    assert lab["pencurian motor"] == lab["depok"] == "boilerplate"
    assert lab["(mei/mei)"] == "byline"
    assert art.metadata.authors == ["Andi Saputra"] and art.metadata.publisher == "Detik"
    assert art.clean_text.split("\n\n")[0] == "Polisi Tangkap Dua Pelaku Pencurian Motor di Depok"


def test_kompas_full_page_kicker_date_and_byline_without_colons(stage):
    text = (
        "Megapolitan\nBanjir Rendam Ratusan Rumah di Bekasi, Warga Mengungsi ke Masjid\n"
        "Kompas.com - 03/02/2025, 10:15 WIB\nLihat Foto\n"
        "KOMPAS.com/ANDIKA PRASETYABanjir merendam permukiman warga di Bekasi, Senin (3/2/2025).\n"
        "Penulis Rina Wulandari | Editor Ambaranie Nadia\n"
        "BEKASI, KOMPAS.com - Banjir merendam ratusan rumah di Kecamatan Bekasi Timur sejak Senin dini hari.\n"
        "Warga yang rumahnya terendam memilih mengungsi ke masjid terdekat.\nKronologi Banjir\n"
        "Hujan deras mengguyur Bekasi sejak Minggu sore hingga malam hari.\n"
        "Baca berita dengan sedikit iklan, klik di sini\n"
    )
    art = run(stage, text)
    lab = labels_by_line(art)
    assert lab["Megapolitan"] == "kicker"
    assert lab["Kompas.com - 03/02/2025, 10:15 WIB"] == "boilerplate"
    assert lab["Lihat Foto"] == "boilerplate"
    assert seg(art, "credit") == ["KOMPAS.com/ANDIKA PRASETYA"]
    assert lab["Kronologi Banjir"] == "subheading"
    assert lab["Baca berita dengan sedikit iklan, klik di sini"] == "boilerplate"
    assert art.metadata.authors == ["Rina Wulandari"] and art.metadata.editors == ["Ambaranie Nadia"]
    assert art.metadata.title == "Banjir Rendam Ratusan Rumah di Bekasi, Warga Mengungsi ke Masjid"


def test_merdeka_and_poskota_habits(stage):
    art = run(
        stage,
        "Merdeka.com - Harga cabai rawit di pasar induk turun tajam pekan ini. "
        "Pedagang menyebut pasokan dari daerah melimpah. [ary]",
    )
    assert seg(art, "dateline") == ["Merdeka.com -"] and seg(art, "byline") == ["[ary]"]
    art = run(
        stage,
        "JAKARTA (Pos Kota) - Polisi menertibkan parkir liar di kawasan Tanah Abang pada Senin pagi.\n(Yendhi/win)",
    )
    assert seg(art, "dateline") == ["JAKARTA (Pos Kota) -"] and seg(art, "byline") == ["(Yendhi/win)"]


def test_place_only_dateline_not_taken_after_a_paragraph(stage):
    text = (
        "Harga tiket pesawat rute domestik naik menjelang libur panjang akhir pekan ini.\n"
        "Maumere - Kupang dan Labuan Bajo - Maumere termasuk rute yang paling cepat habis terjual.\n"
    )
    art = run(stage, text)
    assert seg(art, "dateline") == []
    assert seg(art, "lead") == [
        "Harga tiket pesawat rute domestik naik menjelang libur panjang akhir pekan ini."
    ]
