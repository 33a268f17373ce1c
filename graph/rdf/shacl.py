"""SHACL validation of an RDF export (pyshacl), with every violation said in plain words.

pyshacl's own report is a graph of blank nodes; a user wants "措施 X (uid) is not
part of any policy". Each violation names the node by its class, name and uid
(or a relationship by its ends), the rule it breaks, and the rule's message in
Chinese and English from ``shapes.ttl``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyshacl
import rdflib

from chainkg.graph.rdf.terms import (
    CK,
    IDENTIFIER,
    LABEL,
    OBJECT,
    PREDICATE,
    QUALIFIED_DERIVATION,
    RELATION_TYPES,
    SH,
    SHAPES_FILE,
    SUBJECT,
    TYPE,
)
from chainkg.resources import resource_text

_SH = rdflib.Namespace(SH)


@dataclass(frozen=True, order=True)
class Violation:
    """One broken rule: where (``focus``), which rule, and what it says."""

    focus: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}: {self.message} [{self.rule}]"


@cache
def _shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(data=resource_text(SHAPES_FILE), format="turtle")


def _first(graph: rdflib.Graph, subject: rdflib.term.Node, predicate: str) -> rdflib.term.Node | None:
    # (every object is an Identifier, which orders; the filter tells the type checker so)
    objects = graph.objects(subject, rdflib.URIRef(predicate))
    return next(iter(sorted(o for o in objects if isinstance(o, rdflib.term.Identifier))), None)


def _node_words(data: rdflib.Graph, node: rdflib.term.Node | None) -> str:
    if node is None:
        return "?"
    uid, name = _first(data, node, IDENTIFIER), _first(data, node, LABEL)
    classes = sorted(str(c)[len(CK) :] for c in data.objects(node, rdflib.URIRef(TYPE)) if str(c).startswith(CK))
    if uid is None:
        return f"<{node}>"
    return f"{'/'.join(classes) or 'node'} {name} ({uid})"


def describe(data: rdflib.Graph, focus: rdflib.term.Node) -> str:
    """A node, a relationship statement, a source or a uid, in words a user recognises."""
    if isinstance(focus, rdflib.Literal):
        return f"uid {str(focus)!r}"
    predicate = _first(data, focus, PREDICATE)
    if predicate is not None:
        rel_type = RELATION_TYPES.get(str(predicate), str(predicate))
        start, end = _first(data, focus, SUBJECT), _first(data, focus, OBJECT)
        return f"relationship {rel_type} {_node_words(data, start)} → {_node_words(data, end)}"
    facts = data.subjects(rdflib.URIRef(QUALIFIED_DERIVATION), focus)
    fact = next(iter(sorted(f for f in facts if isinstance(f, rdflib.term.Identifier))), None)
    if fact is not None:
        return f"a source of {describe(data, fact)}"
    return _node_words(data, focus)


def _rule(shapes: rdflib.Graph, shape: rdflib.term.Node | None) -> str:
    owner = next(iter(shapes.subjects(_SH.property, shape)), shape) if shape is not None else None
    found = shapes.objects(owner, rdflib.RDFS.label) if owner else iter(())
    labels = {lit.language: str(lit) for lit in found if isinstance(lit, rdflib.Literal)}
    return labels.get("en") or (str(owner) if owner is not None else "?")


def validate(data: rdflib.Graph) -> list[Violation]:
    """Every violation of ``shapes.ttl`` in ``data`` (an empty list: the export is valid), sorted."""
    shapes = _shapes()
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    if conforms:
        return []
    violations = set()
    for result in report.subjects(rdflib.RDF.type, _SH.ValidationResult):
        focus = report.value(result, _SH.focusNode)
        path, value = report.value(result, _SH.resultPath), report.value(result, _SH.value)
        if focus is None:
            where = "?"
        elif str(path) in RELATION_TYPES and isinstance(value, rdflib.URIRef):
            where = f"relationship {RELATION_TYPES[str(path)]} {_node_words(data, focus)} → {_node_words(data, value)}"
        else:
            where = describe(data, focus)
        messages = {lit.language: str(lit) for lit in report.objects(result, _SH.resultMessage)}
        message = " / ".join(messages[lang] for lang in ("zh", "en", None) if lang in messages)
        component = str(report.value(result, _SH.sourceConstraintComponent) or "").rpartition("#")[2]
        violations.add(
            Violation(
                focus=where,
                rule=f"{_rule(shapes, report.value(result, _SH.sourceShape))}; {component}",
                message=message or component,
            )
        )
    return sorted(violations)
