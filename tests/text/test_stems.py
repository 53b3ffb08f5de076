"""Stems, stop words and the guards around PySastrawi."""

from __future__ import annotations

import pytest

from newsnlp.record import Article, Entity


def stem_of(pipe, text: str, word: str) -> str:
    art = pipe(text)
    return next(t for t in art.tokens if t.text == word).stem


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("mengonfirmasi", "konfirmasi"),
        ("pembicaraan", "bicara"),
        ("dibelinya", "beli"),
        ("pihaknya", "pihak"),
        ("memata-matai", "mata"),
        ("mata-mata", "mata"),
        ("pasar-pasar", "pasar"),
        ("perusahaan", "usaha"),
        ("kekhawatiran", "khawatir"),
    ],
)
def test_ordinary_words_are_stemmed(text_pipeline, word, stem):
    assert stem_of(text_pipeline, f"Mereka {word} hal itu.", word) == stem


@pytest.mark.parametrize("name", ["Bekasi", "Kediri", "Terawan"])
def test_proper_nouns_are_never_stemmed(text_pipeline, name):
    assert stem_of(text_pipeline, f"Warga {name} berkumpul.", name) == name
    # even at the start of a sentence, where capitals do not mark names
    assert stem_of(text_pipeline, f"{name} diguyur hujan deras.", name) == name


def test_sentence_initial_common_word_is_stemmed(text_pipeline):
    assert stem_of(text_pipeline, "Pemblokiran aplikasi itu ditunda.", "Pemblokiran") == "blokir"


def test_headline_in_title_case_is_stemmed(text_pipeline):
    art = text_pipeline("Microsoft Diskusi dengan Trump Terkait Aplikasi TikTok, Tidak Jamin Ada Pembelian")
    stems = {t.text: t.stem for t in art.tokens}
    assert stems["Pembelian"] == "beli"
    assert stems["TikTok"] == "TikTok"
    assert stems["Microsoft"] == "Microsoft"


@pytest.mark.parametrize(
    "token", ["KPK", "DPR", "https://detik.com/a", "1.500.000,00", "2/8/2020", "TRIBUNJOGJA.COM"]
)
def test_acronyms_urls_numbers_keep_their_form(text_pipeline, token):
    assert stem_of(text_pipeline, f"Menurut {token} kemarin.", token) == token


def test_entity_tokens_are_not_stemmed(text_pipeline):
    from newsnlp.text.stage import TextStage
    from newsnlp.text.stems import make_stems_step

    stage = TextStage()
    art = Article(text="Pengadilan Negeri Bekasi menolak gugatan itu.")
    stage.process(art)
    art.entities = [Entity(0, 24, "Pengadilan Negeri Bekasi", "ORG")]
    make_stems_step(stage).process(art)
    by_text = {t.text: t for t in art.tokens}
    assert by_text["Pengadilan"].stem == "Pengadilan" and by_text["Pengadilan"].ent == "ORG"
    assert by_text["menolak"].stem == "tolak" and by_text["menolak"].ent is None


def test_stop_words(text_pipeline):
    art = text_pipeline("Mereka akan membeli aplikasi itu dari ByteDance.")
    flags = {t.text: t.is_stop for t in art.tokens}
    assert flags["akan"] and flags["itu"] and flags["dari"] and flags["Mereka"]
    assert not flags["aplikasi"] and not flags["ByteDance"]


def test_stem_cache_is_shared_by_the_pipeline(text_pipeline):
    stage = text_pipeline.get_stage("text")
    text_pipeline("Perusahaan itu mengonfirmasi pembelian.")
    assert stage.stemmer._cache.get("mengonfirmasi") == "konfirmasi"
