"""The optional ``linguistic`` stage: lemmas, parts of speech and dependencies from stanza.

(:mod:`~newsnlp.linguistic.alignment` maps stanza's words onto newsnlp's tokens;
:mod:`~newsnlp.linguistic.models` finds and downloads the models.)

Install with ``pip install newsnlp[stanza]`` and get stanza's Indonesian models once with
``newsnlp models download`` (or ``stanza.download("id")``). The stage then reads them from a local
stanza resources directory and never downloads anything::

    nlp = Pipeline(stages=("text", "linguistic"))
    nlp = Pipeline(stages=("text", "linguistic"), config={"linguistic": {"model_dir": "/data/stanza"}})

Stanza is fed newsnlp's own tokens and sentences (pretokenized input), so offsets never move; how
its words map back onto the tokens is described in :mod:`newsnlp.linguistic.alignment`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from ..errors import ModelNotFoundError, NewsNLPError
from ..record import Article
from ..registry import BaseStage, register_stage
from .alignment import DEFAULT_MAX_SENTENCE_TOKENS, MWT_MODES, apply_document, article_to_document
from .models import default_model_dir, import_stanza, missing_models_message

__all__ = ["DEFAULT_PROCESSORS", "LinguisticStage", "make_linguistic_stage"]

#: stanza processors the stage runs (``tokenize`` only wraps our pretokenized input).
DEFAULT_PROCESSORS = "tokenize,mwt,pos,lemma,depparse"


class LinguisticStage(BaseStage):
    """Fills ``lemma``, ``pos``, ``head`` and ``deprel`` of every token from stanza's models.

    Build it through the pipeline: ``Pipeline(stages=("text", "linguistic"),
    config={"linguistic": {...}})`` with the options of :func:`make_linguistic_stage`.
    """

    name = "linguistic"

    def __init__(
        self,
        model_dir: str | os.PathLike[str] | None = None,
        package: str | dict[str, str] | None = None,
        processors: str | Sequence[str] = DEFAULT_PROCESSORS,
        mwt: str = "clitic",
        use_gpu: bool = False,
        lang: str = "id",
        max_sentence_tokens: int = DEFAULT_MAX_SENTENCE_TOKENS,
    ) -> None:
        self.model_dir = Path(model_dir).expanduser() if model_dir is not None else default_model_dir()
        if mwt not in MWT_MODES:
            raise NewsNLPError(f"mwt must be one of {MWT_MODES}, got {mwt!r}")
        if not isinstance(max_sentence_tokens, int) or max_sentence_tokens < 1:
            raise NewsNLPError(f"max_sentence_tokens must be a positive int, got {max_sentence_tokens!r}")
        self.max_sentence_tokens = max_sentence_tokens
        stanza = import_stanza(self.model_dir)
        if not (self.model_dir / "resources.json").is_file() or not (self.model_dir / lang).is_dir():
            raise ModelNotFoundError(missing_models_message(self.model_dir, lang))
        if not isinstance(processors, str):
            processors = ",".join(processors)
        try:
            self.nlp = stanza.Pipeline(
                lang=lang,
                dir=str(self.model_dir),
                package=package,
                processors=processors,
                tokenize_pretokenized=True,
                download_method=None,
                use_gpu=use_gpu,
                logging_level="WARN",
            )
        except (FileNotFoundError, OSError) as err:
            raise ModelNotFoundError(
                missing_models_message(
                    self.model_dir, lang, reason=f"stanza could not load its models ({err})"
                )
            ) from err
        except ValueError as err:  # e.g. no processors for the language or package
            raise ModelNotFoundError(
                missing_models_message(self.model_dir, lang, reason=f"stanza found no usable model ({err})")
            ) from err
        self.mwt = mwt if "mwt" in self.nlp.processors else "none"
        self._lock = threading.Lock()  # stanza pipelines are not documented as thread-safe

    def process(self, article: Article) -> None:
        """Annotate the tokens of one article."""
        self.process_batch([article])

    def process_batch(self, articles: list[Article]) -> None:
        """Annotate several articles in one stanza call (stanza batches across documents)."""
        todo = [a for a in articles if a.tokens]
        if not todo:
            return
        docs = [article_to_document(a, self.mwt, self.max_sentence_tokens) for a in todo]
        with self._lock:
            out = self.nlp(docs)
        for article, doc in zip(todo, out):
            apply_document(article, doc, self.max_sentence_tokens)


@register_stage(
    "linguistic", requires=("tokens",), assigns=("tokens.lemma", "tokens.pos", "tokens.head", "tokens.deprel")
)
def make_linguistic_stage(
    model_dir: str | os.PathLike[str] | None = None,
    package: str | dict[str, str] | None = None,
    processors: str | Sequence[str] = DEFAULT_PROCESSORS,
    mwt: str = "clitic",
    use_gpu: bool = False,
    max_sentence_tokens: int = DEFAULT_MAX_SENTENCE_TOKENS,
) -> LinguisticStage:
    """Factory of the ``linguistic`` stage.

    - ``model_dir``: a stanza resources directory (``resources.json`` + ``id/``); default
      :func:`default_model_dir`. Nothing is ever downloaded; missing models raise
      :class:`~newsnlp.errors.ModelNotFoundError` saying how to get them.
    - ``package``: a stanza package name for Indonesian (``"gsd"``, ``"csui"``), default stanza's.
    - ``processors``: stanza processors to run, default ``tokenize,mwt,pos,lemma,depparse``
      (drop ``depparse`` for speed: ``head``/``deprel`` then stay ``None``).
    - ``mwt``: which tokens may be split into syntactic words (``clitic``, ``all``, ``none``).
    - ``use_gpu``: let stanza use a GPU when there is one.
    - ``max_sentence_tokens``: longer sentences are parsed in pieces, each with its own root.
    """
    return LinguisticStage(
        model_dir=model_dir,
        package=package,
        processors=processors,
        mwt=mwt,
        use_gpu=use_gpu,
        max_sentence_tokens=max_sentence_tokens,
    )
