"""Choosing the entity model by name or path: ``Pipeline(config={"entities": {"model": ...}})``."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsnlp import Pipeline
from newsnlp.entities import model as model_mod
from newsnlp.entities.candidates import model_candidates
from newsnlp.entities.model import DEFAULT_MODEL_PATH, NerModel, resolve_model_path
from newsnlp.errors import ModelNotFoundError, NewsNLPError
from newsnlp.record import Article, Token

TEXT = "CEO Microsoft Satya Nadella bertemu Presiden Joko Widodo di Jakarta, Senin."


def _spans(art):
    return [(e.start, e.end, e.label) for e in art.entities]


@pytest.fixture(scope="module")
def default_spans():
    return _spans(Pipeline(stages=("text", "entities"))(TEXT))


def test_fast_is_the_shipped_default(default_spans):
    nlp = Pipeline(stages=("text", "entities"), config={"entities": {"model": "fast"}})
    assert isinstance(nlp.get_stage("entities").model, NerModel)
    assert _spans(nlp(TEXT)) == default_spans
    assert resolve_model_path("fast") == DEFAULT_MODEL_PATH


def test_a_model_directory_by_path(default_spans):
    nlp = Pipeline(stages=("text", "entities"), config={"entities": {"model": str(DEFAULT_MODEL_PATH)}})
    assert nlp.get_stage("entities").model.path == DEFAULT_MODEL_PATH
    assert _spans(nlp(TEXT)) == default_spans


def test_accurate_when_shipped(monkeypatch, default_spans):
    # stand in the shipped folder for an installation that ships the accurate model
    monkeypatch.setitem(model_mod.MODEL_NAMES, "accurate", "ner_model")
    nlp = Pipeline(stages=("text", "entities"), config={"entities": {"model": "accurate"}})
    assert _spans(nlp(TEXT)) == default_spans


def test_missing_accurate_model_is_a_clear_typed_error(monkeypatch, tmp_path):
    monkeypatch.setitem(model_mod.MODEL_NAMES, "accurate", str(tmp_path / "absent"))
    with pytest.raises(ModelNotFoundError, match="'accurate' entity model is not shipped") as info:
        Pipeline(stages=("text", "entities"), config={"entities": {"model": "accurate"}})
    assert isinstance(info.value, NewsNLPError)
    assert "fast" in str(info.value)  # says what is shipped


def test_missing_model_path_is_a_clear_typed_error(tmp_path):
    with pytest.raises(ModelNotFoundError, match="no NER model at"):
        Pipeline(stages=("text", "entities"), config={"entities": {"model": str(tmp_path)}})


@dataclass(frozen=True)
class _M:
    start: int
    end: int
    label: str
    score: float = 0.8


def test_labels_of_other_conventions_are_mapped():
    art = Article(text="Budi ke Bandung.")
    art.tokens = [Token(0, 4, "Budi"), Token(5, 7, "ke"), Token(8, 15, "Bandung"), Token(15, 16, ".")]
    out = model_candidates(art, [_M(0, 1, "PERSON"), _M(2, 3, "GPE"), _M(1, 2, "WORK_OF_ART")])
    assert [(m.label, art.text[m.start : m.end]) for m in out] == [
        ("PER", "Budi"),
        ("LOC", "Bandung"),
        ("MISC", "ke"),
    ]
