"""The triples of a graph, subject by subject, from a stream of export-form dicts.

Input is what :meth:`chainkg.graph.model.Node.to_dict` and ``Edge.to_dict`` give (the
JSON export format), one at a time, so a graph of any size can be written
without holding it: memory does not grow with the graph. Output order is the
input order and, within a subject, a fixed predicate order, so the same graph
always gives the same triples in the same order.

Each relationship ``a -TYPE-> b`` becomes

- the plain triple ``a ck:type b``, for queries that do not care where it came from;
- a reified statement, the named node ``{base}fact/TYPE/a/b``: ``a rdf:Statement``
  with ``rdf:subject``/``rdf:predicate``/``rdf:object``, ``prov:wasDerivedFrom``
  each source Document, the relationship's own properties (``ck:count``) and,
  per source, a ``prov:qualifiedDerivation`` to the named node
  ``{fact}/source/{doc}``: ``a prov:Derivation; prov:entity <doc>; ck:evidence "…"@zh``.

Named nodes rather than blank nodes keep the output deterministic and let
streams be written without a look-up table; reification rather than RDF-star
keeps every N-Triples 1.1 and Turtle 1.1 reader able to load it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from chainkg.graph.errors import RdfError
from chainkg.graph.rdf.terms import (
    ALT_LABEL,
    CLASSES,
    DERIVATION,
    DERIVED_FROM,
    ENTITY,
    EVIDENCE,
    IDENTIFIER,
    LABEL,
    LANG,
    MERGED_BY,
    OBJECT,
    PREDICATE,
    QUALIFIED_DERIVATION,
    RELATIONS,
    STATEMENT,
    SUBJECT,
    TYPE,
    Term,
    check_base,
    key_predicate,
    uid_part,
    value_term,
)

Block = tuple[str, list[tuple[str, Term]]]

_NODE_FIELDS = frozenset({"uid", "label", "name", "aliases", "mergedBy"})
_EDGE_FIELDS = frozenset({"type", "start", "end", "source", "evidence", "sources", "evidences"})


class Minter:
    """Makes the IRIs of one export: nodes, facts and derivations under ``base``."""

    def __init__(self, base: str) -> None:
        self.base = check_base(base)

    def node(self, uid: str) -> str:
        return self.base + uid_part(uid)

    def fact(self, rel_type: str, start: str, end: str) -> str:
        return f"{self.base}fact/{rel_type}/{uid_part(start)}/{uid_part(end)}"

    @staticmethod
    def derivation(fact: str, source: str) -> str:
        return f"{fact}/source/{uid_part(source)}"


def node_block(data: dict[str, Any], mint: Minter) -> Block:
    """The description of one node: class, uid, name, aliases, properties."""
    label = data["label"]
    cls = CLASSES.get(label)
    if cls is None:
        raise RdfError(f"node {data.get('uid')!r} has unknown label {label!r}")
    pairs: list[tuple[str, Term]] = [
        (TYPE, cls),
        (IDENTIFIER, (data["uid"], None, None)),
        (LABEL, (data["name"], LANG, None)),
    ]
    pairs.extend((ALT_LABEL, (alias, LANG, None)) for alias in data.get("aliases", ()))
    pairs.extend((MERGED_BY, (rule, None, None)) for rule in data.get("mergedBy", ()))
    for key, value in data.items():
        if key not in _NODE_FIELDS and value is not None:
            pairs.append((key_predicate(key), value_term(key, value)))
    return mint.node(data["uid"]), pairs


def edge_blocks(data: dict[str, Any], mint: Minter) -> list[Block]:
    """The plain triple, the reified statement and one derivation per source of one edge."""
    rel_type, start, end = data["type"], data["start"], data["end"]
    predicate = RELATIONS.get(rel_type)
    if predicate is None:
        raise RdfError(f"edge {start} → {end} has unknown relationship type {rel_type!r}")
    subject, obj = mint.node(start), mint.node(end)
    fact = mint.fact(rel_type, start, end)
    sources = data.get("sources") or ([data["source"]] if data.get("source") else [])
    evidences = data.get("evidences") or [data.get("evidence")] * len(sources)
    statement: list[tuple[str, Term]] = [(TYPE, STATEMENT), (SUBJECT, subject), (PREDICATE, predicate), (OBJECT, obj)]
    derivations: list[Block] = []
    for source, sentence in zip(sources, evidences, strict=True):
        document = mint.node(source)
        derivation = mint.derivation(fact, source)
        statement.append((DERIVED_FROM, document))
        statement.append((QUALIFIED_DERIVATION, derivation))
        pairs: list[tuple[str, Term]] = [(TYPE, DERIVATION), (ENTITY, document)]
        if sentence is not None:
            pairs.append((EVIDENCE, (sentence, LANG, None)))
        derivations.append((derivation, pairs))
    for key, value in data.items():
        if key not in _EDGE_FIELDS and value is not None:
            statement.append((key_predicate(key), value_term(key, value)))
    return [(subject, [(predicate, obj)]), (fact, statement), *derivations]


def graph_blocks(nodes: Iterable[dict[str, Any]], edges: Iterable[dict[str, Any]], base: str) -> Iterator[Block]:
    """Every block of a graph given as export-form node dicts, then edge dicts."""
    mint = Minter(base)
    for node in nodes:
        yield node_block(node, mint)
    for edge in edges:
        yield from edge_blocks(edge, mint)
