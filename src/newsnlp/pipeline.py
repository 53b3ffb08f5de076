"""The pipeline: the input room builds the record (:mod:`newsnlp.input`), then the stages run over
it in the order the registry plans (:func:`newsnlp.registry.plan`)."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from .errors import ConfigError, InputTypeError, NewsNLPError, StageError
from .input import INPUT_ASSIGNS, check_items_and_batch, item_to_kwargs, read_article
from .record import Article
from .registry import Stage, available_stages, check_options, plan

__all__ = [
    "DEFAULT_STAGES",
    "Pipeline",
    "check_items_and_batch",
    "check_stage_names",
    "gc_paused",
    "item_to_kwargs",
]

#: The stages a default pipeline runs: every built-in stage present in this installation, of
#: ``text``, ``entities``, ``time``, ``structure`` and ``quotes``
#: (:data:`newsnlp.registry.DEFAULT_CANDIDATES`; the optional ``linguistic`` stage is asked for by
#: name).
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

    ``stages`` names the stages to run (they always run in the order of
    :data:`~newsnlp.registry.STAGE_ORDER`: text, linguistic, entities, time, structure, quotes, each
    after the input room, with the parts the stages bring, such as ``stems`` after ``entities``);
    ``config`` maps a stage name to keyword options for its factory. What each stage requires is
    checked before any is built (:class:`~newsnlp.errors.StageOrderError`; see :meth:`analyze`).
    A pipeline may be shared by threads: stages keep no per-article state.
    """

    def __init__(
        self,
        stages: Sequence[str] = DEFAULT_STAGES,
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        names = check_stage_names(stages)
        if config is None:
            config = {}
        if not isinstance(config, Mapping):
            raise InputTypeError("config", "a mapping of stage name to options", config)
        # names, parts, order and declared layers are checked before any stage is built
        steps = plan(names, initial=INPUT_ASSIGNS)
        metas = {meta.name: meta for meta in steps}
        stage_names = [m.name for m in steps if m.part_of is None]
        for name, options in config.items():
            if name not in metas or metas[name].part_of is not None:
                where = (
                    f"a part of stage {metas[name].part_of!r}" if name in metas else "not in this pipeline"
                )
                raise ConfigError(str(name), f"stage {where} ({', '.join(stage_names)})")
            if not isinstance(options, Mapping):
                raise InputTypeError(f"config[{name!r}]", "a mapping of option names to values", options)
            check_options(name, options)  # unknown option names, before any stage is built
        self._metas = metas
        self._stages: list[Stage] = []
        built: dict[str, Stage] = {}
        for meta in steps:
            name = meta.name
            if meta.part_of is not None:
                args: tuple[Any, ...] = (built[meta.part_of],)
                options: dict[str, Any] = {}
            else:
                args, options = (), dict(config.get(name, {}))
            try:
                stage = meta.factory(*args, **options)
            except NewsNLPError:
                raise
            except TypeError as err:  # an option the factory's own code refused
                check_options(name, options, failed=err)
                raise StageError(name, err) from err
            except Exception as err:
                raise StageError(name, err) from err
            built[name] = stage
            self._stages.append(stage)
        self._lock = threading.Lock()

    @property
    def stage_names(self) -> list[str]:
        """Names of the stages this pipeline runs, in order (as recorded in ``Article.stages``;
        parts such as ``stems`` are not listed: see :attr:`step_names`)."""
        return [
            s.name for s in self._stages if s.name not in self._metas or self._metas[s.name].part_of is None
        ]

    @property
    def step_names(self) -> list[str]:
        """Names of every step this pipeline runs, in order: its stages and their parts."""
        return [s.name for s in self._stages]

    def get_stage(self, name: str) -> Stage:
        """The stage (or part) object registered under ``name`` in this pipeline."""
        for stage in self._stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def analyze(self) -> list[dict[str, Any]]:
        """What each step of this pipeline requires, assigns and uses, in order (as spaCy's
        ``Language.analyze_pipes``); the checks ran when the pipeline was built."""
        return [
            {
                "name": m.name,
                "part_of": m.part_of,
                "requires": list(m.requires),
                "assigns": list(m.assigns),
                "uses": list(m.uses),
            }
            for m in self._metas.values()
        ]

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

    def _recorded(self, stage: Stage) -> bool:
        """Whether ``stage`` is listed in ``Article.stages`` (stages are, their parts are not)."""
        meta = self._metas.get(stage.name)
        return meta is None or meta.part_of is None

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
        with gc_paused():
            for stage in self._stages:
                _run(stage, "process", article)
                if self._recorded(stage):
                    article.stages.append(stage.name)
        article.scratch.clear()
        return article

    def process_articles(self, articles: list[Article]) -> list[Article]:
        """Run every stage over already-built records, batched per stage."""
        with gc_paused():
            for stage in self._stages:
                _run(stage, "process_batch", articles)
                if self._recorded(stage):
                    for article in articles:
                        article.stages.append(stage.name)
        for article in articles:
            article.scratch.clear()
        return articles

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
def gc_paused() -> Iterator[None]:
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
