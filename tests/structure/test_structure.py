"""Tests of the structure stage: the seed example line by line, one habit per outlet (short
invented texts in each outlet's style), HTML input and hostile HTML. Offsets are checked everywhere."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsnlp.input.html import HtmlExtraction, html_to_text
from newsnlp.pipeline import Pipeline
from newsnlp.record import SEGMENT_LABELS, Article, Entity, Sentence, TimeExpression
from newsnlp.registry import BaseStage, get_stage_factory, get_stage_meta
from newsnlp.structure.stage import StructureStage

SEED = Path(__file__).resolve().parents[2] / "examples" / "tribunjogja_microsoft_tiktok.txt"


@pytest.fixture(scope="module")
def stage() -> StructureStage:
    return StructureStage()


def run(stage: StructureStage, text: str) -> Article:
    art = Article(text=text)
    stage.process(art)
    check_offsets(art)
    return art


def check_offsets(art: Article) -> None:
    """Exact offsets, sorted, labels of the contract, no overlap except credit/dateline inside."""
    starts = [s.start for s in art.segments]
    assert starts == sorted(starts)
    outer = []
    for s in art.segments:
        assert s.label in SEGMENT_LABELS
        assert art.text[s.start : s.end] == s.text
        assert s.text == s.text.strip(), s
        if s.label in ("credit", "dateline") and any(
            o is not s and o.start <= s.start and s.end <= o.end for o in art.segments
        ):
            continue
        outer.append(s)
    for a, b in itertools.pairwise(outer):
        assert a.end <= b.start, (a, b)


def labels_by_line(art: Article) -> dict[str, str]:
    """First outer segment label for each stripped line text."""
    out: dict[str, str] = {}
    for s in art.segments:
        if s.label in ("credit", "dateline") and any(
            o is not s and o.start <= s.start and s.end <= o.end for o in art.segments
        ):
            continue
        out.setdefault(s.text, s.label)
    return out


def seg(art: Article, label: str) -> list[str]:
    return [s.text for s in art.segments if s.label == label]


# -- the seed example --------------------------------------------------------------------------
def test_seed_line_by_line(stage):
    text = SEED.read_text(encoding="utf-8")
    art = run(stage, text)
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    got = []
    pos = 0
    for ln in lines:
        start = text.index(ln, pos)
        pos = start + len(ln)
        cands = [s for s in art.segments if s.start == start and s.label not in ("credit", "dateline")]
        got.append(cands[0].label if cands else None)
    expected = [
        "kicker",
        "teaser",
        "teaser",
        "source_link",
        "title",
        "lead",
        "body",
        "body",
        "caption",
        "caption",
        "body",
        "body",
        "body",
        "related",
        "body",
        "body",
        "caption",
        "caption",
        "body",
        "body",
        "related",
        "pagination",
        "pagination",
        "byline",
        "byline",
        "byline",
        "boilerplate",
        "boilerplate",
        "boilerplate",
        "copyright",
        "copyright",
    ]
    assert got == expected
    assert seg(art, "dateline") == ["TRIBUNJOGJA.COM -"]
    lead = seg(art, "lead")[0]
    assert lead.startswith("TRIBUNJOGJA.COM - Raksasa teknologi")
    assert seg(art, "credit") == ["(BBC INDONESIA)", "(The Verge)"]
    md = art.metadata
    assert md.title == "Microsoft Diskusi dengan Trump Terkait Aplikasi TikTok, Tidak Jamin Ada Pembelian"
    assert md.authors == ["Bunga Kartikasari"]
    assert md.editors == ["Mona Kriesdinar"]
    assert md.sources == ["Tribun Jogja"]
    assert md.publisher == "Tribun Jogja"
    assert art.text == text
    assert "Ilustrasi TikTok" not in art.clean_text and "Halaman" not in art.clean_text
    assert art.clean_text.startswith("Microsoft Diskusi dengan Trump")


def test_seed_through_pipeline_and_items_get_segments():
    text = SEED.read_text(encoding="utf-8")
    nlp = Pipeline(stages=("structure",))
    art = Article(text=text)
    # what earlier stages would have left: a sentence, entities in a caption, related link and lead
    i_cap = text.index("Xi Jinping. (BBC")
    i_rel = text.index("Donald Trump Setelah")
    i_lead = text.index(
        "Raksasa teknologi Amerika, Microsoft mengonfirmasi bahwa mereka akan melanjutkan pembicaraan tentang membeli aplikasi TikTok dari ByteDance, perusahaan"
    )
    i_date = text.index("Minggu (2/8/2020)")
    art.entities = [
        Entity(i_cap, i_cap + 10, "Xi Jinping", "PER"),
        Entity(i_rel, i_rel + 12, "Donald Trump", "PER"),
        Entity(i_lead + 30, i_lead + 39, "Microsoft", "ORG"),
        Entity(text.index("TRIBUNJOGJA.COM"), text.index("TRIBUNJOGJA.COM") + 15, "TRIBUNJOGJA.COM", "ORG"),
    ]
    art.times = [TimeExpression(i_date, i_date + 17, "Minggu (2/8/2020)", "DATE", "2020-08-02")]
    s0 = text.index("TRIBUNJOGJA.COM -")
    art.sentences = [
        Sentence(s0, text.index("perusahaan China.") + 17, text[s0 : text.index("perusahaan China.") + 17])
    ]
    nlp.get_stage("structure").process(art)
    assert [e.segment for e in art.entities] == ["caption", "related", "lead", "dateline"]
    assert art.times[0].segment == "body"
    assert art.sentences[0].segment == "lead"
    full = nlp(text)
    assert full.stages == ["structure"]
    assert full.metadata.authors == ["Bunga Kartikasari"]
    check_offsets(full)


def test_registry_and_interface():
    factory = get_stage_factory("structure")
    st = factory()
    assert isinstance(st, BaseStage) and st.name == "structure"
    assert get_stage_meta("structure").requires == ("text",)


def test_text_never_modified_and_empty_inputs(stage):
    for text in ["", "   \n\n  ", "Satu kalimat saja.", "\n\nJudul Saja Tanpa Titik\n"]:
        art = run(stage, text)
        assert art.text == text


# -- outlet habits (invented text in each outlet's style) ---------------------------------------
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


def test_keeps_html_metadata_when_own_values_empty(stage):
    art = Article(text="Harga minyak goreng turun di pasar tradisional pekan ini.")
    art.metadata.title = "Harga Minyak Goreng Turun"
    art.metadata.authors = ["Dewi Lestari"]
    art.metadata.publisher = "Kabar Contoh"
    stage.process(art)
    assert art.metadata.title == "Harga Minyak Goreng Turun"
    assert art.metadata.authors == ["Dewi Lestari"] and art.metadata.publisher == "Kabar Contoh"


# -- HTML --------------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html><html><head><title>Banjir Rendam Kampung Melayu - Warta Contoh</title>
<meta property="og:title" content="Banjir Rendam Kampung Melayu, Ratusan Warga Mengungsi">
<meta name="author" content="Siti Rahma"><meta property="og:site_name" content="Warta Contoh">
<link rel="canonical" href="https://warta.example/banjir">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Banjir Rendam Kampung Melayu, Ratusan Warga Mengungsi",
"datePublished":"2024-01-15T08:30:00+07:00","author":[{"@type":"Person","name":"Siti Rahma"}]}</script>
<script>var s = "<p>skrip tidak boleh muncul</p>";</script></head>
<body><nav><a href="/">Beranda</a></nav><article>
<h1>Banjir Rendam Kampung Melayu, Ratusan Warga Mengungsi</h1>
<div class="byline">Penulis: Siti Rahma</div>
<p>JAKARTA, WARTACONTOH.COM - Banjir kembali merendam permukiman di Kampung Melayu, Senin (15/1/2024) pagi.</p>
<figure><img src="a.jpg"><figcaption>Warga mengungsi dengan perahu karet. (ANTARA/Budi)</figcaption></figure>
<p>Ketinggian air mencapai satu meter di beberapa titik &amp; terus naik.</p>
<div class="baca-juga">Baca juga: <a href="/x">Hujan Deras Diprediksi Sepekan ke Depan</a></div>
<p>Pemerintah kota membuka tiga posko pengungsian.</p></article></body></html>"""


def test_html_to_text_metadata_and_hints():
    x = html_to_text(PAGE)
    assert isinstance(x, HtmlExtraction)
    assert "skrip tidak boleh" not in x.text and "Beranda" not in x.text
    assert "& terus naik" in x.text
    assert x.metadata["title"] == "Banjir Rendam Kampung Melayu, Ratusan Warga Mengungsi"
    assert x.metadata["authors"] == ["Siti Rahma"]
    assert x.metadata["published"] == "2024-01-15T08:30:00+07:00"
    assert x.metadata["publisher"] == "Warta Contoh"
    assert x.metadata["url"] == "https://warta.example/banjir"
    hints = {lab: x.text[s:e] for s, e, lab in x.hints}
    assert hints["title"] == "Banjir Rendam Kampung Melayu, Ratusan Warga Mengungsi"
    assert hints["caption"] == "Warga mengungsi dengan perahu karet. (ANTARA/Budi)"
    assert hints["related"] == "Baca juga: Hujan Deras Diprediksi Sepekan ke Depan"
    assert hints["byline"] == "Penulis: Siti Rahma"


def test_html_through_pipeline():
    art = Pipeline(stages=("structure",))(PAGE)
    check_offsets(art)
    lab = labels_by_line(art)
    assert lab["Banjir Rendam Kampung Melayu, Ratusan Warga Mengungsi"] == "title"
    assert lab["Warga mengungsi dengan perahu karet. (ANTARA/Budi)"] == "caption"
    assert seg(art, "credit") == ["(ANTARA/Budi)"]
    assert lab["Baca juga: Hujan Deras Diprediksi Sepekan ke Depan"] == "related"
    assert seg(art, "dateline") == ["JAKARTA, WARTACONTOH.COM -"]
    assert art.metadata.authors == ["Siti Rahma"]
    assert art.metadata.publisher == "Warta Contoh"
    assert art.metadata.published == "2024-01-15T08:30+07:00"


def test_hostile_html_deep_nesting():
    deep = (
        "<html><body>"
        + "<div>" * 10000
        + "<p>Isi terdalam artikel berita.</p>"
        + "</div>" * 10000
        + "</body></html>"
    )
    x = html_to_text(deep)
    assert "Isi terdalam artikel berita." in x.text
    art = Pipeline(stages=("structure",))(deep)
    check_offsets(art)


def test_hostile_html_external_entity_not_resolved(tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("KATA-SANDI-RAHASIA")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>Halo &xxe; dunia, ini berita biasa.</p></body></html>"
    )
    x = html_to_text(page)
    assert "KATA-SANDI-RAHASIA" not in x.text
    assert "dunia, ini berita biasa." in x.text


def test_hostile_html_five_megabytes():
    para = "<p>Paragraf berita tentang banjir di Jakarta yang terus meluas hingga sore hari.</p>"
    page = "<html><body><article>" + para * (5_000_000 // len(para) + 1) + "</article></body></html>"
    assert len(page) > 5_000_000
    x = html_to_text(page)
    assert x.text.startswith("Paragraf berita")
    assert len(x.text) > 1_000_000


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


PAGE_NO_ARTICLE = """<html><head><title>Harga Beras Naik Jelang Lebaran | Kabar Kota</title>
<meta property="article:published_time" content="2025-03-20T09:00:00+07:00"></head><body>
<div class="header"><ul><li><a href="/">Beranda</a></li><li><a href="/n">Nasional</a></li></ul></div>
<div class="content"><span class="rubrik">Ekonomi</span><h1>Harga Beras Naik Jelang Lebaran</h1>
<div class="date">Kamis, 20 Maret 2025 09:00 WIB</div><div class="author">Penulis: Budi Hartono</div>
<p><strong>SEMARANG, KABARKOTA.COM</strong> - Harga beras medium di pasar Semarang naik Rp 1.000 per kilogram.</p>
<p>Pedagang menyebut pasokan dari petani berkurang karena panen mundur.</p>
<p><a href="/a">Stok Beras Bulog Dipastikan Aman Hingga Akhir Tahun</a></p>
<p>Pemerintah kota berencana menggelar operasi pasar pekan depan.</p>
<ul><li><a href="/b">Harga Cabai Rawit Tembus Rp 80 Ribu per Kilogram</a></li></ul></div>
<div class="footer">Copyright © 2025 Kabar Kota. All rights reserved.</div></body></html>"""


def test_html_page_without_article_element_menus_and_link_only_paragraphs():
    art = Pipeline(stages=("structure",))(PAGE_NO_ARTICLE)
    check_offsets(art)
    lab = labels_by_line(art)
    assert lab["Beranda"] == lab["Nasional"] == "boilerplate"
    assert lab["Ekonomi"] == "kicker"
    assert lab["Harga Beras Naik Jelang Lebaran"] == "title"
    assert lab["Stok Beras Bulog Dipastikan Aman Hingga Akhir Tahun"] == "related"
    assert lab["Harga Cabai Rawit Tembus Rp 80 Ribu per Kilogram"] == "related"
    assert lab["Copyright © 2025 Kabar Kota. All rights reserved."] == "copyright"
    assert seg(art, "dateline") == ["SEMARANG, KABARKOTA.COM -"]
    assert art.metadata.authors == ["Budi Hartono"]
    assert art.metadata.published == "2025-03-20T09:00+07:00"
    assert "Stok Beras" not in art.clean_text and "Pedagang menyebut" in art.clean_text


DETIK_PAGE = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Polisi Tutup Jalan Sudirman untuk Pawai Budaya</title>
<meta name="author" content="Andi Saputra"><meta name="publishdate" content="2025/02/03 10:15:00">
<meta property="og:site_name" content="detiknews"><meta property="og:title" content="Polisi Tutup Jalan Sudirman untuk Pawai Budaya">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Polisi Tutup Jalan Sudirman untuk Pawai Budaya","datePublished":"2025-02-03T10:15:00+07:00","author":{"@type":"Person","name":"Andi Saputra"},"publisher":{"@type":"Organization","name":"detikcom"}}</script>
</head><body>
<header class="header"><div class="container"><a href="/">detikNews</a><ul class="nav"><li><a>Berita</a></li><li><a>Daerah</a></li><li><a>Internasional</a></li></ul></div></header>
<div class="container"><article class="detail">
<div class="page__breadcrumb"><a>detikNews</a> <a>Berita</a></div>
<h1 class="detail__title">Polisi Tutup Jalan Sudirman untuk Pawai Budaya</h1>
<div class="detail__author">Andi Saputra - detikNews</div><div class="detail__date">Senin, 03 Feb 2025 10:15 WIB</div>
<div class="detail__social"><span>Bagikan</span> <a>Facebook</a> <a>Twitter</a></div>
<div class="detail__media"><figure class="detail__media-image"><img src="x.jpg" alt="Ilustrasi"><figcaption class="detail__media-caption">Ilustrasi pawai budaya (Foto: Grandyos Zafna/detikcom)</figcaption></figure></div>
<div class="detail__body-text itp_bodycontent">
<strong>Jakarta</strong> - Polisi menutup sementara Jalan Sudirman karena ada pawai budaya, Minggu (2/2/2025). Penutupan berlangsung sejak pukul 06.00 WIB.<br><br>
"Kami alihkan arus ke jalan alternatif," kata Kasat Lantas, Kombes Budi, kepada wartawan.<br><br>
<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga: </strong><a href="/x">Jadwal Car Free Day Jakarta Pekan Ini</a></div></td></tr></table>
<div class="parallaxindetail scrollpage"><div class="para_caption">SCROLL TO CONTINUE WITH CONTENT</div></div>
Pawai diikuti sekitar 3.000 peserta dari berbagai sanggar budaya.<br><br>
<strong>Rute Pawai</strong><br><br>
Peserta berjalan dari Bundaran HI menuju Monas dan kembali lagi ke titik awal.<br><br>
<div class="detail__body-tag"><div class="nav"><a class="nav__item">pawai budaya</a><a class="nav__item">jalan sudirman</a></div></div>
<!--end-->(ial/lir)
</div></article>
<div class="sidebar"><h2>Berita Terpopuler</h2><ul><li><a>Heboh Warga Temukan Ular Sanca di Gorong-gorong Rumah</a></li></ul></div>
</div><footer><p>Copyright @ 2025 detikcom. All right reserved</p></footer></body></html>
"""

KOMPAS_PAGE = """<html><head><title>Banjir Rendam Ratusan Rumah di Bekasi Halaman all - Kompas.com</title>
<meta property="og:title" content="Banjir Rendam Ratusan Rumah di Bekasi - Kompas.com"><meta property="og:site_name" content="Kompas.com">
<meta name="content_author" content="Rina Wulandari"><meta name="content_editor" content="Ambaranie Nadia">
<meta name="content_PublishedDate" content="2025-02-03 10:15:00"></head><body>
<div class="nav"><a>Terkini</a><a>Nasional</a><a>Megapolitan</a></div>
<div class="read__header"><h1 class="read__title">Banjir Rendam Ratusan Rumah di Bekasi</h1>
<div class="read__time">Kompas.com - 03/02/2025, 10:15 WIB</div></div>
<div class="photo"><div class="photo__wrap"><img></div><div class="photo__caption">Banjir merendam permukiman warga di Bekasi, Senin (3/2/2025).</div><div class="photo__source">KOMPAS.com/ANDIKA PRASETYA</div></div>
<div class="credit-title-wrap"><div class="credit-title-name"><h6>Penulis</h6> <a>Rina Wulandari</a></div><div>| Editor Ambaranie Nadia</div></div>
<div class="read__content"><div class="clearfix">
<p><strong>BEKASI, KOMPAS.com</strong> - Banjir merendam ratusan rumah di Kecamatan Bekasi Timur sejak Senin dini hari.</p>
<p>Ketinggian air mencapai 80 sentimeter di beberapa titik.</p>
<p><strong>Baca juga: <a class="inner-link-baca-juga" href="/a">Hujan Deras, Sejumlah Jalan di Jakarta Tergenang</a></strong></p>
<p>Warga yang rumahnya terendam memilih mengungsi ke masjid terdekat.</p>
<h2>Kronologi banjir</h2>
<p>Hujan deras mengguyur Bekasi sejak Minggu sore hingga malam hari.</p>
</div></div>
<div class="tag"><h3>Tag</h3><a>banjir bekasi</a></div>
<div class="footer"><p>Copyright 2008 - 2025 PT. Kompas Cyber Media (Kompas Gramedia Digital Group). All Rights Reserved.</p></div></body></html>
"""


def test_html_detik_style_page():
    art = Pipeline(stages=("structure",))(DETIK_PAGE)
    check_offsets(art)
    lab = labels_by_line(art)
    assert lab["Polisi Tutup Jalan Sudirman untuk Pawai Budaya"] == "title"
    assert lab["Andi Saputra - detikNews"] == "byline"
    assert lab["Ilustrasi pawai budaya (Foto: Grandyos Zafna/detikcom)"] == "caption"
    assert seg(art, "credit") == ["(Foto: Grandyos Zafna/detikcom)"]
    assert seg(art, "dateline") == ["Jakarta -"]
    assert lab["SCROLL TO CONTINUE WITH CONTENT"] == "boilerplate"
    assert lab["Baca juga: Jadwal Car Free Day Jakarta Pekan Ini"] == "related"
    assert lab["Rute Pawai"] == "subheading"
    assert lab["pawai budaya jalan sudirman"] == "boilerplate"
    assert lab["(ial/lir)"] == "byline"
    assert "Heboh Warga" not in art.text  # the sidebar outside the article is dropped
    assert art.metadata.published == "2025-02-03T10:15+07:00"
    assert art.metadata.authors == ["Andi Saputra"] and art.metadata.publisher == "Detik"


def test_html_kompas_style_page_split_byline_and_credit_line():
    art = Pipeline(stages=("structure",))(KOMPAS_PAGE)
    check_offsets(art)
    lab = labels_by_line(art)
    assert lab["Banjir Rendam Ratusan Rumah di Bekasi"] == "title"
    assert lab["KOMPAS.com/ANDIKA PRASETYA"] == "credit"
    assert lab["Penulis"] == lab["Rina Wulandari"] == lab["| Editor Ambaranie Nadia"] == "byline"
    assert lab["Baca juga: Hujan Deras, Sejumlah Jalan di Jakarta Tergenang"] == "related"
    assert lab["Kronologi banjir"] == "subheading"
    assert art.metadata.title == "Banjir Rendam Ratusan Rumah di Bekasi"
    assert art.metadata.authors == ["Rina Wulandari"] and art.metadata.editors == ["Ambaranie Nadia"]
    assert art.metadata.published == "2025-02-03T10:15"
    assert art.clean_text.startswith("Banjir Rendam Ratusan Rumah di Bekasi\n\nBEKASI, KOMPAS.com - Banjir")


_PIECES = [
    "TRIBUNJOGJA.COM - ",
    "JAKARTA, KOMPAS.com -",
    "Baca juga: Judul Berita Lain Hari Ini",
    "Baca Juga",
    "Advertisement",
    "Penulis: Rina Sari",
    "(ial/lir)",
    "Halaman",
    "123",
    "© 2024 Contoh.",
    "Ilustrasi banjir di kota. (ANTARA/Budi)",
    "Warga mengungsi ke masjid terdekat.",
    "Judul Pendek",
    "Harga beras naik menjelang Lebaran di pasar tradisional kota.",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "(*)",
    "Dok. Contoh FotoKeterangan foto.",
    "Liputan6.com, JakartaKalimat",
    "&nbsp;",
    "“kutipan,” katanya.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=30), max_size=40))
def test_property_offsets_exact_on_any_text(pieces):
    text = "".join(pieces)
    art = Article(text=text)
    StructureStage().process(art)
    assert art.text == text
    check_offsets(art)
