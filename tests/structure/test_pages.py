"""HTML pages through the structure stage: invented articles (own text) in the HTML markup of the
major Indonesian outlets, a WordPress page and an AMP page (saved in ``pages/``, and a few inline),
with menus, share bars, cookie notices, ads, comments, footers, scripts, entities and ``<br>``
paragraphs. The labels of their key lines, the sub-spans and the metadata are checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsnlp.pipeline import Pipeline
from tests.input.test_html import PAGE

from .helpers import check_offsets, labels_by_line, seg

PAGES = Path(__file__).resolve().parent / "pages"

#: page -> (expected labels of lines, dateline, credits, metadata)
EXPECTED: dict[str, dict] = {
    "kompas.html": {
        "labels": {
            "Banjir Rob Genangi Pesisir Semarang, Warga Mengungsi ke Balai Desa": "title",
            "Kami menggunakan cookie untuk meningkatkan pengalaman Anda.": None,
            "Warga melintasi genangan banjir rob di kawasan Tambaklorok, Semarang, Kamis (12/6/2025).": "caption",
            "Baca juga: Tanggul Laut Semarang Ditargetkan Rampung Akhir Tahun": "related",
            "Pasang Tertinggi Sore Hari": "subheading",
            "Advertisement": "boilerplate",
            "Login untuk memberikan komentar.": None,  # the comment box after the article
            "banjir rob": None,  # the tag list after the comment box
        },
        "boilerplate_prefix": "Simak breaking news dan berita pilihan kami",
        "dateline": "SEMARANG, KOMPAS.com -",
        "credits": ["KOMPAS.com/RISKA AMALIA"],
        "absent": ["Copyright 2008 - 2025 PT. Kompas Cyber Media"],  # the page footer
        "md": {
            "title": "Banjir Rob Genangi Pesisir Semarang, Warga Mengungsi ke Balai Desa",
            "authors": ["Riska Amalia"],
            "editors": ["Dony Aprian"],
            "publisher": "Kompas.com",
            "published": "2025-06-12",
            "url": "https://regional.kompas.com/read/2025/06/12/101500778/banjir-rob-genangi-pesisir-semarang",
        },
    },
    "detik.html": {
        "labels": {
            "Polisi Bongkar Gudang Oli Palsu di Bekasi, 2 Orang Ditangkap": "title",
            "Rahmat Hidayat - detikNews": "byline",
            "Selasa, 17 Jun 2025 13:05 WIB": "boilerplate",
            "Baca juga:": "related",
            "Waspada Oli Palsu, Begini Cara Membedakannya dengan yang Asli": "related",
            "SCROLL TO CONTINUE WITH CONTENT": "boilerplate",
            "[Gambas:Video 20detik]": "boilerplate",
            "(rah/idn)": "byline",
            "oli palsu bekasi": "boilerplate",
        },
        "dateline": "Bekasi -",
        "credits": ["(Foto: Rahmat Hidayat/detikcom)"],
        "md": {
            "title": "Polisi Bongkar Gudang Oli Palsu di Bekasi, 2 Orang Ditangkap",
            "authors": ["Rahmat Hidayat"],
            "publisher": "Detik",
            "published": "2025-06-17",
            "url": "https://news.detik.com/berita/d-7900001/polisi-bongkar-gudang-oli-palsu-di-bekasi",
        },
        "absent": ["Pembaca Setia", "Semoga cepat ditindak tegas."],  # the comment box is outside <article>
    },
    "tribun.html": {
        "labels": {
            "Kulon Progo": "boilerplate",  # last menu item right above the headline: not a kicker
            "Jembatan Gantung di Kulon Progo Putus, Siswa Terpaksa Memutar 5 Kilometer": "title",
            "Penulis: Dewi Larasati": "byline",
            "Laporan Reporter Tribun Jogja, Dewi Larasati": "byline",
            "Bupati Kulon Progo Tinjau Lokasi Longsor di Kapanewon Kokap": "related",
            "(*)": "boilerplate",
            "1 2 Selanjutnya": "pagination",
            "Kulon Progo jembatan gantung": None,  # after the related list that ends the article
        },
        "dateline": "TRIBUNJOGJA.COM, KULON PROGO -",
        "credits": ["(TRIBUNJOGJA.COM/DEWI LARASATI)"],
        "md": {
            "authors": ["Dewi Larasati"],
            "editors": ["Hari Susmayanti"],
            "publisher": "Tribun Jogja",
            "published": "2025-06-16",
            "url": "https://jogja.tribunnews.com/2025/06/16/jembatan-gantung-di-kulon-progo-putus",
        },
    },
    "tempo.html": {
        "labels": {
            "Hukum": "kicker",
            "KPK Periksa Tiga Saksi Kasus Pengadaan Bus Sekolah": "title",
            "Penulis Larasati Putri": "byline",
            "Pilihan Editor: Kejaksaan Tahan Mantan Kepala Dinas Perhubungan": "related",
        },
        "dateline": "TEMPO.CO, Jakarta -",
        "credits": ["TEMPO/Imam Sukamto"],
        "md": {
            "authors": ["Larasati Putri"],
            "publisher": "Tempo",
            "published": "2025-06-18",
            "url": "https://www.tempo.co/hukum/kpk-periksa-tiga-saksi-kasus-pengadaan-bus-sekolah-1190001",
        },
    },
    "cnnindonesia.html": {
        "labels": {
            "Nasional": "kicker",
            "Gempa M 5,2 Guncang Maluku Utara, Tak Berpotensi Tsunami": "title",
            "Baca juga:BMKG Catat 20 Gempa Susulan di Sulawesi Tengah": "related",
            "(tim/dal)": "byline",
            "[Gambas:Video CNN]": "boilerplate",
        },
        "dateline": "Jakarta, CNN Indonesia --",
        "credits": ["(iStockphoto/Petrovich9)"],
        # the JSON-LD author is the organisation itself: no person
        "md": {"authors": [], "publisher": "CNN Indonesia", "published": "2025-06-19"},
    },
    "liputan6.html": {
        "labels": {
            "Bisnis": "kicker",
            "Nadia Safitri": "byline",
            "Baca Juga": "related",
            "Stok Beras Bulog Dipastikan Aman hingga Akhir Tahun": "related",
            "Advertisement": "boilerplate",
            "Harga Acuan": "subheading",
            "Halaman 1 dari 2 Selanjutnya": "pagination",
        },
        "dateline": "Liputan6.com, Jakarta",  # the bold run opening the paragraph, dash lost
        "credits": ["(Liputan6.com/Angga Yuniar)"],
        "md": {
            "authors": ["Nadia Safitri"],
            "editors": ["Arthur Gideon"],
            "publisher": "Liputan6.com",
            "published": "2025-06-20",
        },
    },
    "republika.html": {
        "labels": {
            "Rep: Fuji Rahmawati/ Red: Muhammad Hafil": "byline",
            "Santri membaca Alquran di pondok pesantren (ilustrasi).": "caption",
            "Foto: Republika/Putra M. Akbar": "credit",
            "Kemenag Siapkan Kuota Haji Tambahan": "related",
            "Ikuti Whatsapp Channel Republika": "boilerplate",
        },
        "dateline": "REPUBLIKA.CO.ID, JAKARTA --",
        "credits": ["Foto: Republika/Putra M. Akbar"],
        "md": {
            "title": "Kemenag Buka Pendaftaran Beasiswa Santri Berprestasi 2025",
            "authors": ["Fuji Rahmawati"],
            "editors": ["Muhammad Hafil"],
            "publisher": "Republika",
            "published": "2025-06-18",
        },
    },
    "antara.html": {
        "labels": {
            "Baca juga: Produksi Jagung NTB Ditargetkan Naik 10 Persen": "related",
            "Pewarta: Wahyu Prasetyo": "byline",
            "Editor: Abdul Hakim": "byline",
            "COPYRIGHT © ANTARA 2025": "copyright",
        },
        "dateline": "Mataram (ANTARA) -",
        "credits": ["ANTARA FOTO/Wahyu Prasetyo/nym."],
        "md": {
            "authors": ["Wahyu Prasetyo"],
            "editors": ["Abdul Hakim"],
            "publisher": "Antara",
            "published": "2025-06-16",
        },
    },
    "wordpress.html": {
        "labels": {
            "Festival Layang-Layang Pantai Parangkusumo Diikuti 40 Tim": "title",
            "Oleh Rudi Hartono": "byline",
            "Festival ini rutin digelar setiap musim kemarau ketika angin bertiup kencang.": "body",
            "Bagikan ini:": None,  # the share box after the article
            "Pasar Kangen Bantul Kembali Digelar di Alun-Alun": None,  # the related box after the article
            "Posted in Wisata Tagged bantul, festival": None,
            "Seru sekali, tahun depan saya mau ikut.": None,  # a comment
        },
        "dateline": "BANTUL –",
        "credits": ["Foto: Dok. Panitia"],
        "md": {
            "authors": ["Rudi Hartono"],
            "publisher": "Kabar Bantul",
            "published": "2025-06-15",
            "url": "https://kabarbantul.example.id/2025/06/15/festival-layang-layang-parangkusumo/",
        },
        "not_authors": ["Andi Wijaya"],  # a commenter
    },
    "amp.html": {
        "labels": {
            "Timnas U-17 Menang 3-1 atas Vietnam di Laga Uji Coba": "title",
            "Reporter: Yoga Pratama": "byline",
            "Iklan": "boilerplate",
        },
        "dateline": "JAKARTA -",
        "credits": ["(Dok. PSSI)"],
        "md": {
            "authors": ["Yoga Pratama"],
            "publisher": "BeritaBola",
            "published": "2025-06-19",
            "url": "https://www.beritabola.example.com/timnas/2025/06/19/timnas-u17-menang-atas-vietnam",
        },
        "absent": ["Liga 1", "gtag_id"],  # the AMP sidebar menu and analytics config
    },
}


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline(stages=("structure",))


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_saved_page(nlp, page):
    exp = EXPECTED[page]
    html = (PAGES / page).read_text(encoding="utf-8")
    art = nlp(html)
    check_offsets(art)
    text = art.text
    # nothing of scripts, styles, noscript or head leaks into the text; entities are decoded
    for leak in ("<", "googletag", "dataLayer", "amp-boilerplate", "&quot;", "&nbsp;", "&#", "{"):
        assert leak not in text, leak
    for gone in exp.get("absent", []):
        assert gone not in text
    lab = labels_by_line(art)
    for line, label in exp["labels"].items():
        if label is None:  # page furniture outside the article: no line of the text
            assert line not in lab, line
            continue
        assert lab.get(line) == label, (line, lab.get(line))
    if "boilerplate_prefix" in exp:
        assert any(
            s.label == "boilerplate" and s.text.startswith(exp["boilerplate_prefix"]) for s in art.segments
        )
    if "copyright_prefix" in exp:
        assert any(
            s.label == "copyright" and s.text.startswith(exp["copyright_prefix"]) for s in art.segments
        )
    assert seg(art, "dateline") == [exp["dateline"]]
    assert seg(art, "credit") == exp.get("credits", [])
    # the lead carries the dateline and is the first line of the clean text (after the title)
    leads = [s for s in art.segments if s.label == "lead"]
    assert len(leads) == 1 and leads[0].text.startswith(exp["dateline"])
    clean = art.clean_text
    assert "Baca juga" not in clean and "Advertisement" not in clean and "Copyright" not in clean
    md = art.metadata
    want = exp["md"]
    assert md.title == want.get("title", md.title) and md.title
    for key in ("authors", "editors"):
        if key in want:
            assert getattr(md, key) == want[key], (key, getattr(md, key))
    assert md.publisher == want["publisher"]
    assert (md.published or "")[:10] == want["published"]
    if "url" in want:
        assert md.url == want["url"]
    for name in exp.get("not_authors", []):
        assert name not in md.authors


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
    # the list of links after the last paragraph ends the article: it and the footer are dropped
    assert "Harga Cabai Rawit" not in art.text and "Copyright" not in art.text
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
