"""Paragraphs the scraper split at an inline link are one line for the labeller (plain text), with
exact offsets; other lines without final punctuation (headings, bylines, lists) stay apart.
Invented text."""

from __future__ import annotations

from newsnlp.lines import iter_lines
from newsnlp.structure.stage import StructureStage

from .helpers import run

LEAD = "JAKARTA, KABARCONTOH.COM - Harga beras di pasar induk naik lagi pekan ini menurut para pedagang."
PARA = "Pemerintah berjanji menambah pasokan beras dari gudang di berbagai daerah dalam waktu dekat."
END = "Warga diminta tidak membeli beras secara berlebihan selama harga belum turun."


def line_labels(stage: StructureStage, *lines: str) -> tuple[dict[str, str], list]:
    """The label of the segment covering each line (the line's text as key), and the segments."""
    text = "\n".join(lines)
    art = run(stage, text)
    out = {}
    for s, _e, line in iter_lines(text):
        if line.strip():
            cover = [g for g in art.segments if g.start <= s + len(line) - len(line.lstrip()) < g.end]
            cover = [g for g in cover if g.label not in ("dateline", "credit")] or cover
            out[line.strip()] = cover[0].label if cover else None
    return out, art.segments


def one_segment(segs, first: str, last: str) -> bool:
    """Whether one segment runs from the line ``first`` to the line ``last`` (across the breaks)."""
    return any(s.text.startswith(first) and s.text.endswith(last) for s in segs)


def test_the_link_text_alone_on_its_line_joins_its_paragraph(stage):
    frag = [
        "Menurut data terbaru yang dirilis oleh",
        "Badan Statistik Kota",
        ", inflasi bulan Mei naik 2,1 persen.",
    ]
    lab, segs = line_labels(stage, LEAD, PARA, *frag, END)
    assert [lab[x] for x in frag] == ["body", "body", "body"]
    # one segment spans the three parts, with exact offsets across the line breaks
    assert one_segment(segs, frag[0], frag[2])


def test_a_line_going_on_in_lower_case_joins_its_paragraph(stage):
    frag = ["Dengan begitu harga beras medium kini dibanderol Rp14.500", "per kilogram di pasar tradisional."]
    lab, segs = line_labels(stage, LEAD, PARA, *frag, END)
    assert lab[frag[0]] == "body" and lab[frag[1]] == "body"
    assert one_segment(segs, frag[0], frag[1])


def test_a_line_ending_with_a_preposition_goes_on_whatever_the_case(stage):
    frag = [
        "Kenaikan itu juga dipicu cuaca buruk yang melanda sentra produksi di",
        "Jawa Tengah",
        "sejak awal bulan.",
    ]
    lab, segs = line_labels(stage, LEAD, PARA, *frag, END)
    assert {lab[x] for x in frag} == {"body"}
    assert one_segment(segs, frag[0], frag[2])


def test_a_lead_split_at_its_link_stays_one_lead(stage):
    lab, segs = line_labels(
        stage,
        "JAKARTA, KABARCONTOH.COM - Menteri Perdagangan meninjau harga beras di",
        "Pasar Induk Cipinang",
        "bersama pejabat daerah pada Senin pagi.",
        PARA,
    )
    assert lab["Pasar Induk Cipinang"] == "lead"
    assert [s.label for s in segs if s.label in ("title", "kicker", "subheading")] == []


def test_headings_bylines_and_lists_stay_apart(stage):
    lab, _ = line_labels(
        stage,
        LEAD,
        PARA,
        "Harga Beras di Daerah",  # a heading over a paragraph: finished, no lower-case follow-up
        PARA,
        "Penulis: Budi Santoso",  # a byline is never part of a paragraph
        "editor senior",
    )
    assert lab["Harga Beras di Daerah"] == "subheading"
    assert lab["Penulis: Budi Santoso"] == "byline"
    lab, _ = line_labels(
        stage,
        LEAD,
        "Daftar harga hari ini antara lain beras",
        "1. beras medium Rp14.500",
        "2. beras premium Rp16.000",
        PARA,
    )
    assert lab["1. beras medium Rp14.500"] == lab["2. beras premium Rp16.000"] == "body"
    assert lab["Daftar harga hari ini antara lain beras"] == "body"


def test_html_lines_are_not_merged(stage):
    from newsnlp.pipeline import Pipeline

    page = (
        "<html><body><article><p>" + LEAD + "</p><h2>Harga naik di pasar induk kota</h2>"
        "<p>pedagang mengeluhkan pasokan yang terlambat datang dari daerah produsen.</p></article></body></html>"
    )
    art = Pipeline(stages=("structure",))(page, html=True)
    assert "subheading" in [s.label for s in art.segments]
