"""Import a team's own firm list (``chainkg import firms``): read → rows → graph → resolve → store.

A firm table is loaded like a document: it is a ``Document`` (kind ``firm_table``) whose uid comes from its
bytes, so the same file again is skipped, and ``chainkg remove`` takes back what it stated. A changed file
at the same path replaces its earlier version in one write
(:meth:`chainkg.graph.interface.GraphStore.write_document` with ``replaces``): what the old rows said
is retracted, the new rows written, never both (a list too large for one Neo4j transaction is written
in stages, and counts as stored only once the last is: :mod:`chainkg.graph.neo4j_store`). Bad rows are
reported by line and skipped; an unreadable file is one :class:`DocumentError` and nothing is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.graph.store import GraphStore
from chainkg.loaders.extract.documents import display_path
from chainkg.loaders.firm_table import KIND, BadRow, column_map, firm_graph, read_firm_table, summary
from chainkg.loaders.reading.tables import read_bytes, read_table
from chainkg.loaders.resolve import Resolver


@dataclass
class ImportReport:
    """What one import did: rows read, firms written, firms merged with the documents' firms, bad rows."""

    path: Path
    document: str = ""
    #: ``imported`` (new), ``updated`` (replaced a changed earlier version), ``unchanged`` (already stored).
    status: str = "imported"
    rows: int = 0
    firms: int = 0
    merged: int = 0
    bad: list[BadRow] = field(default_factory=list)
    #: uids of the earlier versions of the file that this one replaced.
    replaced: list[str] = field(default_factory=list)


def _document_firms(stored: Graph) -> set[str]:
    """Firms a loaded document (not a firm table) names."""
    documents = {n.uid for n in stored.by_label("Document") if n.props.get("kind") != KIND}
    return {
        edge.start
        for edge in stored.edges.values()
        if edge.type == "MENTIONED_IN" and edge.end in documents and stored.nodes[edge.start].label == "Enterprise"
    }


def import_firms(
    path: Path,
    store: GraphStore,
    *,
    columns: Mapping[str, str] | None = None,
    title: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import the firm table at ``path`` into ``store`` (see the module docstring).

    ``columns`` maps fields (``name``, ``business_scope``, …) to headers of this file, before the built-in
    aliases; ``progress(n)`` is told of every n rows read.
    """
    report = ImportReport(path)
    data = read_bytes(path)
    sha = hashlib.sha256(data).hexdigest()
    store.begin_writing()
    known = store.document_hashes()
    if sha in known:
        report.status, report.document = "unchanged", known[sha]
        return report
    table = read_table(path, data)
    mapping = column_map(table.header, path, columns)
    report.rows = len(table.rows)
    stored = store.read()
    where = display_path(path)
    report.replaced = sorted(
        n.uid for n in stored.by_label("Document") if n.props.get("kind") == KIND and n.props.get("path") == where
    )
    read = read_firm_table(table, mapping, title=title, progress=progress)
    report.bad = read.bad
    resolved = Resolver(stored).resolve(firm_graph(read))
    firms = [n.uid for n in resolved.nodes.values() if n.label == "Enterprise"]
    named = _document_firms(stored)
    report.firms = len(firms)
    report.merged = sum(1 for uid in firms if uid in named)
    document = read.document
    document.props["text"] = summary(read, report.firms, report.merged)
    store.write_document(resolved, replaces=report.replaced)
    store.flush()
    report.document = document.uid
    report.status = "updated" if report.replaced else "imported"
    return report
