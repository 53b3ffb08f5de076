"""The HTML reader of the input room (:mod:`newsnlp.input.html`): text, metadata and structure
hints of a page, page furniture dropped, hostile pages (deep nesting, external entities, 5 MB)."""

from __future__ import annotations

from pathlib import Path

from newsnlp.input.html import HtmlExtraction, html_to_text
from newsnlp.pipeline import Pipeline
from tests.structure.helpers import check_offsets

PAGES = Path(__file__).resolve().parents[1] / "structure" / "pages"


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


def test_html_to_text_hints_on_a_saved_page():
    """The extraction itself: text, hints and metadata of the Kompas page, before segmentation."""
    ex = html_to_text((PAGES / "kompas.html").read_text(encoding="utf-8"))
    assert ex.metadata["title"] == "Banjir Rob Genangi Pesisir Semarang, Warga Mengungsi ke Balai Desa"
    assert ex.metadata["authors"] == ["Riska Amalia"]
    assert ex.metadata["editors"] == ["Dony Aprian"]
    assert ex.metadata["published"].startswith("2025-06-12T10:15")
    assert ex.metadata["url"].endswith("banjir-rob-genangi-pesisir-semarang")
    # the markup's hints (the region hints "outside"/"preface" come from the article extractor)
    hinted = {ex.text[s:e]: lab for s, e, lab in ex.hints if lab not in ("outside", "preface")}
    assert hinted["Banjir Rob Genangi Pesisir Semarang, Warga Mengungsi ke Balai Desa"] == "title"
    assert hinted["KOMPAS.com/RISKA AMALIA"] == "credit"
    assert hinted["Pasang Tertinggi Sore Hari"] == "subheading"
    # the cookie notice above the headline is page furniture outside the article: not in the text
    assert "Kami menggunakan cookie" not in ex.text
    assert "Facebook Twitter WhatsApp Salin Link" in {
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
