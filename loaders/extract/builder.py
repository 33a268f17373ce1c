"""Adding what one document states to its graph, with provenance attached.

Extractors never build :class:`chainkg.graph.model.Node` or ``Edge`` by hand: they call
:meth:`DocumentGraph.node` and :meth:`DocumentGraph.edge`, which give every node
its ``MENTIONED_IN`` edge to the Document (with a mention count and the first
sentence it was seen in) and every edge its ``source`` and ``evidence``.

Both run some hundreds of times per document, mostly for a node or edge the
graph already holds, so that case is done in place, without building a Node or
Edge only to merge it away.
"""

from __future__ import annotations

from typing import Any

from chainkg.graph.model import Edge, Graph, Node, make_uid, node_uid

#: Property values that count as unset: a later reading may fill them (as :meth:`Node.merge` does).
_UNSET: tuple[object, ...] = (None, "", [])


class DocumentGraph(Graph):
    """The graph of one document: every addition is tied to ``document``."""

    def __init__(self, document: Node) -> None:
        super().__init__()
        self.document = self.add_node(document)

    def node(
        self,
        label: str,
        name: str,
        evidence: str,
        *,
        key: tuple[str, ...] | None = None,
        aliases: dict[str, str] | None = None,
        count: int = 1,
        **props: Any,
    ) -> Node:
        """Add (or merge) a node mentioned in ``evidence`` (``count`` times, for a name read all at once).

        ``key`` identifies the node when its name does not (a Measure is its
        policy and numbering path, a Target its indicator, scope and year).
        ``aliases`` maps other surface forms to the rule that tied them to it.
        """
        uid = make_uid(label, *key) if key else node_uid(label, name)
        held = self.nodes.get(uid)
        if held is not None and held.label == label and held.name == name:
            # The common case (a node mentioned again under its display name): do what
            # Graph.add_node(Node(...)) would do through Node.merge, without building the Node.
            if aliases:
                for alias, rule in aliases.items():
                    held.add_alias(alias, rule)
            if props:
                held_props = held.props
                for k, v in props.items():
                    if v is not None and held_props.get(k) in _UNSET:
                        held_props[k] = v
            node = held
        else:
            values = _given(props)
            node = Node(uid, label, name, dict(aliases) if aliases else None, values)
            if held is None:
                self.nodes[uid] = node
            else:  # another name or label under the uid: Graph.add_node merges (or reports the clash)
                node = self.add_node(node)
        document = self.document.uid
        mention_key = ("MENTIONED_IN", uid, document)
        mention = self.edges.get(mention_key)
        if mention is None:
            # Added without Graph.add_edge's checks: both ends are in the graph and any label may be MENTIONED_IN.
            self.edges[mention_key] = Edge("MENTIONED_IN", uid, document, {document: evidence}, {"count": count})
        else:
            mention.props["count"] += count
        return node

    def edge(self, rel_type: str, start: Node, end: Node, evidence: str, **props: Any) -> Edge:
        """Add the fact ``start -rel_type-> end`` as read from ``evidence``."""
        key = (rel_type, start.uid, end.uid)
        held = self.edges.get(key)
        if held is not None:
            # Stated again: do what Edge.merge would, without building and re-validating an Edge
            # (the held edge was checked when added, and its ends cannot change label).
            held.evidence.setdefault(self.document.uid, evidence)
            if props:
                held_props = held.props
                for k, v in props.items():
                    if v is not None and held_props.get(k) in _UNSET:
                        held_props[k] = v
            return held
        values = _given(props)
        edge = Edge(rel_type, key[1], key[2], {self.document.uid: evidence}, values)
        if not self._ends_allowed(rel_type, key[1], key[2]):  # Graph.add_edge's check: both ends held, labels allowed
            self._reject(edge)
        self.edges[key] = edge
        return edge


def _given(props: dict[str, Any]) -> dict[str, Any]:
    """The properties given a value: ``props`` itself (the call's own dict) unless a None must be left out.

    Each value is tested by identity: ``None in props.values()`` compares every value with None through the
    values' own equality, several times the cost.
    """
    for value in props.values():
        if value is None:
            return {k: v for k, v in props.items() if v is not None}
    return props
