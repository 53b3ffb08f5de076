"""The plain-text classes of issue #15 left after its first round, on invented text: multi-line
promo and "follow our channel" blocks at the end, byline forms (an affiliation after a slash, a
place glued to the name, lower-case keys with a space before the colon), and the brand lists of
the credit and byline patterns read from the one outlet source."""

from __future__ import annotations

import copy

from newsnlp.data.outlets import outlet_data
from newsnlp.record import Article
from newsnlp.structure.resources import build_resources

from .helpers import LEAD, PARA, labels, labels_by_line, run


def test_a_prompt_broken_over_lines_with_its_link_is_boilerplate(stage):
    lab = labels(
        stage,
        LEAD,
        PARA,
        "Ikuti berita terkini dari Kabar Contoh di saluran WhatsApp kami melalui tautan",
        "https://whatsapp.com/channel/0029Vabc",
        "Dapatkan update berita pilihan dan",
        "breaking news setiap hari dari Kabar Contoh.",
    )
    assert lab["https://whatsapp.com/channel/0029Vabc"] == "boilerplate"
    assert lab["breaking news setiap hari dari Kabar Contoh."] == "boilerplate"


def test_a_prompt_in_parentheses_and_a_channel_link_are_boilerplate(stage):
    lab = labels(
        stage,
        LEAD,
        PARA,
        "(Ikuti terus berita terbaru Kabar Contoh di Google News)",
        "Mari bergabung di Grup Telegram",
        '"Kabar Contoh Update", caranya klik link https://t.me/kabarcontoh, kemudian join.',
    )
    assert lab["(Ikuti terus berita terbaru Kabar Contoh di Google News)"] == "boilerplate"
    assert lab["Mari bergabung di Grup Telegram"] == "boilerplate"
    assert (
        lab['"Kabar Contoh Update", caranya klik link https://t.me/kabarcontoh, kemudian join.']
        == "boilerplate"
    )
    # a bracketed "Baca Juga" naming a platform is still a related link
    lab = labels(stage, LEAD, "[ Baca Juga : Tren Foto Baru Ramai di Instagram ]", PARA)
    assert lab["[ Baca Juga : Tren Foto Baru Ramai di Instagram ]"] == "related"


def test_promo_headings_after_the_tag_list_are_boilerplate(stage):
    lab = labels(stage, LEAD, PARA, "banjir", "pemerintah kota", "Video Pilihan", "Terpopuler Hari Ini")
    assert lab["Video Pilihan"] == lab["Terpopuler Hari Ini"] == "boilerplate"
    # without a tag list, a heading closing the text stays a subheading
    lab = labels(stage, LEAD, PARA, "Jadwal Kegiatan")
    assert lab["Jadwal Kegiatan"] == "subheading"


def test_byline_forms(stage):
    art = run(
        stage,
        "\n\n".join(
            [
                LEAD,
                PARA,
                "Penulis: Budi Santoso/Kompas",
                "penulis : Rina Sari",
                "Editor: Dodi SetiawanJAKARTA",
            ]
        ),
    )
    lab = labels_by_line(art)
    assert lab["penulis : Rina Sari"] == "byline"
    assert art.metadata.authors == ["Budi Santoso", "Rina Sari"]
    assert art.metadata.editors == ["Dodi Setiawan"]
    # two names with a slash between them are two names
    art = run(stage, "\n\n".join([LEAD, PARA, "Penulis: Budi Santoso/Rina Sari"]))
    assert art.metadata.authors == ["Budi Santoso", "Rina Sari"]


def test_credit_and_byline_brands_come_from_the_outlet_file():
    r = build_resources()
    assert r.credit_prefix.match("DETIKCOM/Budi Santoso Warga antre")
    assert r.byline_brand.match("Budi Santoso - detikJateng")
    # an outlet added to the outlet data is known to both patterns: one source
    outl = copy.deepcopy(outlet_data())
    assert not build_resources(outl).credit_prefix.match("WARTAKITA.id/Budi Warga antre")
    outl["brand_prefixes"] = [*outl["brand_prefixes"], "Wartakita"]
    outl["brands"] = [*outl["brands"], "Warta Kita"]
    r2 = build_resources(outl)
    assert r2.credit_prefix.match("WARTAKITA.id/Budi Warga antre")
    assert r2.byline_brand.match("Budi Santoso - Warta Kita")
    assert not r.byline_brand.match("Budi Santoso - Warta Kita")


def test_article_record_keeps_offsets(stage):
    text = "\n".join([LEAD, PARA, "Ikuti berita kami di", "https://contoh.id/kanal"])
    art = Article(text=text)
    stage.process(art)
    assert all(text[s.start : s.end] == s.text for s in art.segments)
