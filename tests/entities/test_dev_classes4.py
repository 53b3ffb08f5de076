"""Error classes of the development sets (issue #16, fourth round), on invented sentences."""

from __future__ import annotations

from tests.entities.test_entities import FakeModel, check_layer
from tests.entities.test_error_classes import spans


def test_acronym_defined_twice_keeps_the_mentions_between_the_definitions(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({})
    para = "Lembaga Riset Pangan Terpadu (LRPT) membuka laboratorium baru di kampusnya. "
    art = nlp(
        para + "Kepala LRPT mengatakan hasilnya dibagikan gratis. " + para + "Pekan depan LRPT menambah staf."
    )
    check_layer(art)
    lrpt = [(e.start, e.label) for e in art.entities if e.text == "LRPT"]
    assert len(lrpt) == 4 and {lab for _, lab in lrpt} == {"ORG"}, lrpt


def test_series_before_a_place_or_year_is_an_event(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("MotoGP", "Belanda"): "ORG", ("Rizal", "Hakim"): "PER", ("MotoGP",): "ORG"})
    art = nlp(
        "Rizal Hakim finis ketiga di MotoGP Belanda 2024 pekan lalu. Ia juga tampil di Formula E Jakarta "
        "dan F1 2025. Kini juara MotoGP Rizal Hakim bersiap."
    )
    check_layer(art)
    got = spans(art)
    assert ("MotoGP Belanda 2024", "EVENT") in got, got
    assert ("Formula E Jakarta", "EVENT") in got, got
    assert ("F1 2025", "EVENT") in got, got
    # the series before a person's name is not a round of it
    assert ("Rizal Hakim", "PER") in got and not any(lab == "EVENT" and "Rizal" in t for t, lab in got), got


def test_capitalised_words_ending_with_a_legal_suffix_stay_in_the_company(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Nusa", "Motor"): "ORG", ("Jaya", "Niaga"): "ORG"})
    art = nlp(
        "Dealer itu menjual truk buatan Nusa Motor Truck and Bus Corporation di Bekasi. "
        "Perusahaan Jaya Niaga, Tbk mencatat laba."
    )
    check_layer(art)
    got = spans(art)
    assert ("Nusa Motor Truck and Bus Corporation", "ORG") in got, got
    assert ("Jaya Niaga, Tbk", "ORG") in got, got


def test_ordinary_word_is_a_person_only_when_persons_are_called_so(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Watt",): "PER", ("Zionis",): "PER", ("Jack",): "PER"})
    art = nlp(
        "Pabrik itu memasang panel surya berkapasitas 300 kilo Watt peak di atapnya. Warga mengecam "
        "para penjahat Zionis di forum itu. Polisi lalu menemui Jack di rumahnya."
    )
    check_layer(art)
    got = spans(art)
    assert ("Jack", "PER") in got, got
    assert not any(t in ("Watt", "Zionis") for t, _ in got), got
