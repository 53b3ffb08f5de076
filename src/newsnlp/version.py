"""The version of newsnlp (kept equal to ``pyproject.toml`` by ``tests/test_packaging.py``).

The module imports nothing from the rest of newsnlp.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
