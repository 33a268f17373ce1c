"""The registry of named queries: one ``NAME.cypher`` file each, read by the CLI, the viewer and the tests.

A query file starts with a header of ``// key: value`` lines::

    // name: chain_owners
    // title: 各产业链的链主企业 / Chain owners per chain
    // description: Chain-owner firms (链主) of every chain, or of one chain.
    // param: chain string 智能物流装备 | uid or name of a chain; empty for all
    // returns: chain, owner, evidence — one row per chain-owner firm

then the Cypher, which takes its parameters as ``$name``. Where the embedded
store must answer the same question (the viewer runs on both stores), a module
``NAME.py`` beside the file implements ``run(store, **params) -> list[dict]``
returning the same rows; ``tests/test_query_parity.py`` holds them to it. Every query the
viewer offers has one; a query that only Neo4j can answer (a full-text index, all shortest paths)
says so and why in a header line ``// neo4j_only: 中文理由 / English reason``, and the viewer and
the CLI then say that on the embedded store instead of failing.

:func:`run` is how the CLI, the viewer, the benchmarks and the tests run one:
the registry sits on top of the store interface (Cypher through
``GraphStore.run_cypher``, the twin over the embedded store), and the stores
know nothing of it.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chainkg.graph.errors import ChainKGError
from chainkg.graph.store import GraphStore

QUERY_DIR = Path(__file__).resolve().parent
_HEADER = re.compile(r"^//\s*(\w+):\s*(.*)$")
_TYPES: dict[str, Callable[[str], Any]] = {
    "string": str,
    "int": int,
    "float": float,
    "bool": lambda v: v.lower() in ("1", "true", "yes"),
}


class QueryError(ChainKGError):
    """An unknown query, a missing or malformed parameter, or a query the store cannot run."""


@dataclass(frozen=True)
class Parameter:
    """One ``$name`` a query takes: its type, an example value and what it means."""

    name: str
    type: str
    example: str
    description: str

    def coerce(self, value: Any) -> Any:
        if value is None or isinstance(value, int | float | bool) or self.type == "string":
            return value
        try:
            return _TYPES[self.type](str(value))
        except ValueError as exc:
            raise QueryError(f"parameter {self.name} must be {self.type}, not {value!r}") from exc


@dataclass(frozen=True)
class NamedQuery:
    """A query of the registry, as its file declares it."""

    name: str
    title: str
    description: str
    returns: str
    cypher: str
    path: Path
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)
    #: Why only Neo4j can run it (its ``// neo4j_only:`` line), or None: it has an embedded twin.
    neo4j_only: str | None = None

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        """Parameters for a run: every declared one present (None if not given), typed."""
        unknown = set(values) - {p.name for p in self.parameters}
        if unknown:
            known = ", ".join(p.name for p in self.parameters) or "none"
            raise QueryError(f"query {self.name} has no parameter {', '.join(sorted(unknown))} (it takes: {known})")
        return {p.name: p.coerce(values.get(p.name)) for p in self.parameters}

    def embedded(self) -> Callable[..., list[dict[str, Any]]] | None:
        """The embedded store's implementation, if the query has one."""
        if not (self.path.with_suffix(".py")).exists():
            return None
        module = importlib.import_module(f"{__name__}.{self.name}")
        return module.run  # type: ignore[no-any-return]


def parse_query(path: Path) -> NamedQuery:
    """Read one ``.cypher`` file and its header."""
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADER.match(line) if not body else None
        if match:
            key, value = match.groups()
            if key == "param":
                head, _, description = value.partition("|")
                name, ptype, *example = head.split()
                if ptype not in _TYPES:
                    raise QueryError(f"{path}: parameter {name} has unknown type {ptype}")
                params.append(Parameter(name, ptype, " ".join(example), description.strip()))
            else:
                meta[key] = meta[key] + " " + value if key in meta else value
        elif line.strip() or body:
            body.append(line)
    for key in ("name", "title", "description", "returns"):
        if key not in meta:
            raise QueryError(f"{path}: header has no '// {key}:' line")
    if meta["name"] != path.stem:
        raise QueryError(f"{path}: header names it {meta['name']!r}, the file is {path.stem!r}")
    return NamedQuery(
        meta["name"],
        meta["title"],
        meta["description"],
        meta["returns"],
        "\n".join(body).strip(),
        path,
        tuple(params),
        meta.get("neo4j_only"),
    )


@functools.cache
def registry() -> dict[str, NamedQuery]:
    """Every named query, by name, sorted."""
    return {q.name: q for q in (parse_query(p) for p in sorted(QUERY_DIR.glob("*.cypher")))}


def get_query(name: str) -> NamedQuery:
    """The named query, or a :class:`QueryError` listing the known names."""
    try:
        return registry()[name]
    except KeyError:
        raise QueryError(f"no query named {name!r}; known: {', '.join(registry())}") from None


def run(store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of the named query ``name`` on ``store``, its parameters bound and typed as its header declares.

    A store that runs Cypher (Neo4j) runs the query's Cypher; the embedded store runs its Python
    twin, and a query without one raises :class:`QueryError` naming the way out (the Neo4j store).
    """
    query = get_query(name)
    bound = query.bind(dict(params or {}))
    if store.runs_cypher:
        return store.run_cypher(query.cypher, bound)
    twin = query.embedded()
    if twin is None:
        why = query.neo4j_only or "it has no embedded twin"
        raise QueryError(
            f"查询 {query.name} 只能在 Neo4j 上运行（以 --neo4j-uri 指定 Neo4j）"
            f" / query {query.name} runs on Neo4j only (give --neo4j-uri): {why}"
        )
    return twin(store, **bound)
