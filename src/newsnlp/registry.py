"""The stage registry: how stages plug into a :class:`~newsnlp.pipeline.Pipeline`.

A stage is a small object with one narrow interface (the :class:`Stage` protocol). It reads the
:class:`~newsnlp.record.Article` that the stages before it filled and adds its own layer; data flows
one way, in the fixed order of :data:`STAGE_ORDER`. Stages are registered by name with
:func:`register_stage`, as spaCy registers component factories, so that a stage module is imported
only when a pipeline asks for it.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable
from typing import Any, Protocol, runtime_checkable

from .errors import UnknownStageError
from .record import Article

__all__ = [
    "STAGE_ORDER",
    "BaseStage",
    "Stage",
    "available_stages",
    "get_stage_factory",
    "known_stages",
    "order_stages",
    "register_stage",
]

#: Processing order. A pipeline always runs its stages in this order, whatever order it was given.
STAGE_ORDER: tuple[str, ...] = ("text", "linguistic", "entities", "time", "structure")

#: Where each built-in stage lives; imported on first use.
_BUILTIN_MODULES: dict[str, str] = {
    "text": "newsnlp.text.stage",
    "linguistic": "newsnlp.linguistic.stage",
    "entities": "newsnlp.entities.stage",
    "time": "newsnlp.temporal.stage",
    "structure": "newsnlp.structure.stage",
}

_FACTORIES: dict[str, Callable[..., Stage]] = {}


@runtime_checkable
class Stage(Protocol):
    """What every stage provides.

    ``name`` is the registry name; ``requires`` names the stages whose output it reads.
    ``process`` adds the stage's layer to one article; ``finalize`` (called after every stage has
    run ``process``) lets a stage use what later stages found, as the text stage does to keep
    entity tokens out of stemming.
    """

    name: str
    requires: tuple[str, ...]

    def process(self, article: Article) -> None:
        """Add this stage's annotations to ``article``."""

    def process_batch(self, articles: list[Article]) -> None:
        """Add this stage's annotations to several articles (batched where it pays)."""

    def finalize(self, article: Article) -> None:
        """Second pass, after every stage's ``process``."""


class BaseStage:
    """Convenience base: batch processing falls back to one article at a time."""

    name: str = ""
    requires: tuple[str, ...] = ()

    def process(self, article: Article) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def process_batch(self, articles: list[Article]) -> None:
        for article in articles:
            self.process(article)

    def finalize(self, article: Article) -> None:
        return None


def register_stage(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator registering a stage factory under ``name``.

    The factory is called with the keyword options given to the pipeline for that stage and
    returns a :class:`Stage`.
    """

    def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
        _FACTORIES[name] = factory
        return factory

    return deco


def available_stages(
    candidates: Iterable[str] = ("text", "entities", "time", "structure"),
) -> tuple[str, ...]:
    """The candidate built-in stages whose modules are present in this installation."""
    out = []
    for name in candidates:
        module = _BUILTIN_MODULES.get(name)
        if name in _FACTORIES or (module and importlib.util.find_spec(module) is not None):
            out.append(name)
    return tuple(out)


def known_stages() -> list[str]:
    """Names of every stage that can be requested."""
    names = dict.fromkeys(STAGE_ORDER)
    names.update(dict.fromkeys(_FACTORIES))
    return list(names)


def get_stage_factory(name: str) -> Callable[..., Stage]:
    """Return the factory registered under ``name``, importing its module on first use."""
    if not isinstance(name, str):
        raise UnknownStageError(repr(name), known_stages())
    if name not in _FACTORIES and name in _BUILTIN_MODULES:
        importlib.import_module(_BUILTIN_MODULES[name])
    try:
        return _FACTORIES[name]
    except KeyError:
        raise UnknownStageError(name, known_stages()) from None


def order_stages(names: Iterable[str]) -> list[str]:
    """Put stage names in processing order (unknown extra stages run last, as given)."""
    names = list(dict.fromkeys(names))
    rank = {n: i for i, n in enumerate(STAGE_ORDER)}
    return sorted(names, key=lambda n: (rank.get(n, len(rank)), names.index(n)))
