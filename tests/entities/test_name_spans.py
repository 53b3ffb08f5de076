"""Person names the model cuts short: a name with an apostrophe inside a word (``Ma’ruf``) and
Balinese names (``I Nyoman ...``, ``Ni Luh ...``: ``rules/balinese_names.py``), with a stand-in
model that makes the errors the shipped model makes, on invented sentences."""

from __future__ import annotations

from tests.entities.test_entities import FakeModel, check_layer


def persons(art):
    return [(e.text, e.title) for e in art.entities if e.label == "PER"]


def test_apostrophe_inside_a_name_keeps_the_word_whole(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Ahmad", "Ma’mun"): "PER", ("Mu'ti",): "PER", ("Ma’mun",): "PER"})
    art = nlp(
        "Ketua Umum Gapensi Ahmad Ma’mun menyebutkan, proyek itu tertunda. "
        '"Kami menunggu," kata Ma’mun. Menteri Hasan Mu\'ti ikut hadir.'
    )
    check_layer(art)
    texts = [t for t, _ in persons(art)]
    assert "Ahmad Ma’mun" in texts and "Ma’mun" in texts and "Mu'ti" in texts
    assert not any(t.endswith(("’", "'")) for t in texts)  # never cut after the apostrophe
    ids = {e.entity_id for e in art.entities if "Ma’mun" in e.text}
    assert len(ids) == 1


def test_balinese_prefix_joins_the_name_not_the_title(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Nyoman", "Sudarsa"): "PER", ("TNI", "I"): "ORG", ("Sudarsa",): "PER"})
    art = nlp(
        '"Pesawat sudah siap," kata Kepala Dinas Penerangan Marsekal Pertama TNI I Nyoman Sudarsa, '
        "Jumat. Sudarsa menambahkan kru sudah siaga."
    )
    check_layer(art)
    assert ("I Nyoman Sudarsa", "Marsekal Pertama TNI") in persons(art)
    full = next(e for e in art.entities if e.text == "I Nyoman Sudarsa")
    assert full.canonical == "I Nyoman Sudarsa"
    assert {e.entity_id for e in art.entities if "Sudarsa" in e.text} == {full.entity_id}


def test_balinese_name_cut_in_two_or_mislabelled_is_one_person(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {("I", "Ketut"): "PER", ("Sumada",): "PER", ("Ni", "Luh", "Sekarini"): "ORG", ("Rudana",): "LOC"}
    )
    art = nlp(
        "Ketua Bawaslu Gianyar I Wayan Rudana didampingi I Ketut Sumada dan Ni Luh Sekarini "
        "mengatakan pengawasan berjalan baik."
    )
    check_layer(art)
    texts = [t for t, _ in persons(art)]
    assert {"I Wayan Rudana", "I Ketut Sumada", "Ni Luh Sekarini"} <= set(texts)
    assert len({e.entity_id for e in art.entities if e.label == "PER"}) == 3  # three people


def test_places_named_after_a_balinese_person_and_roman_numerals_stay(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Bandara", "Internasional", "I", "Gusti", "Ngurah", "Rai"): "LOC"})
    art = nlp(
        "Pesawat mendarat di Bandara Internasional I Gusti Ngurah Rai sore itu. Laga digelar di "
        "Stadion Kapten I Wayan Dipta. Pangdam I Bukit Barisan hadir."
    )
    check_layer(art)
    assert persons(art) == []
    assert any(
        e.text == "Bandara Internasional I Gusti Ngurah Rai" and e.label == "LOC" for e in art.entities
    )
