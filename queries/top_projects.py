"""Embedded twin of ``top_projects.cypher``."""

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


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def run(
    store: EmbeddedStore, min_investment: float | None, chain: str | None, place: str | None, limit: int | None
) -> list[dict[str, Any]]:
    g = view(store)
    places = set(places_matching(g, place)) if place else set()
    rows = []
    for p in nodes_with_label(g, "Project"):
        data = g.nodes[p]
        if data.get("investment") is None:
            continue
        amount = _float(data["investment"])
        if amount is not None and data.get("investmentUnit") == "万元":
            amount /= 10000
        if min_investment is not None and (amount is None or amount < min_investment):
            continue
        chains = out_nodes(g, p, "IN_CHAIN")
        if chain and not any(g.nodes[c]["label"] == "IndustryChain" and matches_key(g, c, chain) for c in chains):
            continue
        if place and not located_within(g, p, places):
            continue
        rows.append(
            {
                "uid": p,
                "name": data["name"],
                "investment": amount,
                "unit": data.get("investmentUnit") or "亿元",
                "area": data.get("area"),
                "status": data.get("status"),
                "chains": sorted(g.nodes[c]["name"] for c in chains),
                "investors": sorted(g.nodes[e]["name"] for e in in_nodes(g, p, "INVESTS_IN", label="Enterprise")),
                "located_in": sorted(g.nodes[x]["name"] for x in out_nodes(g, p, "LOCATED_IN")),
            }
        )
    rows = cypher_sorted(rows, [("investment", True), ("name", False), ("uid", False)])
    return rows[: 20 if limit is None else limit]
