"""The progress bar of ``enrich_many`` and ``newsnlp batch``: one place for its look and for the
choice of tqdm flavour."""

from __future__ import annotations

import importlib.util
from typing import Any

__all__ = ["progress_bar", "tqdm_class"]


def tqdm_class() -> Any:
    """``tqdm.auto.tqdm`` when ipywidgets is installed (a widget in Jupyter, text elsewhere), else
    the plain text ``tqdm``: without ipywidgets, ``tqdm.auto`` in a notebook warns
    ``TqdmWarning: IProgress not found`` and falls back to text anyway."""
    if importlib.util.find_spec("ipywidgets") is not None:
        from tqdm.auto import tqdm
    else:
        from tqdm.std import tqdm
    return tqdm


def progress_bar(total: int | None = None, desc: str = "newsnlp", **kwargs: Any) -> Any:
    """A bar counting articles: ``120/500 [00:04<00:12, 30.1 articles/s]`` when the total is
    known (a file, a list), ``120 articles [00:04, 30.1 articles/s]`` otherwise."""
    return tqdm_class()(total=total, desc=desc, unit=" articles", smoothing=0.1, **kwargs)
