"""Embedded twin of ``projects.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import (
    chains_matching,
    in_nodes,
    names,
    nodes_with_label,
    nulls_last,
    out_nodes,
    reach,
    view,
)


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    wanted = set(chains_matching(g, chain))
    rows = []
    for p in nodes_with_label(g, "Project"):
        chains = out_nodes(g, p, "IN_CHAIN", label="IndustryChain")
        if chain and not wanted.intersection(chains):
            continue
        data = g.nodes[p]
        rows.append(
            {
                "uid": p,
                "name": data["name"],
                "investment": data.get("investment"),
                "area": data.get("area"),
                "status": data.get("status"),
                "chains": names(g, chains),
                "investors": names(g, in_nodes(g, p, "INVESTS_IN", label="Enterprise")),
                "districts": names(g, reach(g, p, "LOCATED_IN", 3, "District")),
                "platforms": names(g, reach(g, p, "LOCATED_IN", 2, "Platform")),
            }
        )
    return sorted(rows, key=lambda r: nulls_last(r["name"], r["uid"]))
