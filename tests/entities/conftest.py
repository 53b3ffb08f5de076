"""Fixtures of the entity stage tests."""

from __future__ import annotations

import pytest

from newsnlp import Pipeline
from newsnlp.entities.stage import EntityStage


@pytest.fixture()
def model_stage_pipeline():
    """A text + entities pipeline and its entity stage, built without the model: tests put a
    stand-in model (``FakeModel``) on ``stage.model``."""
    nlp = Pipeline(stages=("text", "entities"), config={"entities": {"model": False}})
    stage = nlp.get_stage("entities")
    assert isinstance(stage, EntityStage)
    return nlp, stage
