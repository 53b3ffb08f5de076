"""Shared fixtures: the seed example and pipelines built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "tribunjogja_microsoft_tiktok.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def text_pipeline():
    from newsnlp import Pipeline

    return Pipeline(stages=("text",))


@pytest.fixture(scope="session")
def default_pipeline():
    from newsnlp.api import get_default_pipeline

    return get_default_pipeline()


def assert_offsets(article) -> None:
    """Every span of every layer points at its own text."""
    for span in article.spans():
        assert article.text[span.start : span.end] == span.text, span
