"""Provenance: every record says what made it (newsnlp version, shipped data and model versions
with short hashes, library versions, non-default options), computed once per pipeline."""

from __future__ import annotations

import json

import pytest

import newsnlp
from newsnlp import Pipeline, provenance
from newsnlp.data import DATA_DIR
from newsnlp.record import Article


def test_a_record_carries_the_provenance_of_its_pipeline(default_pipeline, seed_text):
    art = default_pipeline(seed_text)
    prov = art.provenance
    assert prov is default_pipeline.provenance
    assert prov["newsnlp"] == newsnlp.__version__
    meta = json.loads((DATA_DIR / "ner_model" / "meta.json").read_text(encoding="utf-8"))
    assert prov["data"]["ner_model"]["version"] == meta["version"]
    assert prov["data"]["ner_model"]["sha256"] == provenance.fingerprint(DATA_DIR / "ner_model")
    assert prov["data"]["gazetteer"]["sha256"] == provenance.fingerprint(DATA_DIR / "gazetteer")
    assert {"text", "temporal", "structure"} <= set(prov["data"])
    assert all(len(v["sha256"]) == 12 for v in prov["data"].values())
    assert prov["libraries"]["spacy"]
    assert prov["config"] == {}  # the default pipeline changes no option
    json.dumps(prov)


def test_only_options_that_differ_from_the_defaults_are_recorded():
    nlp = Pipeline(
        stages=("text", "time"), config={"text": {"stem": True}, "time": {"infer_published": False}}
    )
    assert nlp.config == {"text": {"stem": True}, "time": {"infer_published": False}}
    assert nlp.provenance["config"] == {"time": {"infer_published": False}}


def test_the_fingerprint_changes_with_the_files(tmp_path):
    (tmp_path / "a.txt").write_text("satu")
    first = provenance.fingerprint(tmp_path)
    (tmp_path / "a.txt").write_text("dua")
    assert provenance.fingerprint(tmp_path) != first
    (tmp_path / "a.txt").write_text("satu")
    assert provenance.fingerprint(tmp_path) == first
    (tmp_path / "b.txt").write_text("")
    assert provenance.fingerprint(tmp_path) != first


def test_it_is_computed_once_per_pipeline_and_shared_by_its_records(monkeypatch):
    calls = []
    real = provenance.make_provenance

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    import newsnlp.pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "make_provenance", counting)
    nlp = Pipeline(stages=("text",))
    arts = [nlp("Harga naik."), *nlp.pipe(["Warga menolak.", "Budi datang."] * 5, batch_size=3)]
    assert len(calls) == 1
    assert all(a.provenance is arts[0].provenance for a in arts)


def test_provenance_round_trips_through_json_and_pickle(text_pipeline):
    import pickle

    art = text_pipeline("Harga beras naik.")
    data = art.to_dict()
    assert data["provenance"] == text_pipeline.provenance
    again = Article.from_json(art.to_json())
    assert again.provenance == art.provenance and again.to_json() == art.to_json()
    assert pickle.loads(pickle.dumps(art)).provenance == art.provenance
    assert Article(text="x").to_dict()["provenance"] is None  # a record no pipeline made


def test_stage_reports_join_the_provenance():
    from newsnlp import registry
    from tests import plugin_stage

    plugin_stage.register()
    try:
        nlp = Pipeline(stages=("text", plugin_stage.NAME))
        nlp.get_stage(plugin_stage.NAME).add("harga")
        prov = nlp("Harga naik.").provenance
        assert prov["stages"] == {plugin_stage.NAME: {"added": 1}}
        assert prov["config"] == {plugin_stage.NAME: {"label": "flagged"}}
    finally:
        registry._REGISTRY.pop(plugin_stage.NAME, None)


def test_the_articles_table_and_the_spacy_doc_carry_it(text_pipeline):
    pytest.importorskip("pandas")
    from newsnlp import to_frames

    art = text_pipeline("Harga beras naik.")
    row = to_frames([art], include=("articles",)).articles.iloc[0]
    assert row["newsnlp_version"] == newsnlp.__version__
    assert json.loads(row["provenance"]) == art.provenance
    doc = art.to_spacy()
    assert doc._.newsnlp_metadata["provenance"] == art.provenance
