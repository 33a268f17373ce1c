"""Embedded twin of ``chain_owners.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import in_nodes, nodes_with_label, nulls_last, view


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for chain_uid in nodes_with_label(g, "IndustryChain"):
        data = g.nodes[chain_uid]
        if chain and chain not in (chain_uid, data["name"], *data.get("aliases", [])):
            continue
        owners = in_nodes(g, chain_uid, "CHAIN_OWNER_OF", label="Enterprise")
        head = {"chain_uid": chain_uid, "chain": data["name"]}
        if not owners:
            rows.append({**head, "uid": None, "owner": None, "tags": [], "sources": [], "evidence": []})
        for uid in owners:
            edge = g.edges[uid, chain_uid, "CHAIN_OWNER_OF"]
            rows.append(
                {
                    **head,
                    "uid": uid,
                    "owner": g.nodes[uid]["name"],
                    "tags": g.nodes[uid].get("tags", []),
                    "sources": edge.get("sources") or [edge["source"]],
                    "evidence": edge.get("evidences") or [edge["evidence"]],
                }
            )
    return sorted(rows, key=lambda r: nulls_last(r["chain"], r["chain_uid"], r["owner"], r["uid"]))
