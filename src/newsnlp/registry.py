"""The stage registry: how stages plug into a :class:`~newsnlp.pipeline.Pipeline`.

A stage is a small object with one narrow interface (the :class:`Stage` protocol): it reads the
:class:`~newsnlp.record.Article` that the rooms before it filled and adds its own layers. Data flows
one way, in the order of :data:`STAGE_ORDER`. Stages are registered by name with
:func:`register_stage`, as spaCy registers component factories (``Language.factory(...,
requires=..., assigns=...)``), so that a stage module is imported only when a pipeline asks for it.

Each registration declares, in the record's layer names (:data:`newsnlp.record.LAYERS`):

* ``requires``: layers the stage cannot run without (an earlier room must assign them);
* ``assigns``: layers it writes (a whole layer such as ``entities``, or one field such as
  ``tokens.stem``); a test fails when a stage writes anything else;
* ``uses``: layers it reads when they are there (no stage after it may write them);
* ``amends``: list layers the step adds to after steps that read them (``uses``) ran: it keeps
  what those steps derived from the layer true for the items it adds or replaces (the entity
  stage's ``bylines`` step adds byline persons after ``structure`` and ``stems`` and sets their
  ``segment``, ``Token.ent`` and ``Token.stem`` itself);
* ``parts``: steps the stage brings along, placed by :data:`STAGE_ORDER` (the ``text`` stage brings
  ``stems``, which runs after ``entities`` so that names are never stemmed); a part is built from
  its stage's object (``factory(stage)``), takes no options of its own and is not listed in
  ``Article.stages``. A part whose required layers no earlier step assigns in a pipeline is left
  out of that pipeline (``bylines`` needs ``segments``: it runs only with ``structure``).

:func:`plan` expands parts, orders the steps and checks the declarations: a stage that requires a
layer no earlier room assigns raises :class:`~newsnlp.errors.StageOrderError` before any stage is
built. ``docs/architecture.md`` has the table of the built-in stages and how to add one.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import inspect
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .errors import ConfigError, StageOrderError, UnknownStageError
from .record import LAYERS

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    from .record import Article

__all__ = [
    "STAGE_ORDER",
    "BaseStage",
    "Stage",
    "StageMeta",
    "available_stages",
    "check_options",
    "covers",
    "get_stage_factory",
    "get_stage_meta",
    "is_builtin",
    "known_stages",
    "option_defaults",
    "order_stages",
    "plan",
    "register_stage",
    "stage_options",
]

#: Processing order of the built-in stages and steps: input (before any stage) -> text ->
#: linguistic -> entities -> stems (part of text) -> time -> structure -> quotes -> record. A
#: pipeline always runs its stages in this order, whatever order it was given; stages registered
#: under other names run after these, in the order given.
STAGE_ORDER: tuple[str, ...] = (
    "text",
    "linguistic",
    "entities",
    "stems",
    "time",
    "structure",
    "bylines",
    "quotes",
)

#: Where each built-in stage lives; imported on first use.
_BUILTIN_MODULES: dict[str, str] = {
    "text": "newsnlp.text.stage",
    "stems": "newsnlp.text.stems",
    "linguistic": "newsnlp.linguistic.stage",
    "entities": "newsnlp.entities.stage",
    "bylines": "newsnlp.entities.bylines",
    "time": "newsnlp.temporal.stage",
    "structure": "newsnlp.structure.stage",
    "quotes": "newsnlp.quotes.stage",
}
#: Built-in parts (brought by their stage, never asked for by name).
_BUILTIN_PARTS = frozenset({"stems", "bylines"})

#: The stages a default pipeline may run (those present in the installation; see
#: :func:`available_stages`).
DEFAULT_CANDIDATES: tuple[str, ...] = ("text", "entities", "time", "structure", "quotes")


@runtime_checkable
class Stage(Protocol):
    """What every stage (and every part of a stage) provides.

    ``name`` is the registry name. ``process`` adds the stage's layers to one article;
    ``process_batch`` to several (batched where it pays). A stage keeps no per-article state, so
    that a pipeline can be shared by threads. What it requires and assigns is declared where it
    is registered (:func:`register_stage`), not on the object.
    """

    name: str

    def process(self, article: Article) -> None:
        """Add this stage's annotations to ``article``."""

    def process_batch(self, articles: list[Article]) -> None:
        """Add this stage's annotations to several articles."""


class BaseStage:
    """Convenience base: batch processing falls back to one article at a time, and the optional
    hooks a pipeline calls when it is saved, loaded, pickled or asked for its provenance do
    nothing.

    A stage whose state goes beyond the options it was built with (names or patterns a user
    added after building it, a file given by path) overrides them:

    * ``get_config()``: options, merged over those it was built with, that rebuild it as it is
      now (plain JSON values), without what ``to_disk`` writes;
    * ``to_disk(path)``: write that state as files into the existing, empty folder ``path``;
    * ``from_disk(path)``: read them back, after the stage was built from its options (the folder
      may be temporary: keep no path into it);
    * ``provenance()``: a small JSON dict for the records' provenance (a user model's version and
      hash, how many names were added), under ``provenance["stages"][name]``.

    :meth:`Pipeline.to_disk <newsnlp.pipeline.Pipeline.to_disk>`, ``Pipeline.from_disk`` and
    pickling (worker processes) go through these hooks only.
    """

    name: str = ""

    def process(self, article: Article) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def process_batch(self, articles: list[Article]) -> None:
        for article in articles:
            self.process(article)

    def get_config(self) -> dict[str, Any]:
        """Options that rebuild this stage as it is now, beyond those it was built with."""
        return {}

    def to_disk(self, path: Path) -> None:
        """Write what :meth:`get_config` cannot hold into the folder ``path`` (default: nothing)."""
        return None

    def from_disk(self, path: Path) -> None:
        """Read back what :meth:`to_disk` wrote (default: nothing)."""
        return None

    def provenance(self) -> dict[str, Any]:
        """Entries of this stage for the records' provenance (default: none)."""
        return {}


@dataclass(frozen=True)
class StageMeta:
    """A registered stage: its factory and its declarations (see the module docstring)."""

    name: str
    factory: Callable[..., Any]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    amends: tuple[str, ...] = ()
    #: For a part: the stage it belongs to (its factory is called with that stage's object).
    part_of: str | None = None
    #: Option names declared at registration (for a factory that takes ``**options``), else ``None``.
    options: tuple[str, ...] | None = None


_REGISTRY: dict[str, StageMeta] = {}


def _check_layers(name: str, field: str, layers: Iterable[str]) -> tuple[str, ...]:
    if isinstance(layers, str):
        raise ConfigError(name, f"{field} must be a tuple of layer names, got the string {layers!r}")
    out = tuple(layers)
    for layer in out:
        if not isinstance(layer, str) or not (
            layer in LAYERS or (layer.startswith("scratch.") and len(layer) > len("scratch."))
        ):
            raise ConfigError(
                name,
                f"{field} names {layer!r}, which is not a layer of the record "
                f"(layers: {', '.join(sorted(LAYERS))}, or scratch.<key>)",
            )
    return out


def register_stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    uses: Iterable[str] = (),
    parts: Iterable[str] = (),
    part_of: str | None = None,
    amends: Iterable[str] = (),
    options: Iterable[str] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator registering a stage factory under ``name`` with its declarations.

    The factory is called with the keyword options given to the pipeline for that stage (for a
    part: with its stage's object) and returns a :class:`Stage`. Layer names are checked against
    :data:`newsnlp.record.LAYERS` (or ``scratch.<key>``); a wrong one raises
    :class:`~newsnlp.errors.ConfigError` at registration::

        @register_stage("stop_list", requires=("tokens",), assigns=("tokens.is_stop",))
        def make_stop_list(words=()):
            return StopList(words)

    The options a stage accepts are its factory's keyword parameters (see :func:`stage_options`);
    a factory that takes ``**options`` and reads names of its own (aliases) declares them all
    with ``options=``.
    """
    if isinstance(options, str):
        raise ConfigError(name, f"options must be a tuple of option names, got the string {options!r}")
    meta_args = {
        "requires": _check_layers(name, "requires", requires),
        "assigns": _check_layers(name, "assigns", assigns),
        "uses": _check_layers(name, "uses", uses),
        "parts": tuple(parts),
        "part_of": part_of,
        "amends": _check_layers(name, "amends", amends),
        "options": None if options is None else tuple(options),
    }

    def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
        _REGISTRY[name] = StageMeta(name, factory, **meta_args)
        return factory

    return deco


def available_stages(candidates: Iterable[str] = DEFAULT_CANDIDATES) -> tuple[str, ...]:
    """The candidate built-in stages whose modules are present in this installation."""
    out = []
    for name in candidates:
        module = _BUILTIN_MODULES.get(name)
        if name in _REGISTRY or (module and _module_present(module)):
            out.append(name)
    return tuple(out)


def _module_present(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # its package is missing
        return False


def is_builtin(name: str) -> bool:
    """Whether ``name`` is a built-in stage or part (its module ships with newsnlp)."""
    return name in _BUILTIN_MODULES


def known_stages() -> list[str]:
    """Names of every stage that can be requested (parts are brought by their stage)."""
    names = dict.fromkeys(n for n in STAGE_ORDER if n not in _BUILTIN_PARTS)
    names.update(dict.fromkeys(n for n, m in _REGISTRY.items() if m.part_of is None))
    return list(names)


def get_stage_meta(name: str) -> StageMeta:
    """The registration of ``name``, importing its module on first use
    (:class:`~newsnlp.errors.UnknownStageError` for a name nothing registers)."""
    if not isinstance(name, str):
        raise UnknownStageError(repr(name), known_stages())
    if name not in _REGISTRY and name in _BUILTIN_MODULES:
        try:
            importlib.import_module(_BUILTIN_MODULES[name])
        except ModuleNotFoundError as err:
            if err.name is None or not _BUILTIN_MODULES[name].startswith(err.name):
                raise
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownStageError(name, known_stages()) from None


def get_stage_factory(name: str) -> Callable[..., Stage]:
    """The factory registered under ``name``, importing its module on first use."""
    return get_stage_meta(name).factory


_KEYWORD_KINDS = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


def _signature_params(func: Callable[..., Any], skip: int = 0) -> list[inspect.Parameter] | None:
    try:
        return list(inspect.signature(func).parameters.values())[skip:]
    except (TypeError, ValueError):
        return None


def _keyword_params(func: Callable[..., Any], skip: int = 0) -> tuple[list[str], bool] | None:
    """``(keyword parameter names, takes **kwargs)`` of ``func`` (its first ``skip`` positional
    parameters left out), or ``None`` when it has no signature Python can read."""
    params = _signature_params(func, skip)
    if params is None:
        return None
    names = [p.name for p in params if p.kind in _KEYWORD_KINDS]
    return names, any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def option_defaults(name: str) -> dict[str, Any]:
    """The default value of each option of stage ``name`` that has one, as the factory (or, for a
    factory taking ``**options``, the class it returns) declares it."""
    meta = get_stage_meta(name)
    out: dict[str, Any] = {}
    sources: list[tuple[Callable[..., Any], int]] = [(meta.factory, 1 if meta.part_of is not None else 0)]
    target = _returned_class(meta.factory)
    if target is not None:
        sources.append((target.__init__, 1))
    for func, skip in sources:
        for p in _signature_params(func, skip) or ():
            if p.kind in _KEYWORD_KINDS and p.default is not inspect.Parameter.empty:
                out.setdefault(p.name, p.default)
    return out


def stage_options(name: str) -> tuple[tuple[str, ...], bool] | None:
    """The option names the stage ``name`` accepts, and whether that list is complete.

    The options are those declared at registration (``register_stage(..., options=...)``,
    complete), else the keyword parameters of the factory (complete unless it takes
    ``**options``). A factory that takes ``**options`` and passes them on to the class it returns
    (its return annotation) accepts that class's parameters too; the list is then not known to be
    complete (the factory may read more names itself). ``None`` when nothing can be read.
    """
    meta = get_stage_meta(name)
    if meta.options is not None:
        return meta.options, True
    found = _keyword_params(meta.factory, skip=1 if meta.part_of is not None else 0)
    if found is None:
        return None
    names, open_ended = found
    if not open_ended:
        return tuple(names), True
    target = _returned_class(meta.factory)
    if target is not None:
        more = _keyword_params(target.__init__, skip=1)
        if more is not None:
            names += [n for n in more[0] if n not in names]
    return tuple(names), False


def _returned_class(factory: Callable[..., Any]) -> type | None:
    """The class a factory's return annotation names, if it can be resolved."""
    try:
        hint = typing.get_type_hints(factory).get("return")
    except Exception:  # an annotation that does not resolve: no hint
        return None
    return hint if isinstance(hint, type) else None


def _unknown_options_message(given: Iterable[str], valid: tuple[str, ...]) -> str:
    unknown = [n for n in given if n not in valid]
    parts = []
    for n in unknown:
        close = difflib.get_close_matches(str(n), valid, n=1)
        parts.append(f"{n!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    what = "unknown option" + ("s " if len(unknown) > 1 else " ") + ", ".join(parts)
    listed = ", ".join(valid) if valid else "none"
    return f"{what}; valid options: {listed}"


def check_options(name: str, options: Mapping[str, Any], failed: BaseException | None = None) -> None:
    """Raise :class:`~newsnlp.errors.ConfigError` naming the valid options when ``options`` holds
    a name stage ``name`` does not accept.

    Without ``failed`` only a complete list of options is enforced (see :func:`stage_options`);
    with ``failed``, the ``TypeError`` the factory raised, any name outside the known list is
    blamed for it. Option names must be strings."""
    for key in options:
        if not isinstance(key, str):
            raise ConfigError(name, f"option names must be strings, got {key!r}")
    found = stage_options(name)
    if found is None:
        return
    valid, complete = found
    if (complete or failed is not None) and any(k not in valid for k in options):
        raise ConfigError(name, _unknown_options_message(options, valid))


def order_stages(names: Iterable[str]) -> list[str]:
    """Put stage names in processing order (unknown extra stages run last, as given)."""
    names = list(dict.fromkeys(names))
    rank = {n: i for i, n in enumerate(STAGE_ORDER)}
    return sorted(names, key=lambda n: (rank.get(n, len(rank)), names.index(n)))


def covers(layers: Iterable[str], layer: str) -> bool:
    """Whether the declared ``layers`` include ``layer``, as it is or inside a whole layer
    (``("tokens",)`` covers ``tokens.stem``; ``("entities.segment",)`` does not cover ``entities``)."""
    return any(layer == a or layer.startswith(a + ".") for a in layers)


def plan(names: Iterable[str], initial: Iterable[str] = ("text",)) -> list[StageMeta]:
    """The steps a pipeline of ``names`` runs, in order, after checking their declarations.

    Parts are added after their stage's place in :data:`STAGE_ORDER`; a part asked for by name
    without its stage is a :class:`~newsnlp.errors.ConfigError`. ``initial`` are the layers filled
    before the first stage (the input room's :data:`~newsnlp.input.INPUT_ASSIGNS`). Raises
    :class:`~newsnlp.errors.StageOrderError` when a step requires a layer that no earlier room
    assigns, or uses a layer that a later step writes as a whole.
    """
    requested = list(dict.fromkeys(names))
    metas = {name: get_stage_meta(name) for name in requested}  # UnknownStageError first
    for name, meta in list(metas.items()):
        if meta.part_of is not None and meta.part_of not in metas:
            raise ConfigError(name, f"it is a part of stage {meta.part_of!r}, which brings it: ask for that")
    todo = [m for m in metas.values() if m.part_of is None]
    brought: set[str] = set()  # parts added because their stage is there, not asked for
    while todo:
        meta = todo.pop()
        for part in meta.parts:
            if part not in metas:
                metas[part] = get_stage_meta(part)
                brought.add(part)
                todo.append(metas[part])
    steps = [metas[n] for n in order_stages(metas)]
    assigned = list(initial)
    kept: list[StageMeta] = []
    for meta in steps:
        if meta.name in brought and not all(covers(assigned, layer) for layer in meta.requires):
            continue  # a part that cannot run in this pipeline is left out
        kept.append(meta)
        assigned.extend(meta.assigns)
        assigned.extend(meta.amends)
    steps = kept
    assigned = list(initial)
    for i, meta in enumerate(steps):
        for layer in meta.amends:
            if not covers(assigned, layer):
                raise StageOrderError(
                    meta.name, layer, f"amends the layer {layer!r}, which no stage before it assigns"
                )
        for layer in meta.requires:
            if not covers(assigned, layer):
                providers = [m.name for m in _REGISTRY.values() if covers(m.assigns, layer)]
                hint = f" (it is assigned by {', '.join(repr(p) for p in providers)})" if providers else ""
                raise StageOrderError(
                    meta.name, layer, f"requires the layer {layer!r}, which no stage before it assigns{hint}"
                )
        for layer in meta.uses:
            later = [m.name for m in steps[i + 1 :] if covers(m.assigns, layer)]
            if later:
                raise StageOrderError(
                    meta.name, layer, f"reads the layer {layer!r}, which stage {later[0]!r} after it writes"
                )
        assigned.extend(meta.assigns)
        assigned.extend(meta.amends)
    return steps
