"""Pictures: the HTML view (``_repr_html_``, ``newsnlp render``), the timeline and entity chart."""

from __future__ import annotations

import html
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from newsnlp.cli import main
from newsnlp.integrations.viz import render_html, timeline, timeline_date, top_entities
from newsnlp.record import Article, Entity, Segment, TimeExpression
from tests.integrations.corpus import invented_items

ANGLE = "Harga cabai di Bekasi naik <b>tajam</b> & stok menipis, kata Joko Widodo pada Senin (3/8/2020)."


@pytest.fixture(scope="module")
def corpus(default_pipeline):
    return list(default_pipeline.pipe(invented_items(8)))


def test_html_shows_layers_and_escapes(default_pipeline):
    art = default_pipeline(ANGLE)
    page = art._repr_html_()
    assert "&lt;b&gt;tajam&lt;/b&gt;" in page
    assert "<b>tajam" not in page
    assert "&amp; stok" in page
    for ent in art.entities:
        assert html.escape(ent.text) in page
    assert re.search(r"Joko Widodo\s*<span[^>]*>PER", page)
    assert "DATE 2020-08-03" in page
    assert page.count('<mark class="entity"') == len(art.entities) + len(art.times)


def test_html_segments_and_metadata():
    text = "Banjir di Bekasi\n\nBEKASI - Air <naik> lagi pada 2020.\n\nBaca juga: Kabar lain"
    lead = text.index("BEKASI")
    related = text.index("Baca")
    year = text.index("2020")
    art = Article(
        text=text,
        entities=[Entity(10, 16, "Bekasi", "LOC", canonical="Kota Bekasi", kb_id="Q10327")],
        times=[TimeExpression(year, year + 4, "2020", "DATE", value="2020")],
        segments=[
            Segment(0, 16, text[0:16], "title"),
            Segment(lead, related - 2, text[lead : related - 2], "lead"),
            Segment(lead, lead + 8, text[lead : lead + 8], "dateline"),
            Segment(related, len(text), text[related:], "related"),
        ],
    )
    art.metadata.title = "Banjir <di> Bekasi"
    page = render_html(art)
    assert text[10:16] == "Bekasi"
    assert "Banjir &lt;di&gt; Bekasi" in page  # the title in the metadata table, escaped
    assert [m for m in re.findall(r'class="newsnlp-seg newsnlp-seg-(\w+)"', page)] == [
        "title",
        "lead",
        "related",
    ]
    assert "dateline: BEKASI -" in page  # inner segment named in its parent's header
    assert "LOC · Kota Bekasi" in page and "https://www.wikidata.org/wiki/Q10327" in page
    assert "Air &lt;naik&gt; lagi" in page
    full = render_html(art, full_page=True)
    assert full.startswith("<!DOCTYPE html>") and full.rstrip().endswith("</html>")


def test_cli_render(tmp_path, default_pipeline):
    src = tmp_path / "a.txt"
    src.write_text(ANGLE, encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["render", str(src), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert "&lt;b&gt;tajam" in page and "Joko Widodo" in page
    rec = tmp_path / "r.jsonl"
    rec.write_text("\n".join(a.to_json() for a in default_pipeline.pipe(invented_items(2))), encoding="utf-8")
    out2 = tmp_path / "two.html"
    assert main(["render", str(rec), "-o", str(out2)]) == 0
    assert out2.read_text(encoding="utf-8").count('<table class="newsnlp-meta">') == 2
    assert main(["render", str(tmp_path / "missing.txt"), "-o", str(out2)]) == 1


def test_timeline_date():
    assert str(timeline_date("2014-12-30TAF")) == "2014-12-30"
    assert str(timeline_date("2020-08-03T14:20+07:00")) == "2020-08-03"
    assert str(timeline_date("2020-08")) == "2020-08-01"
    assert timeline_date("2020-W33") is None and timeline_date("PT24H") is None
    assert timeline_date("2020-02-31T10:00") is None


def test_timeline_points(corpus):
    expected = sum(1 for a in corpus for t in a.times if timeline_date(t.value) is not None)
    assert expected >= 8
    _fig, ax = plt.subplots()
    assert timeline(corpus, ax=ax) is ax
    assert len(ax.collections[0].get_offsets()) == expected
    published = sum(1 for a in corpus if a.metadata.published)
    assert len(ax.collections[1].get_offsets()) == published
    assert len(ax.get_yticklabels()) == len(corpus)
    only_lead = timeline(corpus, segments=("body",))
    body = sum(1 for a in corpus for t in a.times if t.segment == "body" and timeline_date(t.value))
    assert len(only_lead.collections[0].get_offsets()) == body
    plt.close("all")


def test_top_entities_bars(corpus):
    names = {(e.canonical or e.text, e.label) for a in corpus for e in a.entities}
    ax = top_entities(corpus, n=5)
    assert len(ax.patches) == min(5, len(names)) == 5
    ax_all = top_entities(corpus, n=100)
    assert len(ax_all.patches) == len(names)
    widths = [p.get_width() for p in ax_all.patches]
    assert widths == sorted(widths, reverse=True)
    counts = {}
    for a in corpus:
        for e in a.entities:
            counts[(e.canonical or e.text, e.label)] = counts.get((e.canonical or e.text, e.label), 0) + 1
    assert widths[0] == max(counts.values())
    per = top_entities(corpus, n=3, labels=("PER",))
    assert all("(PER)" in t.get_text() for t in per.get_yticklabels())
    plt.close("all")


def test_kb_links_for_every_shipped_scheme():
    from newsnlp.integrations.html_view import _kb_url

    assert _kb_url("geonames:4560349") == "https://www.geonames.org/4560349"
    assert _kb_url("dbpedia-id:Joko_Widodo") == "http://id.dbpedia.org/resource/Joko_Widodo"
    assert _kb_url("wilayah:34.71") is None  # no public page per code
    assert _kb_url(None) is None
