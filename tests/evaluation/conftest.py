"""Load the evaluation scripts (not a package) by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def load_script(relative: str, name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / relative)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def scorer():
    return load_script("evaluation/quotes.py", "quotes_scorer")


@pytest.fixture(scope="session")
def annotator():
    return load_script("evaluation/quotes/annotate.py", "quotes_annotate")
