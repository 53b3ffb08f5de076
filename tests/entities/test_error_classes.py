"""Rules and lists for the error classes of issue #16, each on invented sentences: place heads,
sports clubs and their nicknames, sports media, bands, common-noun and position abbreviations,
quoted work titles, organisations holding a place, legal suffixes, brand products."""

from __future__ import annotations

import pytest

from newsnlp import Pipeline
from tests.entities.test_entities import FakeModel, check_layer


@pytest.fixture(scope="module")
def gaz_nlp():
    return Pipeline(stages=("text", "entities"), config={"entities": {"model": False}})


def spans(art):
    return [(e.text, e.label) for e in art.entities]


def test_place_heads_turn_model_persons_into_places(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {
            ("Desa", "Sukamakmur"): "PER",
            ("Jl", "Mawar", "Indah"): "PER",
            ("Bandara", "Raden", "Inten"): "PER",
            ("Pantai", "Teluk", "Hijau"): "PER",
        }
    )
    art = nlp(
        "Warga Desa Sukamakmur menutup Jl Mawar Indah dekat Bandara Raden Inten dan Pantai Teluk Hijau."
    )
    check_layer(art)
    got = dict(spans(art))
    for name in ("Desa Sukamakmur", "Jl Mawar Indah", "Bandara Raden Inten", "Pantai Teluk Hijau"):
        assert got.get(name) == "LOC", (name, got)


def test_sports_clubs_nicknames_and_media(gaz_nlp):
    art = gaz_nlp(
        "Persebaya menang atas PSM Makassar. Bajul Ijo kini di puncak, menurut data Opta dan Transfermarkt."
    )
    got = dict(spans(art))
    assert got["Persebaya"] == got["PSM Makassar"] == got["Bajul Ijo"] == "ORG"
    assert got["Opta"] == got["Transfermarkt"] == "ORG"
    assert "Makassar" not in got  # the club, not the city
    art = gaz_nlp("Skuad Setan Merah kalah dari Persija Jakarta di Stadion Utama.")
    assert ("Setan Merah", "ORG") in spans(art) and ("Persija Jakarta", "ORG") in spans(art)


def test_bands_are_organisations(gaz_nlp):
    art = gaz_nlp("Penonton memadati panggung saat Slank dan Sheila on 7 tampil di Yogyakarta.")
    assert ("Slank", "ORG") in spans(art) and ("Sheila on 7", "ORG") in spans(art)


def test_common_noun_and_position_abbreviations_are_never_entities(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {(w,): "ORG" for w in ("LRT", "MRT", "SMS", "HP", "KIP", "BLT", "UNBK", "PP", "UU", "Menhub")}
        | {("Mendes", "PDT"): "ORG"}
    )
    art = nlp(
        "Menhub meninjau LRT dan MRT. Warga menerima SMS soal BLT dan KIP lewat HP. "
        "UNBK diatur PP dan UU baru, kata Mendes PDT."
    )
    assert spans(art) == []
    # a defined abbreviation of a common noun stays unlinked
    art = nlp("Bantuan Langsung Tunai (BLT) cair pekan ini.")
    assert not [e for e in art.entities if e.text == "BLT"]


def test_position_abbreviation_is_a_title_before_a_name(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Menhub", "Rudi", "Hartawan"): "PER"})
    art = nlp("Menhub Rudi Hartawan meninjau pelabuhan.")
    rudi = next(e for e in art.entities if e.text == "Rudi Hartawan")
    assert rudi.label == "PER" and rudi.title == "Menhub"


def test_quoted_work_titles_are_not_persons(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Kirana", "Larasati"): "PER", ("Bayu", "Senja"): "PER", ("Dimas",): "PER"})
    art = nlp('Ia membintangi film "Kirana Larasati" dan menyanyikan lagu "Bayu Senja" bersama Dimas.')
    assert spans(art) == [("Dimas", "PER")]


def test_organisations_holding_a_place_are_kept_whole(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Indonesia",): "LOC", ("Pemprov",): "ORG", ("Jawa", "Barat"): "LOC"})
    art = nlp("Garuda Indonesia dan Pos Indonesia melapor ke Pemprov Jawa Barat.")
    got = spans(art)
    assert ("Garuda Indonesia", "ORG") in got and ("Pos Indonesia", "ORG") in got
    assert ("Pemprov Jawa Barat", "ORG") in got


def test_company_legal_suffixes_inside_the_span(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("PT", "Sinar", "Mas", "Agro"): "ORG", ("PT", "Kereta", "Cepat"): "ORG"})
    art = nlp("Saham PT Sinar Mas Agro Tbk naik, sementara PT Kereta Cepat (Persero) Tbk rugi.")
    got = spans(art)
    assert ("PT Sinar Mas Agro Tbk", "ORG") in got
    assert ("PT Kereta Cepat (Persero) Tbk", "ORG") in got


def test_brand_products(gaz_nlp):
    art = gaz_nlp(
        "Harga Pertamax naik, sementara Galaxy S24 Ultra dan iPhone 15 laris. Ia mengendarai Avanza."
    )
    got = spans(art)
    for name in ("Pertamax", "Galaxy S24 Ultra", "iPhone 15", "Avanza"):
        assert (name, "PRODUCT") in got, (name, got)
