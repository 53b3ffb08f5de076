"""Shared fixtures of the linguistic-stage tests (skipped when stanza is not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

TINY_MODELS = Path(__file__).resolve().parents[1] / "fixtures" / "stanza_tiny"


@pytest.fixture(scope="session")
def text_pipeline():
    """A pipeline running the text stage alone, to get newsnlp's tokens and sentences."""
    from newsnlp import Pipeline

    return Pipeline(stages=("text",))
