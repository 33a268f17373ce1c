"""An RDF export read back into a :class:`chainkg.graph.model.Graph`, the inverse of the export.

Nodes are the subjects with a ``dcterms:identifier`` (their uid) and a chainkg
class; relationships are the ``rdf:Statement`` facts, with their sources and
evidence from ``prov:qualifiedDerivation``. A plain relationship triple without
a statement still becomes an edge (with no source, which validation reports).
Predicates outside the chainkg mapping (say, ``owl:sameAs`` added by another
tool) are left out rather than refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rdflib
from rdflib.collection import Collection
from rdflib.util import guess_format

from chainkg.graph.errors import RdfError
from chainkg.graph.model import LABELS, Edge, Graph, Node
from chainkg.graph.rdf.terms import (
    ALT_LABEL,
    CK,
    DERIVED_FROM,
    ENTITY,
    EVIDENCE,
    IDENTIFIER,
    LABEL,
    MERGED_BY,
    OBJECT,
    PREDICATE,
    QUALIFIED_DERIVATION,
    RELATION_TYPES,
    STATEMENT,
    SUBJECT,
    TYPE,
    predicate_key,
    python_value,
)

_RDF_TYPE = rdflib.URIRef(TYPE)
_IDENTIFIER = rdflib.URIRef(IDENTIFIER)
_NODE_SKIP = {TYPE, IDENTIFIER, LABEL, ALT_LABEL, MERGED_BY}
_FACT_SKIP = {TYPE, SUBJECT, PREDICATE, OBJECT, DERIVED_FROM, QUALIFIED_DERIVATION}
_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def parse_file(path: Path, fmt: str | None = None) -> rdflib.Graph:
    """Parse an RDF file; the format comes from ``fmt`` (ttl, nt, jsonld) or the file's suffix."""
    rdf_format = _FORMATS.get(fmt or "") or guess_format(str(path)) or ("json-ld" if path.suffix == ".jsonld" else None)
    if rdf_format is None:
        raise RdfError(f"{path}: cannot tell the RDF format from the suffix; use .ttl, .nt or .jsonld")
    graph = rdflib.Graph(bind_namespaces="none")
    try:
        graph.parse(path, format=rdf_format)
    except (OSError, SyntaxError, ValueError) as exc:  # rdflib's parse errors are SyntaxError/ValueError subclasses
        raise RdfError(f"{path}: not readable as {rdf_format} ({exc})") from exc
    return graph


def _value(rdf: rdflib.Graph, obj: rdflib.term.Node) -> Any:
    if isinstance(obj, rdflib.Literal):
        return python_value(str(obj), str(obj.datatype) if obj.datatype else None)
    if obj == rdflib.RDF.nil:
        return []
    if isinstance(obj, rdflib.BNode):
        return [_value(rdf, item) for item in Collection(rdf, obj)]
    return str(obj)


def _properties(rdf: rdflib.Graph, subject: rdflib.term.Node, skip: set[str], where: str) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for predicate, obj in rdf.predicate_objects(subject):
        key = predicate_key(str(predicate)) if str(predicate) not in skip else None
        if key is None:
            continue
        if key in props:
            raise RdfError(f"{where} has two values for {predicate}; chainkg properties take one")
        props[key] = _value(rdf, obj)
    return props


def _node(rdf: rdflib.Graph, subject: rdflib.term.Node, uid: str) -> Node:
    labels = [str(c)[len(CK) :] for c in rdf.objects(subject, _RDF_TYPE) if str(c).startswith(CK)]
    labels = [label for label in labels if label in LABELS]
    if len(labels) != 1:
        raise RdfError(f"node {uid} ({subject}) needs exactly one chainkg class, has {labels or 'none'}")
    names = [str(name) for name in rdf.objects(subject, rdflib.URIRef(LABEL))]
    if len(names) != 1:
        raise RdfError(f"node {uid} ({subject}) needs exactly one rdfs:label, has {len(names)}")
    data: dict[str, Any] = {"uid": uid, "label": labels[0], "name": names[0]}
    data["aliases"] = sorted(str(alias) for alias in rdf.objects(subject, rdflib.URIRef(ALT_LABEL)))
    data["mergedBy"] = sorted(str(rule) for rule in rdf.objects(subject, rdflib.URIRef(MERGED_BY)))
    data.update(_properties(rdf, subject, _NODE_SKIP, f"node {uid}"))
    return Node.from_dict(data)


def _one(rdf: rdflib.Graph, subject: rdflib.term.Node, predicate: str) -> rdflib.term.Node:
    values = list(rdf.objects(subject, rdflib.URIRef(predicate)))
    if len(values) != 1:
        raise RdfError(f"statement {subject} needs exactly one {predicate}, has {len(values)}")
    return values[0]


def graph_from_rdf(rdf: rdflib.Graph) -> Graph:
    """The property graph an RDF export describes."""
    uid_of: dict[rdflib.term.Node, str] = {}
    for subject, identifier in rdf.subject_objects(_IDENTIFIER):
        if subject in uid_of:
            raise RdfError(f"{subject} has two uids ({uid_of[subject]}, {identifier})")
        uid_of[subject] = str(identifier)
    graph = Graph()
    for subject, subject_uid in sorted(uid_of.items(), key=lambda item: item[1]):
        graph.add_node(_node(rdf, subject, subject_uid))

    def uid(term: rdflib.term.Node, fact: rdflib.term.Node) -> str:
        if term not in uid_of:
            raise RdfError(f"statement {fact} refers to {term}, which has no dcterms:identifier")
        return uid_of[term]

    facts = rdf.subjects(_RDF_TYPE, rdflib.URIRef(STATEMENT))
    for fact in sorted(f for f in facts if isinstance(f, rdflib.term.Identifier)):  # (all are: for the type checker)
        rel_type = RELATION_TYPES.get(str(_one(rdf, fact, PREDICATE)))
        if rel_type is None:
            continue
        edge = Edge(rel_type, uid(_one(rdf, fact, SUBJECT), fact), uid(_one(rdf, fact, OBJECT), fact))
        for derivation in rdf.objects(fact, rdflib.URIRef(QUALIFIED_DERIVATION)):
            source = uid(_one(rdf, derivation, ENTITY), fact)
            sentences = list(rdf.objects(derivation, rdflib.URIRef(EVIDENCE)))
            edge.evidence[source] = str(sentences[0]) if sentences else ""
        edge.props = _properties(rdf, fact, _FACT_SKIP, f"statement {fact}")
        graph.add_edge(edge)
    for predicate, rel_type in RELATION_TYPES.items():
        for start, end in rdf.subject_objects(rdflib.URIRef(predicate)):
            if (rel_type, uid_of.get(start), uid_of.get(end)) not in graph.edges:
                graph.add_edge(Edge(rel_type, uid(start, start), uid(end, start)))
    return graph
