"""The shape of the code: data flows one way, with no import cycles and no imports hidden in functions.

Read from the sources (``ast``), not by importing them: an import written inside a function or under
``TYPE_CHECKING`` counts like any other, so a cycle cannot be hidden from this test.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Repository folder → the package it installs as.
PACKAGES = {
    "graph": "chainkg.graph",
    "loaders": "chainkg.loaders",
    "queries": "chainkg.queries",
    "templates": "chainkg.templates",
}
#: The loading stages in the order data flows: a stage imports only from itself and the stages before it.
STAGES = ("reading", "text", "extract", "resolve", "firm_table", "firm_import", "pipeline")


def _modules() -> dict[str, Path]:
    out = {}
    for folder, package in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = [p for p in path.relative_to(ROOT / folder).with_suffix("").parts if p != "__init__"]
            out[".".join([package, *parts])] = path
    return out


def _imports(path: Path, known: dict[str, Path]) -> list[tuple[str, int, bool]]:
    """(imported chainkg module, line, written at the top of the module) for every import of ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    out = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("chainkg"):
            names = [
                f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in known else node.module for a in node.names
            ]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("chainkg")]
        out += [(name, node.lineno, id(node) in top) for name in names]
    return out


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    known = _modules()
    g = nx.DiGraph()
    for module, path in known.items():
        g.add_node(module)
        for imported, line, at_top in _imports(path, known):
            if imported in known and imported != module:
                g.add_edge(module, imported, line=line, top=at_top)
    return g


def test_no_import_cycles(graph: nx.DiGraph) -> None:
    cycles = sorted(nx.simple_cycles(graph), key=len)
    assert not cycles, "import cycles: " + "; ".join(" → ".join(c) for c in cycles[:5])


def test_no_imports_hidden_inside_functions(graph: nx.DiGraph) -> None:
    hidden = [f"{a} imports {b} at line {d['line']}" for a, b, d in graph.edges(data=True) if not d["top"]]
    assert not hidden, hidden


def _stage(module: str) -> int | None:
    parts = module.split(".")
    if parts[:2] != ["chainkg", "loaders"] or len(parts) < 3:
        return None
    return STAGES.index(parts[2])


def test_the_loading_stages_never_reach_back(graph: nx.DiGraph) -> None:
    back = [
        f"{a} ({STAGES[_stage(a)]}) imports {b} ({STAGES[_stage(b)]})"  # type: ignore[index]
        for a, b in graph.edges
        if _stage(a) is not None and _stage(b) is not None and _stage(b) > _stage(a)  # type: ignore[operator]
    ]
    assert not back, back


def test_the_graph_package_depends_on_no_later_layer(graph: nx.DiGraph) -> None:
    later = [
        f"{a} imports {b}"
        for a, b in graph.edges
        if a.startswith("chainkg.graph") and not b.startswith("chainkg.graph")
    ]
    assert not later, later
