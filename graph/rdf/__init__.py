"""RDF for the property graph: export (Turtle, N-Triples, JSON-LD), import back, SHACL validation.

The vocabulary is ``ontology.ttl`` (repository root), the rules ``shapes.ttl``;
``docs/rdf.md`` describes the IRI scheme and how provenance is kept. The
library API is this module's functions; ``chainkg export rdf`` and
``chainkg validate`` call them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import rdflib

from chainkg.graph.errors import RdfError
from chainkg.graph.json_format import replacing
from chainkg.graph.model import Graph
from chainkg.graph.rdf.rdflib_graph import json_ld, rdflib_graph
from chainkg.graph.rdf.read import graph_from_rdf, parse_file
from chainkg.graph.rdf.shacl import Violation, validate
from chainkg.graph.rdf.terms import DEFAULT_BASE
from chainkg.graph.rdf.text_formats import NTriplesWriter, TurtleWriter, write_blocks
from chainkg.graph.rdf.triples import graph_blocks

__all__ = [
    "DEFAULT_BASE",
    "FORMATS",
    "Violation",
    "export_rdf",
    "graph_from_rdf",
    "parse_file",
    "to_rdflib",
    "validate",
    "write_rdf",
]

#: Export formats: N-Triples and Turtle are streamed; JSON-LD goes through an rdflib graph.
FORMATS = ("ttl", "nt", "jsonld")


def _dicts(graph: Graph) -> tuple[Iterable[dict[str, Any]], Iterable[dict[str, Any]]]:
    """The graph as export-form dicts in the JSON export's order (uid; type, start, end)."""
    nodes = (graph.nodes[uid].to_dict() for uid in sorted(graph.nodes))
    edges = (graph.edges[key].to_dict() for key in sorted(graph.edges))
    return nodes, edges


def write_rdf(
    nodes: Iterable[dict[str, Any]],
    edges: Iterable[dict[str, Any]],
    out: IO[str],
    fmt: str = "ttl",
    base: str = DEFAULT_BASE,
) -> int:
    """Write a graph given as export-form node and edge dicts to ``out``; returns the triple count.

    ``nt`` and ``ttl`` hold one node or edge at a time, so memory does not grow
    with the graph; ``jsonld`` builds the whole rdflib graph first.
    """
    if fmt == "nt":
        return write_blocks(graph_blocks(nodes, edges, base), out, NTriplesWriter())
    if fmt == "ttl":
        return write_blocks(graph_blocks(nodes, edges, base), out, TurtleWriter(base))
    if fmt == "jsonld":
        rdf = rdflib_graph(graph_blocks(nodes, edges, base))
        out.write(json_ld(rdf).decode("utf-8"))
        return len(rdf)
    raise RdfError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export_rdf(graph: Graph, path: Path, fmt: str = "ttl", base: str = DEFAULT_BASE) -> int:
    """Write ``graph`` to ``path`` (replaced in one rename, never half-written); returns the triple count."""
    with replacing(Path(path), "w", encoding="utf-8", newline="\n", buffering=1 << 20) as handle:
        return write_rdf(*_dicts(graph), handle, fmt, base)


def to_rdflib(graph: Graph, base: str = DEFAULT_BASE) -> rdflib.Graph:
    """``graph`` as an in-memory rdflib graph (for validation, SPARQL, other serialisations)."""
    return rdflib_graph(graph_blocks(*_dicts(graph), base))
