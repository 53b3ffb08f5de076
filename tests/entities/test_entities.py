"""The entities stage: gazetteer matching, combination with the model, titles, grouping, kb ids.

Most tests run the gazetteer alone (``model=False``) so that they test this stage's own rules;
the combination rule is tested with a stand-in model that returns fixed mentions.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsnlp import Pipeline
from newsnlp.entities.gazetteer import _DOMAIN, Gazetteer, find_domains
from newsnlp.entities.stage import EntityStage
from newsnlp.record import ENTITY_LABELS, Article
from tests.conftest import assert_offsets

KB_ID = re.compile(r"^(wilayah:\d{2}(\.\d{2}){0,2}|iso3166:[A-Z]{2}|geonames:\d+|dbpedia-id:\S+)$")


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline(stages=("text", "entities"), config={"entities": {"model": False}})


def ents(article: Article, text: str) -> list:
    return [e for e in article.entities if e.text == text]


def labels(art: Article, text: str) -> list[str]:
    """Labels of the mentions whose text is ``text``, in order."""
    return [e.label for e in ents(art, text)]


def check_layer(article: Article) -> None:
    assert_offsets(article)
    last_end = -1
    for e in article.entities:
        assert e.label in ENTITY_LABELS
        assert e.start >= last_end, "entities overlap or are unsorted"
        last_end = e.end
        if e.kb_id is not None:
            assert KB_ID.match(e.kb_id), e.kb_id


# -- the seed article --------------------------------------------------------------------------
def test_seed_entities_and_groups(nlp, seed_text):
    art = nlp(seed_text)
    check_layer(art)
    by_text = {e.text: e for e in art.entities}
    assert by_text["Microsoft"].label == "ORG"
    assert by_text["TikTok"].label == "PRODUCT"
    assert by_text["ByteDance"].label == "ORG"
    assert by_text["Xi Jinping"].label == "PER"
    for name in ("China", "Kanada", "Australia", "Selandia Baru"):
        assert by_text[name].label == "LOC", name

    trump_ids = {
        e.entity_id for e in art.entities if e.text.replace("\xa0", " ") in ("Donald Trump", "Trump")
    }
    assert len(trump_ids) == 1
    trump = [e for e in art.entities if e.entity_id in trump_ids]
    assert len(trump) >= 8
    assert all(e.label == "PER" and e.canonical == "Donald Trump" for e in trump)
    # "Presiden Trump": the title is outside the span
    assert any(e.text == "Trump" and e.title == "Presiden" for e in trump)
    assert not any("Presiden" in e.text for e in art.entities)

    nadella = [e for e in art.entities if e.text in ("Satya Nadella", "Nadella")]
    assert {e.text for e in nadella} == {"Satya Nadella", "Nadella"}
    assert len({e.entity_id for e in nadella}) == 1
    assert all(e.canonical == "Satya Nadella" for e in nadella)
    full = next(e for e in nadella if e.text == "Satya Nadella")
    assert full.role == "CEO Microsoft"

    us = [e for e in art.entities if e.text in ("Amerika Serikat", "AS", "Amerika")]
    assert {e.text for e in us} == {"Amerika Serikat", "AS", "Amerika"}
    assert len({e.entity_id for e in us}) == 1
    assert {e.canonical for e in us} == {"Amerika Serikat"}
    assert {e.kb_id for e in us} == {"iso3166:US"}

    # the dateline domain joins the outlet named in the byline
    tj = [e for e in art.entities if e.text in ("TRIBUNJOGJA.COM", "Tribun Jogja")]
    assert len(tj) == 2 and len({e.entity_id for e in tj}) == 1
    assert tj[0].canonical == "Tribun Jogja" and tj[0].label == "ORG"

    # different entities keep different ids
    assert by_text["Microsoft"].entity_id != by_text["ByteDance"].entity_id
    assert by_text["China"].entity_id != by_text["Kanada"].entity_id


def test_seed_kb_ids_only_where_real(nlp, seed_text):
    art = nlp(seed_text)
    by_text = {e.text: e for e in art.entities}
    assert by_text["Kanada"].kb_id == "iso3166:CA"
    assert by_text["Selandia Baru"].kb_id == "iso3166:NZ"
    assert by_text["Xi Jinping"].kb_id == "dbpedia-id:Xi_Jinping"
    # TikTok and ByteDance are not resources of the Indonesian DBpedia list: no id
    assert by_text["TikTok"].kb_id is None
    assert by_text["ByteDance"].kb_id is None
    # mentions found by in-article rules carry the id of their group, never their own
    nadella = by_text["Nadella"]
    assert nadella.kb_id == by_text["Satya Nadella"].kb_id


# -- titles and roles --------------------------------------------------------------------------
def test_titles_and_roles_stay_outside_person_spans(nlp):
    text = (
        "Presiden Joko Widodo meresmikan bendungan di Kabupaten Sleman. "
        "Sementara itu, CEO Microsoft, Satya Nadella menemui Menteri Sri Mulyani Indrawati di Jakarta. "
        "Gubernur Jawa Tengah Ganjar Pranowo ikut hadir."
    )
    art = nlp(text)
    check_layer(art)
    jokowi = ents(art, "Joko Widodo")[0]
    assert jokowi.label == "PER" and jokowi.title == "Presiden"
    nadella = ents(art, "Satya Nadella")[0]
    assert nadella.role == "CEO Microsoft"
    sri = ents(art, "Sri Mulyani Indrawati")[0]
    assert sri.title == "Menteri"
    ganjar = ents(art, "Ganjar Pranowo")[0]
    assert ganjar.title == "Gubernur Jawa Tengah"
    assert not any(e.text.startswith(("Presiden", "Menteri", "Gubernur", "CEO")) for e in art.entities)


def test_name_after_title_found_without_gazetteer_entry(nlp):
    art = nlp("Bupati Sleman Kustini Sri Purnomo meninjau lokasi banjir. Kustini meminta warga waspada.")
    check_layer(art)
    per = ents(art, "Kustini Sri Purnomo")
    assert per and per[0].label == "PER" and per[0].source == "rule"
    assert per[0].title == "Bupati Sleman"
    short = ents(art, "Kustini")
    assert short and short[0].entity_id == per[0].entity_id
    assert short[0].canonical == "Kustini Sri Purnomo"


# -- acronyms ------------------------------------------------------------------------------------
def test_acronym_defined_in_text_groups_later_mentions(nlp):
    text = (
        "Komisi Pemberantasan Korupsi (KPK) menahan dua tersangka. "
        "Juru bicara KPK mengatakan pemeriksaan berlanjut."
    )
    art = nlp(text)
    check_layer(art)
    long = ents(art, "Komisi Pemberantasan Korupsi")[0]
    kpk = ents(art, "KPK")
    assert len(kpk) == 2
    assert {e.entity_id for e in kpk} == {long.entity_id}
    assert all(e.canonical == "Komisi Pemberantasan Korupsi" and e.label == "ORG" for e in kpk)


def test_acronym_of_unknown_organisation(nlp):
    text = "Lembaga Kajian Pangan Nusantara (LKPN) merilis laporan tahunan. Menurut LKPN, harga beras naik."
    art = nlp(text)
    check_layer(art)
    long = ents(art, "Lembaga Kajian Pangan Nusantara")
    acr = ents(art, "LKPN")
    assert long and len(acr) == 2
    assert long[0].label == "ORG"
    assert {e.entity_id for e in acr} == {long[0].entity_id}
    assert all(e.kb_id is None for e in [*long, *acr])


# -- variants and misspellings -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("variant", "canonical", "label"),
    [
        ("Bytedance", "ByteDance", "ORG"),
        ("Tik Tok", "TikTok", "PRODUCT"),
        ("Micosoft", "Microsoft", "ORG"),
        ("Satya Nadela", "Satya Nadella", "PER"),
        ("Kementrian Kesehatan", "Kementerian Kesehatan", "ORG"),
    ],
)
def test_variants_resolve_to_the_known_name(nlp, variant, canonical, label):
    art = nlp(f"Laporan itu menyebut {variant} sebagai pihak yang paling diuntungkan.")
    check_layer(art)
    hit = ents(art, variant)
    assert hit, [(e.text, e.label) for e in art.entities]
    assert hit[0].canonical == canonical and hit[0].label == label


def test_ordinary_capitalised_words_are_not_fuzzy_matched(nlp):
    art = nlp("Sebelumnya, Pemerintah menyatakan Keputusan itu Mendesak dan Penting bagi Masyarakat.")
    check_layer(art)
    assert all(e.source != "gazetteer" or e.score >= 0.85 for e in art.entities)
    assert not [
        e for e in art.entities if e.text in ("Sebelumnya", "Keputusan", "Mendesak", "Penting", "Masyarakat")
    ]


# -- ambiguous place names -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Batu besar itu menutup jalan desa.",
        "Kota itu ramai saat libur panjang.",
        "Baru kemarin harga cabai naik lagi.",
        "Bukit di belakang sekolah longsor. Tengah malam warga mengungsi.",
        "Warga menjual barang Bekas di pasar.",
    ],
)
def test_ambiguous_common_words_do_not_match_alone(nlp, sentence):
    art = nlp(sentence)
    assert art.entities == [], [(e.text, e.label) for e in art.entities]


def test_ambiguous_word_matches_inside_known_name(nlp):
    art = nlp("Wisatawan memadati Kota Batu dan Kabupaten Sleman pada akhir pekan.")
    check_layer(art)
    batu = ents(art, "Kota Batu")[0]
    assert batu.label == "LOC" and batu.kb_id == "wilayah:35.79"
    sleman = ents(art, "Kabupaten Sleman")[0]
    assert sleman.kb_id == "wilayah:34.04"
    assert not ents(art, "Batu")


def test_region_short_form_and_province_alias(nlp):
    art = nlp("Banjir melanda Sleman, DIY, dan sebagian Jawa Tengah.")
    check_layer(art)
    assert ents(art, "Sleman")[0].kb_id == "wilayah:34.04"
    assert ents(art, "DIY")[0].kb_id == "wilayah:34"
    assert ents(art, "Jawa Tengah")[0].kb_id == "wilayah:33"


def test_products_and_events(nlp):
    art = nlp("Penggunaan WhatsApp dan iPhone meningkat menjelang Piala Dunia 2022 dan Pilpres 2024.")
    check_layer(art)
    assert ents(art, "WhatsApp")[0].label == "PRODUCT"
    assert ents(art, "iPhone")[0].label == "PRODUCT"
    assert ents(art, "Piala Dunia 2022")[0].label == "EVENT"
    assert ents(art, "Pilpres 2024")[0].canonical == "Pemilihan Presiden 2024"


def test_event_names_from_head_words(nlp):
    art = nlp(
        "Persib tampil di Liga Malaysia dan Piala Presiden 2025. "
        "Gelaran Jakarta Fashion Week dibuka. Konser itu ramai penonton."
    )
    check_layer(art)
    assert ents(art, "Liga Malaysia")[0].label == "EVENT"
    assert ents(art, "Piala Presiden 2025")[0].label == "EVENT"
    assert ents(art, "Jakarta Fashion Week")[0].label == "EVENT"
    assert not ents(art, "Malaysia") and not ents(art, "Jakarta")  # absorbed into the events
    assert not [e for e in art.entities if e.text.startswith(("Konser", "Gelaran"))]


def test_brand_and_model_number_is_a_product(nlp):
    art = nlp("Toyota memamerkan Xpeng G6 pesaing, sementara Boeing 737 dan Toyota 2025 dibahas.")
    check_layer(art)
    assert ents(art, "Xpeng G6")[0].label == "PRODUCT"
    assert ents(art, "Boeing 737")[0].label == "PRODUCT"
    assert ents(art, "Toyota")[0].label == "ORG"  # a year is not a model number
    assert not ents(art, "Toyota 2025")


def test_glued_scraped_text(nlp):
    art = nlp("Empat laga dimainkan diPiala Dunia Antarklub 2025mulai Rabu.")
    check_layer(art)
    assert ents(art, "Piala Dunia Antarklub 2025")[0].label == "EVENT"


# -- the model side: combination rule and batching, with a stand-in model -------------------------
@dataclass(frozen=True)
class FakeMention:
    start: int
    end: int
    label: str
    score: float


class FakeModel:
    """Tags fixed word sequences; counts calls."""

    def __init__(self, spans: dict[tuple[str, ...], str]) -> None:
        self.spans = spans
        self.calls = 0

    def predict(self, docs, batch_size=64, line_starts=None, common_words=frozenset()):
        self.calls += 1
        out = []
        for words, _spaces in docs:
            found = []
            for seq, label in self.spans.items():
                n = len(seq)
                for i in range(len(words) - n + 1):
                    if tuple(words[i : i + n]) == seq:
                        found.append(FakeMention(i, i + n, label, 0.8))
            out.append(found)
        return out


def test_combination_rule(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {
            ("TikTok",): "ORG",  # gazetteer says PRODUCT: gazetteer wins on PRODUCT
            ("Presiden", "Budi", "Santoso"): "PER",  # title inside the model span: stripped
            ("Toko", "Sumber", "Rejeki"): "ORG",  # unknown to the gazetteer: model fills the gap
            ("Amerika",): "LOC",  # gazetteer knows it
            ("Madiun", "Sutrisno"): "PER",  # model PER beats the (non-curated) gazetteer place
            ("Perancis", "Jacques", "Chirac"): "PER",  # after a title: the country joins the title
            ("Ikuti", "WhatsApp", "Channel"): "PER",  # around a curated PRODUCT: dropped
            ("citra", "Angel", "Lelga"): "PER",  # lower-case edge word: trimmed
            ("Komisi", "Yudisial", "(", "KY"): "ORG",  # unbalanced bracket: cut
            ("Direktur",): "ORG",  # a title alone: dropped
        }
    )
    text = (
        "Presiden Budi Santoso memakai TikTok di Amerika. "
        "Ia membeli ponsel di Toko Sumber Rejeki bersama Madiun Sutrisno. "
        "Presiden Perancis Jacques Chirac tiba kemarin. Ikuti WhatsApp Channel kami. "
        "Ia menjaga citra Angel Lelga di depan Komisi Yudisial (KY) pekan lalu. Direktur itu diam."
    )
    art = nlp(text)
    check_layer(art)
    tiktok = ents(art, "TikTok")[0]
    assert tiktok.label == "PRODUCT" and tiktok.source == "both"
    budi = ents(art, "Budi Santoso")[0]
    assert budi.label == "PER" and budi.title == "Presiden" and budi.source == "model"
    assert ents(art, "Toko Sumber Rejeki")[0].source == "model"
    am = ents(art, "Amerika")[0]
    assert am.source == "both" and am.kb_id == "iso3166:US"
    madiun = ents(art, "Madiun Sutrisno")
    assert madiun and madiun[0].label == "PER"
    assert not ents(art, "Madiun")
    chirac = ents(art, "Jacques Chirac")[0]
    assert chirac.label == "PER" and chirac.title == "Presiden Perancis"
    assert ents(art, "WhatsApp")[0].label == "PRODUCT"
    assert not [e for e in art.entities if "Channel" in e.text]
    assert ents(art, "Angel Lelga")[0].label == "PER"
    assert not [e for e in art.entities if "citra" in e.text]
    ky = ents(art, "Komisi Yudisial")[0]
    assert ky.label == "ORG" and ky.canonical == "Komisi Yudisial"
    assert ents(art, "KY")[0].entity_id == ky.entity_id
    assert not ents(art, "Direktur")


def test_batch_calls_model_once(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    fake = FakeModel({("Microsoft",): "ORG"})
    stage.model = fake
    texts = [f"Microsoft membuka kantor ke-{i} di Jakarta." for i in range(5)]
    arts = list(nlp.pipe(texts, batch_size=8))
    assert fake.calls == 1
    for art in arts:
        check_layer(art)
        assert ents(art, "Microsoft")[0].source == "both"


def test_missing_model_falls_back_to_gazetteer(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stage = EntityStage(model=True, model_path=str(tmp_path / "no-model"))
    assert stage.model is None
    assert any("gazetteer-only" in str(w.message) for w in caught)
    art = Article(text="Microsoft membeli saham di Jakarta.")
    stage.process(art)  # no tokens: the gazetteer still works on the text
    assert [e.text for e in art.entities] == ["Microsoft", "Jakarta"]


def test_gazetteer_loads_quickly_and_is_small():
    from newsnlp.entities.gazetteer import DEFAULT_GAZETTEER_PATH

    assert DEFAULT_GAZETTEER_PATH.stat().st_size < 5_000_000
    gaz = Gazetteer.load()
    assert gaz.lookup("KPK") is not None
    assert gaz.lookup("Kpk") is None  # short acronyms are case-sensitive
    assert gaz.lookup("Batu") is None


def test_surname_groups_with_the_right_person(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Ivanka", "Trump"): "PER", ("Budi", "Hartanto"): "PER"})
    art = nlp(
        "Ivanka Trump tiba di Jakarta. Presiden Trump tidak ikut. Pengusaha Budi Hartanto "
        "bertemu Ivanka Trump. Menurut Hartanto, pertemuan itu singkat."
    )
    check_layer(art)
    ivanka = ents(art, "Ivanka Trump")
    trump = ents(art, "Trump")[0]
    assert len({e.entity_id for e in ivanka}) == 1
    assert trump.canonical == "Donald Trump" and trump.entity_id != ivanka[0].entity_id
    budi = ents(art, "Budi Hartanto")[0]
    hartanto = ents(art, "Hartanto")[0]
    assert hartanto.entity_id == budi.entity_id and hartanto.canonical == "Budi Hartanto"


def test_headline_case_words_after_a_known_name(model_stage_pipeline):
    # in a Title Case headline, ordinary words after a known name are not part of it;
    # in running text the model's longer span stands
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Microsoft", "Diskusi"): "ORG", ("Toko", "Sumber", "Rejeki"): "ORG"})
    text = (
        "Microsoft Diskusi dengan Trump Terkait Aplikasi TikTok\n\n"
        "Warga berbelanja di Toko Sumber Rejeki, lalu berbincang tentang Microsoft Diskusi kemarin.\n"
    )
    art = nlp(text)
    check_layer(art)
    first = next(e for e in art.entities if e.start == 0)
    assert (first.text, first.label) == ("Microsoft", "ORG")
    body = [e for e in art.entities if e.start > 60 and e.text.startswith("Microsoft")]
    assert body and body[0].text == "Microsoft Diskusi"
    assert ents(art, "Toko Sumber Rejeki")


def test_short_name_in_brackets_and_unbalanced_closing_bracket(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {
            ("PT", "Kirana", "Megatara", "Nusantara"): "ORG",
            ("RUPST", ")", "PT", "Sinar", "Laut"): "ORG",  # glued scrape: the bracket is not the name
        }
    )
    text = (
        "PT Kirana Megatara Nusantara (Kirana) menambah pabrik karet di Jambi. "
        "Tahun lalu Kirana membukukan laba bersih.\n"
        "Rapat Umum Pemegang Saham Tahunan (RUPST) PT Sinar Laut menyetujui pembagian dividen."
    )
    art = nlp(text)
    check_layer(art)
    long = ents(art, "PT Kirana Megatara Nusantara")[0]
    short = [e for e in art.entities if e.text == "Kirana"]
    assert len(short) == 2, "the short name in brackets and its later mention"
    assert all(e.label == "ORG" and e.entity_id == long.entity_id for e in short)
    assert not [e for e in art.entities if ")" in e.text]
    assert ents(art, "PT Sinar Laut")


def test_speaker_after_a_quotation_is_a_person(nlp):
    text = (
        '"Target penerimaan tahun ini tercapai," terang Djaka. Realisasinya naik 8 persen.\n'
        '"Semua berjalan lancar," ujar Djaka Budi Utama dalam konferensi pers.\n'
        "Kebijakan itu, kata Yuliot, akan dijelaskan pekan depan.\n"
        '"Kami siap," kata Head of Marketing Jaecoo.\n'
        '"Ini bagus," kata Menteri Keuangan Sri Mulyani.\n'
        "Menurut dia, kata Pengantar buku itu ditulis ulang.\n"
    )
    art = nlp(text)
    check_layer(art)
    assert [(e.text, e.label) for e in ents(art, "Djaka")] == [("Djaka", "PER")]
    assert [e.label for e in ents(art, "Djaka Budi Utama")] == ["PER"]
    assert ents(art, "Djaka")[0].entity_id == ents(art, "Djaka Budi Utama")[0].entity_id
    assert [e.label for e in ents(art, "Yuliot")] == ["PER"]
    assert not [e for e in art.entities if e.text in ("Head", "Pengantar", "Menteri")]
    sri = ents(art, "Sri Mulyani")
    assert sri and sri[0].title and sri[0].title.startswith("Menteri")


def test_places_that_are_common_words_need_a_locative_word(nlp):
    art = nlp(
        "Helikopter jatuh di Palu, Sulawesi Tengah. Pengunjung dari Medan datang ke Batu pekan lalu.\n"
        "Batu itu jatuh dari tebing. Medan yang berat membuat tim lambat, kata warga Serang.\n"
    )
    check_layer(art)
    got = {
        (e.text, e.label, e.kb_id, e.start)
        for e in art.entities
        if e.text in ("Palu", "Medan", "Batu", "Serang")
    }
    first_line = art.text.index("\n")
    assert {(t, lab, kb) for t, lab, kb, _ in got} == {
        ("Palu", "LOC", "wilayah:72.71"),
        ("Medan", "LOC", "wilayah:12.71"),
        ("Batu", "LOC", "wilayah:35.79"),
    }
    assert all(start < first_line for *_, start in got), "alone, the common word is not the place"


def test_world_cities_carry_geonames_ids(nlp):
    art = nlp("Timnas berangkat ke Philadelphia, lalu terbang ke Birmingham dan Washington pekan depan.")
    check_layer(art)
    got = {e.text: (e.label, e.kb_id) for e in art.entities}
    assert got["Philadelphia"] == ("LOC", "geonames:4560349")
    assert got["Birmingham"] == ("LOC", "geonames:2655603")  # the largest of that name (England)
    assert got["Washington"][0] == "LOC" and got["Washington"][1].startswith("geonames:")


def test_legal_form_alone_is_not_a_name(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Tbk",): "PER", ("Persero",): "ORG"})
    art = nlp("Saham PT Barito Pacific Tbk naik, sementara PT Pertamina (Persero) menaikkan harga.")
    check_layer(art)
    assert not [e for e in art.entities if e.text in ("Tbk", "Persero")]


def test_gazetteer_names_never_cross_a_line_break():
    gaz = Gazetteer.load()

    def names(text: str) -> list[str]:
        return [text[m.start : m.end] for m in gaz.match(text)]

    assert "Amerika Serikat" in names("Hubungan Amerika Serikat dan Tiongkok memanas.")
    assert "Jawa Barat" in names("Banjir melanda Jawa Barat sejak Senin.")
    split = names("Hubungan Amerika\nSerikat Pekerja Indonesia menggelar aksi di Jawa\n\nBarat.")
    assert "Amerika Serikat" not in split and "Jawa Barat" not in split
    assert "Amerika" in split and "Jawa" in split  # the line's own names are still found


def test_names_glued_to_ordinary_words_by_scraping(nlp):
    # scraped pages lose the space between a dateline or a "Baca Juga" link and the next words
    text = (
        "Liputan6.com, JakartaMenyiapkan rumah untuk masa tua perlu perencanaan.\n"
        "Baca JugaIsrael Gagal Taklukkan Iran\n"
        "ByteDance memiliki TikTok, dan PlayStation laris di Jepang."
    )
    art = nlp(text)
    check_layer(art)
    assert [e.label for e in ents(art, "Jakarta")] == ["LOC"]
    assert [e.label for e in ents(art, "Israel")] == ["LOC"]
    # a camel-case name is still one name, never cut at its inner capital
    assert ents(art, "ByteDance") and not ents(art, "Dance") and not ents(art, "Byte")
    assert not ents(art, "Station")


def test_acronym_after_a_place_with_another_initial_is_not_the_place(nlp):
    # the brackets abbreviate the longer name that ends with the place, not the place itself
    text = (
        "Himpunan Kawasan Industri Indonesia (HKI) mendorong investasi. Ketua Umum HKI hadir. "
        "Pemerintah Amerika Serikat (AS) menaikkan tarif impor dari AS ke Kanada."
    )
    art = nlp(text)
    check_layer(art)
    assert all(e.label != "LOC" for e in ents(art, "HKI"))
    # the organisation head, its ordinary words and the place are one name (rules/org_places.py)
    assert [e.label for e in ents(art, "Himpunan Kawasan Industri Indonesia")] == ["ORG"]
    us = ents(art, "Amerika Serikat")[0]
    as_ = ents(art, "AS")
    assert as_ and all(e.label == "LOC" and e.entity_id == us.entity_id for e in as_)


def test_gazetteer_matches_compound_names_written_joined_or_apart():
    # the PhraseMatcher's patterns include the spellings news text uses for a compound name
    gaz = Gazetteer.load()

    def hits(text: str) -> dict[str, str]:
        return {text[m.start : m.end]: gaz.names[m.entry] for m in gaz.match(text)}

    got = hits("Menteri dari Kementerian Pemuda dan Olahraga meninjau lokasi.")
    assert got["Kementerian Pemuda dan Olahraga"] == "Kementerian Pemuda dan Olah Raga"
    assert hits("Warga Pulo Gadung mengungsi.")["Pulo Gadung"] == "Pulogadung"
    assert hits("Banjir di Kota Pangkalpinang surut.")["Kota Pangkalpinang"] == "Kota Pangkal Pinang"
    for spelling in ("TikTok", "Tik Tok", "Tiktok", "Tik-Tok", "TIKTOK"):
        assert hits(f"Pengguna {spelling} bertambah.")[spelling] == "TikTok"


def test_gazetteer_window_must_be_a_written_form_of_the_name():
    gaz = Gazetteer.load()
    text = "Kapolsek AKP M Ali mengatakan warga Mali tiba kemarin."
    got = [(text[m.start : m.end], gaz.names[m.entry]) for m in gaz.match(text)]
    assert ("Mali", "Mali") in got
    assert not [s for s, _ in got if s == "M Ali"]
    # a dateline dash is not part of the place name
    text = "JAKARTA– Pemerintah mengumumkan kebijakan baru.\nBANDUNG – Hujan deras turun."
    spans = [text[m.start : m.end] for m in gaz.match(text)]
    assert "JAKARTA" in spans and "BANDUNG" in spans


def test_gazetteer_matcher_vocabulary_stays_bounded():
    # words that are in no pattern enter the matcher's Doc as one placeholder, so a long corpus
    # run does not grow its vocabulary
    gaz = Gazetteer.load()
    made_up = ["zq" + "".join("bcdfghjklm"[int(c)] for c in f"{n:03d}") + "ux" for n in range(300)]
    text = " ".join(f"{w.title()} {w} Jakarta" for w in made_up)
    assert len(gaz.match(text)) == 300
    strings = gaz.matcher.vocab.strings
    assert not [w for w in made_up if w in strings or w.title() in strings]
    assert "jakarta" in strings


_DOMAIN_BITS = [
    "a",
    "B",
    ".",
    "-",
    "@",
    "/",
    " ",
    "com",
    "co",
    "id",
    "net",
    "tv",
    "news",
    "(",
    "\n",
    "9",
    "_",
]
_DOMAIN_BITS += ["x.co.id", "www.", "é", ".COM", "TRIBUNJOGJA", "detik", "travel."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DOMAIN_BITS), max_size=16))
def test_domain_search_around_hints_finds_what_a_full_scan_finds(bits):
    text = "".join(bits)
    assert find_domains(text) == [m.span(1) for m in _DOMAIN.finditer(text)]


def test_domains_found_in_text():
    # a domain inside a URL path is the URL's, not an outlet mention
    text = (
        "TRIBUNJOGJA.COM - Menurut travel.detik.com, (Kompas.com) dan www.bbc.co.uk; "
        "bukan https://www.bbc.co.uk/indonesia atau a.b"
    )
    assert [text[s:e] for s, e in find_domains(text)] == [
        "TRIBUNJOGJA.COM",
        "travel.detik.com",
        "Kompas.com",
        "www.bbc.co.uk",
    ]


def test_model_persons_with_digits_or_as_lone_acronyms(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {
            ("Covid-19",): "PER",  # no personal name holds a digit
            ("SMIL",): "PER",  # an acronym the model alone calls a person: an organisation
            ("LSIP",): "PER",
            ("AHY",): "PER",  # a person known by initials, in the curated gazetteer
            ("Budi", "Santoso"): "PER",
        }
    )
    art = nlp(
        "Pasien Covid-19 masih dirawat. SMIL membagikan dividen, saham LSIP naik. "
        "Ketua Umum Partai Demokrat AHY bertemu Budi Santoso di Jakarta."
    )
    check_layer(art)
    assert not ents(art, "Covid-19")
    assert labels(art, "SMIL") == ["ORG"]
    assert labels(art, "LSIP") == ["ORG"]
    ahy = ents(art, "AHY")
    assert [e.label for e in ahy] == ["PER"] and ahy[0].canonical == "Agus Harimurti Yudhoyono"
    assert labels(art, "Budi Santoso") == ["PER"]


def test_language_names_are_not_places(nlp):
    art = nlp(
        "Jika selama ini bahasa Inggris menjadi standar, Bahasa Indonesia kini diajarkan di Inggris "
        "dan Jepang, dalam bahasa\u00a0Arab juga."
    )
    check_layer(art)
    places = [(e.start, e.text) for e in art.entities if e.label == "LOC"]
    assert [t for _, t in places] == ["Inggris", "Jepang"]
    assert places[0][0] == art.text.index("di Inggris") + 3


def test_a_curated_organisation_inside_a_model_person_span_vetoes_it(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {
            ("Cukai", "Kemenkeu"): "PER",  # a person's name holds no organisation's name
            ("Askolani", "Wirawan"): "PER",
            ("Gedung", "DPR"): "LOC",  # places and organisations nest: kept
        }
    )
    art = nlp(
        "Hal itu disampaikan Direktur Jenderal Bea dan Cukai Kemenkeu, Askolani Wirawan, "
        "di Gedung DPR, Jakarta."
    )
    check_layer(art)
    assert not ents(art, "Cukai Kemenkeu")
    assert labels(art, "Kemenkeu") == ["ORG"]
    assert labels(art, "Askolani Wirawan") == ["PER"]
    assert labels(art, "Gedung DPR") == ["LOC"]


def test_initials_after_inisial_are_a_person(nlp):
    text = (
        "Polisi menangkap pria berinisial VT (34) dan dua rekannya berinisial MR dan SN di Bekasi. "
        "VT mengaku menjual mobil itu. Korban berinisial E dirawat. Tersangka berinisial AS ditahan, "
        "sementara AS mengecam serangan itu."
    )
    art = nlp(text)
    check_layer(art)
    vt = ents(art, "VT")
    assert [e.label for e in vt] == ["PER", "PER"] and vt[0].entity_id == vt[1].entity_id
    assert labels(art, "MR") == ["PER"]
    assert labels(art, "SN") == ["PER"]
    assert labels(art, "E") == ["PER"]
    # initials that are also a known name count only right after "inisial"
    assert labels(art, "AS") == ["PER", "LOC"]


def test_curated_studios_platforms_and_bodies(nlp):
    art = nlp(
        "Film produksi Falcon Pictures tayang di Prime Video, sementara Disney dan Pixar menyiapkan "
        "sekuel. Bareskrim dan ICW menyoroti kasus itu; IRGC membalas serangan, kata PSG."
    )
    check_layer(art)
    got = {e.text: (e.label, e.canonical) for e in art.entities}
    assert got["Falcon Pictures"][0] == "ORG"
    assert got["Prime Video"][0] == "ORG"
    assert got["Disney"] == ("ORG", "The Walt Disney Company")
    assert got["Bareskrim"] == ("ORG", "Badan Reserse Kriminal Polri")
    assert got["ICW"] == ("ORG", "Indonesia Corruption Watch")
    assert got["IRGC"] == ("ORG", "Korps Garda Revolusi Islam")


def test_english_corporate_roles_are_titles(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {
            ("Vice", "President", "Erajaya"): "PER",  # the role is stripped; Erajaya is a company
            ("Chief",): "PER",  # a role word alone is no name
            ("Timothius", "Martin"): "PER",
        }
    )
    art = nlp(
        "Hal itu dikatakan Vice President Erajaya saat peluncuran. Chief Marketing Officer Pintu, "
        "Timothius Martin, mengapresiasi langkah itu."
    )
    check_layer(art)
    assert not [e for e in art.entities if e.label == "PER" and e.text.split()[0] in ("Vice", "Chief")]
    assert labels(art, "Erajaya") == ["ORG"]
    assert labels(art, "Timothius Martin") == ["PER"]


def test_schools_with_their_number_and_place(nlp):
    art = nlp(
        "Perwakilan SMAN 1 Bandung hadir bersama siswa SMP Negeri 3 Kota Malang dan SMKN 2 Yogyakarta. "
        "Guru SD itu mengajar di Bandung."
    )
    check_layer(art)
    assert labels(art, "SMAN 1 Bandung") == ["ORG"]
    assert labels(art, "SMP Negeri 3 Kota Malang") == ["ORG"]
    assert labels(art, "SMKN 2 Yogyakarta") == ["ORG"]
    assert labels(art, "Bandung") == ["LOC"]  # the place on its own stays a place


def test_abbreviations_of_common_nouns_are_not_entities(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("PHK",): "ORG", ("RT",): "ORG", ("APBN",): "ORG", ("PLN",): "ORG"})
    art = nlp("Gelombang PHK melanda warga RT 1/RW 6, sementara APBN menanggung subsidi PLN.")
    check_layer(art)
    assert not ents(art, "PHK") and not ents(art, "RT") and not ents(art, "APBN")
    assert labels(art, "PLN") == ["ORG"]  # a company's acronym stays
