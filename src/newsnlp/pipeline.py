"""The pipeline: the input room builds the record (:mod:`newsnlp.input`), then the stages run over
it in the order the registry plans (:func:`newsnlp.registry.plan`)."""

from __future__ import annotations

import importlib
import json
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError, InputTypeError, NewsNLPError, StageError
from .gcpause import gc_paused
from .input import INPUT_ASSIGNS, check_items_and_batch, item_to_kwargs, read_article
from .provenance import jsonable, make_provenance
from .record import Article
from .registry import (
    Stage,
    available_stages,
    check_options,
    get_stage_meta,
    is_builtin,
    known_stages,
    option_defaults,
    plan,
)
from .version import __version__

__all__ = [
    "DEFAULT_STAGES",
    "PIPELINE_FILE",
    "Pipeline",
    "check_items_and_batch",
    "check_stage_names",
    "gc_paused",
    "item_to_kwargs",
]

#: The file of a saved pipeline's folder that holds its stages and config (:meth:`Pipeline.to_disk`).
PIPELINE_FILE = "pipeline.json"

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
    """A reusable enrichment pipeline; resources are loaded once, when it is built::

        nlp = Pipeline()
        art = nlp(text, published="2020-08-03")
        for art in nlp.pipe(texts, n_process=2, batch_size=32):
            ...
        nlp.to_disk("my_pipeline")                 # stages, options, stage additions
        nlp = Pipeline.from_disk("my_pipeline")

    ``stages`` names the stages to run (they always run in the order of
    :data:`~newsnlp.registry.STAGE_ORDER`: text, linguistic, entities, time, structure, quotes, each
    after the input room, with the parts the stages bring, such as ``stems`` after ``entities``);
    ``config`` maps a stage name to keyword options for its factory (an unknown name is a
    :class:`~newsnlp.errors.ConfigError` listing the valid ones). What each stage requires is
    checked before any is built (:class:`~newsnlp.errors.StageOrderError`; see :meth:`analyze`).
    A pipeline may be shared by threads: stages keep no per-article state.

    A pipeline pickles as its stages, options and stage additions (not its loaded resources);
    unpickling builds it again, so it can be sent to other processes.
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
        self._config: dict[str, dict[str, Any]] = {str(n): dict(o) for n, o in config.items()}
        self._provenance: dict[str, Any] | None = None
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
        config = self.config
        return f"Pipeline(stages={tuple(self.stage_names)!r}" + (f", config={config!r})" if config else ")")

    # -- configuration, provenance, saving and loading -----------------------------------
    @property
    def config(self) -> dict[str, dict[str, Any]]:
        """The options each stage was built with, updated with what its ``get_config()`` reports
        (options that rebuild it as it is now); stages without options are left out. This is
        what :meth:`to_disk` saves and what a pickled pipeline is rebuilt from."""
        out: dict[str, dict[str, Any]] = {}
        for name in self.stage_names:
            options = dict(self._config.get(name, {}))
            hook = getattr(self.get_stage(name), "get_config", None)
            if callable(hook):
                options.update(hook() or {})
            if options:
                out[name] = options
        return out

    def non_default_config(self) -> dict[str, dict[str, Any]]:
        """The options of :attr:`config` whose value differs from the stage's default
        (:func:`~newsnlp.registry.option_defaults`), in JSON form."""
        out: dict[str, dict[str, Any]] = {}
        for name, options in self.config.items():
            defaults = option_defaults(name)
            changed = {k: jsonable(v) for k, v in options.items() if not _same(defaults, k, v)}
            if changed:
                out[name] = changed
        return out

    @property
    def provenance(self) -> dict[str, Any]:
        """What made this pipeline's records: the newsnlp version, the shipped data and models
        (versions and short hashes), library versions and the non-default options
        (:mod:`newsnlp.provenance`). Computed once, on first use, and shared by every
        :class:`~newsnlp.record.Article` the pipeline returns (``Article.provenance``): treat it
        as read-only."""
        if self._provenance is None:
            with self._lock:
                if self._provenance is None:
                    reports = {}
                    for name in self.stage_names:
                        hook = getattr(self.get_stage(name), "provenance", None)
                        report = hook() if callable(hook) else None
                        if report:
                            reports[name] = jsonable(report)
                    self._provenance = make_provenance(self.non_default_config(), reports)
        return self._provenance

    def _modules(self) -> dict[str, str]:
        """Where the factories of stages that are not built in live (imported on loading)."""
        out = {}
        for name in self.stage_names:
            module = getattr(get_stage_meta(name).factory, "__module__", None)
            if not is_builtin(name) and module and module != "__main__":
                out[name] = module
        return out

    def _header(self) -> dict[str, Any]:
        """The content of :data:`PIPELINE_FILE`, checked to be JSON."""
        config = self.config
        for name, options in config.items():
            for key, value in options.items():
                try:
                    json.dumps(value)
                except (TypeError, ValueError):
                    raise ConfigError(
                        name,
                        f"option {key!r} = {value!r} cannot be saved: options are saved as JSON "
                        "(give a path or plain values; a stage saves objects with to_disk)",
                    ) from None
        return {
            "newsnlp": __version__,
            "stages": self.stage_names,
            "config": config,
            "modules": self._modules(),
            "provenance": self.provenance,
        }

    def _write_stages(self, folder: Path) -> None:
        """Each stage's own files (its ``to_disk``) into ``folder/<stage>/`` (left out if empty)."""
        for name in self.stage_names:
            hook = getattr(self.get_stage(name), "to_disk", None)
            sub = folder / name
            if sub.exists():
                shutil.rmtree(sub)
            if not callable(hook):
                continue
            sub.mkdir(parents=True)
            hook(sub)
            if not any(sub.iterdir()):
                sub.rmdir()

    def to_disk(self, path: str | Path) -> Path:
        """Save this pipeline to the folder ``path`` (created if needed): ``pipeline.json`` with
        the stages, their options (:attr:`config`), the modules of stages that are not built in
        and the provenance, and a sub-folder per stage for what the stage's ``to_disk`` writes
        (names or patterns a user added). Loaded resources (models, gazetteers) are not copied:
        they come from the installed package. Returns the folder."""
        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise InputError(f"cannot save a pipeline to {folder}: it is a file, not a folder")
        if folder.is_dir() and any(folder.iterdir()) and not (folder / PIPELINE_FILE).is_file():
            raise InputError(
                f"cannot save a pipeline to {folder}: the folder holds other files (give a new or "
                "empty folder, or one a pipeline was saved to)"
            )
        header = self._header()
        folder.mkdir(parents=True, exist_ok=True)
        self._write_stages(folder)
        (folder / PIPELINE_FILE).write_text(
            json.dumps(header, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        return folder

    @classmethod
    def from_disk(cls, path: str | Path) -> Pipeline:
        """Load a pipeline saved by :meth:`to_disk`: it is built again from its stages and
        options, then each stage reads its own sub-folder (its ``from_disk``)."""
        folder = Path(path)
        file = folder / PIPELINE_FILE
        if not file.is_file():
            raise InputError(f"{folder} holds no saved pipeline ({PIPELINE_FILE} is missing)")
        try:
            header = json.loads(file.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as err:
            raise InputError(f"{file} is not a saved pipeline: {err}") from None
        return cls._rebuild(header, folder)

    @classmethod
    def _rebuild(cls, header: Mapping[str, Any], folder: Path | None) -> Pipeline:
        if not isinstance(header, Mapping) or "stages" not in header:
            raise InputError("not a saved pipeline: no 'stages'")
        known = set(known_stages())
        for name, module in (header.get("modules") or {}).items():
            if name not in known:
                importlib.import_module(module)  # registers the stage, as a plugin
        nlp = cls(stages=header["stages"], config=header.get("config") or {})
        if folder is not None:
            for name in nlp.stage_names:
                sub = folder / name
                hook = getattr(nlp.get_stage(name), "from_disk", None)
                if sub.is_dir() and callable(hook):
                    hook(sub)
        return nlp

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # The stages, options and the stages' own files; never the loaded resources.
        header = self._header()
        header.pop("provenance")
        files: dict[str, bytes] = {}
        with tempfile.TemporaryDirectory(prefix="newsnlp-pickle-") as tmp:
            self._write_stages(Path(tmp))
            for p in sorted(Path(tmp).rglob("*")):
                if p.is_file():
                    files[p.relative_to(tmp).as_posix()] = p.read_bytes()
        return (_unpickle, (header, files))

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
        provenance = self.provenance
        with gc_paused():
            for stage in self._stages:
                _run(stage, "process", article)
                if self._recorded(stage):
                    article.stages.append(stage.name)
        article.scratch.clear()
        article.provenance = provenance
        return article

    def process_articles(self, articles: list[Article]) -> list[Article]:
        """Run every stage over already-built records, batched per stage."""
        provenance = self.provenance
        with gc_paused():
            for stage in self._stages:
                _run(stage, "process_batch", articles)
                if self._recorded(stage):
                    for article in articles:
                        article.stages.append(stage.name)
        for article in articles:
            article.scratch.clear()
            article.provenance = provenance
        return articles

    def pipe(
        self,
        items: Iterable[Any],
        batch_size: int = 64,
        n_process: int = 1,
        on_error: str = "raise",
    ) -> Iterator[Article]:
        """Enrich many items (strings, bytes or dicts with ``text``, ``published``, ``url``,
        ``html``, ``encoding``) in batches of ``batch_size``; yields articles in input order.

        With ``n_process > 1`` the batches are enriched by that many worker processes (as
        spaCy's ``nlp.pipe(texts, n_process=2)``), each with this pipeline: inherited as it is
        where processes fork (Linux), else rebuilt from its pickle (stages, options, additions).
        The machinery is :func:`newsnlp.enrich_many`'s: bounded work in flight, results in
        order, a dead worker's batch redone. ``on_error`` says what happens to an item that
        fails: ``"raise"`` (the default: the items before it are yielded, then its error is
        raised), ``"skip"``, or ``"record"`` (an :class:`~newsnlp.chunks.ErrorRecord` in its place).

        ``items``, ``batch_size``, ``n_process`` and ``on_error`` are checked at once
        (:class:`InputTypeError`); each item is checked when its batch is built."""
        check_items_and_batch(items, batch_size)
        if isinstance(n_process, bool) or not isinstance(n_process, int) or n_process < 1:
            raise InputTypeError("n_process", "a positive int", n_process)
        if on_error not in ("raise", "skip", "record"):
            raise InputTypeError("on_error", "'raise', 'skip' or 'record'", on_error)
        if n_process == 1 and on_error == "raise":
            return self._pipe(items, batch_size)
        from .runner import run_items

        return run_items(_Itself(self), items, n_process, batch_size, on_error)  # type: ignore[arg-type]

    def _pipe(self, items: Iterable[Any], batch_size: int) -> Iterator[Article]:
        batch: list[Article] = []
        for item in items:
            batch.append(self.make_article(**item_to_kwargs(item)))
            if len(batch) >= batch_size:
                yield from self.process_articles(batch)
                batch = []
        if batch:
            yield from self.process_articles(batch)


def _same(defaults: Mapping[str, Any], key: str, value: Any) -> bool:
    """Whether ``value`` is the default of option ``key`` (no default: never)."""
    if key not in defaults:
        return False
    try:
        return bool(defaults[key] == value) and type(defaults[key]) is type(value)
    except Exception:  # values that do not compare (arrays): not the default
        return False


class _Itself:
    """A picklable loader returning a given pipeline (for worker processes): inherited as it is
    where processes fork, rebuilt from its pickle where they spawn."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def __call__(self) -> Pipeline:
        return self.pipeline


def _unpickle(header: dict[str, Any], files: dict[str, bytes]) -> Pipeline:
    """Rebuild a pickled pipeline: the stages' files go to a temporary folder that each stage's
    ``from_disk`` reads (it must not keep paths into it)."""
    if not files:
        return Pipeline._rebuild(header, None)
    with tempfile.TemporaryDirectory(prefix="newsnlp-unpickle-") as tmp:
        for rel, data in files.items():
            target = Path(tmp, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return Pipeline._rebuild(header, Path(tmp))
