"""Packaging: typed package marker, no exact pins in extras."""

from __future__ import annotations

import importlib.resources
import re
import sys

import pytest

from tests.conftest import REPO


def test_py_typed_ships_in_the_package():
    assert importlib.resources.files("newsnlp").joinpath("py.typed").is_file()


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib")
def test_extras_give_ranges_not_exact_pins():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for extra, requirements in project["optional-dependencies"].items():
        for req in requirements:
            assert not re.search(r"===?", req), f"[{extra}] pins {req} exactly; give a range"


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib")
def test_the_version_is_the_distributions():
    import tomllib

    import newsnlp
    from newsnlp.version import __version__

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert newsnlp.__version__ == __version__ == project["version"]
