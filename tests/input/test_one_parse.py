"""The HTML path parses a page once: trafilatura reads newsnlp's own lxml tree (after newsnlp has
read it), and its slower fallbacks run only when the page holds more prose than its fast result.
Invented markup."""

from __future__ import annotations

from lxml.html import HtmlElement

from newsnlp.input import html as html_mod
from newsnlp.input.dom import parse, prepare_source
from newsnlp.input.extractor import MainText

PARA = (
    "Pemerintah kota mengumumkan jadwal kegiatan baru bagi warga pada pekan ini di beberapa lokasi "
    "yang tersebar di seluruh kecamatan, dan kegiatan itu terbuka bagi masyarakat umum tanpa biaya."
)


def _page(paragraphs: int, comments: str = "") -> str:
    body = "".join(f"<p>{PARA} Bagian {i}.</p>" for i in range(paragraphs))
    return (
        "<html><head><title>Jadwal Kegiatan Kota</title></head><body>"
        "<nav><a href='/'>Beranda</a> <a href='/a'>Nasional</a></nav>"
        f"<article><h1>Jadwal Kegiatan Kota</h1>{body}{comments}</article>"
        "<footer>Hak cipta Kabar Contoh</footer></body></html>"
    )


def test_trafilatura_reads_the_parsed_tree():
    source = prepare_source(_page(6))
    root = parse(source)
    assert isinstance(root, HtmlElement)  # trafilatura accepts it as a parsed page
    text = MainText(root, source).text
    assert text and "Bagian 5" in text


class _Spy(MainText):
    calls: list[str] = []

    def __init__(self, tree, source=None, **kwargs):
        self.calls.append("fast")
        super().__init__(tree, source, **kwargs)

    def full(self):
        self.calls.append("full")
        return super().full()


def test_fallbacks_only_when_the_page_has_more_prose(monkeypatch):
    monkeypatch.setattr(html_mod, "MainText", _Spy)
    _Spy.calls = []
    # a short article: the fast result holds all the page's prose, the fallbacks are not run
    out = html_mod.html_to_text(_page(2))
    assert "Bagian 1" in out.text
    assert _Spy.calls == ["fast"]

    # the fast result misses most of the prose: the fallbacks run
    class Short(_Spy):
        def __init__(self, tree, source=None, **kwargs):
            super().__init__(tree, source, **kwargs)
            self.text = PARA

    monkeypatch.setattr(html_mod, "MainText", Short)
    _Spy.calls = []
    html_mod.html_to_text(_page(8))
    assert _Spy.calls == ["fast", "full"]


def test_page_read_whole_from_the_unpruned_tree_when_the_region_is_unusable(monkeypatch):
    # trafilatura prunes the comment section from the tree it reads; when its text cannot be
    # matched to newsnlp's lines, the page is read whole as without the extractor: comments and all
    comments = (
        '<div class="comments"><p>Komentar pembaca: jadwalnya terlalu pagi bagi warga yang bekerja.</p></div>'
    )
    page = _page(3, comments)
    monkeypatch.setattr(html_mod, "align", lambda lines, main: ([False] * len(lines), 0.0))
    out = html_mod.html_to_text(page)
    assert "Komentar pembaca" in out.text
    assert out.text == html_mod.html_to_text(page, region=False).text
