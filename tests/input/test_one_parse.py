"""The HTML path parses a page once: trafilatura reads newsnlp's own lxml tree (and leaves it as
it was), and its slower fallbacks run only when the page holds more prose than its fast result.
Invented markup."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from newsnlp.input import html as html_mod
from newsnlp.input.dom import parse, prepare_source
from newsnlp.input.region import main_text

PARA = (
    "Pemerintah kota mengumumkan jadwal kegiatan baru bagi warga pada pekan ini di beberapa lokasi "
    "yang tersebar di seluruh kecamatan, dan kegiatan itu terbuka bagi masyarakat umum tanpa biaya."
)


def _page(paragraphs: int) -> str:
    body = "".join(f"<p>{PARA} Bagian {i}.</p>" for i in range(paragraphs))
    return (
        "<html><head><title>Jadwal Kegiatan Kota</title></head><body>"
        "<nav><a href='/'>Beranda</a> <a href='/a'>Nasional</a></nav>"
        f"<article><h1>Jadwal Kegiatan Kota</h1>{body}</article>"
        "<footer>Hak cipta Kabar Contoh</footer></body></html>"
    )


def test_trafilatura_reads_the_parsed_tree_and_leaves_it_unchanged():
    source = prepare_source(_page(6))
    root = parse(source)
    assert isinstance(root, HtmlElement)  # trafilatura accepts it as a parsed page
    before = etree.tostring(root)
    from_tree = main_text(root, fast=True)
    assert from_tree and "Bagian 5" in from_tree
    assert etree.tostring(root) == before  # trafilatura worked on a copy
    assert from_tree == main_text(source, fast=True)


def test_fallbacks_only_when_the_page_has_more_prose(monkeypatch):
    calls = []
    real = html_mod.main_text

    def spy(src, fast=False):
        calls.append(fast)
        return real(src, fast=fast)

    monkeypatch.setattr(html_mod, "main_text", spy)
    # a short article: the fast result holds all the page's prose, the fallbacks are not run
    out = html_mod.html_to_text(_page(2))
    assert "Bagian 1" in out.text
    assert calls == [True]
    # the fast result misses most of the prose: the fallbacks run
    calls.clear()
    monkeypatch.setattr(
        html_mod, "main_text", lambda src, fast=False: calls.append(fast) or (PARA if fast else real(src))
    )
    html_mod.html_to_text(_page(8))
    assert calls == [True, False]
