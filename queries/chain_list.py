"""Embedded twin of ``chain_list.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.chain_firms import firm_uids, segment_firms
from chainkg.queries.embedded_walk import in_nodes, nodes_with_label, nulls_last, out_nodes, view


def run(store: EmbeddedStore) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for uid in nodes_with_label(g, "IndustryChain"):
        data = g.nodes[uid]
        segs = out_nodes(g, uid, "HAS_SEGMENT", label="ChainSegment")
        rows.append(
            {
                "uid": uid,
                "name": data["name"],
                "category": data.get("category"),
                "segments": len(segs),
                "firms": len(firm_uids(g, uid)),
                "owners": len(in_nodes(g, uid, "CHAIN_OWNER_OF", label="Enterprise")),
                "gaps": sum(1 for s in segs if not segment_firms(g, s)),
            }
        )
    return sorted(rows, key=lambda r: nulls_last(r["name"], r["uid"]))
