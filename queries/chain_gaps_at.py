"""Embedded twin of ``chain_gaps_at.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import (
    chains_matching,
    cypher_sorted,
    in_nodes,
    located_within,
    names,
    nodes_with_label,
    out_nodes,
    places_matching,
    view,
)


def _link_firms(g: Any, segment: str) -> set[str]:
    """Firms IN_SEGMENT the link or MAKES a product it INCLUDES."""
    firms = set(in_nodes(g, segment, "IN_SEGMENT", label="Enterprise"))
    for product in out_nodes(g, segment, "INCLUDES", label="Product"):
        firms.update(in_nodes(g, product, "MAKES", label="Enterprise"))
    return firms


def run(store: EmbeddedStore, chain: str | None, place: str | None) -> list[dict[str, Any]]:
    g = view(store)
    chains = chains_matching(g, chain) if chain else list(nodes_with_label(g, "IndustryChain"))
    places: list[str | None] = [None]
    if place:
        places = list(places_matching(g, place))
    rows = []
    for c in chains:
        for s in out_nodes(g, c, "HAS_SEGMENT", label="ChainSegment"):
            firms = _link_firms(g, s)
            for where in places:
                if where is None:
                    if firms:
                        continue
                    elsewhere: list[str] = []
                else:
                    if any(located_within(g, e, {where}) for e in firms):
                        continue
                    ordered = sorted(firms, key=lambda e: (g.nodes[e]["name"], e))
                    elsewhere = [g.nodes[e]["name"] for e in ordered[:10]]
                seg = g.nodes[s]
                rows.append(
                    {
                        "chain_uid": c,
                        "chain": g.nodes[c]["name"],
                        "uid": s,
                        "segment": seg["name"],
                        "position": seg.get("position"),
                        "order": seg.get("order"),
                        "products": names(g, out_nodes(g, s, "INCLUDES", label="Product")),
                        "firms_elsewhere": elsewhere,
                    }
                )
    return cypher_sorted(
        rows, [("chain", False), ("chain_uid", False), ("order", False), ("segment", False), ("uid", False)]
    )
