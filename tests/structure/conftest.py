"""Fixtures of the structure tests."""

from __future__ import annotations

import pytest

from newsnlp.structure.stage import StructureStage


@pytest.fixture(scope="module")
def stage() -> StructureStage:
    """A structure stage with the shipped resources (one per test module)."""
    return StructureStage()
