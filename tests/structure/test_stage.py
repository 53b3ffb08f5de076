"""The structure stage as a stage: the seed example line by line and through the pipeline,
segments given to sentences, entities and times, its registration, untouched text, metadata kept
from HTML, exact offsets on any text. (Outlet habits: ``test_outlets.py``; HTML pages:
``test_pages.py``; the HTML reader: ``tests/input/test_html.py``.)"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsnlp.pipeline import Pipeline
from newsnlp.record import Article, Entity, Sentence, TimeExpression
from newsnlp.registry import BaseStage, get_stage_factory, get_stage_meta
from newsnlp.structure.stage import StructureStage

from .helpers import check_offsets, run, seg

SEED = Path(__file__).resolve().parents[2] / "examples" / "tribunjogja_microsoft_tiktok.txt"


# -- the seed example --------------------------------------------------------------------------
def test_seed_line_by_line(stage):
    text = SEED.read_text(encoding="utf-8")
    art = run(stage, text)
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    got = []
    pos = 0
    for ln in lines:
        start = text.index(ln, pos)
        pos = start + len(ln)
        cands = [s for s in art.segments if s.start == start and s.label not in ("credit", "dateline")]
        got.append(cands[0].label if cands else None)
    expected = [
        "kicker",
        "teaser",
        "teaser",
        "source_link",
        "title",
        "lead",
        "body",
        "body",
        "caption",
        "caption",
        "body",
        "body",
        "body",
        "related",
        "body",
        "body",
        "caption",
        "caption",
        "body",
        "body",
        "related",
        "pagination",
        "pagination",
        "byline",
        "byline",
        "byline",
        "boilerplate",
        "boilerplate",
        "boilerplate",
        "copyright",
        "copyright",
    ]
    assert got == expected
    assert seg(art, "dateline") == ["TRIBUNJOGJA.COM -"]
    lead = seg(art, "lead")[0]
    assert lead.startswith("TRIBUNJOGJA.COM - Raksasa teknologi")
    assert seg(art, "credit") == ["(BBC INDONESIA)", "(The Verge)"]
    md = art.metadata
    assert md.title == "Microsoft Diskusi dengan Trump Terkait Aplikasi TikTok, Tidak Jamin Ada Pembelian"
    assert md.authors == ["Bunga Kartikasari"]
    assert md.editors == ["Mona Kriesdinar"]
    assert md.sources == ["Tribun Jogja"]
    assert md.publisher == "Tribun Jogja"
    assert art.text == text
    assert "Ilustrasi TikTok" not in art.clean_text and "Halaman" not in art.clean_text
    assert art.clean_text.startswith("Microsoft Diskusi dengan Trump")


def test_seed_through_pipeline_and_items_get_segments():
    text = SEED.read_text(encoding="utf-8")
    nlp = Pipeline(stages=("structure",))
    art = Article(text=text)
    # what earlier stages would have left: a sentence, entities in a caption, related link and lead
    i_cap = text.index("Xi Jinping. (BBC")
    i_rel = text.index("Donald Trump Setelah")
    i_lead = text.index(
        "Raksasa teknologi Amerika, Microsoft mengonfirmasi bahwa mereka akan melanjutkan pembicaraan tentang membeli aplikasi TikTok dari ByteDance, perusahaan"
    )
    i_date = text.index("Minggu (2/8/2020)")
    art.entities = [
        Entity(i_cap, i_cap + 10, "Xi Jinping", "PER"),
        Entity(i_rel, i_rel + 12, "Donald Trump", "PER"),
        Entity(i_lead + 30, i_lead + 39, "Microsoft", "ORG"),
        Entity(text.index("TRIBUNJOGJA.COM"), text.index("TRIBUNJOGJA.COM") + 15, "TRIBUNJOGJA.COM", "ORG"),
    ]
    art.times = [TimeExpression(i_date, i_date + 17, "Minggu (2/8/2020)", "DATE", "2020-08-02")]
    s0 = text.index("TRIBUNJOGJA.COM -")
    art.sentences = [
        Sentence(s0, text.index("perusahaan China.") + 17, text[s0 : text.index("perusahaan China.") + 17])
    ]
    nlp.get_stage("structure").process(art)
    assert [e.segment for e in art.entities] == ["caption", "related", "lead", "dateline"]
    assert art.times[0].segment == "body"
    assert art.sentences[0].segment == "lead"
    full = nlp(text)
    assert full.stages == ["structure"]
    assert full.metadata.authors == ["Bunga Kartikasari"]
    check_offsets(full)


def test_registry_and_interface():
    factory = get_stage_factory("structure")
    st = factory()
    assert isinstance(st, BaseStage) and st.name == "structure"
    assert get_stage_meta("structure").requires == ("text",)


def test_text_never_modified_and_empty_inputs(stage):
    for text in ["", "   \n\n  ", "Satu kalimat saja.", "\n\nJudul Saja Tanpa Titik\n"]:
        art = run(stage, text)
        assert art.text == text


def test_keeps_html_metadata_when_own_values_empty(stage):
    art = Article(text="Harga minyak goreng turun di pasar tradisional pekan ini.")
    art.metadata.title = "Harga Minyak Goreng Turun"
    art.metadata.authors = ["Dewi Lestari"]
    art.metadata.publisher = "Kabar Contoh"
    stage.process(art)
    assert art.metadata.title == "Harga Minyak Goreng Turun"
    assert art.metadata.authors == ["Dewi Lestari"] and art.metadata.publisher == "Kabar Contoh"


_PIECES = [
    "TRIBUNJOGJA.COM - ",
    "JAKARTA, KOMPAS.com -",
    "Baca juga: Judul Berita Lain Hari Ini",
    "Baca Juga",
    "Advertisement",
    "Penulis: Rina Sari",
    "(ial/lir)",
    "Halaman",
    "123",
    "© 2024 Contoh.",
    "Ilustrasi banjir di kota. (ANTARA/Budi)",
    "Warga mengungsi ke masjid terdekat.",
    "Judul Pendek",
    "Harga beras naik menjelang Lebaran di pasar tradisional kota.",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "(*)",
    "Dok. Contoh FotoKeterangan foto.",
    "Liputan6.com, JakartaKalimat",
    "&nbsp;",
    "“kutipan,” katanya.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=30), max_size=40))
def test_property_offsets_exact_on_any_text(pieces):
    text = "".join(pieces)
    art = Article(text=text)
    StructureStage().process(art)
    assert art.text == text
    check_offsets(art)
