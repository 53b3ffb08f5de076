"""The import graph of ``src/newsnlp``: no cycle, and the layering of ``docs/architecture.md``.

The graph is built with an AST walk of every module. Every ``import`` counts, also the lazy ones
inside functions; two kinds are left out, on purpose:

* imports under ``if TYPE_CHECKING:`` (never executed; annotations only);
* ``importlib.import_module`` by name: the registry loads a stage module when a pipeline asks for
  it (plugin loading, as spaCy's entry points do), and ``newsnlp.__getattr__`` loads the public
  names lazily. A stage module imports the registry, never the other way round.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsnlp
from newsnlp import registry

SRC = Path(newsnlp.__file__).resolve().parent
PACKAGE = "newsnlp"


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(module: str) -> dict[str, bool]:
    """``{imported project module: at module level}`` for one module."""
    path = MODULES[module]
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: dict[str, bool] = {}

    def add(target: str, top: bool) -> None:
        if target == PACKAGE or target.startswith(PACKAGE + "."):
            while target not in MODULES and "." in target:  # a name inside a module
                target = target.rsplit(".", 1)[0]
            out[target] = out.get(target, False) or top

    def visit(node: ast.AST, top: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child, top)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, top)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            for alias in node.names:
                sub = f"{prefix}.{alias.name}"
                add(sub if sub in MODULES else prefix, top)
        inner = top and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    for node in tree.body:
        visit(node, True)
    out.pop(module, None)
    return out


GRAPH: dict[str, dict[str, bool]] = {m: _imports(m) for m in MODULES}


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


#: The stage packages: those of the built-in stage modules (quotes counts once it exists).
STAGE_PACKAGES = sorted({_package(m) for m in registry._BUILTIN_MODULES.values() if _package(m) in MODULES})
#: What any stage may import besides its own package.
STAGE_MAY_IMPORT = {
    "newsnlp.errors",
    "newsnlp.record",
    "newsnlp.registry",
    "newsnlp.data",
    "newsnlp.data.outlets",
    "newsnlp.textnorm",
    "newsnlp.lines",
}
#: Adapters the record's thin methods call (``to_spacy``, ``_repr_html_``).
RECORD_ADAPTERS = {"newsnlp.integrations.spacy_doc", "newsnlp.integrations.html_view"}


def test_the_walk_sees_the_project():
    assert {"newsnlp.record", "newsnlp.pipeline", "newsnlp.text.stage", "newsnlp.input.html"} <= set(MODULES)
    assert "newsnlp.record" in GRAPH["newsnlp.pipeline"]
    assert "newsnlp.text.stage" in STAGE_PACKAGES or "newsnlp.text" in STAGE_PACKAGES
    # a lazy import inside a function is an edge too
    assert GRAPH["newsnlp.record"].get("newsnlp.integrations.spacy_doc") is False


def test_no_import_cycle():
    """Tarjan's strongly connected components over every edge (module level and lazy)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in GRAPH:
        if v not in index:
            strong(v)
    assert not cycles, f"import cycles: {cycles}"


def _project_imports(module: str) -> set[str]:
    return set(GRAPH[module])


def test_errors_and_foundations_import_nothing_of_the_project():
    for module in (
        "newsnlp.errors",
        "newsnlp.data",
        "newsnlp.textnorm",
        "newsnlp.lines",
        "newsnlp.lazyimport",
        "newsnlp.version",
        "newsnlp.gcpause",
        "newsnlp.integrations",
    ):
        assert _project_imports(module) == set(), module
    assert _project_imports("newsnlp.provenance") <= {"newsnlp.data", "newsnlp.version"}


def test_the_outlet_source_imports_only_the_loader():
    assert _project_imports("newsnlp.data.outlets") == {"newsnlp.data"}


def test_the_record_is_the_ground_floor():
    """``record.py`` imports only errors and its token layer (``record_token.py``, which imports
    nothing of the project, and ``record_tokens.py``, which imports only it) at module level; its
    thin methods call adapters that import nothing of the project at run time (so nothing can loop
    back into the record)."""
    edges = GRAPH["newsnlp.record"]
    token_layer = {"newsnlp.record_token", "newsnlp.record_tokens"}
    assert {m for m, top in edges.items() if top} <= {"newsnlp.errors", *token_layer}
    assert _project_imports("newsnlp.record_token") == set()
    assert _project_imports("newsnlp.record_tokens") == {"newsnlp.record_token"}
    assert {m for m, top in edges.items() if not top} <= RECORD_ADAPTERS
    for adapter in RECORD_ADAPTERS:
        assert _project_imports(adapter) == set(), adapter
    for module, targets in GRAPH.items():
        if module.startswith("newsnlp.record"):
            continue
        assert "newsnlp.record" not in (set(targets) & RECORD_ADAPTERS), module


def test_registry_and_pipeline_layers():
    assert _project_imports("newsnlp.registry") <= {"newsnlp.errors", "newsnlp.record"}
    assert {m for m, top in GRAPH["newsnlp.pipeline"].items() if top} <= {
        "newsnlp.input",
        "newsnlp.record",
        "newsnlp.registry",
        "newsnlp.errors",
        "newsnlp.gcpause",
        "newsnlp.provenance",
        "newsnlp.version",
    }
    # Pipeline.pipe(n_process=N) hands over to the chunk runner, lazily; the runner and the worker
    # pool below it never import the pipeline back (they get it from a loader)
    assert {m for m, top in GRAPH["newsnlp.pipeline"].items() if not top} <= {"newsnlp.runner"}
    for module in ("newsnlp.runner", "newsnlp.chunks", "newsnlp.parallel"):
        assert "newsnlp.pipeline" not in GRAPH[module] and "newsnlp.defaults" not in GRAPH[module], module


def test_input_room_imports_no_stage():
    for module in MODULES:
        if _package(module) == "newsnlp.input":
            allowed = {
                "newsnlp.errors",
                "newsnlp.record",
                "newsnlp.data",
                "newsnlp.data.outlets",
                "newsnlp.textnorm",
                "newsnlp.lines",
            }
            bad = {t for t in GRAPH[module] if _package(t) != "newsnlp.input" and t not in allowed}
            assert not bad, f"{module} imports {bad}"


@pytest.mark.parametrize("package", STAGE_PACKAGES)
def test_a_stage_never_imports_another_room(package):
    """A stage package reads and writes the record; it imports no other stage, no input room, no
    pipeline, API or integration."""
    for module in MODULES:
        if _package(module) != package:
            continue
        bad = {t for t in GRAPH[module] if _package(t) != package and t not in STAGE_MAY_IMPORT}
        assert not bad, f"{module} imports {bad}"


def test_no_stage_or_foundation_imports_the_record_back_through_an_adapter():
    """Nothing below the integrations imports them (adapters sit on top)."""
    below = {"newsnlp.errors", "newsnlp.record", "newsnlp.registry", "newsnlp.pipeline", "newsnlp.data"}
    below |= {m for m in MODULES if _package(m) in STAGE_PACKAGES or _package(m) == "newsnlp.input"}
    for module in below:
        adapters = {t for t in GRAPH[module] if _package(t) == "newsnlp.integrations"}
        if module == "newsnlp.record":
            adapters -= RECORD_ADAPTERS
        assert not adapters, f"{module} imports {adapters}"
