"""Embedded twin of ``chain_map.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import chains_matching, nulls_last, out_nodes, refs, view


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for chain_uid in chains_matching(g, chain):
        head = {
            "chain_uid": chain_uid,
            "chain": g.nodes[chain_uid]["name"],
            "category": g.nodes[chain_uid].get("category"),
        }
        segs = out_nodes(g, chain_uid, "HAS_SEGMENT", label="ChainSegment")
        if not segs:
            rows.append(
                {**head, "uid": None, "name": None, "position": None, "order": None, "products": [], "downstream": []}
            )
        for seg in segs:
            data = g.nodes[seg]
            rows.append(
                {
                    **head,
                    "uid": seg,
                    "name": data["name"],
                    "position": data.get("position"),
                    "order": data.get("order"),
                    "products": refs(g, out_nodes(g, seg, "INCLUDES", label="Product")),
                    "downstream": sorted(out_nodes(g, seg, "UPSTREAM_OF", label="ChainSegment")),
                }
            )
    return sorted(rows, key=lambda r: nulls_last(r["chain_uid"], r["order"], r["name"], r["uid"]))
