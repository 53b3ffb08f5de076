"""Error classes of news the stage was not tuned to (issue #16, second round), each on invented
sentences: capitalised common nouns (the homeland, diseases), an organisation's branch in a
country, language names spread as persons."""

from __future__ import annotations

from tests.entities.test_entities import FakeModel, check_layer
from tests.entities.test_error_classes import spans


def test_homeland_and_diseases_are_not_entities(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {
            ("Tanah", "Air"): "LOC",
            ("Covid-19",): "LOC",
            ("MERS",): "ORG",
            ("HIV",): "ORG",
            ("Makassar",): "LOC",
        }
    )
    art = nlp(
        "Rombongan itu tiba di Tanah Air kemarin. Dua peserta dirawat di Makassar karena Covid-19, "
        "satu diperiksa untuk MERS dan HIV."
    )
    check_layer(art)
    got = spans(art)
    assert ("Makassar", "LOC") in got
    for word in ("Tanah Air", "Covid-19", "MERS", "HIV"):
        assert not [e for e in art.entities if e.text == word], (word, got)


def test_organisation_followed_by_a_country_is_its_branch(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Sinar", "Motor"): "ORG", ("Partai", "Maju"): "ORG"})
    art = nlp(
        "Direktur Sinar Motor Indonesia meresmikan diler baru. Sinar Motor juga berjualan di Malaysia. "
        "Kader Partai Maju Jawa Barat hadir."
    )
    check_layer(art)
    got = spans(art)
    assert ("Sinar Motor Indonesia", "ORG") in got, got
    assert ("Indonesia", "LOC") not in got
    # a preposition between them: the organisation and the place stay apart
    assert ("Sinar Motor", "ORG") in got and ("Malaysia", "LOC") in got
    # a province is not a country: the party and the place stay apart
    assert ("Partai Maju", "ORG") in got and ("Jawa Barat", "LOC") in got


def test_language_names_are_not_persons(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Lembaga", "Fasih", "Mandarin"): "PER", ("Dewi", "Wulandari"): "PER"})
    art = nlp(
        "Kursus dari Lembaga Fasih Mandarin dibuka lagi. Peserta belajar bahasa Mandarin setiap pekan.\n"
        "Kini Mandarin dipakai di banyak kantor, kata Dewi Wulandari. Wulandari pernah tinggal di Inggris "
        "dan mengajar bahasa Inggris."
    )
    check_layer(art)
    got = spans(art)
    assert not [e for e in art.entities if e.text == "Mandarin"], got
    assert ("Wulandari", "PER") in got  # a part of a person's name still joins the person
    assert ("Inggris", "LOC") in got  # the place keeps its label where it is a place
