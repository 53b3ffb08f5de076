"""A pipeline saved to a folder and loaded back, pickled, and run on worker processes with
``Pipeline.pipe(n_process=...)``: stages, options and the stages' own additions travel; loaded
resources do not."""

from __future__ import annotations

import json
import pickle

import pytest

from newsnlp import Pipeline, registry
from newsnlp.errors import ConfigError, InputError, InputTypeError
from newsnlp.pipeline import PIPELINE_FILE

TEXTS = [
    "Harga beras naik lagi di Pasar Beringharjo.",
    "Warga Bekasi menolak rencana itu, kata Budi.",
    "Presiden Joko Widodo tiba di Yogyakarta pada Senin (3/8/2020).",
] * 6


@pytest.fixture
def plugin():
    """The stage of ``tests/plugin_stage.py``, registered for the test only."""
    from tests import plugin_stage

    plugin_stage.register()
    yield plugin_stage
    registry._REGISTRY.pop(plugin_stage.NAME, None)


@pytest.fixture
def flagging(plugin):
    """A text pipeline with options and with words added to the plugin stage after it was built."""
    nlp = Pipeline(
        stages=("text", plugin.NAME), config={"text": {"stem": False}, plugin.NAME: {"words": ["harga"]}}
    )
    nlp.get_stage(plugin.NAME).add("warga", "Budi")
    return nlp


def _flagged(arts):
    return [sorted(t.text for t in a.tokens if t.is_stop and t.text[0].isupper()) for a in arts]


def _same_output(a, b, texts=TEXTS[:3]):
    assert [a(t).to_json() for t in texts] == [b(t).to_json() for t in texts]


def test_save_and_load_keep_stages_options_and_additions(flagging, plugin, tmp_path):
    folder = flagging.to_disk(tmp_path / "nlp")
    header = json.loads((folder / PIPELINE_FILE).read_text(encoding="utf-8"))
    assert header["stages"] == ["text", plugin.NAME]
    assert header["config"] == {
        "text": {"stem": False},
        plugin.NAME: {"words": ["harga"], "label": "flagged"},
    }
    assert header["modules"] == {plugin.NAME: "tests.plugin_stage"}  # imported on loading
    assert header["provenance"]["newsnlp"]
    assert json.loads((folder / plugin.NAME / "added.json").read_text()) == ["budi", "warga"]
    assert not (folder / "text").exists()  # a stage with nothing of its own writes no folder

    loaded = Pipeline.from_disk(folder)
    assert loaded.stage_names == flagging.stage_names and loaded.config == flagging.config
    assert loaded.get_stage(plugin.NAME).added == {"warga", "budi"}
    _same_output(loaded, flagging)
    art = loaded(TEXTS[1])
    assert {t.text for t in art.tokens if t.is_stop} >= {"Warga", "Budi"} and art.tokens[0].stem is None

    flagging.get_stage(plugin.NAME).added.clear()  # saving again over the same folder
    flagging.to_disk(folder)
    assert not (folder / plugin.NAME).exists()
    assert Pipeline.from_disk(folder).get_stage(plugin.NAME).added == set()


def test_save_refuses_what_it_cannot_write_and_load_what_is_not_a_pipeline(tmp_path):
    nlp = Pipeline(stages=("text",))
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="a file"):
        nlp.to_disk(tmp_path / "file")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="other files"):
        nlp.to_disk(tmp_path / "busy")
    with pytest.raises(InputError, match="no saved pipeline"):
        Pipeline.from_disk(tmp_path / "busy")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / PIPELINE_FILE).write_text("{not json")
    with pytest.raises(InputError, match="not a saved pipeline"):
        Pipeline.from_disk(tmp_path / "bad")


def test_an_option_that_is_not_json_cannot_be_saved(tmp_path, plugin):
    nlp = Pipeline(stages=("text", plugin.NAME), config={plugin.NAME: {"words": {"harga"}}})
    with pytest.raises(ConfigError, match="cannot be saved"):
        nlp.to_disk(tmp_path / "nlp")


def test_default_pipeline_round_trips(default_pipeline, seed_text, tmp_path):
    loaded = Pipeline.from_disk(default_pipeline.to_disk(tmp_path / "default"))
    assert loaded.stage_names == default_pipeline.stage_names
    _same_output(loaded, default_pipeline, [seed_text])


def test_pickle_sends_options_and_additions_not_resources(flagging, plugin):
    blob = pickle.dumps(flagging)
    assert len(blob) < 2_000  # the loaded tokenizer, stemmer and vocabulary are not in it
    again = pickle.loads(blob)
    assert again is not flagging and again.config == flagging.config
    assert again.get_stage(plugin.NAME).added == {"warga", "budi"}
    _same_output(again, flagging)


def test_a_default_pipeline_pickles_small(default_pipeline):
    blob = pickle.dumps(default_pipeline)
    assert len(blob) < 2_000
    assert pickle.loads(blob).stage_names == default_pipeline.stage_names


def test_pipe_on_two_processes_uses_the_given_pipeline(flagging):
    one = list(flagging.pipe(TEXTS, batch_size=4))
    two = list(flagging.pipe(TEXTS, batch_size=4, n_process=2))
    assert [a.to_json() for a in two] == [a.to_json() for a in one]
    assert _flagged(two)[1] == ["Budi", "Warga"]  # the words added after building reached the workers
    assert all(t.stem is None for a in two for t in a.tokens)  # and the options


def test_pipe_on_spawned_processes_rebuilds_the_pipeline_from_its_pickle(flagging, monkeypatch):
    import multiprocessing as mp

    from newsnlp import parallel

    monkeypatch.setattr(parallel, "_context", lambda: mp.get_context("spawn"))
    two = list(flagging.pipe(TEXTS[:6], batch_size=2, n_process=2))
    assert [a.to_json() for a in two] == [flagging(t).to_json() for t in TEXTS[:6]]
    assert _flagged(two)[1] == ["Budi", "Warga"]


def test_pipe_checks_its_arguments_and_handles_failing_items(text_pipeline):
    for bad in ({"n_process": 0}, {"n_process": "2"}, {"n_process": True}, {"on_error": "ignore"}):
        with pytest.raises(InputTypeError):
            text_pipeline.pipe(["a"], **bad)
    items = ["Harga naik.", 42, "Warga menolak."]
    recorded = list(text_pipeline.pipe(items, n_process=2, on_error="record", batch_size=1))
    assert [getattr(r, "text", None) for r in recorded] == ["Harga naik.", None, "Warga menolak."]
    assert recorded[1]["error"] == "InputTypeError" and recorded[1]["index"] == 1
    assert [a.text for a in text_pipeline.pipe(items, on_error="skip")] == ["Harga naik.", "Warga menolak."]
    with pytest.raises(InputTypeError):
        list(text_pipeline.pipe(items, n_process=2, batch_size=1))
