"""How the property graph is spelled in RDF: namespaces, IRIs, predicates, literals.

One table for both directions, so export and import can never disagree. The
terms are plain Python values (an IRI is a ``str``, a literal a
``(lexical, language, datatype)`` tuple, an ordered list a ``list``) rather than
rdflib objects: the streaming writers turn them into text without allocating
rdflib terms, which is what makes exporting millions of triples fast, while
:mod:`chainkg.graph.rdf.build` turns the same values into an rdflib graph.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from chainkg.graph.errors import RdfError
from chainkg.graph.model import LABELS, REL_TYPES

#: The ontology's namespace (fixed: the meaning of the terms) and the data's default base IRI
#: (configurable: where a user's nodes live; example.org says plainly that it is a placeholder).
CK = "https://w3id.org/chainkg/ontology#"
DEFAULT_BASE = "https://example.org/chainkg/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
SH = "http://www.w3.org/ns/shacl#"

#: Prefixes written at the head of Turtle and used as the JSON-LD context.
PREFIXES: dict[str, str] = {
    "ck": CK,
    "dcterms": DCTERMS,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "schema": SCHEMA,
    "skos": SKOS,
    "xsd": XSD,
}

#: The shipped vocabulary and its rules (:mod:`chainkg.resources`).
ONTOLOGY_FILE = "ontology.ttl"
SHAPES_FILE = "shapes.ttl"

TYPE = RDF + "type"
STATEMENT = RDF + "Statement"
SUBJECT, PREDICATE, OBJECT = RDF + "subject", RDF + "predicate", RDF + "object"
FIRST, REST, NIL = RDF + "first", RDF + "rest", RDF + "nil"
IDENTIFIER = DCTERMS + "identifier"
LABEL = RDFS + "label"
ALT_LABEL = SKOS + "altLabel"
MERGED_BY = CK + "mergedBy"
DERIVED_FROM = PROV + "wasDerivedFrom"
QUALIFIED_DERIVATION = PROV + "qualifiedDerivation"
DERIVATION = PROV + "Derivation"
ENTITY = PROV + "entity"
EVIDENCE = CK + "evidence"

XSD_STRING, XSD_INTEGER, XSD_DECIMAL = XSD + "string", XSD + "integer", XSD + "decimal"
XSD_DOUBLE, XSD_BOOLEAN, XSD_GYEAR, XSD_DATE = XSD + "double", XSD + "boolean", XSD + "gYear", XSD + "date"

#: The language of every text literal: the documents are Chinese.
LANG = "zh"

#: Class IRI of each label (``ck:Measure`` …).
CLASSES: dict[str, str] = {label: CK + label for label in LABELS}


def _camel(rel_type: str) -> str:
    head, *rest = rel_type.lower().split("_")
    return head + "".join(part.title() for part in rest)


#: Predicate of each relationship type: ``PART_OF`` → ``ck:partOf``.
RELATIONS: dict[str, str] = {rel_type: CK + _camel(rel_type) for rel_type in REL_TYPES}
RELATION_TYPES: dict[str, str] = {iri: rel_type for rel_type, iri in RELATIONS.items()}

#: Property keys spelled with a standard vocabulary; every other key ``k`` is ``ck:k``.
STANDARD_KEYS: dict[str, str] = {
    "title": DCTERMS + "title",
    "date": DCTERMS + "date",
    "format": DCTERMS + "format",
    "text": SCHEMA + "text",
}
_KEY_OF_STANDARD = {iri: key for key, iri in STANDARD_KEYS.items()}

#: String properties that are codes, hashes or paths rather than Chinese text: no language tag.
CODE_KEYS = frozenset(
    {"path", "kind", "sha256", "format", "code", "level", "category", "position", "comparator", "period", "scope"}
)

_SAFE_UID = re.compile(r"[A-Za-z0-9._~-]+")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BASE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\s]*[/#]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Literal = tuple[str, str | None, str | None]
Term = str | Literal | list[Any]


def check_base(base: str) -> str:
    """``base`` if it can prefix uids: an absolute IRI ending in ``/`` or ``#``."""
    if not _BASE.fullmatch(base):
        raise RdfError(f"base IRI {base!r} must be an absolute IRI ending with '/' or '#' (e.g. {DEFAULT_BASE})")
    return base


def uid_part(uid: str) -> str:
    """A uid as an IRI path segment (uids made by make_uid are already safe)."""
    return uid if _SAFE_UID.fullmatch(uid) else quote(uid, safe="")


def key_predicate(key: str) -> str:
    """The predicate of the node or edge property ``key``."""
    iri = STANDARD_KEYS.get(key)
    if iri is not None:
        return iri
    if not _KEY.fullmatch(key):
        raise RdfError(f"property name {key!r} cannot be an RDF predicate (letters, digits and _ only)")
    return CK + key


def predicate_key(iri: str) -> str | None:
    """The property key a predicate stands for, or None for a predicate chainkg does not map."""
    key = _KEY_OF_STANDARD.get(iri)
    if key is not None:
        return key
    if iri.startswith(CK) and iri not in RELATION_TYPES and _KEY.fullmatch(iri[len(CK) :]):
        return iri[len(CK) :]
    return None


def value_term(key: str, value: Any) -> Term:
    """The literal (or list of literals) for property ``key`` = ``value``.

    Numbers are typed (``xsd:integer``, ``xsd:decimal``), an integer ``year`` is an
    ``xsd:gYear``, an ISO ``date`` an ``xsd:date``; text is tagged ``@zh``; codes
    (``CODE_KEYS``) are plain strings. Lists keep their order as RDF lists.
    """
    if isinstance(value, bool):
        return ("true" if value else "false", None, XSD_BOOLEAN)
    if isinstance(value, int):
        return (str(value), None, XSD_GYEAR if key == "year" else XSD_INTEGER)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ({math.inf: "INF", -math.inf: "-INF"}.get(value, "NaN"), None, XSD_DOUBLE)
        return (format(Decimal(repr(value)), "f"), None, XSD_DECIMAL)
    if isinstance(value, str):
        if key == "date" and _DATE.fullmatch(value):
            return (value, None, XSD_DATE)
        return (value, None, None) if key in CODE_KEYS else (value, LANG, None)
    if isinstance(value, list | tuple):
        return [value_term(key, item) for item in value]
    raise RdfError(
        f"property {key!r} has a value of type {type(value).__name__} ({value!r}); RDF export takes "
        "strings, numbers, booleans and lists of them"
    )


def python_value(lexical: str, datatype: str | None) -> Any:
    """The Python value of a literal written by :func:`value_term` (the inverse mapping)."""
    if datatype in (XSD_INTEGER, XSD_GYEAR):
        return int(lexical)
    if datatype in (XSD_DECIMAL, XSD_DOUBLE):
        return float(lexical.replace("INF", "inf"))
    if datatype == XSD_BOOLEAN:
        return lexical in ("true", "1")
    return lexical
