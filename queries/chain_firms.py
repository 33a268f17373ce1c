"""Embedded twin of ``chain_firms.cypher``, and the one definition of "the firms of a chain" it shares."""

from __future__ import annotations

from typing import Any

import networkx as nx

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import chains_matching, has_edge, in_nodes, nulls_last, out_nodes, reach, refs, view


def segment_firms(g: nx.MultiDiGraph, segment_uid: str) -> set[str]:
    """Firms on a link: IN_SEGMENT it, or MAKES a product it INCLUDES (a firm placed by what it makes)."""
    firms = set(in_nodes(g, segment_uid, "IN_SEGMENT", label="Enterprise"))
    for product in out_nodes(g, segment_uid, "INCLUDES", label="Product"):
        firms.update(in_nodes(g, product, "MAKES", label="Enterprise"))
    return firms


def firm_uids(g: nx.MultiDiGraph, chain_uid: str) -> set[str]:
    """Firms IN_CHAIN / CHAIN_OWNER_OF the chain or on one of its links."""
    firms = set(in_nodes(g, chain_uid, "IN_CHAIN", "CHAIN_OWNER_OF", label="Enterprise"))
    for seg in out_nodes(g, chain_uid, "HAS_SEGMENT", label="ChainSegment"):
        firms.update(segment_firms(g, seg))
    return firms


def firm_row(g: nx.MultiDiGraph, uid: str, chain_uid: str) -> dict[str, Any]:
    """The columns every per-firm row of a chain shares (this query's and ``chain_leads``'): the firm, whether it
    owns the chain, its districts and platforms, and the documents naming it, by title."""
    data = g.nodes[uid]
    docs = out_nodes(g, uid, "MENTIONED_IN", label="Document")
    return {
        "uid": uid,
        "name": data["name"],
        "aliases": data.get("aliases") or [],
        "tags": data.get("tags") or [],
        "owner": has_edge(g, uid, "CHAIN_OWNER_OF", chain_uid),
        "districts": refs(g, reach(g, uid, "LOCATED_IN", 3, "District")),
        "platforms": refs(g, reach(g, uid, "LOCATED_IN", 2, "Platform")),
        "sources": [
            {"uid": d, "name": g.nodes[d].get("title") or g.nodes[d]["name"]}
            for d in sorted(docs, key=lambda d: nulls_last(g.nodes[d]["name"], d))
        ],
    }


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for chain_uid in chains_matching(g, chain):
        on_link = {seg: segment_firms(g, seg) for seg in out_nodes(g, chain_uid, "HAS_SEGMENT", label="ChainSegment")}
        for uid in firm_uids(g, chain_uid):
            rows.append(
                {**firm_row(g, uid, chain_uid), "segments": refs(g, [s for s, f in on_link.items() if uid in f])}
            )
    return sorted(rows, key=lambda r: nulls_last(r["name"], r["uid"]))
