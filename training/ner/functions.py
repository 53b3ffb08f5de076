"""Registered functions the NER training config needs (``spacy train --code training/ner/functions.py``).

Importing :mod:`newsnlp.entities.model` registers the ``newsnlp.ner_whitespace_tokenizer.v1``
tokenizer factory named in the config.
"""

import newsnlp.entities.model  # noqa: F401
