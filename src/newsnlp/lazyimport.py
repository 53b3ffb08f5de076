"""Networking libraries that other libraries import but newsnlp never uses, loaded only when used.

``import spacy`` imports its command-line tools, and with them ``requests`` (for ``spacy download``)
and, through weasel, ``httpx``; ``requests`` imports ``urllib3``, which binds a loopback socket at
import time to test for IPv6. newsnlp needs none of them: nothing is downloaded at run time. So
before anything of newsnlp imports spaCy, :func:`defer_network_libraries` puts a deferred module
in ``sys.modules`` for each of them that is installed and not yet imported: the module object
exists with its ``__file__`` and ``__spec__``, and the library's code runs in it when any other
attribute is first used (``requests.get(...)`` in ``spacy download``, or in the caller's own code;
``__path__`` too, so importing a submodule runs the package first, as a normal import does); it is
then the same module object as a normal import would have given.
(The standard library's :class:`importlib.util.LazyLoader` loads on any attribute, ``__file__``
too, which ``inspect.getmodule`` reads of every module: torch calls it while it is imported.)

The module imports nothing from the rest of newsnlp.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import types

__all__ = ["DEFERRED", "defer_network_libraries"]

#: Libraries imported by newsnlp's dependencies at import time and never used by newsnlp.
DEFERRED = ("requests", "httpx")


_LOCK = threading.RLock()


class _DeferredModule(types.ModuleType):
    """A module whose code runs when an attribute it does not have yet is first read."""

    def __getattr__(self, attr: str):
        _load(self)
        return getattr(self, attr)


def _load(module: types.ModuleType) -> None:
    with _LOCK:
        if type(module) is not _DeferredModule:
            return  # loaded meanwhile (another thread)
        module.__class__ = types.ModuleType
        spec = module.__spec__
        if spec.submodule_search_locations is not None:  # type: ignore[union-attr]
            module.__path__ = spec.submodule_search_locations  # type: ignore[union-attr]
        try:
            spec.loader.exec_module(module)  # type: ignore[union-attr]
        except BaseException:
            if sys.modules.get(module.__name__) is module:
                del sys.modules[module.__name__]  # as a failed import: the next one starts afresh
            raise


def defer_network_libraries(names: tuple[str, ...] = DEFERRED) -> list[str]:
    """Register a deferred module for each of ``names`` that is installed and not imported yet;
    returns the names deferred."""
    done = []
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)  # __file__, __spec__, no code run
        if hasattr(module, "__path__"):
            # importing a submodule reads the package's __path__: that runs the package first,
            # in the order of a normal import
            del module.__path__
        module.__class__ = _DeferredModule
        sys.modules[name] = module
        done.append(name)
    return done
