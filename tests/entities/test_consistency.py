"""Document-level consistency and variants: partial names, one label per entity, initials and
nicknames defined in the article, misspellings within the article and against the gazetteer."""

from __future__ import annotations

from newsnlp.entities.variants import same_person_spelling
from tests.entities.test_entities import FakeModel, check_layer


def group_of(art, text):
    found = [e for e in art.entities if e.text == text]
    assert found, (text, [e.text for e in art.entities])
    return found[0].entity_id


def test_a_lone_surname_labelled_otherwise_joins_the_person(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Rangga", "Prasetyo"): "PER", ("Prasetyo",): "LOC"})
    art = nlp("Pelatih Rangga Prasetyo memimpin latihan. Menurut Prasetyo, tim siap bertanding.")
    check_layer(art)
    lone = next(e for e in art.entities if e.text == "Prasetyo")
    assert lone.label == "PER" and lone.entity_id == group_of(art, "Rangga Prasetyo")
    assert lone.canonical == "Rangga Prasetyo"


def test_one_label_per_entity_by_vote(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    # the model reads "Sinar Jaya" as ORG; the speaker rule reads "Sinar" after a quote as PER
    stage.model = FakeModel({("Sinar", "Jaya"): "ORG", ("Jaya",): "LOC"})
    text = "Sinar Jaya membuka cabang. Sinar Jaya juga merekrut pegawai. Bus milik Sinar Jaya rusak."
    art = nlp(text)
    assert {e.label for e in art.entities if e.text == "Sinar Jaya"} == {"ORG"}
    assert len({e.entity_id for e in art.entities if e.text == "Sinar Jaya"}) == 1


def test_missing_first_name_joins_the_full_name(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Tirta", "Mandira", "Hudhi"): "PER", ("Mandira", "Hudhi"): "PER"})
    art = nlp("Gelandang Tirta Mandira Hudhi mencetak gol. Setelah itu Mandira Hudhi berlari ke tribun.")
    assert group_of(art, "Mandira Hudhi") == group_of(art, "Tirta Mandira Hudhi")
    assert {e.canonical for e in art.entities if "Hudhi" in e.text} == {"Tirta Mandira Hudhi"}


def test_misspelled_person_within_the_article(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Wahyu", "Kuncoro"): "PER", ("Wahyu", "Kuncoroo"): "PER"})
    art = nlp("Kapten Wahyu Kuncoro cedera. Dokter tim memeriksa Wahyu Kuncoroo kemarin.")
    assert group_of(art, "Wahyu Kuncoroo") == group_of(art, "Wahyu Kuncoro")


def test_similar_names_of_different_people_stay_apart(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {("Joko", "Widodo"): "PER", ("Joko", "Susilo"): "PER", ("Andi", "Saputra"): "PER"}
    )
    stage.model.spans[("Andi", "Saputri")] = "PER"
    art = nlp("Joko Widodo bertemu Joko Susilo. Andi Saputra dan Andi Saputri hadir.")
    assert group_of(art, "Joko Widodo") != group_of(art, "Joko Susilo")
    assert same_person_spelling("Satya Nadela", "Satya Nadella")
    assert not same_person_spelling("Joko Widodo", "Joko Susilo")
    assert not same_person_spelling("Budi Santoso", "Budi Santosa Wijaya")


def test_misspelled_company_joins_the_known_name(model_stage_pipeline):
    nlp, _ = model_stage_pipeline
    art = nlp("Perusahaan Microsft mengumumkan laba. Microsoft juga membeli saham.")
    assert group_of(art, "Microsft") == group_of(art, "Microsoft")
    assert {e.canonical for e in art.entities if e.text.startswith("Micro")} == {"Microsoft"}


def test_initials_defined_for_a_person_reuse_it(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Rizal", "Adi", "Pranoto"): "PER"})
    art = nlp("Rizal Adi Pranoto (RAP) diperiksa penyidik. Kuasa hukum RAP membantah.")
    rap = [e for e in art.entities if e.text == "RAP"]
    assert len(rap) == 2 and {e.label for e in rap} == {"PER"}
    assert {e.entity_id for e in rap} == {group_of(art, "Rizal Adi Pranoto")}


def test_nickname_defined_in_the_article(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Bagus", "Hartono"): "PER"})
    art = nlp("Bagus Hartono, yang akrab disapa Ucok, datang terlambat. Ucok lalu meminta maaf.")
    ucok = [e for e in art.entities if e.text == "Ucok"]
    assert len(ucok) == 2 and all(e.label == "PER" for e in ucok)
    assert {e.entity_id for e in ucok} == {group_of(art, "Bagus Hartono")}
