"""One test per error class of issue #15 and of the fresh2 measurement, each on invented text.
Every test fails without the rule (or data entry) it names."""

from __future__ import annotations

import pytest

from newsnlp.record import Article
from newsnlp.structure.stage import StructureStage

from .helpers import LEAD, PARA, check_offsets, labels, labels_by_line, run


def test_heading_with_colon_over_a_schedule_is_a_subheading(stage):
    lab = labels(
        stage,
        LEAD,
        PARA,
        "Jadwal Imsakiyah Kota Contoh dan sekitarnya:",
        "Imsak: 04.30",
        "Subuh: 04.40",
        PARA,
    )
    assert lab["Jadwal Imsakiyah Kota Contoh dan sekitarnya:"] == "subheading"


def test_sentence_introducing_a_list_stays_body(stage):
    lab = labels(
        stage,
        LEAD,
        "Berikut rincian jadwal yang diumumkan pemerintah kota:",
        "1. Senam pagi",
        "2. Bazar",
        PARA,
    )
    assert lab["Berikut rincian jadwal yang diumumkan pemerintah kota:"] == "body"


def test_day_heading_over_a_schedule_is_a_subheading(stage):
    lab = labels(stage, LEAD, PARA, "Sabtu, 21 Juni 2025", "Pukul 08.00 senam bersama di taman kota.", PARA)
    assert lab["Sabtu, 21 Juni 2025"] == "subheading"
    # a publication stamp with a clock time is still a header date line
    lab = labels(stage, "Sabtu, 21 Juni 2025 10:15 WIB", LEAD, PARA)
    assert lab["Sabtu, 21 Juni 2025 10:15 WIB"] == "boilerplate"


def test_fact_check_pointer_is_a_related_link(stage):
    line = "Lalu benarkah klaim tentang jembatan itu runtuh kemarin? Simak dalam artikel berikut ini..."
    assert labels(stage, LEAD, PARA, line, PARA)[line] == "related"


def test_label_and_value_line_is_body_not_a_heading(stage):
    lab = labels(stage, LEAD, PARA, "Harga Motor Contoh 125: mulai Rp 23.180.000", PARA)
    assert lab["Harga Motor Contoh 125: mulai Rp 23.180.000"] == "body"


def test_currency_code_in_parentheses_is_no_photo_credit(stage):
    line = "Reksa dana contoh: versi lindung nilai dalam Dolar Amerika Serikat (USD)"
    art = run(stage, "\n\n".join([LEAD, PARA, line, PARA]))
    assert labels_by_line(art)[line] != "caption"
    assert not any(s.label == "credit" for s in art.segments)


def test_team_signing_the_article_is_a_byline(stage):
    assert labels(stage, LEAD, PARA, "Tim Rembulan")["Tim Rembulan"] == "byline"


def test_syndication_note_and_adapted_by_are_bylines(stage):
    lab = labels(
        stage,
        LEAD,
        PARA,
        "Artikel ini pertama kali terbit dalam Bahasa Inggris",
        "Diadaptasi oleh Rizki Pratama",
    )
    assert lab["Artikel ini pertama kali terbit dalam Bahasa Inggris"] == "byline"
    assert lab["Diadaptasi oleh Rizki Pratama"] == "byline"


def test_next_page_prompt_written_as_a_sentence_is_pagination(stage):
    line = "Simak berita selengkapnya di halaman berikutnya."
    assert labels(stage, LEAD, PARA, line)[line] == "pagination"


def test_click_here_prompt_and_disclaimer_are_boilerplate(stage):
    click = "Untuk mengetahui jadwal sholat hari ini di seluruh Indonesia, bisa diklik di sini."
    disc = "Disclaimer: Setiap keputusan investasi ada di tangan pembaca."
    lab = labels(stage, LEAD, PARA, click, disc)
    assert lab[click] == lab[disc] == "boilerplate"


def test_raw_cms_shortcodes(stage):
    cap = '[caption id="attachment_12" align="alignnone" width="800"]Warga antre di posko bantuan.[/caption]'
    lab = labels(stage, LEAD, "[embed]", PARA, cap, PARA)
    assert lab["[embed]"] == "boilerplate"
    assert lab[cap] == "caption"


def test_copyright_sign_before_a_photo_credit_is_a_credit(stage):
    lab = labels(stage, LEAD, "© Foto: Dok. Panitia", PARA, "© 2025 Kabar Contoh. All rights reserved.")
    assert lab["© Foto: Dok. Panitia"] == "credit"
    assert lab["© 2025 Kabar Contoh. All rights reserved."] == "copyright"


def test_name_above_its_byline_key(stage):
    art = run(stage, "\n\n".join([LEAD, PARA, "Rina Wulandari", "Penulis"]))
    lab = labels_by_line(art)
    assert lab["Rina Wulandari"] == lab["Penulis"] == "byline"
    assert art.metadata.authors == ["Rina Wulandari"]


def test_name_below_its_byline_key_feeds_the_metadata(stage):
    art = run(stage, "\n\n".join([LEAD, PARA, "Editor", "Dony Aprian"]))
    assert art.metadata.editors == ["Dony Aprian"]


def test_unicode_line_breaks_split_lines(stage):
    text = "Judul Berita Tentang Jembatan\u2028\u2028contoh.com\u2029" + LEAD + "\x85" + PARA
    art = run(stage, text)
    check_offsets(art)
    got = [(s.label, s.text) for s in art.segments if s.label != "dateline"]
    assert got[0] == ("title", "Judul Berita Tentang Jembatan")
    assert got[1] == ("source_link", "contoh.com")
    assert got[2][0] == "lead" and got[3] == ("body", PARA)


def test_clean_text_holds_subheadings_in_reading_order_and_one_title():
    art = Article(text="Judul\n\nSub\n\nIsi.\n\nJudul")
    from newsnlp.record import Segment

    art.segments = [
        Segment(0, 5, "Judul", "title"),
        Segment(7, 10, "Sub", "subheading"),
        Segment(12, 16, "Isi.", "body"),
        Segment(18, 23, "Judul", "title"),
    ]
    assert art.clean_text == "Judul\n\nSub\n\nIsi."


def test_user_outlets_from_python_objects_and_files(tmp_path):
    from newsnlp.errors import ConfigError
    from newsnlp.pipeline import Pipeline

    text = "WARTAKITA.ID, BANDUNG - Harga cabai di pasar tradisional naik tajam sejak awal pekan ini."
    shipped = Pipeline(stages=("structure",))(text)
    assert shipped.metadata.publisher != "Warta Kita"
    mine = [{"publisher": "Warta Kita", "ids": ["wartakita.id", "wartakita"]}]
    art = Pipeline(stages=("structure",), config={"structure": {"outlets": mine}})(text)
    assert art.metadata.publisher == "Warta Kita"
    path = tmp_path / "outlets.json"
    path.write_text('{"outlets": [{"publisher": "Warta Kita", "ids": ["wartakita.id"]}]}', encoding="utf-8")
    art = Pipeline(stages=("structure",), config={"structure": {"outlets": str(path)}})(text)
    assert art.metadata.publisher == "Warta Kita"
    # shipped outlets still known, thresholds overridable, unknown ones refused
    seed = "TRIBUNJOGJA.COM - Raksasa teknologi mengumumkan rencana baru pada hari Minggu kemarin."
    assert Pipeline(stages=("structure",), config={"structure": {"outlets": mine}})(seed).metadata.publisher
    st = StructureStage(thresholds={"lead_window_lines": 3})
    assert st._segmenter.ctx.cfg.lead_window_lines == 3
    with pytest.raises(ConfigError):
        StructureStage(thresholds={"no_such_threshold": 1})
