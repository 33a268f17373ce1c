"""Embedded twin of ``chain_firms_at.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import (
    chains_matching,
    cypher_sorted,
    has_edge,
    in_nodes,
    located_within,
    nulls_last,
    out_nodes,
    places_matching,
    view,
)


def run(store: EmbeddedStore, chain: str | None, place: str | None) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for c in chains_matching(g, chain):
        segments = out_nodes(g, c, "HAS_SEGMENT", label="ChainSegment")
        firms = set(in_nodes(g, c, "IN_CHAIN", "CHAIN_OWNER_OF", label="Enterprise"))
        for s in segments:
            firms.update(in_nodes(g, s, "IN_SEGMENT", label="Enterprise"))
        for where in places_matching(g, place):
            for e in firms:
                if not located_within(g, e, {where}):
                    continue
                data = g.nodes[e]
                own = [s for s in segments if has_edge(g, e, "IN_SEGMENT", s)]
                own.sort(key=lambda s: nulls_last(g.nodes[s].get("order"), g.nodes[s]["name"]))
                rows.append(
                    {
                        "uid": e,
                        "name": data["name"],
                        "tags": data.get("tags") or [],
                        "owner": has_edge(g, e, "CHAIN_OWNER_OF", c),
                        "segments": [g.nodes[s]["name"] for s in own],
                        "located_in": sorted(g.nodes[x]["name"] for x in out_nodes(g, e, "LOCATED_IN")),
                    }
                )
    return cypher_sorted(rows, [("name", False), ("uid", False)])
