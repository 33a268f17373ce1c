"""Embedded twin of ``tagged_firms.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import (
    cypher_sorted,
    in_nodes,
    located_within,
    matches_key,
    nodes_with_label,
    out_nodes,
    places_matching,
    view,
)


def run(
    store: EmbeddedStore, tag: str | None, chain: str | None, place: str | None, limit: int | None
) -> list[dict[str, Any]]:
    g = view(store)
    if tag is None:
        return []
    places = set(places_matching(g, place)) if place else set()
    rows = []
    for e in nodes_with_label(g, "Enterprise"):
        data = g.nodes[e]
        owns = out_nodes(g, e, "CHAIN_OWNER_OF", label="IndustryChain")
        if tag not in (data.get("tags") or ()) and not (tag == "链主" and owns):
            continue
        chains = set(out_nodes(g, e, "IN_CHAIN", "CHAIN_OWNER_OF", label="IndustryChain"))
        for s in out_nodes(g, e, "IN_SEGMENT", label="ChainSegment"):
            chains.update(in_nodes(g, s, "HAS_SEGMENT", label="IndustryChain"))
        if chain and not any(matches_key(g, c, chain) for c in chains):
            continue
        if place and not located_within(g, e, places):
            continue
        rows.append(
            {
                "uid": e,
                "name": data["name"],
                "tags": data.get("tags") or [],
                "chains": sorted(g.nodes[c]["name"] for c in chains),
                "located_in": sorted(g.nodes[x]["name"] for x in out_nodes(g, e, "LOCATED_IN")),
            }
        )
    rows = cypher_sorted(rows, [("name", False), ("uid", False)])
    return rows[: 500 if limit is None else limit]
