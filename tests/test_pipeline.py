"""Pipeline construction, input validation and typed errors."""

from __future__ import annotations

import threading

import pytest

from newsnlp import Pipeline, enrich
from newsnlp.errors import (
    InputTypeError,
    StageError,
    UnknownStageError,
)
from newsnlp.registry import BaseStage, register_stage
from tests.conftest import assert_offsets


def test_stages_run_in_order_and_are_recorded(text_pipeline):
    art = text_pipeline("Presiden Joko Widodo meresmikan jalan tol di Bekasi.")
    assert art.stages == ["text"]
    assert text_pipeline.stage_names == ["text"]
    assert art.entities == [] and art.times == [] and art.segments == []


def test_default_pipeline_runs_every_available_stage():
    from newsnlp.pipeline import DEFAULT_STAGES

    art = enrich("Presiden Joko Widodo meresmikan jalan tol di Bekasi.")
    assert art.stages == list(DEFAULT_STAGES)
    assert "text" in art.stages


def test_unknown_stage():
    with pytest.raises(UnknownStageError) as info:
        Pipeline(stages=("text", "sentiment"))
    assert "sentiment" in str(info.value) and "text" in str(info.value)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\u00a0\u3000"])
def test_empty_text_gives_valid_empty_record(text_pipeline, text):
    art = text_pipeline(text)
    assert art.tokens == [] and art.sentences == []
    assert art.to_dict()["text"] == text


def test_errors_inside_a_stage_are_wrapped_with_its_name():
    @register_stage("_exploding")
    class Exploding(BaseStage):
        name = "_exploding"

        def process(self, article):
            raise ZeroDivisionError("boom")

    pipe = Pipeline(stages=("text", "_exploding"))
    with pytest.raises(StageError) as info:
        pipe("Harga naik.")
    assert info.value.stage == "_exploding"
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_pipeline_is_shared_by_threads(text_pipeline, seed_text):
    expected = text_pipeline(seed_text).to_json()
    results: list[str] = []

    def work():
        for _ in range(5):
            results.append(text_pipeline(seed_text).to_json())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 20 and all(r == expected for r in results)


def test_pipe_batches_keep_order(text_pipeline):
    texts = [f"Artikel nomor {i} terbit di Jakarta." for i in range(10)]
    arts = list(text_pipeline.pipe(texts, batch_size=3))
    assert [a.text for a in arts] == texts
    for a in arts:
        assert_offsets(a)


def test_seed_article_end_to_end(default_pipeline, seed_text):
    art = default_pipeline(seed_text)
    assert_offsets(art)
    assert len(art.sentences) > 20 and len(art.tokens) > 400
    tok = next(t for t in art.tokens if t.text == "pihaknya")
    assert tok.clitic == "nya" and tok.stem == "pihak"
    assert art.to_dict()["text"] == seed_text


def test_enrich_many_two_processes_equals_one():
    from newsnlp import enrich_many

    items = [
        {
            "id": i,
            "text": f"Gubernur Jawa Barat meninjau banjir di Bekasi pada Senin (3/8/2020), hari ke-{i}.",
            "published": "2020-08-04",
        }
        for i in range(9)
    ]
    items.insert(4, {"id": "bad", "text": 42})
    one = list(enrich_many(items, n_process=1, batch_size=2, progress=False, on_error="record"))
    two = list(enrich_many(items, n_process=2, batch_size=2, progress=False, on_error="record"))
    assert len(one) == len(two) == 10
    assert [type(x).__name__ for x in two] == [type(x).__name__ for x in one]
    assert two[4]["error"] == "InputTypeError" and two[4]["index"] == 4
    for a, b in zip(one, two):
        if not isinstance(a, dict):
            assert a.to_json() == b.to_json()


def test_enrich_many_two_processes_raises_the_same_error_class():
    from newsnlp import enrich_many

    items = ["Gubernur Jawa Barat meninjau banjir di Bekasi pada Senin (3/8/2020)."] * 3 + [{"text": 42}]
    for n in (1, 2):
        got = []
        with pytest.raises(InputTypeError) as info:
            for art in enrich_many(items, n_process=n, batch_size=2, progress=False):
                got.append(art)
        assert len(got) == 3, "the items before the bad one are delivered"
        assert "text" in str(info.value)


def test_collector_paused_only_while_enriching():
    import gc

    from newsnlp import Pipeline
    from newsnlp.errors import StageError

    nlp = Pipeline(stages=("text",))
    seen = []

    class Spy:
        name = "spy"

        def process(self, article):
            seen.append(gc.isenabled())
            if "BOOM" in article.text:
                raise RuntimeError("stage failed")

        def process_batch(self, articles):
            seen.append(gc.isenabled())

    nlp._stages.append(Spy())
    assert gc.isenabled()
    nlp("Warga Bekasi mengungsi.")
    list(nlp.pipe(["Banjir di Bekasi.", "Hujan di Bogor."]))
    assert seen == [False, False] and gc.isenabled()
    with pytest.raises(InputTypeError):
        list(nlp.pipe(["Banjir di Bekasi.", 42]))
    with pytest.raises(StageError):
        nlp("BOOM di Bekasi.")
    assert gc.isenabled(), "the collector is back on after an error"
    gc.disable()
    try:
        nlp("Warga Bekasi mengungsi.")
        assert not gc.isenabled(), "a caller's choice to keep the collector off is respected"
    finally:
        gc.enable()
