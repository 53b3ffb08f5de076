"""The HTML path of issue #15 and #20 (items 3-5) on invented markup: browser decoding, the article
region, the headline, the end of the article, tolerant dates, truncation and linear time."""

from __future__ import annotations

import time
import warnings

import pytest

from newsnlp.errors import TruncationWarning
from newsnlp.input import dom
from newsnlp.input.charset import decode_html
from newsnlp.input.fallback import fallback_text
from newsnlp.input.html import html_to_text
from newsnlp.input.html_meta import tolerant_date
from newsnlp.pipeline import Pipeline

PARAS = [
    "Pemerintah kota mengumumkan perbaikan jembatan gantung yang rusak akibat banjir pekan lalu di desa itu.",
    "Warga selama ini harus memutar sejauh lima kilometer untuk mencapai sekolah dan pasar di seberang sungai.",
    "Kepala dinas pekerjaan umum mengatakan perbaikan ditargetkan selesai sebelum tahun ajaran baru dimulai.",
    "Anggaran perbaikan berasal dari dana darurat daerah yang disetujui dewan dalam rapat paripurna kemarin.",
]
MENU = "".join(f'<li><a href="/k{i}">Kanal Berita Nomor {i} Yang Panjang</a></li>' for i in range(40))
SIDEBAR = "".join(
    f'<li><a href="/b{i}">Berita Lain Tentang Kejadian Penting Nomor {i}</a></li>' for i in range(12)
)


def page(title="Jembatan Gantung Diperbaiki Sebelum Tahun Ajaran Baru", head="", body_top="", after=""):
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f'<html><head><meta charset="utf-8"><meta property="og:title" content="{title}">{head}</head><body>'
        f'<div class="logo"><h1>Kabar Contoh</h1></div><ul class="nav">{MENU}</ul>{body_top}'
        f'<div class="content"><h2>{title}</h2><article>{article}</article></div>{after}'
        f'<div class="sidebar"><h3>Terpopuler</h3><ul>{SIDEBAR}</ul></div>'
        "<footer>Hak cipta Kabar Contoh</footer></body></html>"
    )


def test_windows_1252_page_declaring_its_charset():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u201cBaru\u201d dibuka \u2013 ramai.</p></body></html>'
    text, codec = decode_html(html.encode("cp1252"))
    assert codec == "cp1252" and "Caf\u00e9 \u201cBaru\u201d dibuka \u2013 ramai." in text
    art = Pipeline(stages=("structure",))(html.encode("cp1252"), html=True)
    assert "Caf\u00e9 \u201cBaru\u201d" in art.text


def test_http_equiv_iso_8859_1_means_windows_1252():
    html = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>\x93kutipan\x94</p>'
    text, codec = decode_html(html)
    assert codec == "cp1252" and "\u201ckutipan\u201d" in text


def test_utf16_page_with_a_byte_order_mark():
    html = "\ufeff<html><body><p>Berita \u00fcber Jakarta \u2014 hari ini.</p></body></html>"
    data = html.encode("utf-16-le")
    text, codec = decode_html(data)
    assert codec == "utf-16-le" and "Berita \u00fcber Jakarta \u2014 hari ini." in text
    art = Pipeline(stages=("structure",))(data)  # detected as HTML although every other byte is 0
    assert art.text == "Berita \u00fcber Jakarta \u2014 hari ini."


def test_undeclared_latin1_page_never_raises():
    html = "<html><body><p>M\u00fcller und S\u00f6hne, Stra\u00dfe, \u00e0 la carte, gar\u00e7on, Caf\u00e9 am See, sch\u00f6n.</p></body></html>"
    text, codec = decode_html(html.encode("latin-1"))
    assert codec == "cp1252" and "M\u00fcller und S\u00f6hne, Stra\u00dfe, \u00e0 la carte" in text
    art = Pipeline(stages=("structure",))(html.encode("latin-1"), html=True)
    assert "gar\u00e7on" in art.clean_text


def test_plain_text_bytes_keep_the_utf8_rule():
    from newsnlp.errors import DecodingError

    with pytest.raises(DecodingError):
        Pipeline(stages=("structure",))("Caf\u00e9 di Jakarta ramai dikunjungi.".encode("latin-1"))


def test_the_article_region_keeps_menus_and_sidebars_out():
    art = Pipeline(stages=("structure",))(page(), html=True)
    clean = art.clean_text
    assert all(p in clean for p in PARAS)
    assert (
        "Kanal Berita Nomor" not in clean and "Berita Lain Tentang" not in clean and "Hak cipta" not in clean
    )
    # the menu above the headline and the sidebar after the article's end are not even in the text
    assert (
        "Kanal Berita Nomor 3" not in art.text
        and "Berita Lain Tentang Kejadian Penting Nomor 5" not in art.text
    )


def test_title_from_page_metadata_over_a_logo_h1():
    art = Pipeline(stages=("structure",))(page(), html=True)
    titles = [s.text for s in art.segments if s.label == "title"]
    assert titles == ["Jembatan Gantung Diperbaiki Sebelum Tahun Ajaran Baru"]  # the <h2> headline
    assert art.metadata.title == "Jembatan Gantung Diperbaiki Sebelum Tahun Ajaran Baru"
    assert art.clean_text.startswith("Jembatan Gantung Diperbaiki")
    assert "Kabar Contoh" not in art.clean_text


def test_a_correctly_found_short_article_is_not_replaced_by_the_crude_pass():
    short = (
        '<html><head><meta property="og:title" content="Banjir Surut"></head><body>'
        f'<ul class="menu">{MENU}</ul><article><h1>Banjir Surut</h1><p>{PARAS[0]}</p></article>'
        "<!-- komentar lama: Presiden Contoh meresmikan pada 1 Januari 1990 --></body></html>"
    )
    ex = html_to_text(short)
    assert PARAS[0] in ex.text and "Kanal Berita" not in ex.text and "komentar lama" not in ex.text
    assert len(ex.text) < 400


def test_fallback_pass_drops_comments_cdata_nav_and_footer():
    text, cut = fallback_text(
        "<p>Satu</p><!-- a > b --><![CDATA[ rahasia ]]><nav>menu</nav><p>Dua &amp; tiga</p>"
        "<footer>kaki</footer><script>var x = '<p>';</script>"
    )
    assert text == "Satu\n\nDua & tiga" and not cut


def test_tolerant_dates():
    assert tolerant_date("2015-11-05 T10:08:58Z") == "2015-11-05T10:08:58+00:00"
    assert tolerant_date("2020/08/03 9:05") == "2020-08-03T09:05"
    assert tolerant_date("2020-08-03T14:20:00+0700") == "2020-08-03T14:20:00+07:00"
    assert tolerant_date("tanpa tanggal") is None


def test_headline_date_preferred_to_sidebar_dates():
    html = (
        '<html><body><div class="side"><time datetime="2019-01-01">lama</time></div>'
        '<h1>Judul Berita</h1><time datetime="2024-05-06T07:08">6 Mei</time>'
        f"<p>{PARAS[0]}</p></body></html>"
    )
    assert html_to_text(html).metadata["published"] == "2024-05-06T07:08"


def test_truncation_is_exact_flagged_and_warned(monkeypatch):
    monkeypatch.setattr(dom, "MAX_TEXT", 1000)
    monkeypatch.setattr("newsnlp.input.article.MAX_TEXT", 1000)
    html = "<html><body><p>" + "kata " * 3000 + "</p></body></html>"  # one paragraph: cut too
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        art = Pipeline(stages=("structure",))(html, html=True)
    assert len(art.text) == 1000 - 1 or len(art.text) == 1000  # the cut, minus a trailing space
    assert art.metadata.truncated and "truncated" in art.metadata.warnings[0]
    assert any(issubclass(w.category, TruncationWarning) for w in caught)
    small = Pipeline(stages=("structure",))(page(), html=True)
    assert not small.metadata.truncated and small.metadata.warnings == []


@pytest.mark.parametrize("unit", ["<script>", "<style>", "<!DOCTYPE x [", "<!--", "<![CDATA["])
def test_unclosed_markup_repeated_is_linear(unit):
    # 320 KB took 127 s (script) and 39 s (DOCTYPE) with the quadratic passes; now well under a
    # second. The bound is generous so that a slow shared machine never fails it.
    t0 = time.perf_counter()
    html_to_text(unit * 40_000)
    Pipeline(stages=("structure",))(unit * 40_000)
    assert time.perf_counter() - t0 < 20
