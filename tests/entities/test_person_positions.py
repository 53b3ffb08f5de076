"""Persons by position (``rules/person_positions.py``) and the model's other person-span errors
(degrees after a name, a passive verb opening the sentence, professions before a name), with a
stand-in model that makes the errors the retrained model makes, on invented sentences."""

from __future__ import annotations

from tests.entities.test_entities import FakeModel, check_layer


def ents(art):
    return [(e.text, e.label, e.entity_id) for e in art.entities]


def label_of(art, text):
    return {e.text: e.label for e in art.entities}.get(text)


def test_apposition_after_a_role_is_a_person(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Parman", "Gultom"): "LOC", ("Parman",): "PER"})
    art = nlp(
        "Kepala Unit Reserse Kriminal (Kanit Reskrim) Polsek Sukamaju, Parman Gultom, membenarkan "
        'kejadian itu. "Pelaku sudah kami tangkap," ujar Parman.'
    )
    check_layer(art)
    assert label_of(art, "Parman Gultom") == "PER"
    ids = {e.entity_id for e in art.entities if e.text.startswith("Parman")}
    assert len(ids) == 1  # the later "Parman" joins the full name


def test_speaker_after_a_speech_verb_decides_the_entity_label(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Farid",): "ORG"})
    art = nlp('"Kami tidak setuju," kata Farid. Farid menilai aturan itu merugikan sopir.')
    check_layer(art)
    assert [lab for _, lab, _ in ents(art)] == ["PER", "PER"]  # the second by the group's label


def test_rank_and_force_stay_out_of_the_name(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("TNI", "Kristomei"): "ORG", ("Hon", "Pak"): "ORG"})
    art = nlp('"Semua aman," kata Kapuspen TNI, Mayjen TNI Kristomei Sianturi, kepada wartawan.')
    check_layer(art)
    assert label_of(art, "Kristomei Sianturi") == "PER"  # the name the model cut is completed
    stage.model = FakeModel({("Dr.", "Hon", "Pak"): "ORG"})
    art = nlp('"Tidur itu penting," ujar Dr. Hon Pak.')
    per = [e for e in art.entities if e.label == "PER"]
    assert [(e.text, e.title) for e in per] == [("Hon Pak", "Dr.")]


def test_profession_before_a_name(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Anhar", "Rusli"): "ORG", ("Psikolog", "Anna", "Vanani"): "PER"})
    art = nlp("Penggugat menunjuk notaris Anhar Rusli. Psikolog Anna Vanani memaparkan risikonya.")
    check_layer(art)
    assert label_of(art, "Anhar Rusli") == "PER"
    per = {e.text: e.title for e in art.entities if e.label == "PER"}
    assert per.get("Anna Vanani") == "Psikolog"


def test_what_is_not_a_persons_position(model_stage_pipeline):
    """Known places and organisations, acronyms and heads keep the model's label."""
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {("Birthright", "Israel"): "ORG", ("Yayasan", "Sukamaju"): "ORG", ("PSSI",): "ORG"}
    )
    art = nlp(
        '"Semua peserta aman," tulis Birthright Israel. Ketua Umum PSSI, Yayasan Sukamaju, '
        'dan mitra hadir. "Kami siap," kata PSSI.'
    )
    check_layer(art)
    assert label_of(art, "Birthright Israel") == "ORG"
    assert label_of(art, "Yayasan Sukamaju") == "ORG"
    assert label_of(art, "PSSI") == "ORG"


def test_degrees_after_a_name_are_not_entities(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {("Ricky", "Mozan"): "PER", ("S.H.",): "PER", ("M.H.",): "ORG", ("S.Psi.",): "LOC"}
    )
    art = nlp("Kapolsek Ilir, AKP Ricky Mozan, S.H., M.H., dan Ani Lestari, S.Psi., hadir.")
    check_layer(art)
    assert not [e for e in art.entities if "." in e.text]
    assert label_of(art, "Ricky Mozan") == "PER"


def test_passive_verb_opening_the_sentence_leaves_the_name(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({("Diakui", "Asroni"): "PER", ("Putri", "Ariani"): "PER"})
    art = nlp("Proyek belum selesai. Diakui Asroni, dana masih kurang. Kemarin Putri Ariani bernyanyi.")
    check_layer(art)
    per = [e.text for e in art.entities if e.label == "PER"]
    assert "Asroni" in per and "Diakui Asroni" not in per
    assert "Putri Ariani" in per  # a name that is also a word stays whole


def test_persons_name_cut_off_an_organisation_span(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {
            ("PT", "Sinar", "Sekuritas", "Nusantara", "Tasrul", "Tanar"): "ORG",
            ("Tasrul",): "PER",
            ("Bandara", "Frans", "Seda"): "LOC",
            ("Frans", "Seda"): "PER",
        }
    )
    art = nlp(
        "Analis PT Sinar Sekuritas Nusantara Tasrul Tanar menilai indeks naik. "
        '"Support kuat di 7.100," kata Tasrul. Pesawat mendarat di Bandara Frans Seda. Frans Seda dikenang.'
    )
    check_layer(art)
    got = {e.text: e.label for e in art.entities}
    assert got.get("PT Sinar Sekuritas Nusantara") == "ORG" and got.get("Tasrul Tanar") == "PER"
    assert got.get("Bandara Frans Seda") == "LOC"  # a place named after a person stays whole


def test_speaker_after_a_comma_that_ends_the_clause(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel({})
    art = nlp(
        "Evaluasi kinerja partai perlu , kata Akbar dalam rapat itu .\n"
        "Partai harus fokus , ucap Maderan .\nMenurut dia, kata Pengantar buku itu ditulis ulang."
    )
    per = [e.text for e in art.entities if e.label == "PER"]
    assert "Akbar" in per and "Maderan" in per and "Pengantar" not in per


def test_subject_name_at_the_end_of_an_organisation_span_before_a_reporting_verb(model_stage_pipeline):
    nlp, stage = model_stage_pipeline
    stage.model = FakeModel(
        {
            ("PT", "Timah", "Tbk", "Suhendra", "Ratuprawira"): "ORG",
            ("PT", "Bukit", "Energi", "Investama", "Biverli", "Binanga"): "ORG",
            ("Senat", "Akademik", "Universitas", "Gadjah", "Mada"): "ORG",
            ("PT", "Kereta", "Api", "Nusantara", "Raya"): "ORG",
        }
    )
    art = nlp(
        "Direktur Utama PT Timah Tbk Suhendra Ratuprawira mengatakan produksi naik. "
        "Presiden Direktur PT Bukit Energi Investama Biverli Binanga menyebutkan harga stabil. "
        "Ketua Senat Akademik Universitas Gadjah Mada mengatakan kuliah dimulai. "
        "Saham PT Kereta Api Nusantara Raya mengatakan apa-apa."
    )
    check_layer(art)
    got = {e.text: e.label for e in art.entities}
    assert got.get("PT Timah Tbk") == "ORG" and got.get("Suhendra Ratuprawira") == "PER"
    assert got.get("PT Bukit Energi Investama") == "ORG" and got.get("Biverli Binanga") == "PER"
    # an organisation head before the last words: the university's name, not a person
    assert got.get("Senat Akademik Universitas Gadjah Mada") == "ORG"
    # no title or role word before the span: no evidence of a subject's name
    assert got.get("PT Kereta Api Nusantara Raya") == "ORG"
