"""newsnlp: Bahasa Indonesia news articles into fully annotated, machine-readable records.

::

    from newsnlp import Pipeline, enrich, enrich_many, to_frames

    art = enrich(text)                              # one article, the default pipeline
    art.entities, art.times, art.segments, art.provenance
    for art in enrich_many(texts, n_process=2):     # a corpus, in batches, on worker processes
        ...
    nlp = Pipeline(config={"entities": {"fuzzy": False}})   # a pipeline of your own
    nlp.to_disk("my_pipeline")                      # and back: Pipeline.from_disk("my_pipeline")
    frames = to_frames(nlp.pipe(texts))             # pandas tables

Heavy modules (spaCy, the models) load lazily, on the first call that needs them, so that
``import newsnlp`` stays fast; networking libraries that spaCy imports but newsnlp never uses
are not run at all (:mod:`newsnlp.lazyimport`). Every record carries its provenance (newsnlp
version, model versions and hashes, non-default options: :mod:`newsnlp.provenance`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import NewsNLPError
from .lazyimport import defer_network_libraries
from .record import Article, Entity, Metadata, Segment, Sentence, TimeExpression, Token
from .version import __version__

# spaCy's command-line tools import requests and httpx (and urllib3, which binds a socket): loaded
# only if something uses them (see newsnlp.lazyimport).
defer_network_libraries()

__all__ = [
    "Article",
    "Entity",
    "Metadata",
    "NewsNLPError",
    "Pipeline",
    "Segment",
    "Sentence",
    "TimeExpression",
    "Token",
    "__version__",
    "enrich",
    "enrich_many",
    "to_frames",
]

if TYPE_CHECKING:  # pragma: no cover
    from .api import enrich, enrich_many
    from .integrations.frames import to_frames
    from .pipeline import Pipeline

_LAZY = {"Pipeline": "pipeline", "enrich": "api", "enrich_many": "api", "to_frames": "integrations.frames"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsnlp' has no attribute {name!r}")
