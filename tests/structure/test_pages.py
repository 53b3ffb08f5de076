"""Saved-page tests: invented articles (own text) in the HTML markup of the major Indonesian
outlets, a WordPress page and an AMP page, with menus, share bars, cookie notices, ads, comments,
footers, scripts, entities and ``<br>`` paragraphs. Each page is run through the pipeline; the
extracted text, the labels of its key lines, the sub-spans and the metadata are checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsnlp.input.html import html_to_text
from newsnlp.pipeline import Pipeline

from .test_structure import check_offsets, labels_by_line, seg

PAGES = Path(__file__).resolve().parent / "pages"

#: page -> (expected labels of lines, dateline, credits, metadata)
EXPECTED: dict[str, dict] = {
    "kompas.html": {
        "labels": {
            "Banjir Rob Genangi Pesisir Semarang, Warga Mengungsi ke Balai Desa": "title",
            "Kami menggunakan cookie untuk meningkatkan pengalaman Anda.": "boilerplate",
            "Warga melintasi genangan banjir rob di kawasan Tambaklorok, Semarang, Kamis (12/6/2025).": "caption",
            "Baca juga: Tanggul Laut Semarang Ditargetkan Rampung Akhir Tahun": "related",
            "Pasang Tertinggi Sore Hari": "subheading",
            "Advertisement": "boilerplate",
            "Login untuk memberikan komentar.": "boilerplate",
            "banjir rob": "boilerplate",
        },
        "boilerplate_prefix": "Simak breaking news dan berita pilihan kami",
        "dateline": "SEMARANG, KOMPAS.com -",
        "credits": ["KOMPAS.com/RISKA AMALIA"],
        "copyright_prefix": "Copyright 2008 - 2025 PT. Kompas Cyber Media",
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
            "Kulon Progo jembatan gantung": "boilerplate",
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
            "Bagikan ini:": "boilerplate",
            "Pasar Kangen Bantul Kembali Digelar di Alun-Alun": "related",
            "Posted in Wisata Tagged bantul, festival": "boilerplate",
            "Seru sekali, tahun depan saya mau ikut.": "boilerplate",
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


def test_html_to_text_hints_on_a_saved_page():
    """The extraction itself: text, hints and metadata of the Kompas page, before segmentation."""
    ex = html_to_text((PAGES / "kompas.html").read_text(encoding="utf-8"))
    assert ex.metadata["title"] == "Banjir Rob Genangi Pesisir Semarang, Warga Mengungsi ke Balai Desa"
    assert ex.metadata["authors"] == ["Riska Amalia"]
    assert ex.metadata["editors"] == ["Dony Aprian"]
    assert ex.metadata["published"].startswith("2025-06-12T10:15")
    assert ex.metadata["url"].endswith("banjir-rob-genangi-pesisir-semarang")
    hinted = {ex.text[s:e]: lab for s, e, lab in ex.hints}
    assert hinted["Banjir Rob Genangi Pesisir Semarang, Warga Mengungsi ke Balai Desa"] == "title"
    assert hinted["KOMPAS.com/RISKA AMALIA"] == "credit"
    assert hinted["Pasang Tertinggi Sore Hari"] == "subheading"
    assert "Kami menggunakan cookie untuk meningkatkan pengalaman Anda." in {
        ex.text[s:e] for s, e, lab in ex.hints if lab == "boilerplate"
    }
    # "&nbsp;" between "Kamis" and the date became a plain space, "&quot;" a quote
    assert "Kamis (12/6/2025) pagi" in ex.text and '"Air mulai masuk rumah' in ex.text


def test_amp_furniture_dropped_without_article_element():
    html = (PAGES / "amp.html").read_text(encoding="utf-8")
    html = html.replace('<article class="amp-article">', '<div class="amp-article">').replace(
        "</article>", "</div>"
    )
    ex = html_to_text(html)
    assert "Liga 1" not in ex.text and "gtag_id" not in ex.text
    assert "Timnas Indonesia U-17 menang 3-1 atas Vietnam" in ex.text


def test_br_paragraphs_become_lines():
    ex = html_to_text((PAGES / "detik.html").read_text(encoding="utf-8"))
    lines = [ln for ln in ex.text.split("\n") if ln.strip()]
    i = lines.index(
        "Menurut Mustofa, para pelaku membeli oli bekas lalu menyaringnya dan memasukkannya ke dalam kemasan bermerek."
    )
    assert lines[i + 1] == "ADVERTISEMENT"
