"""The tree walk of :mod:`newsnlp.input.dom`: hidden elements dropped, hints from class, id,
itemprop and rel (the rare attributes are read only where one XPath finds them). Invented markup."""

from __future__ import annotations

from newsnlp.input.dom import parse, prepare_source, tidy, walk

PAGE = """<html><body>
<p>Warga desa menggelar kerja bakti membersihkan saluran air sebelum musim hujan tiba.</p>
<div style="display: none">Teks gaya tersembunyi</div>
<p hidden>Teks atribut tersembunyi</p>
<div layout="nodisplay">Teks tata letak tersembunyi</div>
<div style="color: red">Teks merah tetap tampil</div>
<div class="penulis">Penulis: Rina Wulandari</div>
<div itemprop="author">Yusuf Hakim</div>
<p><a rel="author" href="/p/dewi">Dewi Lestari</a></p>
<div id="related-news">Berita lain tentang saluran air kota</div>
<h2 class="judul-kecil">Gotong royong</h2>
</body></html>"""


def _read(page: str) -> tuple[str, dict[str, str]]:
    root = parse(prepare_source(page))
    parts: list[str] = []
    hints: list[tuple[int, int, str]] = []
    walk(root.find(".//body"), parts, hints, [0])
    text, hints = tidy("".join(parts), hints)
    return text, {text[s:e]: lab for s, e, lab in hints}


def test_hidden_elements_are_dropped_visible_styles_kept():
    text, _ = _read(PAGE)
    assert "tersembunyi" not in text
    assert "Teks merah tetap tampil" in text


def test_hints_from_class_id_itemprop_and_rel():
    _, hints = _read(PAGE)
    assert hints["Penulis: Rina Wulandari"] == "byline"  # class
    assert hints["Yusuf Hakim"] == "byline"  # itemprop
    assert hints["Dewi Lestari"] == "byline"  # rel="author"
    assert hints["Berita lain tentang saluran air kota"] == "related"  # id
    assert hints["Gotong royong"] == "subheading"
