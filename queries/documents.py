"""Embedded twin of ``documents.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import cypher_sorted, in_nodes, nodes_with_label, view


def run(store: EmbeddedStore) -> list[dict[str, Any]]:
    g = view(store)
    rows = [
        {
            "uid": d,
            "title": g.nodes[d].get("title") or g.nodes[d]["name"],
            "kind": g.nodes[d].get("kind"),
            "chains": len(in_nodes(g, d, "MENTIONED_IN", label="IndustryChain")),
        }
        for d in nodes_with_label(g, "Document")
    ]
    return cypher_sorted(rows, [("title", False), ("uid", False)])
