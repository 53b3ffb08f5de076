"""Dask integration, the public face: ``import newsnlp.dask``.

``enrich_bag(bag)``, ``enrich_dataframe(ddf, text_column="text", published_column=None,
id_column=None)`` and ``to_tables(bag_or_ddf)``; see :mod:`newsnlp.integrations.dask` and
``docs/dask.md``. Needs the ``dask`` extra: ``pip install "newsnlp[dask]"``.
"""

from __future__ import annotations

from .integrations.dask import (
    RECORD_COLUMNS,
    enrich_bag,
    enrich_dataframe,
    enrich_partition,
    pipeline_loads,
    to_tables,
    warm_up,
    worker_pipeline,
)

__all__ = [
    "RECORD_COLUMNS",
    "enrich_bag",
    "enrich_dataframe",
    "enrich_partition",
    "pipeline_loads",
    "to_tables",
    "warm_up",
    "worker_pipeline",
]
