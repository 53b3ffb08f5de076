"""``newsnlp batch``: enrich a corpus file into JSON Lines or Parquet tables, resumably.

* :mod:`.ids`: what a row's id is and the key that ``--resume`` matches rows by.
* :mod:`.readers`: JSON Lines, CSV/TSV and Parquet input, one :class:`~.readers.Row` per record.
* :mod:`.outputs`: output formats (from the file name), layers, and the shape of an output row.
* :mod:`.jsonl`: the JSON Lines writer (plain or gzip), with its repair on resume.
* :mod:`.parquet`: the Parquet writer (flat tables in committed parts), with its repair on resume.
* :mod:`.run`: the driver that ties them to :func:`newsnlp.enrich_many`.
"""

from __future__ import annotations

from .run import BatchOptions, run_batch

__all__ = ["BatchOptions", "run_batch"]
