"""Embedded twin of ``indicator_owners.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import cypher_sorted, in_nodes, names, nodes_with_label, out_nodes, view


def run(store: EmbeddedStore, indicator: str | None) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for i in nodes_with_label(g, "Indicator"):
        data = g.nodes[i]
        if indicator and not (i == indicator or indicator in data["name"]):
            continue
        targets = in_nodes(g, i, "OF_INDICATOR", label="Target")
        rows.append(
            {
                "uid": i,
                "indicator": data["name"],
                "unit": data.get("unit"),
                "owners": names(g, out_nodes(g, i, "OWNED_BY")),
                "targets": len(targets),
                "years": sorted({g.nodes[t]["year"] for t in targets if g.nodes[t].get("year") is not None}),
            }
        )
    return cypher_sorted(rows, [("indicator", False), ("uid", False)])
