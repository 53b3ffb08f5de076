"""The ``bylines`` step of the entity stage: byline people are PER entities of the ``byline``
segment, listed in ``metadata.authors``/``editors``, with ``Token.ent`` set and unstemmed tokens."""

from __future__ import annotations

import pytest

from newsnlp import Pipeline, registry
from newsnlp.errors import StageOrderError
from newsnlp.registry import BaseStage, register_stage
from tests.stage_contract import check_declared_writes

ARTICLE = (
    "Warga Sleman Gelar Kirab Budaya\n\n"
    "SLEMAN - Ribuan warga mengikuti kirab budaya di Sleman, Minggu (2/8/2020). "
    "Rina Wulandari, warga setempat, ikut menari.\n\n"
    "Penulis: Dimas Prasetyo\nEditor: Rina Wulandari\n"
)


@pytest.fixture(scope="module")
def nlp():
    return Pipeline()


def test_seed_byline_people_are_persons(nlp, seed_text):
    art = nlp(seed_text)
    for name in ("Bunga Kartikasari", "Mona Kriesdinar"):
        found = [e for e in art.entities if e.text == name]
        assert found, name
        e = found[0]
        assert (e.label, e.segment, e.canonical) == ("PER", "byline", name)
        assert name in art.metadata.authors + art.metadata.editors
        toks = [t for t in art.tokens if e.start <= t.start and t.end <= e.end]
        assert toks and all(t.ent == "PER" and t.stem == t.text for t in toks)  # never stemmed
    ids = [e.entity_id for e in art.entities]
    assert sorted(set(ids)) == list(range(len(set(ids))))  # ids still 0..n-1 in order


def test_byline_person_joins_the_same_person_in_the_article(nlp):
    art = nlp(ARTICLE)
    assert "Dimas Prasetyo" in art.metadata.authors and "Rina Wulandari" in art.metadata.editors
    rina = [e for e in art.entities if e.text == "Rina Wulandari"]
    assert len(rina) == 2 and rina[-1].segment == "byline"
    assert len({e.entity_id for e in rina}) == 1
    dimas = [e for e in art.entities if e.text == "Dimas Prasetyo"]
    assert dimas and dimas[0].label == "PER" and dimas[0].segment == "byline"


def test_the_step_is_placed_after_structure_and_stems():
    steps = Pipeline().step_names
    assert steps.index("bylines") > steps.index("structure") > steps.index("stems")
    assert "bylines" not in Pipeline(stages=("text", "entities")).step_names  # no segments: left out


def test_the_step_writes_only_what_it_declares(seed_text):
    seen = check_declared_writes(Pipeline(), seed_text)
    assert "bylines: entities" in seen and "bylines: tokens.ent" in seen


class _Noop(BaseStage):
    name = "_noop"

    def process(self, article):
        pass


def test_amending_a_layer_nobody_assigned_is_refused(monkeypatch):
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    register_stage("_amender", amends=("times",))(lambda: _Noop())
    with pytest.raises(StageOrderError, match="amends the layer 'times'"):
        registry.plan(["text", "_amender"])
