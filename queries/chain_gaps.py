"""Embedded twin of ``chain_gaps.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.chain_firms import segment_firms
from chainkg.queries.embedded_walk import (
    chains_matching,
    in_nodes,
    names,
    nodes_with_label,
    nulls_last,
    out_nodes,
    view,
)


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    chains = chains_matching(g, chain) if chain else list(nodes_with_label(g, "IndustryChain"))
    rows = []
    for c in chains:
        head = {"chain_uid": c, "chain": g.nodes[c]["name"]}
        for s in out_nodes(g, c, "HAS_SEGMENT", label="ChainSegment"):
            if not segment_firms(g, s):
                seg = g.nodes[s]
                rows.append(
                    {
                        **head,
                        "kind": "missing_firms",
                        "uid": s,
                        "segment": seg["name"],
                        "position": seg.get("position"),
                        "order": seg.get("order"),
                        "products": names(g, out_nodes(g, s, "INCLUDES", label="Product")),
                    }
                )
        if not in_nodes(g, c, "CHAIN_OWNER_OF", label="Enterprise"):
            rows.append(
                {
                    **head,
                    "kind": "missing_owner",
                    "uid": None,
                    "segment": None,
                    "position": None,
                    "order": None,
                    "products": [],
                }
            )
    return sorted(
        rows,
        key=lambda r: nulls_last(r["chain"], r["chain_uid"], r["kind"], r["order"], r["segment"], r["uid"]),
    )
