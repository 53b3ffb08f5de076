"""The pipeline: validates input, builds the record and runs the stages over it in order."""

from __future__ import annotations

import contextlib
import gc
import inspect
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from .errors import ConfigError, InputTypeError, NewsNLPError, StageError
from .input import check_items_and_batch, item_to_kwargs, read_article
from .record import Article
from .registry import Stage, available_stages, get_stage_factory, order_stages

__all__ = ["DEFAULT_STAGES", "Pipeline", "check_items_and_batch", "check_stage_names", "item_to_kwargs"]

#: The stages a default pipeline runs: every built-in stage present in this installation, of
#: ``text``, ``entities``, ``time`` and ``structure`` (the optional ``linguistic`` stage is asked for
#: by name).
DEFAULT_STAGES: tuple[str, ...] = available_stages()


def check_stage_names(stages: Any) -> list[str]:
    """``stages`` as a list of names, or :class:`InputTypeError` (unknown names are checked by
    :func:`~newsnlp.registry.get_stage_factory`)."""
    if isinstance(stages, str):
        stages = (stages,)
    if not isinstance(stages, Iterable):
        raise InputTypeError("stages", "a sequence of stage names", stages)
    names = list(stages)
    for name in names:
        if not isinstance(name, str):
            raise InputTypeError("stage name", "str", name)
    return names


def _run(stage: Stage, method: str, arg: Any) -> None:
    """Call ``stage.<method>(arg)``; anything unexpected becomes a :class:`StageError`."""
    try:
        getattr(stage, method)(arg)
    except NewsNLPError:
        raise
    except Exception as err:  # wrapped with the stage's name, the original chained
        raise StageError(stage.name, err) from err


class Pipeline:
    """A reusable enrichment pipeline; resources are loaded once, when it is built.

    >>> nlp = Pipeline()                       # doctest: +SKIP
    >>> art = nlp(text, published="2020-08-03") # doctest: +SKIP

    ``stages`` names the stages to run (they always run in the order text, linguistic, entities,
    time, structure); ``config`` maps a stage name to keyword options for its factory.
    A pipeline may be shared by threads: stages keep no per-article state.
    """

    def __init__(
        self,
        stages: Sequence[str] = DEFAULT_STAGES,
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        names = order_stages(check_stage_names(stages))
        if config is None:
            config = {}
        if not isinstance(config, Mapping):
            raise InputTypeError("config", "a mapping of stage name to options", config)
        factories = {name: get_stage_factory(name) for name in names}  # validates names first
        for name, options in config.items():
            if name not in factories:
                raise ConfigError(str(name), f"stage not in this pipeline ({', '.join(names)})")
            if not isinstance(options, Mapping):
                raise InputTypeError(f"config[{name!r}]", "a mapping of option names to values", options)
        self._stages: list[Stage] = []
        for name in names:
            options = dict(config.get(name, {}))
            try:
                inspect.signature(factories[name]).bind(**options)
            except TypeError as err:
                raise ConfigError(name, str(err)) from None
            except ValueError:  # no signature available (a builtin or C callable): just try
                pass
            try:
                stage = factories[name](**options)
            except NewsNLPError:
                raise
            except Exception as err:
                raise StageError(name, err) from err
            missing = [req for req in stage.requires if req not in names]
            if missing:
                raise NewsNLPError(f"stage {name!r} needs stage(s) {missing} in the pipeline")
            self._stages.append(stage)
        self._lock = threading.Lock()

    @property
    def stage_names(self) -> list[str]:
        """Names of the stages this pipeline runs, in order."""
        return [s.name for s in self._stages]

    def get_stage(self, name: str) -> Stage:
        """The stage object registered under ``name`` in this pipeline."""
        for stage in self._stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def __repr__(self) -> str:
        return f"Pipeline(stages={tuple(self.stage_names)!r})"

    # -- building records ---------------------------------------------------------------
    def make_article(
        self,
        text: Any,
        published: Any = None,
        url: str | None = None,
        html: bool | None = None,
        encoding: str = "utf-8",
    ) -> Article:
        """Validate the input and build the empty record the stages fill
        (:func:`newsnlp.input.read_article`)."""
        return read_article(text, published=published, url=url, html=html, encoding=encoding)

    def _finish(self, article: Article) -> Article:
        for stage in self._stages:
            _run(stage, "finalize", article)
        article.scratch.clear()
        return article

    def __call__(
        self,
        text: Any,
        published: Any = None,
        url: str | None = None,
        html: bool | None = None,
        encoding: str = "utf-8",
    ) -> Article:
        """Enrich one article (``str`` or ``bytes``) and return its :class:`Article`."""
        article = self.make_article(text, published=published, url=url, html=html, encoding=encoding)
        with _gc_paused():
            for stage in self._stages:
                _run(stage, "process", article)
                article.stages.append(stage.name)
            return self._finish(article)

    def process_articles(self, articles: list[Article]) -> list[Article]:
        """Run every stage over already-built records, batched per stage."""
        with _gc_paused():
            for stage in self._stages:
                _run(stage, "process_batch", articles)
                for article in articles:
                    article.stages.append(stage.name)
            return [self._finish(a) for a in articles]

    def pipe(
        self,
        items: Iterable[Any],
        batch_size: int = 64,
    ) -> Iterator[Article]:
        """Enrich many items (strings, bytes or dicts with ``text``, ``published``, ``url``,
        ``html``, ``encoding``) in batches; yields articles in input order. Errors propagate.

        ``items`` and ``batch_size`` are checked at once (:class:`InputTypeError`); each item is
        checked when its batch is built."""
        check_items_and_batch(items, batch_size)
        return self._pipe(items, batch_size)

    def _pipe(self, items: Iterable[Any], batch_size: int) -> Iterator[Article]:
        batch: list[Article] = []
        for item in items:
            batch.append(self.make_article(**item_to_kwargs(item)))
            if len(batch) >= batch_size:
                yield from self.process_articles(batch)
                batch = []
        if batch:
            yield from self.process_articles(batch)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the stages run.

    Enriching creates hundreds of thousands of small objects (tokens, spans, spaCy lexemes) that
    form no reference cycles and mostly live until the article is returned; with the collector
    on, they are traversed again and again on their way to the oldest generation (a quarter of the
    text stage's time in batches). Memory is still freed by reference counting; the collector
    resumes as soon as the call returns (also on error) and any cyclic garbage is collected then.
    Nothing is changed when the caller has disabled the collector."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
