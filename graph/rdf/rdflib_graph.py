"""The same triples as an rdflib graph: for JSON-LD, SHACL validation and the tests.

Built from the terms directly (not by parsing the streaming writers' text), so
comparing the two is a real check of the writers' escaping.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import rdflib
from rdflib.collection import Collection

from chainkg.graph.rdf.terms import PREFIXES
from chainkg.graph.rdf.triples import Block


def _term(graph: rdflib.Graph, value: Any) -> rdflib.term.Node:
    if type(value) is str:
        return rdflib.URIRef(value)
    if type(value) is tuple:
        lexical, lang, datatype = value
        return rdflib.Literal(lexical, lang=lang, datatype=rdflib.URIRef(datatype) if datatype else None)
    if not value:
        return rdflib.RDF.nil
    head = rdflib.BNode()
    Collection(graph, head, [_term(graph, item) for item in value])
    return head


def rdflib_graph(blocks: Iterable[Block]) -> rdflib.Graph:
    """An rdflib graph of ``blocks``, with the chainkg prefixes bound."""
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for subject, pairs in blocks:
        node = rdflib.URIRef(subject)
        for predicate, value in pairs:
            graph.add((node, rdflib.URIRef(predicate), _term(graph, value)))
    return graph


def _canonical(value: Any, key: str = "") -> Any:
    """Sets in a fixed order: rdflib writes subjects and values in hash order, which varies per run."""
    if isinstance(value, dict):
        return {k: _canonical(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        if key == "@list":  # an RDF list: its order is data
            return items
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def json_ld(graph: rdflib.Graph) -> bytes:
    """JSON-LD with the chainkg prefixes as context, nodes and values sorted so the bytes are stable."""
    text = graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    data = _canonical(json.loads(text))
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
