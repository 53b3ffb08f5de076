"""The stage registry: what stages declare, the order checks, parts (``stems``), and that every
built-in stage writes only the layers it declares."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsnlp import Pipeline, registry
from newsnlp.errors import ConfigError, StageOrderError
from newsnlp.record import LAYERS
from newsnlp.registry import BaseStage, get_stage_meta, register_stage
from tests.stage_contract import check_declared_writes

PAGES = Path(__file__).resolve().parent / "structure" / "pages"


@pytest.fixture
def scratch_registry(monkeypatch):
    """Registrations made in a test vanish after it."""
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))


class _Noop(BaseStage):
    def __init__(self, name: str = "noop") -> None:
        self.name = name

    def process(self, article):
        return None


def test_builtin_declarations_name_record_layers(default_pipeline):
    for step in default_pipeline.analyze():
        for field in ("requires", "assigns", "uses"):
            for layer in step[field]:
                assert layer in LAYERS or layer.startswith("scratch."), (step["name"], layer)
        assert step["assigns"], f"{step['name']} declares nothing it assigns"


def test_every_builtin_stage_writes_only_what_it_declares(default_pipeline, seed_text):
    seen: list[str] = []
    inputs = [
        {"text": seed_text},
        {"text": seed_text, "published": "2020-08-03"},
        {"text": (PAGES / "kompas.html").read_text(encoding="utf-8"), "html": True},
        {"text": "Presiden Joko Widodo tiba di Bekasi kemarin pukul 14.20 WIB."},
        {"text": ""},
    ]
    for kwargs in inputs:
        seen += check_declared_writes(default_pipeline, **kwargs)
    for step in default_pipeline.step_names:  # the check saw every step write something
        assert any(s.startswith(f"{step}: ") for s in seen), step


def test_a_write_outside_the_declaration_is_caught(scratch_registry, seed_text):
    class Sneaky(BaseStage):
        name = "_sneaky"

        def process(self, article):
            for tok in article.tokens:
                tok.is_stop = False
            article.metadata.title = "diam-diam"  # not declared

    register_stage("_sneaky", requires=("tokens",), assigns=("tokens.is_stop",))(Sneaky)
    with pytest.raises(AssertionError, match=r"_sneaky.*metadata\.title"):
        check_declared_writes(Pipeline(stages=("text", "_sneaky")), seed_text)


def test_a_required_layer_must_be_assigned_earlier():
    with pytest.raises(StageOrderError) as info:
        Pipeline(stages=("entities",))
    assert info.value.stage == "entities" and info.value.layer == "tokens"
    assert "'text'" in str(info.value)  # says which stage assigns it


def test_order_is_checked_before_any_stage_is_built(scratch_registry):
    built = []

    @register_stage("_needs_times", requires=("times",), assigns=("metadata.sources",))
    def make(**_options):
        built.append(True)
        return _Noop("_needs_times")

    with pytest.raises(StageOrderError, match=r"'times'.*'time'"):
        Pipeline(stages=("text", "_needs_times"))
    assert built == []
    assert Pipeline(stages=("time", "_needs_times")).stage_names == ["time", "_needs_times"]


def test_reading_a_layer_that_a_later_stage_writes_is_an_error(scratch_registry, monkeypatch):
    register_stage("_early", uses=("tokens.stem",), assigns=("metadata.sources",))(lambda: _Noop("_early"))
    monkeypatch.setattr(registry, "STAGE_ORDER", ("text", "_early", "entities", "stems", "time", "structure"))
    with pytest.raises(StageOrderError) as info:
        Pipeline(stages=("text", "_early"))
    assert info.value.stage == "_early" and "'stems'" in str(info.value)


def test_a_declaration_must_name_record_layers(scratch_registry):
    with pytest.raises(ConfigError, match="entitys"):
        register_stage("_typo", assigns=("entitys",))
    with pytest.raises(ConfigError, match="tuple"):
        register_stage("_typo", requires="tokens")
    register_stage("_scratch", assigns=("scratch.cache",))  # working objects are allowed


def test_stems_are_a_part_of_the_text_stage_after_entities():
    nlp = Pipeline(stages=("entities", "text"))
    assert nlp.step_names == ["text", "entities", "stems"]
    assert nlp.stage_names == ["text", "entities"]
    art = nlp("Pengadilan Negeri Bekasi menolak gugatan itu.")
    assert art.stages == ["text", "entities"]  # parts are not listed
    stems = {t.text: (t.stem, t.ent) for t in art.tokens}
    assert stems["Bekasi"] == ("Bekasi", "ORG") and stems["menolak"] == ("tolak", None)
    row = next(r for r in nlp.analyze() if r["name"] == "stems")
    assert row["part_of"] == "text" and row["uses"] == ["entities"]


def test_text_alone_still_stems(text_pipeline):
    assert text_pipeline.step_names == ["text", "stems"]
    art = text_pipeline("Warga Bekasi menolak rencana itu.")
    assert {t.text: t.stem for t in art.tokens}["menolak"] == "tolak"


def test_a_part_comes_with_its_stage_only():
    with pytest.raises(ConfigError, match="part of stage 'text'"):
        Pipeline(stages=("stems",))
    with pytest.raises(ConfigError, match="part of stage 'text'"):
        Pipeline(stages=("text",), config={"stems": {}})
    assert Pipeline(stages=("text", "stems")).step_names == ["text", "stems"]


def test_stem_false_still_marks_entity_tokens():
    art = Pipeline(stages=("text", "entities"), config={"text": {"stem": False}})("Warga Bekasi menolak.")
    assert all(t.stem is None for t in art.tokens)
    assert {t.text: t.ent for t in art.tokens}["Bekasi"] == "LOC"


def test_the_quotes_stage_has_its_slot():
    order = registry.STAGE_ORDER
    assert order.index("entities") < order.index("structure") < order.index("quotes")
    if registry.available_stages(("quotes",)):
        assert {"entities", "segments"} <= set(get_stage_meta("quotes").requires)
