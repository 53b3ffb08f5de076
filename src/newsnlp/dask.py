"""Dask integration, the public face: ``import newsnlp.dask``.

``enrich_bag(bag)``, ``enrich_dataframe(ddf, text_column="text", published_column=None,
id_column=None)`` and ``to_tables(bag_or_ddf)``; see :mod:`newsnlp.integrations.dask` and
``docs/dask.md``. Needs the ``dask`` extra: ``pip install "newsnlp[dask]"``.
"""

from __future__ import annotations

from .integrations import dask as _impl
from .integrations.dask import *  # noqa: F403 - the public names, listed in _impl.__all__

__all__ = list(_impl.__all__)
