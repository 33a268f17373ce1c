"""Embedded twin of ``district_chains.cypher``."""

from __future__ import annotations

from typing import Any

import networkx as nx

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import (
    cypher_sorted,
    has_edge,
    in_nodes,
    label_of,
    matches_key,
    names,
    nodes_with_label,
    nulls_last,
    out_nodes,
    reach_any,
    view,
)

_UP = ("LOCATED_IN", "PART_OF")


def _within(g: nx.MultiDiGraph, uid: str, district: str, zero: bool = False) -> bool:
    """``(uid)-[:LOCATED_IN|PART_OF*1..4]->(district)`` (``*0..4`` with ``zero``: or it is the district)."""
    return (zero and uid == district) or district in reach_any(g, uid, _UP, 4)


def run(store: EmbeddedStore, district: str | None) -> list[dict[str, Any]]:
    g = view(store)
    if district is None:
        return []
    rows = []
    for x in nodes_with_label(g, "District"):
        if not matches_key(g, x, district):
            continue
        for c in nodes_with_label(g, "IndustryChain"):
            developed = [d for d in out_nodes(g, c, "DEVELOPED_IN") if _within(g, d, x, zero=True)]
            hosts = [p for p in in_nodes(g, c, "HOSTS", label="Platform") if _within(g, p, x)]
            members = in_nodes(g, c, "IN_CHAIN", "CHAIN_OWNER_OF", label="Enterprise")
            firms = sorted((e for e in members if _within(g, e, x)), key=lambda e: nulls_last(g.nodes[e]["name"], e))
            if not (any(label_of(g, d) in ("District", "Platform") for d in developed) or hosts or firms):
                continue
            rows.append(
                {
                    "uid": c,
                    "chain": g.nodes[c]["name"],
                    "developed_in": names(g, developed),
                    "platforms": names(g, hosts),
                    "firms": len(firms),
                    "owners": [g.nodes[e]["name"] for e in firms if has_edge(g, e, "CHAIN_OWNER_OF", c)],
                }
            )
    return cypher_sorted(rows, [("firms", True), ("chain", False), ("uid", False)])
