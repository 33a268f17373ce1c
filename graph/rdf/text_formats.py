"""N-Triples and Turtle written straight from triple blocks, one block at a time.

No rdflib graph is built: each block becomes text as it comes, so exporting a
graph of millions of nodes uses the memory of one block. Literals are escaped
as N-Triples 1.1 and Turtle 1.1 require (``\\``, ``"``, line feed, carriage
return); everything else, Chinese included, is written as UTF-8. The tests
check the output against an rdflib graph built independently from the same
terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO, Any

from chainkg.graph.rdf.terms import FIRST, NIL, PREFIXES, REST, TYPE, Literal
from chainkg.graph.rdf.triples import Block

_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
#: Local names written as ``prefix:local`` in Turtle (a safe subset of PN_LOCAL); others stay ``<IRI>``.
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


class NTriplesWriter:
    """One line per triple; RDF lists become blank nodes ``_:l1``, ``_:l2`` … numbered in output order."""

    def __init__(self) -> None:
        self.triples = 0
        self._blank = 0

    def header(self) -> str:
        return ""

    def literal(self, term: Literal) -> str:
        lexical, lang, datatype = term
        text = lexical.translate(_ESCAPE)
        if lang:
            return f'"{text}"@{lang}'
        if datatype:
            return f'"{text}"^^<{datatype}>'
        return f'"{text}"'

    def _list(self, items: list[Any], lines: list[str]) -> str:
        if not items:
            return f"<{NIL}>"
        heads = []
        for _ in items:
            self._blank += 1
            heads.append(f"_:l{self._blank}")
        for index, item in enumerate(items):
            rest = heads[index + 1] if index + 1 < len(heads) else f"<{NIL}>"
            lines.append(f"{heads[index]} <{FIRST}> {self._object(item, lines)} .\n")
            lines.append(f"{heads[index]} <{REST}> {rest} .\n")
        self.triples += 2 * len(items)
        return heads[0]

    def _object(self, term: Any, lines: list[str]) -> str:
        kind = type(term)
        if kind is str:
            return "<" + term + ">"
        if kind is tuple:
            return self.literal(term)
        return self._list(term, lines)

    def block(self, subject: str, pairs: list[tuple[str, Any]]) -> str:
        head = f"<{subject}> <"
        lines: list[str] = []
        for predicate, term in pairs:
            kind = type(term)
            if kind is str:
                lines.append(f"{head}{predicate}> <{term}> .\n")
            elif kind is tuple:
                lines.append(f"{head}{predicate}> {self.literal(term)} .\n")
            else:
                lines.append(f"{head}{predicate}> {self._list(term, lines)} .\n")
        self.triples += len(pairs)
        return "".join(lines)


class TurtleWriter:
    """Prefixed names where they fit, ``a`` for rdf:type, one block per subject, lists as ``( … )``."""

    def __init__(self, base: str) -> None:
        self.triples = 0
        self.base = base
        self._names: dict[str, str] = {TYPE: "a"}
        self._namespaces = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))

    def header(self) -> str:
        lines = [f"@prefix {name}: <{iri}> ." for name, iri in sorted(PREFIXES.items())]
        lines.append(f"@prefix : <{self.base}> .")
        return "\n".join(lines) + "\n\n"

    def iri(self, iri: str) -> str:
        """``:local`` for data under the base, ``prefix:local`` for vocabulary, else ``<IRI>``."""
        if iri.startswith(self.base):
            local = iri[len(self.base) :]
            return ":" + local if _LOCAL.fullmatch(local) else "<" + iri + ">"
        name = self._names.get(iri)
        if name is None:  # vocabulary terms only: a small, fixed set
            name = "<" + iri + ">"
            for prefix, namespace in self._namespaces:
                if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace) :]):
                    name = f"{prefix}:{iri[len(namespace) :]}"
                    break
            self._names[iri] = name
        return name

    def _object(self, term: Any) -> str:
        kind = type(term)
        if kind is str:
            return self.iri(term)
        if kind is tuple:
            lexical, lang, datatype = term
            text = lexical.translate(_ESCAPE)
            if lang:
                return f'"{text}"@{lang}'
            return f'"{text}"^^{self.iri(datatype)}' if datatype else f'"{text}"'
        self.triples += 2 * len(term)
        return "( " + " ".join(self._object(item) for item in term) + " )" if term else "()"

    def block(self, subject: str, pairs: list[tuple[str, Any]]) -> str:
        body = " ;\n    ".join(self.iri(predicate) + " " + self._object(term) for predicate, term in pairs)
        self.triples += len(pairs)
        return f"{self.iri(subject)} {body} .\n\n"


def write_blocks(blocks: Iterable[Block], out: IO[str], writer: NTriplesWriter | TurtleWriter) -> int:
    """Write every block to ``out``; returns the number of triples written."""
    out.write(writer.header())
    write, block = out.write, writer.block
    for subject, pairs in blocks:
        # One write per block: joining many blocks first would widen every ASCII line to the
        # string width of the one Chinese line among them, which costs more than the calls.
        write(block(subject, pairs))
    return writer.triples
