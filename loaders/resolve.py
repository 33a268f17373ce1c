"""Resolution: one node per real thing across documents.

A document's graph names things as that document does; the resolver maps each
node onto the node already stored for the same thing (by canonical name or
alias, within its label) so that a firm, platform or chain mentioned by many
documents is one node with every alias and a ``MENTIONED_IN`` to each.

Only labels whose names are global are matched by alias. Districts and
departments are already identified by canonical full names read in each
document's scope (平湖's 市经信局 and 湖州's are different uids), and measures,
targets and segments by keys, so for them the uid alone decides. Each merged
form records the rule that merged it (``Node.alias_rules``).
"""

from __future__ import annotations

from graph.model import Edge, Graph, Node, identity_key
from loaders.divisions import find_districts
from loaders.org_names import LEGAL_SUFFIX, short_forms

#: Labels whose nodes may be merged by a shared name or alias across documents.
ALIAS_LABELS = frozenset({"IndustryChain", "Cluster", "Product", "Enterprise", "Platform", "Institute", "Project"})


def _keys(node: Node) -> list[tuple[str, str]]:
    """(form, rule) pairs a node can be found by: its name, its aliases, a firm's short forms."""
    out = [(node.name, "same-name")] + [(alias, "same-alias") for alias in node.aliases]
    if node.label == "Enterprise" and LEGAL_SUFFIX.search(node.name):
        places = [m.surface for m in find_districts(node.name, None) if m.start == 0]
        out += [(short, "enterprise-short-name") for short in short_forms(node.name, places)]
    return out


class Resolver:
    """Knows the stored nodes' names and aliases; maps new nodes onto them."""

    def __init__(self, stored: Graph) -> None:
        self.index: dict[tuple[str, str], str | None] = {}  # None: a form two stored things share
        self.names: dict[str, str] = {}
        self.learn(stored)

    def learn(self, graph: Graph) -> None:
        """Remember the names and aliases of ``graph``'s nodes (first holder of a form keeps it)."""
        for uid in sorted(graph.nodes):
            node = graph.nodes[uid]
            if node.label not in ALIAS_LABELS:
                continue
            self.names.setdefault(uid, node.name)
            for form, _rule in _keys(node):
                key = (node.label, identity_key(form))
                held = self.index.setdefault(key, uid)
                if held is not None and held != uid:
                    self.index[key] = None

    def _match(self, node: Node) -> tuple[str, str] | None:
        """The stored uid ``node`` is, and the rule that says so; None when new or ambiguous."""
        hits: dict[str, str] = {}
        for form, rule in _keys(node):
            uid = self.index.get((node.label, identity_key(form)))
            if uid is not None:
                hits.setdefault(uid, rule)
        if node.uid in hits:
            return None  # already the stored node
        if len(hits) == 1:
            uid, rule = next(iter(hits.items()))
            return uid, rule
        return None

    def resolve(self, graph: Graph) -> Graph:
        """``graph`` with its nodes mapped onto stored ones where names agree."""
        mapping: dict[str, tuple[str, str]] = {}
        for uid in sorted(graph.nodes):
            node = graph.nodes[uid]
            if node.label in ALIAS_LABELS:
                hit = self._match(node)
                if hit is not None:
                    mapping[uid] = hit
        if not mapping:
            return graph
        out = Graph()
        for uid in sorted(graph.nodes):
            node = graph.nodes[uid]
            if uid in mapping:
                target, rule = mapping[uid]
                rules = {alias: r for alias, r in node.alias_rules.items()}
                rules[node.name] = f"cross-document:{rule}"
                node = Node(target, node.label, self.names[target], rules, dict(node.props))
            out.add_node(node)
        for key in sorted(graph.edges):
            edge = graph.edges[key]
            start = mapping.get(edge.start, (edge.start, ""))[0]
            end = mapping.get(edge.end, (edge.end, ""))[0]
            if start == end and edge.type != "MENTIONED_IN":
                continue
            out.add_edge(Edge(edge.type, start, end, dict(edge.evidence), dict(edge.props)))
        return out
