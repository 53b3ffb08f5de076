"""The time stage as a stage: the seed example through the stage and the pipeline, exact offsets in
messy scraped text, linear time on hostile input, resources built once."""

from __future__ import annotations

import time

import pytest

from newsnlp.record import Article, Metadata
from newsnlp.temporal import get_tagger, tag_times
from newsnlp.temporal.stage import TimeStage, make_time_stage
from tests.temporal.helpers import check_offsets

SEED = (
    "TRIBUNJOGJA.COM - CEO Microsoft melakukan pembicaraan dengan Presiden Donald Trump pada hari "
    "Minggu (2/8/2020). Hasil percakapan itu diunggah di hari yang sama waktu Amerika.\n"
    "Mereka berharap mengakhiri diskusi pada 15 September tahun ini. Data yang saat ini disimpan akan dihapus."
)


@pytest.mark.parametrize("published", [None, "2020-08-03"])
def test_seed_example_through_stage(published):
    art = Article(
        text=SEED, metadata=Metadata(published=published, published_source="given" if published else None)
    )
    make_time_stage().process(art)
    check_offsets(SEED, art.times)
    if published is None:
        assert art.metadata.published == "2020-08-02"
        assert art.metadata.published_source == "inferred"
    got = {t.text: (t.type, t.value, t.anchor) for t in art.times}
    assert got["Minggu (2/8/2020)"] == ("DATE", "2020-08-02", "absolute")
    assert got["hari yang sama"] == ("DATE", "2020-08-02", "previous")
    assert got["15 September tahun ini"] == ("DATE", "2020-09-15", "published")
    assert got["saat ini"][:2] == ("DATE", "PRESENT_REF")


def test_through_pipeline():
    from newsnlp.pipeline import Pipeline

    nlp = Pipeline(stages=("time",))
    art = nlp(SEED, published="2020-08-03")
    assert [t.text for t in art.times][:2] == ["Minggu (2/8/2020)", "hari yang sama"]
    assert art.metadata.published_source == "given"
    d = art.to_dict()
    assert d["times"][0]["value"] == "2020-08-02"


def test_offsets_exact_in_messy_text():
    text = "darieconomic times,Senin (16/6/2025).Ikut hadir\xa0Jumat\xa0(20/6/2025)  pukul  14.00\u00a0WIB."
    times, _ = tag_times(text, "2025-06-20")
    check_offsets(text, times)
    # a date with its clock time is one TIME (issue #17)
    assert [t.value for t in times][:2] == ["2025-06-16", "2025-06-20T14:00+07:00"]


@pytest.mark.parametrize(
    "chunk", ["1/2/3/4/5/6/7/8/9/", "12.34.56.", "1-2-3-4-", "2020 2021 ", "11 / 22 / 33 - 44 . "]
)
def test_no_catastrophic_backtracking(chunk):
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    get_tagger()  # patterns compiled before timing
    t0 = time.perf_counter()
    times, _ = tag_times(text, "2020-08-03")
    assert time.perf_counter() - t0 < 1.0
    check_offsets(text, times)


def test_resources_load_once():
    a, b = TimeStage(), TimeStage()
    assert a.tagger is b.tagger


@pytest.mark.parametrize(
    "chunk", ["Prayogakini ", "kini" * 10, "Ab" + "kini" * 3 + " ", "pada malam, ", "2025/2026 "]
)
def test_new_rules_stay_linear(chunk):
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    get_tagger()
    t0 = time.process_time()
    times, _ = tag_times(text, "2025-06-18")
    assert time.process_time() - t0 < 2.0
    check_offsets(text, times)
