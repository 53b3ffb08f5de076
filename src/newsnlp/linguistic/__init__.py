"""The optional ``linguistic`` stage: stanza's lemmas, parts of speech and dependencies on
newsnlp's own tokens.

* :mod:`~newsnlp.linguistic.stage`: the stage (registered as ``"linguistic"``);
* :mod:`~newsnlp.linguistic.alignment`: stanza's words mapped onto newsnlp's tokens and back;
* :mod:`~newsnlp.linguistic.models`: where stanza's models live and ``newsnlp models download``.

Nothing here imports stanza (or torch) until a stage is built or a model downloaded.
"""

from __future__ import annotations

from .alignment import DEFAULT_MAX_SENTENCE_TOKENS, apply_document, article_to_document
from .models import default_model_dir, download_stanza, missing_models_message, stanza_models_present
from .stage import DEFAULT_PROCESSORS, LinguisticStage, make_linguistic_stage

__all__ = [
    "DEFAULT_MAX_SENTENCE_TOKENS",
    "DEFAULT_PROCESSORS",
    "LinguisticStage",
    "apply_document",
    "article_to_document",
    "default_model_dir",
    "download_stanza",
    "make_linguistic_stage",
    "missing_models_message",
    "stanza_models_present",
]
