"""The embedded default store: the graph in memory, saved to one JSON file.

A new user gets results without any server. The file is the export format of
:meth:`chainkg.graph.model.Graph.to_dict`, written sorted with a trailing newline, so
the same graph always gives the same bytes. Saving goes through a temporary
file and an atomic rename: a crash never leaves half a file.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from chainkg.graph.errors import UnknownDocumentError
from chainkg.graph.interface import GraphStore
from chainkg.graph.json_format import dump_json, read_json, write_atomic
from chainkg.graph.model import Graph


class EmbeddedStore(GraphStore):
    """A :class:`Graph` held in memory and saved to ``path`` on flush."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.graph = read_json(self.path) if self.path.exists() else Graph()
        self._dirty = False
        self._nx: nx.MultiDiGraph | None = None

    def write_document(self, graph: Graph) -> None:
        # Graph.merge validates every edge before this graph is touched only if
        # the document graph is itself valid, which Graph.add_edge guarantees.
        self.graph.merge(graph)
        self._dirty = True
        self._nx = None

    def read(self) -> Graph:
        return self.graph

    def find_document(self, ref: str) -> str | None:
        node = self.graph.nodes.get(ref)
        if node is not None and node.label == "Document":
            return ref
        named = [n.uid for n in self.graph.by_label("Document") if ref in (n.name, n.props.get("path"))]
        return min(named, default=None)

    def remove_document(self, document_uid: str) -> None:
        node = self.graph.nodes.get(document_uid)
        if node is None or node.label != "Document":
            raise UnknownDocumentError(f"no stored document {document_uid!r}")
        self.graph.retract(document_uid)
        self._dirty = True
        self._nx = None

    def counts(self) -> dict[str, int]:
        return self.graph.counts()

    def document_hashes(self) -> dict[str, str]:
        return {n.props["sha256"]: n.uid for n in self.graph.by_label("Document")}

    def networkx(self) -> nx.MultiDiGraph:
        """The graph as a networkx MultiDiGraph (node and edge attributes in export form)."""
        if self._nx is None:
            view = nx.MultiDiGraph()
            for uid, node in self.graph.nodes.items():
                view.add_node(uid, **node.to_dict())
            for edge in self.graph.edges.values():
                view.add_edge(edge.start, edge.end, key=edge.type, **edge.to_dict())
            self._nx = view
        return self._nx

    def flush(self) -> None:
        if self._dirty:
            write_atomic(self.path, dump_json(self.graph))
            self._dirty = False

    def discard(self) -> None:
        self._dirty = False
