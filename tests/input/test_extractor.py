"""trafilatura's cascade run once on newsnlp's tree (:mod:`newsnlp.input.extractor`): the same main
text as ``trafilatura.extract`` in fast mode and with its fallbacks, prunes skipped only where they
cannot match, the escalation's page measure given by the caller. Invented markup."""

from __future__ import annotations

import pytest
import trafilatura
from trafilatura import xpaths

from newsnlp.input import extractor as ex
from newsnlp.input.dom import parse, prepare_source

SENTENCE = (
    "Dinas perhubungan kota menambah jadwal bus malam mulai pekan depan agar warga yang pulang "
    "kerja larut tetap mendapat angkutan yang aman dan murah"
)


def _page(paragraphs: int, extra: str = "", sidebar: int = 0) -> str:
    body = "".join(f"<p>{SENTENCE}, tahap {i}.</p>" for i in range(paragraphs))
    side = "".join(f"<li><a href='/b{i}'>Berita lain nomor {i} tentang kota</a></li>" for i in range(sidebar))
    return (
        "<html><head><title>Bus Malam Ditambah</title><style>p{color:red}</style>"
        "<script>var iklan = 'tidak dibaca';</script></head><body>"
        "<nav><a href='/'>Beranda</a> <a href='/k'>Kota</a></nav>"
        f"<div class='konten'><h1>Bus Malam Ditambah</h1>{body}{extra}</div>"
        f"<aside><ul>{side}</ul></aside><footer>Hak cipta Kabar Contoh</footer></body></html>"
    )


COMMENTS = (
    "<div class='comments'><p>Komentar: bus malam ini sangat membantu kami yang bekerja sampai "
    "larut malam di pusat kota setiap hari kerja.</p></div>"
)
LINKS = (
    "<div class='lain'>"
    + "".join(
        f"<div><a href='/b{i}'>Berita lain nomor {i} tentang kota dan sekitarnya</a></div>" for i in range(40)
    )
    + "</div>"
)
CARDS = (
    "<html><body><div class='x'><p>"
    + SENTENCE
    + ".</p></div>"
    + "".join(f"<div class='kartu'><span>{SENTENCE} kartu {i}</span></div>" for i in range(20))
    + "</body></html>"
)
SCROLL = (
    "<div class='infinite-scroll'><p>Artikel berikutnya: taman kota dibuka kembali setelah "
    "direnovasi selama enam bulan oleh dinas pertamanan.</p></div>"
)


@pytest.mark.parametrize(
    "page",
    [
        _page(8),  # a long article
        _page(1, sidebar=30),  # a short one among many links
        _page(1, LINKS),  # nothing kept by the main extractor: the baseline rescue, the escalation
        CARDS,  # the recall escalation accepted
        _page(2, COMMENTS),  # a comment section, pruned
        _page(3, SCROLL, sidebar=5),  # an infinite-scroll container, pruned
        "<html><body><div><span>Satu kalimat saja.</span></div></body></html>",  # next to nothing
    ],
)
def test_same_main_text_as_trafilatura_extract(page):
    source = prepare_source(page)
    fast = ex.MainText(parse(source), source)
    # (ex._extract: trafilatura's public extract with newsnlp's settings, the module's fallback)
    assert fast.text == ex._extract(source, fast=True)
    assert fast.full() == ex._extract(source, fast=False)
    # without the markup (no prune skipped) the same
    assert ex.MainText(parse(source)).text == fast.text


def test_prunes_skipped_only_when_their_literals_are_absent(monkeypatch):
    pruned: list[int] = []
    real = ex._steps().prune

    def spy(tree, todo):
        pruned.append(len(todo))
        return real(tree, todo)

    monkeypatch.setattr(ex._steps(), "prune", spy)
    source = prepare_source(_page(4))
    ex.MainText(parse(source), source)
    assert pruned == []  # no class of the page can match them: not searched
    source = prepare_source(_page(4, COMMENTS))
    text = ex.MainText(parse(source), source).text
    assert pruned == [1]  # the comment prune ran, and removed the comments
    assert text and "Komentar" not in text


def test_prune_literals_are_read_against_the_installed_trafilatura():
    # with a trafilatura the cascade follows, every raw-tree prune it runs with comments off has
    # its literals (when a release changes one, the prefilter would silently stop skipping it)
    if not trafilatura.__version__.startswith(ex.TRAFILATURA_VERSIONS):
        assert ex._steps() is None  # another version: trafilatura's public extract is used
        return
    assert ex._steps() is not None
    for xpath in [*xpaths.RAW_TREE_PRUNE_XPATH, *xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH]:
        assert ex._literals(xpath), xpath.path


def test_another_trafilatura_version_uses_its_public_extract(monkeypatch):
    monkeypatch.setattr(ex, "_steps", lambda: None)
    source = prepare_source(_page(1, LINKS))
    root = parse(source)
    m = ex.MainText(root, source, page_chars=10)
    assert m.text == ex._extract(source, fast=True)
    assert m.full() == ex._extract(source, fast=False)
    assert m.full() is m.full()  # computed once


@pytest.mark.skipif(ex._steps() is None, reason="another trafilatura: its public extract is used")
def test_page_chars_is_the_escalation_page_measure():
    # a short extraction on a page with much more text is retried in recall mode (CARDS: accepted);
    # the caller's page measure decides when that is
    source = prepare_source(CARDS)
    default = ex.MainText(parse(source), source).text
    assert ex.MainText(parse(source), source, page_chars=len(default) * 10).text == default
    small = ex.MainText(parse(source), source, page_chars=100).text
    assert small and len(small) < len(default) / 2  # no escalation: the first extraction
