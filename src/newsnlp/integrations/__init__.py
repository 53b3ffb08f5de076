"""Adapters to researchers' tools; each module imports its third-party library lazily.

(Stages live in their own packages: the optional stanza-based ``linguistic`` stage is
:mod:`newsnlp.linguistic`.)

* :mod:`newsnlp.integrations.frames`: flat pandas tables (``newsnlp.to_frames``) and Parquet.
* :mod:`newsnlp.integrations.dask`: Dask bags and DataFrames (public as ``newsnlp.dask``).
* :mod:`newsnlp.integrations.spacy`: ``Article.to_spacy()``, ``DocBin`` export and the
  ``newsnlp_entities`` / ``newsnlp_time`` / ``newsnlp_structure`` spaCy components.
* :mod:`newsnlp.integrations.viz`: ``Article._repr_html_`` (displaCy), timelines and entity charts.
"""
