"""Embedded twin of ``chain_firm_evidence.cypher``."""

from __future__ import annotations

from typing import Any

import networkx as nx

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.chain_firms import firm_uids
from chainkg.queries.embedded_walk import chains_matching, has_edge, nulls_last, view

FACT_TYPES = ("IN_SEGMENT", "MAKES", "LOCATED_IN", "IN_CHAIN", "CHAIN_OWNER_OF")


def firm_facts(g: nx.MultiDiGraph, uid: str, chain_uid: str) -> list[dict[str, Any]]:
    """The firm's facts that can place it on the chain's links (``facts`` of the Cypher), by type and target."""
    facts = []
    for _, end, rel_type, data in g.out_edges(uid, keys=True, data=True):
        if rel_type not in FACT_TYPES or (rel_type in ("IN_CHAIN", "CHAIN_OWNER_OF") and end != chain_uid):
            continue
        facts.append(
            {
                "type": rel_type,
                "uid": end,
                "name": g.nodes[end].get("name"),
                "sources": data.get("sources") or [data.get("source")],
                "evidences": data.get("evidences") or [data.get("evidence")],
            }
        )
    facts.sort(key=lambda f: (f["type"], f["uid"]))
    return facts


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for chain_uid in chains_matching(g, chain):
        for uid in firm_uids(g, chain_uid):
            rows.append(
                {
                    "uid": uid,
                    "name": g.nodes[uid]["name"],
                    "owner": has_edge(g, uid, "CHAIN_OWNER_OF", chain_uid),
                    "facts": firm_facts(g, uid, chain_uid),
                }
            )
    return sorted(rows, key=lambda r: nulls_last(r["name"], r["uid"]))
